"""The notification centre on the demo kindergarten, with every app's real sources: each role is told
what it must act on, each item opens, an item acted on leaves, and the centre's queries are pinned."""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from demo.kindergarten import load_demo
from notices.sources import items_for
from programs.models import ActivityRecord, Program
from programs.services.logging import record_respond

ROLES = ("head", "curator", "council", "mentor", "mentee")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield {role: User.objects.get(username=role) for role in ROLES}
        transaction.set_rollback(True)


@pytest.fixture
def client_of(demo, db):
    def make(role):
        client = Client()
        client.force_login(demo[role])
        return client

    return make


def kinds_of(user) -> set[str]:
    return {item.kind for item in items_for(user, timezone.localdate())}


def test_each_role_is_told_what_it_must_act_on(demo, db):
    assert "queue" in kinds_of(demo["head"])
    assert "records-to-confirm" in kinds_of(demo["mentee"])
    assert kinds_of(demo["mentor"]) & {"plan-items", "diagnostics", "reports", "surveys"}
    assert kinds_of(demo["curator"]) & {"consents", "bank-refresh", "roadmap-overdue", "programs-without-plan"}


@pytest.mark.parametrize("role", ROLES)
def test_every_item_links_to_a_page_its_reader_opens(client_of, demo, role):
    client = client_of(role)
    urls = {item.url for item in items_for(demo[role], timezone.localdate())}
    for url in urls:
        # A decision's link marks it read on the way to its page (notices:read): follow it.
        assert client.get(url, follow=True).status_code == 200, url


# The centre's queries for each role on the demo (several rows each); a source that asked once per
# row would raise them with the demo's size.
PINNED = {"head": 16, "curator": 25, "council": 17, "mentor": 25, "mentee": 27}


@pytest.mark.parametrize("role", ROLES)
def test_the_centres_query_count_is_pinned(client_of, demo, role):
    client = client_of(role)
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("notices:centre"))
    assert response.status_code == 200
    assert sum(len(group["items"]) for group in response.context["groups"]) >= 1
    assert len(context) == PINNED[role]


def test_more_rows_cost_no_more_queries(client_of, demo):
    """More records to confirm and more plan items due: the mentee's and the mentor's centres ask the same."""
    today = timezone.localdate()
    record = ActivityRecord.objects.filter(program__pairing__mentees__person__user=demo["mentee"]).first()
    program = record.program
    for n in range(3):
        ActivityRecord.objects.create(
            program=program,
            done_on=today,
            description=f"Ещё одно мероприятие № {n}",
            result="Проведено",
            logged_by=program.pairing.mentor.person.user,
        )
        item = program.items.order_by("pk").first()
        item.pk = None
        item.position += 10 + n
        item.deadline, item.done_on = today, None
        item.save()
    program.status = Program.Status.RUNNING
    program.save(update_fields=["status"])
    for role in ("mentee", "mentor"):
        client = client_of(role)
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("notices:centre")).status_code == 200
        assert len(context) == PINNED[role], role
    assert "Ещё одно мероприятие № 2" in client_of("mentee").get(reverse("notices:centre")).content.decode()


def test_a_record_confirmed_leaves_the_mentees_centre(client_of, demo):
    mentee = demo["mentee"]
    record = ActivityRecord.objects.filter(
        program__pairing__mentees__person__user=mentee, confirmed_at__isnull=True
    ).first()
    key = f"record-confirm:{record.pk}"
    link = f'href="{reverse("programs:record-detail", args=[record.pk])}"'
    client = client_of("mentee")
    assert link in client.get(reverse("notices:centre")).content.decode()
    record_respond(record=record, confirm=True, comment="", actor=mentee)
    assert key not in {item.key for item in items_for(mentee, timezone.localdate())}
    assert link not in client.get(reverse("notices:centre")).content.decode()
