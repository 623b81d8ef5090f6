from django import forms

from .sources import kinds_for


class PreferencesForm(forms.Form):
    wants_email = forms.BooleanField(label="Присылать письмо с новыми уведомлениями раз в день", required=False)
    email_kinds = forms.MultipleChoiceField(
        label="Что присылать на почту", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the kinds the user's roles may ever get; the others are kept as they are.
        self.fields["email_kinds"].choices = kinds_for(user)
