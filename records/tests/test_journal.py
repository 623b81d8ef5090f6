"""The journal's rules (records.journal): an order registered out of the journal's order, with a
retroactive date or a retroactive appointment, is warned about on its page and registered only with
the head's reason, which the order, its page, the register and its history keep."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from core.tests.files import tiny_pdf
from people.models import Person
from records import kinds
from records.journal import cited_documents_precede
from records.models import Order, OrderJournal
from records.services import draft_order, issuing_organization, order_journal_set, order_register, retroactive_warnings

KIND = "test-journal"
APPOINTED: dict[int, date] = {}
EFFECTS: list[int] = []


def _draft(*, actor, date=None) -> Order:
    return draft_order(
        issuing_organization(),
        kind=KIND,
        heading="О проверке журнала",
        preamble="Для проверки",
        clauses=["Проверить журнал."],
        acquaintance=list(Person.objects.filter(user__username="mentor")),
        actor=actor,
        date=date,
    )


def _effect(order, actor):
    if order.heading == "Отказ":
        raise ValidationError("Решение уже не действует.")
    EFFECTS.append(order.pk)


@pytest.fixture(autouse=True)
def journal_kind(settings, tmp_path, monkeypatch):
    """A kind that appoints from a date of its own and takes effect on registration."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("records.services.render_pdf", lambda *args, **kwargs: tiny_pdf())
    kinds.register(kinds.OrderKind(KIND, "О проверке журнала", draft=_draft, order=998))
    kinds.extend(
        KIND,
        appointments=lambda order: [("Начало проверки", APPOINTED[order.pk])] if order.pk in APPOINTED else [],
        on_register=_effect,
    )
    yield
    kinds.KINDS.pop(KIND, None)
    APPOINTED.clear()
    EFFECTS.clear()


def _today():
    return timezone.localdate()


def test_an_order_dated_before_the_journals_latest_needs_a_reason(world):
    """Today one could register 4-ОД of an earlier date after 3-ОД: now it is warned about."""
    head = world.users["head"]
    later = _today() + timedelta(days=10)
    if later.year != _today().year:
        later = _today()
    earlier = later - timedelta(days=3) if later - timedelta(days=3) >= _today() else later
    order_journal_set(organization=issuing_organization(), year=later.year, next_number=3, suffix="-ОД", actor=head)
    third = order_register(order=_draft(actor=head, date=later), actor=head)
    assert third.number_text == "3-ОД"
    fourth = _draft(actor=head, date=earlier)
    if earlier == later:
        pytest.skip("the year ends in a few days: no earlier date that is not also in the past")
    [warning] = retroactive_warnings(fourth)
    assert warning == (
        f"Дата приказа {earlier:%d.%m.%Y} раньше даты последнего зарегистрированного приказа № 3-ОД "
        f"от {later:%d.%m.%Y}: в журнале он встанет после него под следующим номером."
    )
    with pytest.raises(ValidationError) as refused:
        order_register(order=fourth, actor=head)
    assert "укажите причину" in refused.value.messages[0] and warning in refused.value.messages
    fourth.refresh_from_db()
    assert fourth.is_draft and fourth.number is None and OrderJournal.objects.get().next_number == 4
    fourth = order_register(order=fourth, actor=head, reason="Приказ подписан раньше, внесён позже")
    assert (fourth.number_text, fourth.journal_reason) == ("4-ОД", "Приказ подписан раньше, внесён позже")


def test_a_retroactive_date_is_warned_about_and_the_reason_is_kept_everywhere(world, client_as):
    yesterday = _today() - timedelta(days=1)
    order = _draft(actor=world.users["curator"], date=yesterday)
    assert retroactive_warnings(order) == [
        f"Приказ датирован задним числом: {yesterday:%d.%m.%Y}, а регистрируется {_today():%d.%m.%Y}."
    ]
    client = client_as("head")
    page = client.get(order.get_absolute_url()).content.decode()
    assert "Регистрация с отступлением от журнала приказов" in page and "задним числом" in page
    # Without a reason: a Russian error on the same page, the order still a project.
    response = client.post(reverse("records:order-register", args=[order.pk]), {"reason": "  "})
    assert response.status_code == 200
    assert "Приказ регистрируется с отступлением от журнала: укажите причину." in response.content.decode()
    order.refresh_from_db()
    assert order.is_draft and order.number is None and not EFFECTS
    # With one: registered, the reason on the order's page, in the register and in the history.
    response = client.post(reverse("records:order-register", args=[order.pk]), {"reason": "Приказ подписан вчера"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == Order.Status.REGISTERED and order.journal_reason == "Приказ подписан вчера"
    assert [order.pk] == EFFECTS
    assert "Причина: Приказ подписан вчера" in client.get(order.get_absolute_url()).content.decode()
    assert "Отступление от журнала: Приказ подписан вчера" in client.get(reverse("records:order-list")).content.decode()
    assert "Приказ подписан вчера" in client.get(reverse("records:order-history", args=[order.pk])).content.decode()


def test_an_appointment_before_the_orders_date_is_warned_about(world):
    head = world.users["head"]
    order = _draft(actor=head)
    APPOINTED[order.pk] = _today() - timedelta(days=5)
    assert retroactive_warnings(order) == [
        f"Начало проверки — {APPOINTED[order.pk]:%d.%m.%Y}, раньше даты приказа ({_today():%d.%m.%Y}): "
        "назначение задним числом."
    ]
    with pytest.raises(ValidationError, match="укажите причину"):
        order_register(order=order, actor=head)
    APPOINTED[order.pk] = _today()
    assert retroactive_warnings(order) == []


def test_an_order_by_the_journal_needs_no_reason_and_keeps_none(world, client_as):
    order = _draft(actor=world.users["head"])
    page = client_as("head").get(order.get_absolute_url()).content.decode()
    assert "Регистрация с отступлением" not in page and "Зарегистрировать" in page
    order = order_register(order=order, actor=world.users["head"], reason="лишнее")
    assert order.journal_reason == "" and [order.pk] == EFFECTS


def test_a_decision_that_refuses_on_registration_leaves_the_project_as_it_was(world):
    order = _draft(actor=world.users["head"])
    order.heading = "Отказ"
    order.save()
    with pytest.raises(ValidationError, match="уже не действует"):
        order_register(order=order, actor=world.users["head"])
    order.refresh_from_db()
    assert order.is_draft and order.number is None and not order.pdf


REGISTER = expect({"head"}, ok_status=302)


@pytest.mark.parametrize("role", ROLES)
def test_registering_with_a_reason_answers_every_role(world, client_as, role):
    order = _draft(actor=world.users["curator"], date=_today() - timedelta(days=1))
    response = client_as(role).post(reverse("records:order-register", args=[order.pk]), {"reason": "Подписан вчера"})
    assert response.status_code == REGISTER[role]
    order.refresh_from_db()
    assert (order.status == Order.Status.REGISTERED) == (role == "head")


def test_someone_elses_project_is_not_found_for_the_head_either_when_it_is_registered(world, client_as):
    order = order_register(order=_draft(actor=world.users["head"]), actor=world.users["head"])
    response = client_as("head").post(reverse("records:order-register", args=[order.pk]), {"reason": "x"})
    assert response.status_code == 404


def test_an_order_cites_no_document_dated_after_it():
    cited_documents_precede(date(2026, 11, 24), [("уведомление", date(2026, 11, 24)), ("согласие", None)])
    with pytest.raises(ValidationError) as refused:
        cited_documents_precede(
            date(2026, 11, 23),
            [
                ("уведомление", date(2026, 11, 20)),
                ("согласие Ивановой А.И.", date(2026, 11, 24)),
                ("соглашение", date(2026, 12, 1)),
            ],
        )
    assert refused.value.messages == [
        "Приказ от 23.11.2026 не может ссылаться на документы, датированные позже него: "
        "согласие Ивановой А.И. от 24.11.2026; соглашение от 01.12.2026."
    ]
