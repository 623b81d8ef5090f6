"""A reference list's history page: its items' changes in words, for the list's readers (the role
matrix is mentorship/tests/test_access.py's), at a cost in queries that does not grow with it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Position

URL = reverse("people:reference-history", args=["positions"])


def rename(client, position: Position, name: str):
    response = client.post(
        reverse("people:reference-update", args=["positions", position.pk]),
        {"name": name, "is_pedagogical": "on", "is_active": "on", "sort_order": position.sort_order},
    )
    assert response.status_code == 302


def test_renaming_a_post_reads_in_words(world, client_as):
    position = Position.objects.create(name="Воспитатель логопедической группы")
    client = client_as("curator")
    rename(client, position, "Воспитатель группы компенсирующей направленности")

    page = client_as("council").get(URL).content.decode()
    assert "Должность: Воспитатель группы компенсирующей направленности" in page
    assert "Морозова И.И., " in page
    assert "название «Воспитатель логопедической группы» → «Воспитатель группы компенсирующей направленности»" in page
    assert URL in client.get(reverse("people:reference-list", args=["positions"])).content.decode()


def test_the_list_history_costs_the_same_however_long(world, client_as):
    position = Position.objects.create(name="Педагог по изобразительной деятельности")
    client = client_as("curator")
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    for n in range(5):
        rename(client, position, f"Педагог по изобразительной деятельности, ставка {n}")
    with CaptureQueriesContext(connection) as more:
        assert client.get(URL).status_code == 200
    assert len(more) == len(few)


@pytest.mark.parametrize("role", ["mentor", "mentee", "norole"])
def test_those_who_do_not_read_the_lists_get_no_history(world, client_as, role):
    assert client_as(role).get(URL).status_code == 403
    assert client_as(role).get(reverse("people:reference-list", args=["positions"])).status_code == 403


def test_every_item_of_every_list_has_its_creation_row(db):
    """The items the migrations seeded before the lists kept history were given their creation's row."""
    from people.references import reference_lists

    for kind, model in reference_lists().items():
        items = set(model.objects.values_list("pk", flat=True))
        created = set(model.history.filter(history_type="+").values_list("id", flat=True))
        assert items and items <= created, kind


def test_a_seeded_post_starts_its_history_with_its_creation_by_the_system(world, client_as):
    seeded = Position.objects.order_by("pk").first()
    page = client_as("curator").get(URL).content.decode()
    entry = next(part for part in page.split('class="history-entry')[1:] if f"Должность: {seeded.name}" in part)
    assert "система" in entry and "создание" in entry
