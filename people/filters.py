import django_filters
from django import forms

from .models import Organization, Person, Position, QualificationCategory, name_search_q

YES_NO = [("yes", "Да"), ("no", "Нет")]


class NameSearchMixin(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Поиск по ФИО",
        method="filter_name",
        widget=forms.TextInput(attrs={"placeholder": "Например: семен", "autofocus": False, "type": "search"}),
    )
    person_lookup = ""

    def filter_name(self, queryset, name, value):
        return queryset.filter(name_search_q(value, self.person_lookup))


def yes_no(label, method):
    return django_filters.ChoiceFilter(label=label, choices=YES_NO, method=method, empty_label="Все")


class PersonFilter(NameSearchMixin):
    organization = django_filters.ModelChoiceFilter(
        label="Организация", queryset=Organization.objects.all(), empty_label="Все"
    )
    position = django_filters.ModelChoiceFilter(label="Должность", queryset=Position.objects.all(), empty_label="Все")
    pedagogical = yes_no("Педагогический работник", method="filter_pedagogical")
    status = django_filters.ChoiceFilter(label="Статус", choices=Person.Status.choices, empty_label="Все")
    qualification_category = django_filters.ChoiceFilter(
        label="Категория", choices=QualificationCategory.choices, empty_label="Все"
    )
    ordering = django_filters.OrderingFilter(
        label="Сортировка",
        empty_label="По ФИО",
        fields=(
            ("last_name", "name"),
            ("hired_on", "hired"),
            ("teaching_since", "since"),
            ("position__name", "position"),
        ),
        field_labels={
            "name": "ФИО",
            "-name": "ФИО (Я–А)",
            "hired": "Дата приёма (раньше)",
            "-hired": "Дата приёма (позже)",
            "since": "Стаж (больше)",
            "-since": "Стаж (меньше)",
            "position": "Должность",
            "-position": "Должность (Я–А)",
        },
    )

    class Meta:
        model = Person
        fields = []

    def filter_pedagogical(self, queryset, name, value):
        return queryset.filter(position__is_pedagogical=(value == "yes"))
