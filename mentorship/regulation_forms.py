"""The form of the regulation on mentoring (its own module: the regulation's pages are a concern of their own)."""

from django import forms

from core.forms import DateInput, StyledModelForm

from .models import Regulation


class RegulationForm(StyledModelForm):
    class Meta:
        model = Regulation
        fields = [
            "title",
            "text",
            "council_protocol_date",
            "council_protocol_number",
            "union_opinion_date",
            "union_opinion_number",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 24}),
            "council_protocol_date": DateInput(),
            "union_opinion_date": DateInput(),
        }
