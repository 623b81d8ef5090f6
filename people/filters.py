import django_filters
from django import forms

from core.filters import SortFilter

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
    return django_filters.ChoiceFilter(label=label, choices=YES_NO, method=method)


class PersonFilter(NameSearchMixin):
    organization = django_filters.ModelChoiceFilter(label="Организация", queryset=Organization.objects.all())
    position = django_filters.ModelChoiceFilter(label="Должность", queryset=Position.objects.all())
    pedagogical = yes_no("Педагогический работник", method="filter_pedagogical")
    # The list shows people, not one person: «Уволенные», not the card's «Уволен(а)».
    status = django_filters.ChoiceFilter(
        label="Статус", choices=[(Person.Status.WORKING, "Работающие"), (Person.Status.LEFT, "Уволенные")]
    )
    qualification_category = django_filters.ChoiceFilter(label="Категория", choices=QualificationCategory.choices)
    ordering = SortFilter(
        empty_label="По ФИО",
        orders={
            "name": ("last_name", "ФИО (А→Я)", "ФИО (Я→А)"),
            "hired": ("hired_on", "Дата приёма (раньше)", "Дата приёма (позже)"),
            "since": ("teaching_since", "Стаж (больше)", "Стаж (меньше)"),
            "position": ("position__name", "Должность (А→Я)", "Должность (Я→А)"),
        },
    )

    class Meta:
        model = Person
        fields = []

    def filter_pedagogical(self, queryset, name, value):
        return queryset.filter(position__is_pedagogical=(value == "yes"))
