import django_filters
from django.db.models import Exists, OuterRef, Q

from core.filters import SortFilter
from people.filters import NameSearchMixin, yes_no
from people.models import Organization, name_search_q

from .models import Direction, Mentee, MenteeCategory, Mentor, Pairing


class MentorFilter(NameSearchMixin):
    person_lookup = "person__"
    direction = django_filters.ModelChoiceFilter(
        label="Направление", field_name="directions", queryset=Direction.objects.all()
    )
    is_active = django_filters.ChoiceFilter(
        label="В банке",
        choices=[("yes", "Действующие"), ("no", "Выведенные")],
        method="filter_active",
    )
    consent = yes_no("Согласие на обработку ПД получено", method="filter_consent")
    own = django_filters.ChoiceFilter(
        label="Откуда",
        choices=[("yes", "Наши сотрудники"), ("no", "Организации-партнёры")],
        method="filter_own",
    )
    ordering = SortFilter(
        empty_label="По ФИО",
        orders={
            "name": ("person__last_name", "ФИО (А→Я)", "ФИО (Я→А)"),
            "since": ("person__teaching_since", "Стаж (больше)", "Стаж (меньше)"),
            "added": ("added_on", "Включён в банк (раньше)", "Включён в банк (позже)"),
        },
    )

    class Meta:
        model = Mentor
        fields = []

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=(value == "yes"))

    def filter_consent(self, queryset, name, value):
        return queryset.filter(consent_given_on__isnull=(value == "no"))

    def filter_own(self, queryset, name, value):
        own = Q(person__organization__kind=Organization.Kind.OWN)
        return queryset.filter(own) if value == "yes" else queryset.exclude(own)


class MenteeFilter(NameSearchMixin):
    person_lookup = "person__"
    category = django_filters.ModelChoiceFilter(label="Категория", queryset=MenteeCategory.objects.all())
    is_active = django_filters.ChoiceFilter(
        label="В банке",
        choices=[("yes", "Действующие"), ("no", "Выведенные")],
        method="filter_active",
    )
    mentor = yes_no("Есть наставник", method="filter_mentor")
    consent = yes_no("Согласие на обработку ПД получено", method="filter_consent")
    ordering = SortFilter(
        empty_label="По ФИО",
        orders={
            "name": ("person__last_name", "ФИО (А→Я)", "ФИО (Я→А)"),
            "hired": ("person__hired_on", "Дата приёма (раньше)", "Дата приёма (позже)"),
            "added": ("added_on", "Включён в банк (раньше)", "Включён в банк (позже)"),
        },
    )

    class Meta:
        model = Mentee
        fields = []

    def filter_active(self, queryset, name, value):
        return queryset.filter(is_active=(value == "yes"))

    def filter_consent(self, queryset, name, value):
        return queryset.filter(consent_given_on__isnull=(value == "no"))

    def filter_mentor(self, queryset, name, value):
        has = Exists(Pairing.objects.current().filter(mentees=OuterRef("pk")))
        return queryset.filter(has) if value == "yes" else queryset.exclude(has)


class PairingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="ФИО участника", method="filter_name")
    status = django_filters.ChoiceFilter(label="Состояние", choices=Pairing.Status.choices)
    direction = django_filters.ModelChoiceFilter(label="Направление", queryset=Direction.objects.all())

    class Meta:
        model = Pairing
        fields = []

    def filter_name(self, queryset, name, value):
        # The whole name typed belongs to one participant: the mentor or one of the mentees.
        either = name_search_q(value, "mentor__person__") | name_search_q(value, "mentees__person__")
        return queryset.filter(either).distinct()
