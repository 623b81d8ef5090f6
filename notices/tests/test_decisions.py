"""Decisions about a person: a move of a life cycle (core.lifecycle.moved) stores what the owning app's
rule tells, the centre shows it until it is opened, and the letter carries it once."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES
from core.lifecycle import moved
from notices import decisions
from notices.models import Notice
from notices.services import digests_send
from notices.sources import items_for


class Decided:
    """Stands for a model whose moves a domain app tells about."""


@pytest.fixture
def rule(world):
    def told(obj, source, target, comment):
        if target != "approved":
            return []
        return [
            decisions.Told(world.users["mentor"].pk, f"Утверждено: «{comment}»", "/programs/7/"),
            decisions.Told(world.users["head"].pk, "Утверждено", "/programs/7/"),
            decisions.Told(None, "Нет входа", "/programs/7/"),
        ]

    decisions.register(Decided, told)
    yield
    decisions.unregister(Decided, told)


def decide(world, target="approved"):
    moved.send(Decided, obj=Decided(), source="review", target=target, actor=world.users["head"], comment="в срок")


def test_a_move_tells_the_rules_people_but_not_the_one_who_made_it(world, rule):
    decide(world, target="draft")
    assert not Notice.objects.exists()
    decide(world)
    [notice] = Notice.objects.all()
    assert (notice.user, notice.text, notice.url) == (world.users["mentor"], "Утверждено: «в срок»", "/programs/7/")
    [item] = [item for item in items_for(world.users["mentor"], timezone.localdate()) if item.kind == "decisions"]
    assert item.key == f"notice:{notice.pk}" and item.url == reverse("notices:read", args=[notice.pk])


def test_opening_a_decision_marks_it_read_and_leads_to_its_page(world, rule, client_as):
    decide(world)
    notice = Notice.objects.get()
    assert client_as("head").get(reverse("notices:read", args=[notice.pk])).status_code == 404
    response = client_as("mentor").get(reverse("notices:read", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/programs/7/"
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "Утверждено" not in client_as("mentor").get(reverse("notices:centre")).content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_read_link_for_every_role(world, rule, client_as, role):
    decide(world)
    notice = Notice.objects.get()
    status = client_as(role).get(reverse("notices:read", args=[notice.pk])).status_code
    assert status == {"anonymous": 302, "mentor": 302}.get(role, 404)


def test_a_decision_comes_in_the_letter_once(world, rule):
    person = world.person("mentor")
    person.email = "petrova@lastochka.example"
    person.save()
    decide(world)
    digests_send()
    assert any("Утверждено: «в срок»" in letter.body for letter in mail.outbox)
    sent = len(mail.outbox)
    digests_send()
    assert len(mail.outbox) == sent
