"""The Django admin is no back door to fields it does not show: its changelists filter only by what
they list as filters (core.admin.ListedFiltersOnly), and no search reaches a mentee's difficulties or
request. The whole class is checked over every model the admin registers."""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

from mentorship.models import Mentee

SENSITIVE = set(Mentee.SENSITIVE_FIELDS)
# Our apps' admins; a library's own (groups, django-axes' sign-in log) shows every field it has.
OURS = {"accounts", "people", "records", "mentorship", "programs", "roadmap"}
REGISTERED = [
    (model, model_admin) for model, model_admin in admin.site._registry.items() if model._meta.app_label in OURS
]


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def unlisted_lookup(model, model_admin) -> str:
    """A lookup on a field of the model that its changelist does not offer as a filter."""
    listed = {item if isinstance(item, str) else "" for item in model_admin.list_filter}
    for field in model._meta.get_fields():
        if isinstance(field, models.CharField | models.TextField) and not any(
            field.name == name or name.startswith(f"{field.name}__") for name in listed
        ):
            return f"{field.name}__icontains"
    return "pk__gt"


@pytest.mark.parametrize(
    ("model", "model_admin"),
    REGISTERED,
    ids=[model._meta.label for model, _ in REGISTERED],
)
def test_an_unlisted_lookup_is_refused_on_every_changelist(world, client_as, model, model_admin):
    client = client_as("admin")
    assert client.get(changelist(model)).status_code == 200
    assert client.get(changelist(model), {unlisted_lookup(model, model_admin): "а"}).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        {"difficulties__icontains": "Трудно"},
        {"request__startswith": "Н"},
        {"person__mentee__difficulties__icontains": "Т"},
    ],
)
def test_a_mentees_difficulties_cannot_be_probed_through_the_admin(world, client_as, query):
    client = client_as("admin")
    assert client.get(changelist(Mentee), query).status_code == 400
    assert client.get(reverse("admin:mentorship_mentor_changelist"), query).status_code == 400


def test_the_filters_the_admin_offers_still_work(world, client_as):
    client = client_as("admin")
    assert client.get(changelist(Mentee), {"is_active__exact": "1"}).status_code == 200
    assert (
        client.get(reverse("admin:people_person_changelist"), {"position__is_pedagogical__exact": "1"}).status_code
        == 200
    )
    assert client.get(reverse("admin:people_person_changelist"), {"status__exact": "working"}).status_code == 200


def test_no_admin_search_reaches_a_sensitive_field():
    reaching = [
        (model._meta.label, path)
        for model, model_admin in REGISTERED
        for path in model_admin.search_fields
        if set(path.lstrip("^=@").split("__")) & SENSITIVE
    ]
    assert reaching == []
