"""The admin's pages of notices: the system administrator reads each person's preferences, the items
sent to them and the decisions they were told of, finds them by login or name, and changes nothing but
one thing — a deleted delivery goes in the person's next letter again."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notices import sources
from notices.models import Delivery, Notice, Preference
from notices.services import digests_send
from people.roles import Role

MODELS = [Preference, Delivery, Notice]
# A changelist's queries (the session, the login, the count, the rows with their people, the dates of
# date_hierarchy), the same for 2 rows and for 5.
QUERIES = {Preference: 6, Delivery: 8, Notice: 9}  # Notice: + the kinds stored, for the filter


def url(model, view: str, *args) -> str:
    return reverse(f"admin:notices_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def rows(world):
    """A row of each model for the mentor and for the mentee, so that a search has one to leave out."""
    for role in ("mentor", "mentee"):
        user = world.users[role]
        Preference.objects.create(user=user, muted_kinds=["decisions"], stopped_at=timezone.now())
        Delivery.objects.create(user=user, key=f"plan:{user.pk}")
        Notice.objects.create(user=user, text=f"Программа утверждена ({role})", url="/programs/1/")
    return world


@pytest.fixture
def plan_item(world):
    """The mentor (with an address) has one plan item to act on, from a source registered by the test."""
    saved = dict(sources._SOURCES)
    sources._SOURCES.clear()

    def mentor_items(user, today):
        return [sources.Item(key="plan:1", text="Пункт плана № 1", url="/programs/1/", kind="plan")]

    sources.register(sources.Source("plan", "Сроки пунктов плана", frozenset({Role.MENTOR}), mentor_items))
    person = world.person("mentor")
    person.email = "petrova.sn@lastochka.example"
    person.save()
    yield
    sources._SOURCES.clear()
    sources._SOURCES.update(saved)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_the_administrator_reads_every_record_but_adds_and_changes_none(rows, client_as, model):
    client = client_as("admin")
    record = model.objects.get(user=rows.users["mentor"])
    before = model.objects.count()

    listing = client.get(url(model, "changelist"))
    assert listing.status_code == 200 and "Петрова С." in listing.content.decode()
    page = client.get(url(model, "change", record.pk))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(url(model, "add")).status_code == 403
    assert client.post(url(model, "add"), {"user": record.user_id}).status_code == 403
    assert client.post(url(model, "change", record.pk), {"user": rows.users["head"].pk}).status_code == 403
    assert model.objects.count() == before
    assert model.objects.get(pk=record.pk).user_id == rows.users["mentor"].pk


@pytest.mark.parametrize("model", [Preference, Notice], ids=lambda model: model.__name__)
def test_a_preference_or_a_decision_is_not_deleted_in_the_admin(rows, client_as, model):
    record = model.objects.get(user=rows.users["mentor"])
    assert client_as("admin").post(url(model, "delete", record.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_search_finds_a_person_by_name_in_any_case_and_by_login(rows, client_as, model):
    client = client_as("admin")
    for query in ("ПЕТРОВА светлана", "mentor"):
        found = client.get(url(model, "changelist"), {"q": query}).content.decode()
        assert "Петрова С." in found and "Иванова А." not in found, query


def test_the_preference_reads_the_muted_kinds_by_their_names(rows, client_as):
    preference = Preference.objects.get(user=rows.users["mentor"])
    page = client_as("admin").get(url(Preference, "change", preference.pk)).content.decode()
    assert "Решения о вас" in page


def test_a_deleted_delivery_goes_in_the_next_letter_again(plan_item, world, client_as):
    assert digests_send().sent == 1
    assert digests_send().sent == 0  # sent once, never again…
    delivery = Delivery.objects.get(user=world.users["mentor"], key="plan:1")
    # The record keeps what the letter said: the list reads it, not the system's key.
    assert delivery.text == "Пункт плана № 1"
    client = client_as("admin")
    listed = client.get(url(Delivery, "changelist")).content.decode()
    assert "Пункт плана № 1" in listed and "plan:1" not in listed
    page = client.get(url(Delivery, "change", delivery.pk)).content.decode()
    assert "удалите запись" in page and "Удалить" in page
    assert "Уведомление придёт в следующем письме: «Пункт плана № 1»." in page

    response = client.post(url(Delivery, "delete", delivery.pk), {"post": "yes"})
    assert response.status_code == 302 and not Delivery.objects.filter(pk=delivery.pk).exists()
    assert digests_send().sent == 1  # …until the administrator deletes the record
    assert len(mail.outbox) == 2 and "Пункт плана № 1" in mail.outbox[1].body


def test_a_delivery_says_when_deleting_it_would_send_nothing(plan_item, world, client_as):
    mentor = world.users["mentor"]
    done = Delivery.objects.create(user=mentor, key="plan:2")  # no longer yielded by the source
    pending = Delivery.objects.create(user=mentor, key="plan:1")
    client = client_as("admin")

    def told(delivery) -> str:
        return client.get(url(Delivery, "change", delivery.pk)).content.decode()

    assert "Ничего не придёт: по этому уведомлению больше ничего не нужно делать." in told(done)
    preference = Preference.objects.create(user=mentor, muted_kinds=["plan"])
    assert "Ничего не придёт: такие уведомления сотрудник не получает на почту." in told(pending)
    preference.stopped_at = timezone.now()
    preference.save()
    assert "Ничего не придёт: сотрудник остановил письма." in told(pending)


def test_nobody_but_the_administrator_opens_these_pages(rows, client_as):
    for role in ("head", "curator", "mentor"):
        response = client_as(role).get(url(Delivery, "changelist"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"], role


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_changelist_costs_the_same_for_more_rows(rows, client_as, model, django_assert_num_queries):
    client = client_as("admin")
    client.get(url(model, "changelist"))  # the session and the admin's own first reads
    with django_assert_num_queries(QUERIES[model]):
        client.get(url(model, "changelist"))
    for role in ("head", "curator", "council"):
        user = rows.users[role]
        Preference.objects.create(user=user)
        Delivery.objects.create(user=user, key="plan:1")
        Notice.objects.create(user=user, text="Пара утверждена", url="/pairs/1/")
    with django_assert_num_queries(QUERIES[model]):
        client.get(url(model, "changelist"))


def test_notices_are_filtered_by_their_kinds_russian_name(rows, client_as):
    user = Notice.objects.first().user
    Notice.objects.create(user=user, kind="mentee-comments", text="Комментарий наставляемого", url="/records/1/")
    response = client_as("admin").get(url(Notice, "changelist"))
    page = response.content.decode()
    assert "Решения о вас" in page and "mentee-comments" not in page.replace("kind=mentee-comments", "")
    filtered = client_as("admin").get(url(Notice, "changelist"), {"kind": "mentee-comments"})
    assert filtered.status_code == 200, filtered.get("Location")
    assert [notice.text for notice in filtered.context["cl"].result_list] == ["Комментарий наставляемого"]
