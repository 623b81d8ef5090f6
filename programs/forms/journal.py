"""The period of a mentor's journal (programs.journal)."""

from django import forms
from django.core.exceptions import ValidationError

from core.forms import DateField

INVALID = "Введите дату полностью: день, месяц и год, например 30.11.2026."


class JournalPeriodForm(forms.Form):
    """`?first=2026-09-01&last=2027-05-31`; an empty end takes the default period's."""

    first = DateField(label="С", required=False, error_messages={"invalid": INVALID})
    last = DateField(label="По", required=False, error_messages={"invalid": INVALID})

    def __init__(self, *args, default: tuple, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        first = cleaned.get("first") or self.default[0]
        last = cleaned.get("last") or self.default[1]
        if first > last:
            raise ValidationError("Начало периода позже его конца: проверьте даты.")
        cleaned["first"], cleaned["last"] = first, last
        return cleaned

    def period(self):
        """(first, last): the chosen period, the default when nothing is chosen, None when the input is wrong."""
        if not self.is_bound:
            return self.default
        if not self.is_valid():
            return None
        return self.cleaned_data["first"], self.cleaned_data["last"]
