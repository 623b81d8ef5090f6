"""The look every form shares: date pickers, crispy layout without its own <form> tag, and
reference items taken out of use not offered; the dates a person may type; and drop-downs that open
with a Russian prompt."""

from datetime import date

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates

# Dates a kindergarten's records can hold. A browser accepts 0001-01-01 and 9999-12-31, and a term
# counted in months from them leaves the calendar Python knows.
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)


def validate_sane_date(value) -> None:
    if value is not None and not DATE_MIN <= value <= DATE_MAX:
        raise ValidationError(f"Проверьте дату: допустимы даты с {DATE_MIN:%d.%m.%Y} по {DATE_MAX:%d.%m.%Y}.")


# Django's blank choice of a drop-down (`ModelChoiceField.empty_label`, a model field's
# BLANK_CHOICE_DASH), written in no language; django-filter's is FILTERS_EMPTY_CHOICE_LABEL (settings).
DJANGO_BLANK = "---------"
PROMPT_REQUIRED = "— выберите —"
PROMPT_OPTIONAL = "— не указано —"


def prompt_blank_choice(field: forms.Field) -> None:
    """Put a Russian prompt where the field would open with Django's «---------»: «— выберите —»
    when a choice is required, «— не указано —» when leaving it empty is an answer. A label the
    form chose itself («— как в просьбе —», «Все») stays."""
    prompt = PROMPT_REQUIRED if field.required else PROMPT_OPTIONAL
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DJANGO_BLANK:
            field.empty_label = prompt
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(value == "" and label == DJANGO_BLANK for value, label in choices):
            field.choices = [
                (value, prompt if value == "" and label == DJANGO_BLANK else label) for value, label in choices
            ]


class PromptedBoundField(BoundField):
    """Every form's field on its way to the page (the renderer below hands this class to all forms:
    ours, django-filter's, the admin's), so a field a form adds or changes late is prompted too."""

    def __init__(self, form, field, name):
        prompt_blank_choice(field)
        super().__init__(form, field, name)


class FormRenderer(DjangoTemplates):
    """The project's FORM_RENDERER: Django's, with drop-downs that open with a Russian prompt."""

    bound_field_class = PromptedBoundField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date typed by a person: the browser's date picker, and only dates our records can hold."""

    widget = DateInput
    default_validators = [validate_sane_date]


def https_by_default(field, **kwargs):
    """A model form's `Meta.formfield_callback`: an address typed without a scheme is taken as
    https:// (Django 6's default, asked for now; Django 5 would take http:// and warn)."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


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
