"""The look every form shares: date pickers, crispy layout without its own <form> tag, and
reference items taken out of use not offered."""

from crispy_forms.helper import FormHelper
from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class StyledModelForm(forms.ModelForm):
    """Common look: crispy layout without its own <form> tag (templates own the form and CSRF)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget = DateInput()
        self.apply_active_choices()

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
