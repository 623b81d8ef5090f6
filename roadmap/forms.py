from crispy_forms.helper import FormHelper
from django import forms

from core.forms import DateField, DateInput

from .models import Activity, Roadmap, Stage, year_label
from .services import BASIS_BLANK, BASIS_COPY, BASIS_TYPICAL


class _Form:
    """Crispy without its own <form> tag: templates own the form and the CSRF token."""

    def _helper(self):
        self.helper = FormHelper()
        self.helper.form_tag = False


class RoadmapCreateForm(_Form, forms.Form):
    start_year = forms.TypedChoiceField(label="Учебный год", coerce=int)
    basis = forms.ChoiceField(label="С чего начать", widget=forms.RadioSelect)

    def __init__(self, *args, years: list[int], sources: list[Roadmap], **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()
        self.sources = {str(source.pk): source for source in sources}
        self.fields["start_year"].choices = [
            (year, f"{year_label(year)} (01.09.{year}–31.08.{year + 1})") for year in years
        ]
        self.fields["basis"].choices = [
            *(
                (
                    f"{BASIS_COPY}:{source.pk}",
                    f"Копия дорожной карты на {source.year_label} учебный год — "
                    "сроки переносятся на новый год, отметки о выполнении снимаются",
                )
                for source in sources
            ),
            (BASIS_TYPICAL, "Типовая: 8 этапов с типовыми мероприятиями детского сада"),
            (BASIS_BLANK, "Пустая: 8 этапов без мероприятий"),
        ]
        if not self.is_bound:
            self.initial.setdefault("start_year", years[0] if years else None)
            self.initial.setdefault("basis", f"{BASIS_COPY}:{sources[0].pk}" if sources else BASIS_TYPICAL)

    def clean(self):
        data = super().clean()
        basis = data.get("basis", "")
        data["source"] = None
        if basis.startswith(f"{BASIS_COPY}:"):
            data["source"] = self.sources.get(basis.split(":", 1)[1])
            data["basis"] = BASIS_COPY
        return data


class StageForm(_Form, forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["title"]
        labels = {"title": "Название этапа"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()


class ActivityForm(_Form, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["stage", "text", "starts_on", "ends_on", "responsible", "expected_result"]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 3}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "starts_on": "Пусто — срок «до» даты окончания.",
            "responsible": "Должности или ФИО: «Куратор, методическое объединение».",
        }

    def __init__(self, *args, roadmap: Roadmap, **kwargs):
        super().__init__(*args, **kwargs)
        self._helper()
        self.fields["stage"].queryset = roadmap.stages.all()
        self.fields["stage"].empty_label = None
        self.fields["stage"].label_from_instance = lambda stage: f"{stage.number}. {stage.title}"
        for name in ("starts_on", "ends_on"):
            self.fields[name].widget.attrs.update(
                {"min": roadmap.starts_on.isoformat(), "max": roadmap.ends_on.isoformat()}
            )


class MarkForm(_Form, forms.Form):
    done_on = DateField(label="Дата выполнения", widget=DateInput())
    note = forms.CharField(
        label="Отметка о выполнении",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Что сделано, какой документ подтверждает: «Приказ № 12-ОД», «Протокол МО № 1».",
    )
