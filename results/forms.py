"""The report form: the fields of one kind of report, none required for a draft (the service requires
them when the report is sent), and the curator's comment when she returns a report."""

from django import forms
from django.core.validators import MaxLengthValidator

from core.forms import DateField, StyledModelForm

from .models import SATISFACTION_MAX, SATISFACTION_MIN, Report

TEXT_LIMIT = 20000  # characters in one part of a report: some ten pages, far beyond any real report

HELP = {
    "activities": "Заполнено по плану программы; поправьте и дополните.",
    "growth": "Заполнено по самодиагностике и вашей оценке (шкала от 1 до 5).",
    "characterization": "Каким наставляемый стал за время программы: что умеет, как работает, над чем ещё работать.",
    "remaining_difficulties": "Компетенции, оценённые в конце на 1–2 балла, подставлены из диагностики.",
    "self_assessment": "Что получилось и что не получилось у вас как у наставника.",
    "mentee_opinion": "Как наставляемый оценивает наставничество — с его слов.",
    "learned": "Подставлены компетенции, по которым выросла ваша самооценка; опишите своими словами.",
    "products": "Подставлены результаты выполненных мероприятий плана: конспекты, разработки, портфолио.",
    "proposals": "Необязательно: что изменить в наставничестве.",
}


class ReportForm(StyledModelForm):
    period_from = DateField(label="Период с", required=False)
    period_to = DateField(label="по", required=False)
    satisfaction = forms.TypedChoiceField(
        label=Report._meta.get_field("satisfaction").verbose_name.capitalize(),
        choices=[("", "—")] + [(value, str(value)) for value in range(SATISFACTION_MIN, SATISFACTION_MAX + 1)],
        coerce=int,
        empty_value=None,
        required=False,
    )

    class Meta:
        model = Report
        fields = [
            "period_from",
            "period_to",
            *dict.fromkeys(Report.FIELDS[Report.Kind.MENTOR] + Report.FIELDS[Report.Kind.MENTEE]),
        ]

    def __init__(self, *args, kind: str, disabled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        used = {"period_from", "period_to", *Report.FIELDS[Report.Kind(kind)]}
        for name in list(self.fields):
            if name not in used:
                del self.fields[name]
        for name, field in self.fields.items():
            field.required = name in ("period_from", "period_to")
            field.disabled = disabled
            if isinstance(field.widget, forms.Textarea):
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
                field.widget.attrs.update({"rows": 5, "maxlength": TEXT_LIMIT})
            if name in HELP:
                field.help_text = HELP[name]
            field.label = field.label[:1].upper() + field.label[1:]
        if "recommendation" in self.fields:
            self.fields["recommendation"].choices = [("", "—"), *Report.Recommendation.choices]
        if "recommendation_note" in self.fields:
            self.fields["recommendation_note"].widget.attrs["rows"] = 2


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Что исправить", max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000})
    )
