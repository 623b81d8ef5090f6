"""The diagnostics form (a score and a comment per competency) and the plan suggestions form (per typical
activity: take it, its text, its deadline). Both are built for the competencies of one program."""

from django import forms

from core.forms import DateField

from .models import Score


class DiagnosticForm(forms.Form):
    """One radio group of the scale per competency; nothing is required for a draft (the service
    requires every score when sending)."""

    def __init__(self, *args, competencies, ratings=None, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        ratings = ratings or {}
        self.rows = []
        for competency in competencies:
            rating = ratings.get(competency.pk)
            score = forms.TypedChoiceField(
                label=competency.name,
                choices=[(value, f"{value} — {label}") for value, label in Score.choices],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                initial=rating.score if rating else None,
                disabled=disabled,
            )
            comment = forms.CharField(
                label="Комментарий",
                max_length=500,
                required=False,
                initial=rating.comment if rating else "",
                disabled=disabled,
                widget=forms.TextInput(
                    attrs={"class": "form-control form-control-sm", "placeholder": "Комментарий (необязательно)"}
                ),
            )
            self.fields[f"score_{competency.pk}"] = score
            self.fields[f"comment_{competency.pk}"] = comment
            self.rows.append(competency)

    def rows_with_fields(self):
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.rows]


class SuggestionsForm(forms.Form):
    """Per typical activity: a checkbox, the activity's text (the mentor adjusts it) and a deadline."""

    def __init__(self, *args, activities, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = list(activities)
        for activity in self.activities:
            self.fields[f"take_{activity.pk}"] = forms.BooleanField(
                label="Добавить", required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})
            )
            self.fields[f"text_{activity.pk}"] = forms.CharField(
                label="Мероприятие",
                max_length=1000,
                initial=activity.name,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )
            self.fields[f"deadline_{activity.pk}"] = DateField(label="Срок", required=False)
            self.fields[f"deadline_{activity.pk}"].widget.attrs.update(
                {
                    "class": "form-control form-control-sm",
                    "min": program.starts_on.isoformat(),
                    "max": program.ends_on.isoformat(),
                }
            )

    def field_rows(self):
        return [
            (activity, self[f"take_{activity.pk}"], self[f"text_{activity.pk}"], self[f"deadline_{activity.pk}"])
            for activity in self.activities
        ]
