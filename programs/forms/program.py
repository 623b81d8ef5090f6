"""Forms of the programs' pages and the bank's filter. Rules live in services.program; a refused
form keeps what was typed and shows the service's reasons."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Max, Min, Q
from django.utils import timezone

from core.dates import academic_start_year
from core.forms import DateField, DateInput, StyledModelForm
from mentorship.models import Direction

from ..models import PlanItem, Program

TEXTAREA = {"rows": 3}


class ProgramForm(StyledModelForm):
    class Meta:
        model = Program
        fields = ["starts_on", "ends_on", "difficulties", "strengths", "goal", "tasks", "expected_results"]
        widgets = {
            "difficulties": forms.Textarea(attrs=TEXTAREA),
            "strengths": forms.Textarea(attrs=TEXTAREA),
            "goal": forms.Textarea(attrs={"rows": 2}),
            "tasks": forms.Textarea(attrs={"rows": 4}),
            "expected_results": forms.Textarea(attrs=TEXTAREA),
        }
        help_texts = {
            "starts_on": "Не раньше начала наставничества пары.",
            "ends_on": "От 3 месяцев до года от начала (п. 1.2 Положения) и не позже срока пары.",
            "strengths": "Из банка наставляемых; уточните вместе с наставляемым.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.status == Program.Status.CORRECTION:
            # An approved program keeps its start; only the end may move.
            self.fields["starts_on"].disabled = True
            self.fields["starts_on"].help_text = "Начало утверждённой программы не меняется."


class PlanItemForm(StyledModelForm):
    class Meta:
        model = PlanItem
        fields = ["direction", "activity", "form", "deadline", "responsible", "expected_result"]
        widgets = {"activity": forms.Textarea(attrs={"rows": 2}), "expected_result": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"responsible": "Например: «Петрова С.Н., Иванова А.Д.»."}


class ProgramCompleteForm(forms.Form):
    final_assessment = forms.CharField(
        label="Итоговая оценка",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Что освоено, какие затруднения сняты, что осталось.",
    )
    curator_conclusion = forms.CharField(
        label="Заключение куратора",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Например: программа реализована в полном объёме; рекомендовано…",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class PlanItemMarkForm(forms.Form):
    done_on = DateField(label="Выполнено", widget=DateInput())
    done_note = forms.CharField(label="Отметка", required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()


class ProgramFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label="Состояние", choices=Program.Status.choices, empty_label="Все")
    year = django_filters.ChoiceFilter(label="Учебный год", method="filter_year", empty_label="Все")
    direction = django_filters.ModelChoiceFilter(
        label="Направление", field_name="pairing__direction", queryset=Direction.objects.all(), empty_label="Все"
    )
    best = django_filters.ChoiceFilter(
        label="Лучшая практика",
        choices=[("yes", "Да"), ("no", "Нет")],
        method="filter_best",
        empty_label="Все",
    )

    class Meta:
        model = Program
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        span = Program.objects.aggregate(first=Min("starts_on"), last=Max("starts_on"))
        this = academic_start_year(timezone.localdate())
        first = academic_start_year(span["first"]) if span["first"] else this
        last = max(academic_start_year(span["last"]) if span["last"] else this, this)
        self.filters["year"].extra["choices"] = [
            (str(year), f"{year}/{str(year + 1)[-2:]}") for year in range(last, first - 1, -1)
        ]

    def filter_year(self, queryset, name, value):
        year = int(value)
        # A program belongs to every academic year its term touches.
        return queryset.filter(Q(starts_on__lte=f"{year + 1}-08-31") & Q(ends_on__gte=f"{year}-09-01"))

    def filter_best(self, queryset, name, value):
        return queryset.filter(is_best_practice=(value == "yes"))
