"""The look every form shares: date pickers, crispy layout without its own <form> tag, and
reference items taken out of use not offered; and the dates a person may type."""

from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

# Dates a kindergarten's records can hold. A browser accepts 0001-01-01 and 9999-12-31, and a term
# counted in months from them leaves the calendar Python knows.
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)


def validate_sane_date(value) -> None:
    if value is not None and not DATE_MIN <= value <= DATE_MAX:
        raise ValidationError(f"Проверьте дату: допустимы даты с {DATE_MIN:%d.%m.%Y} по {DATE_MAX:%d.%m.%Y}.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date typed by a person: the browser's date picker, and only dates our records can hold."""

    widget = DateInput
    default_validators = [validate_sane_date]


class StyledModelForm(forms.ModelForm):
    """Common look: crispy layout without its own <form> tag (templates own the form and CSRF)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.DateInput):
                field.widget = DateInput()
            if isinstance(field, forms.DateField) and validate_sane_date not in field.validators:
                field.validators = [*field.validators, validate_sane_date]
            if isinstance(field, forms.IntegerField):
                self._bound_as_every_database(name, field)
        self.apply_active_choices()

    def _bound_as_every_database(self, name: str, field) -> None:
        """SQLite stores any integer in a small integer column; PostgreSQL refuses what does not
        fit, so a backup of the one would not restore into the other. Bound the number typed by the
        column's range as PostgreSQL has it (the standard ranges)."""
        from django.db.backends.base.operations import BaseDatabaseOperations

        try:
            kind = self._meta.model._meta.get_field(name).get_internal_type()
        except FieldDoesNotExist:  # a form field of the form's own
            kind = "IntegerField"
        low, high = BaseDatabaseOperations.integer_field_ranges.get(kind, (None, None))
        if high is not None and (field.max_value is None or field.max_value > high):
            field.max_value = high
            field.validators.append(MaxValueValidator(high))
            field.widget.attrs["max"] = high
        if low is not None and (field.min_value is None or field.min_value < low):
            field.min_value = low
            field.validators.append(MinValueValidator(low))

    def apply_active_choices(self):
        """Reference items taken out of use are not offered, unless the record already has one."""
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not hasattr(queryset.model, "is_active"):
                continue
            current = getattr(self.instance, f"{name}_id", None)
            if isinstance(field, forms.ModelMultipleChoiceField) and self.instance.pk:
                current_ids = list(getattr(self.instance, name).values_list("pk", flat=True))
                field.queryset = queryset.filter(is_active=True) | queryset.filter(pk__in=current_ids)
            elif current:
                field.queryset = queryset.filter(is_active=True) | queryset.filter(pk=current)
            else:
                field.queryset = queryset.filter(is_active=True)
