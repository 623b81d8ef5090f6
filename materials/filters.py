import django_filters
from django import forms
from django.db.models import Q

from core.text import normalize_for_search
from mentorship.models import Direction, MentoringForm

from .models import Material


class MaterialFilter(django_filters.FilterSet):
    """The library's list: a word of the title or the description, direction, form, kind, audience;
    a material marked for no direction (or form) suits any, so it is found under each."""

    q = django_filters.CharFilter(
        label="Поиск",
        method="filter_text",
        widget=forms.TextInput(attrs={"placeholder": "Например: журнал", "type": "search"}),
    )
    direction = django_filters.ModelChoiceFilter(
        label="Направление", queryset=Direction.objects.all(), method="filter_direction"
    )
    form = django_filters.ModelChoiceFilter(
        label="Форма наставничества", queryset=MentoringForm.objects.all(), method="filter_form"
    )
    kind = django_filters.ChoiceFilter(label="Вид", choices=Material.Kind.choices)
    audience = django_filters.ChoiceFilter(label="Кому", choices=Material.Audience.choices)

    class Meta:
        model = Material
        fields = ["q", "direction", "form", "kind", "audience"]

    def filter_text(self, queryset, name, value):
        # Every word typed, in any case and with «ё» or «е», as the staff search finds names.
        query = Q()
        for word in normalize_for_search(value).split():
            query &= Q(search_text__contains=word)
        return queryset.filter(query)

    def filter_direction(self, queryset, name, value):
        return queryset.filter(Q(directions=value) | Q(directions__isnull=True)).distinct()

    def filter_form(self, queryset, name, value):
        return queryset.filter(Q(forms=value) | Q(forms__isnull=True)).distinct()
