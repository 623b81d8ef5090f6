"""Drop-downs open with a Russian prompt (core.forms.FormRenderer), and a sort menu has a Russian
label for each direction (core.filters.SortFilter)."""

import django_filters
import pytest
from django import forms
from django.contrib.auth.models import Group
from django.db import models

from core.filters import SortFilter
from core.forms import PROMPT_OPTIONAL, PROMPT_REQUIRED, PromptedBoundField


class Meal(models.TextChoices):
    BREAKFAST = "breakfast", "Завтрак"
    LUNCH = "lunch", "Обед"


class _Choices(forms.Form):
    group = forms.ModelChoiceField(queryset=Group.objects.all())
    maybe_group = forms.ModelChoiceField(queryset=Group.objects.all(), required=False)
    meal = forms.TypedChoiceField(choices=models.CharField(choices=Meal.choices).get_choices())
    maybe_meal = forms.ChoiceField(choices=models.CharField(choices=Meal.choices).get_choices(), required=False)
    own_label = forms.ModelChoiceField(queryset=Group.objects.all(), empty_label="— как в просьбе —")
    no_blank = forms.ModelChoiceField(queryset=Group.objects.all(), empty_label=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A field a form adds after its own __init__ is prompted as well: it happens on the way to the page.
        self.fields["late"] = forms.ChoiceField(choices=[("", "---------"), ("a", "Первый")])


def _options(html: str, name: str) -> str:
    start = html.index(f'name="{name}"')
    return html[start : html.index("</select>", start)]


@pytest.mark.django_db
def test_a_drop_down_opens_with_a_russian_prompt_not_dashes():
    Group.objects.create(name="Воспитатели")
    html = _Choices().as_div()
    assert "---------" not in html
    assert f'<option value="" selected>{PROMPT_REQUIRED}</option>' in _options(html, "group")
    assert f'<option value="" selected>{PROMPT_OPTIONAL}</option>' in _options(html, "maybe_group")
    assert f'<option value="" selected>{PROMPT_REQUIRED}</option>' in _options(html, "meal")
    assert f'<option value="" selected>{PROMPT_OPTIONAL}</option>' in _options(html, "maybe_meal")
    assert f'<option value="" selected>{PROMPT_REQUIRED}</option>' in _options(html, "late")
    assert "— как в просьбе —" in _options(html, "own_label")
    assert '<option value="">' not in _options(html, "no_blank") and "Воспитатели" in _options(html, "no_blank")


@pytest.mark.django_db
def test_every_form_gets_the_prompting_bound_field_from_the_renderer():
    assert type(_Choices()["group"]) is PromptedBoundField

    class GroupFilter(django_filters.FilterSet):
        name = django_filters.ModelChoiceFilter(queryset=Group.objects.all())

        class Meta:
            model = Group
            fields = []

    assert type(GroupFilter().form["name"]) is PromptedBoundField


@pytest.mark.django_db
def test_a_list_filter_without_its_own_label_offers_all():
    class GroupFilter(django_filters.FilterSet):
        name = django_filters.ModelChoiceFilter(queryset=Group.objects.all())
        meal = django_filters.ChoiceFilter(choices=Meal.choices, method="keep")

        class Meta:
            model = Group
            fields = []

    html = GroupFilter().form.as_div()
    assert "---------" not in html
    assert '<option value="" selected>Все</option>' in _options(html, "name")
    assert '<option value="" selected>Все</option>' in _options(html, "meal")


def test_the_sort_menu_has_a_russian_label_for_each_direction():
    ordering = SortFilter(
        empty_label="По ФИО",
        orders={
            "name": ("person__last_name", "ФИО (А→Я)", "ФИО (Я→А)"),
            "since": ("person__teaching_since", "Стаж (больше)", "Стаж (меньше)"),
        },
    )
    assert ordering.extra["choices"] == [
        ("name", "ФИО (А→Я)"),
        ("-name", "ФИО (Я→А)"),
        ("since", "Стаж (больше)"),
        ("-since", "Стаж (меньше)"),
    ]
    assert ordering.label == "Сортировка"
    assert ordering.param_map == {"name": "person__last_name", "since": "person__teaching_since"}
