"""The records office's writes: orders drafted, registered under the next number of the journal,
frozen, signed.

The number comes from the journal row locked for the transaction, so two approvals at the same
moment never get one number; the registered PDF is rendered once and stored, so later edits of
people or of the organization's settings never change it. Each move of an order goes through its
table (Order.TRANSITIONS); who may make it follows from the actor.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.declension import signature_name
from core.lifecycle import move
from core.pdf import render_pdf
from core.services import authored, validated_save
from people.models import Organization
from people.roles import roles_of

from . import kinds
from .journal import REASON_REQUIRED, retroactive_warnings
from .models import Order, OrderJournal

ORDER_TEMPLATE = "records/pdf/order.html"

__all__ = [
    "draft_order",
    "issuing_organization",
    "order_attach_scan",
    "order_draft",
    "order_journal_set",
    "order_pdf",
    "order_register",
    "order_update_draft",
    "order_void",
    "retroactive_warnings",
]


def issuing_organization() -> Organization:
    """Our organization with its head, who signs every order; refused in Russian if not set yet."""
    own = Organization.own()
    if own is None or own.head is None:
        raise ValidationError("Не заданы организация и её руководитель: заполните «Настройки организации».")
    return own


def draft_order(
    own: Organization, *, kind: str, heading, preamble, clauses, acquaintance, actor, date=None, table=None
) -> Order:
    """A new project of an order of `kind`, signed by the head; the issuing app writes its text and
    names who acquaints themselves with it under signature (`acquaintance`: people, each once)."""
    acquaintance = list({person.pk: person for person in acquaintance}.values())
    order = Order(
        organization=own,
        kind=kind,
        date=date or timezone.localdate(),
        place=own.place,
        heading=heading,
        preamble=preamble,
        clauses=clauses,
        table=table or [],
        acquaintance=[person.full_name for person in acquaintance],
        signer_position=str(own.head.position),
        signer_name=signature_name(own.head.last_name, own.head.first_name, own.head.middle_name),
        created_by=actor,
    )
    validated_save(order, actor=actor)
    order.acquainted.set(acquaintance)
    return order


@transaction.atomic
def order_draft(*, kind: str, actor: User, date=None) -> Order:
    """A project of an order written from the records by the app that issues that kind; its text
    stays editable until registration."""
    registered = kinds.get(kind)
    if registered is None or registered.draft is None:
        raise ValidationError(
            "Приказ этого вида готовится там, где принимается решение (страница пары, программы или дорожной карты)."
        )
    return registered.draft(actor=actor, date=date)


def _journal(organization: Organization, year: int) -> OrderJournal:
    """The journal row, locked until the transaction ends; a new year starts from № 1."""
    try:
        with transaction.atomic():
            OrderJournal.objects.get_or_create(organization=organization, defaults={"year": year})
    except IntegrityError:
        pass  # created at the same moment by another approval
    journal = OrderJournal.objects.select_for_update().get(organization=organization)
    if year > journal.year:
        journal.year, journal.next_number = year, 1
    elif year < journal.year:
        raise ValidationError(
            f"Журнал приказов уже ведётся за {journal.year} год: приказ от {year} года не зарегистрировать."
        )
    return journal


def order_pdf(order: Order, *, draft: bool = False) -> bytes:
    """The order as it prints: requisites, text, the kind's table, signature, acquaintance sheet. A
    withdrawn project prints marked «ПРОЕКТ ОТОЗВАН» with when, by whom and why, and no number."""
    return render_pdf(
        ORDER_TEMPLATE,
        {
            "order": order,
            "organization": order.organization,
            "table": kinds.table_of(order),
            "draft": draft,
            "voided": order.is_voided,
        },
    )


def _not_a_project(order: Order) -> str:
    if order.is_voided:
        return (
            "Проект приказа отозван: его нельзя ни изменить, ни зарегистрировать; при необходимости подготовьте новый."
        )
    return "Приказ уже зарегистрирован: изменить его нельзя, исправление оформляется новым приказом."


@transaction.atomic
def order_register(*, order: Order, actor: User, reason: str = "") -> Order:
    """Give the order its number and freeze its PDF; then the decision it carries takes effect (its
    kind's `on_register`). A registered order is never edited.

    An order that departs from the journal (records.journal: out of the journal's order, a
    retroactive date or appointment) is registered only with the head's `reason`, stored on it."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if not order.is_draft:
        raise ValidationError(_not_a_project(order))
    journal = _journal(order.organization, order.date.year)
    warnings = retroactive_warnings(order)
    if warnings and not reason.strip():
        raise ValidationError({"reason": [REASON_REQUIRED, *warnings]})
    order.journal_reason = reason.strip() if warnings else ""
    order.year, order.number = order.date.year, journal.next_number
    order.number_text = f"{order.number}{journal.suffix}"
    journal.next_number += 1
    journal.save()
    order.registered_at, order.registered_by = timezone.now(), actor
    order.pdf.save(f"prikaz-{order.year}-{order.number}.pdf", ContentFile(order_pdf(order)), save=False)
    move(order, Order.Status.REGISTERED, actor=actor, roles=roles_of(actor))
    kind = kinds.get(order.kind)
    if kind is not None and kind.on_register is not None:
        kind.on_register(order, actor)
    return order


@transaction.atomic
def order_void(*, order: Order, reason: str, actor: User) -> Order:
    """The head withdraws a project: it is never registered and keeps no number, stays in the
    register with the `reason`, and what it held returns to the issuing app (its kind's `on_void`):
    the pairs to the approval queue, the release to the queue, the roadmap to awaiting approval.
    A registered order is not withdrawn: it is cancelled by a new order."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if not order.is_draft:
        raise ValidationError(
            "Проект уже отозван."
            if order.is_voided
            else "Зарегистрированный приказ не отзывается: его отменяет или изменяет новый приказ."
        )
    reason = reason.strip()
    move(
        order,
        Order.Status.VOIDED,
        actor=actor,
        roles=roles_of(actor),
        comment=reason,
        void_reason=reason,
        voided_at=timezone.now(),
        voided_by=actor,
    )
    kind = kinds.get(order.kind)
    if kind is not None and kind.on_void is not None:
        kind.on_void(order, actor)
    return order


@transaction.atomic
def order_attach_scan(*, order: Order, scan, actor: User) -> Order:
    """The signed paper, scanned: the order's record is complete."""
    if not order.is_registered:
        raise ValidationError("Сначала приказ регистрируется, потом подписывается.")
    order.signed_scan = scan
    order.full_clean()
    move(order, Order.Status.SIGNED, actor=actor, roles=roles_of(actor))
    return order


@transaction.atomic
def order_update_draft(*, order: Order, date, heading: str, preamble: str, clauses: list[str], actor: User) -> Order:
    """Edit a project; a registered order is never edited."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if not order.is_draft:
        raise ValidationError(_not_a_project(order))
    order.date, order.heading, order.preamble = date, heading.strip(), preamble.strip()
    order.table = kinds.rows_on_date(order)  # a project's facts follow its date (records.kinds)
    order.clauses = [clause.strip() for clause in clauses if clause.strip()]
    if not order.clauses:
        raise ValidationError("В приказе должен быть хотя бы один пункт.")
    validated_save(order, actor=actor)
    return order


@transaction.atomic
def order_journal_set(*, organization: Organization, year: int, next_number: int, suffix: str, actor: User):
    """The clerk aligns the journal with the paper one: the next number and the ending («-ОД»)."""
    journal = _journal(organization, year)
    taken = (
        Order.objects.filter(organization=organization, year=year, number__gte=next_number)
        .order_by("number")
        .values_list("number_text", flat=True)
        .first()
    )
    if taken:
        raise ValidationError(f"Номер {taken} в {year} году уже занят: следующий номер должен быть больше.")
    journal.next_number, journal.suffix = next_number, suffix.strip()
    journal.full_clean()
    with authored(journal, actor):
        journal.save()
    return journal
