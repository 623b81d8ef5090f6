import django_filters
from django import forms

from people.filters import NameSearchMixin

from .models import GrowthRecord, Kind


class GrowthRecordFilter(NameSearchMixin):
    """The curator's list: by kind, state, person (a part of the name) and calendar year."""

    person_lookup = "person__"
    kind = django_filters.ChoiceFilter(label="Вид", choices=Kind.choices)
    status = django_filters.ChoiceFilter(label="Состояние", choices=GrowthRecord.Status.choices)
    year = django_filters.NumberFilter(
        label="Год",
        field_name="date__year",
        min_value=1900,
        max_value=2100,
        widget=forms.NumberInput(attrs={"placeholder": "Например: 2025"}),
    )
    person = django_filters.NumberFilter(
        field_name="person_id", widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1
    )

    class Meta:
        model = GrowthRecord
        fields = ["q", "kind", "status", "year", "person"]
