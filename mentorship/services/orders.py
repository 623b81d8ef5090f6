"""Orders: drafted from the records, registered under the next number of the journal, frozen.

The number comes from the journal row locked for the transaction, so two approvals at the same
moment never get one number; the registered PDF is rendered once and stored, so later edits of
people or of the organization's settings never change it.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.dates import add_months
from core.declension import Case, signature_name
from core.pdf import render_pdf
from core.workdays import notice_end_date

from ..models import CuratorAppointment, Order, OrderJournal, Organization, Pairing, PairingTransition
from ..roles import Role
from .bank import Outcome, _authored
from .pairs import _check_rules, missing_consents

__all__ = ["order_attach_scan", "order_register", "pairing_terminate", "pairings_activate_due", "pairings_approve"]

LAW = "статьёй 351.8 Трудового кодекса Российской Федерации"


def _own() -> Organization:
    own = Organization.own()
    if own is None or own.head is None:
        raise ValidationError("Не заданы организация и её руководитель: заполните «Настройки организации».")
    return own


def _place(organization: Organization) -> str:
    match = re.search(r"\b(г\.|с\.|пос\.|п\.|пгт)\s*[А-ЯЁ][^,]*", organization.address or "")
    return match.group(0).strip() if match else ""


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


@transaction.atomic
def order_register(*, order: Order, actor: User) -> Order:
    """Give the order its number and freeze its PDF. A registered order is never edited."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if not order.is_draft:
        raise ValidationError(
            "Приказ уже зарегистрирован: изменить его нельзя, исправление оформляется новым приказом."
        )
    journal = _journal(order.organization, order.date.year)
    order.year, order.number = order.date.year, journal.next_number
    order.number_text = f"{order.number}{journal.suffix}"
    journal.next_number += 1
    journal.save()
    order.status = Order.Status.REGISTERED
    order.registered_at, order.registered_by = timezone.now(), actor
    pdf = render_pdf("mentorship/pdf/order.html", {"order": order, "organization": order.organization})
    order.pdf.save(f"prikaz-{order.year}-{order.number}.pdf", ContentFile(pdf), save=False)
    with _authored(order, actor):
        order.save()
    return order


@transaction.atomic
def order_attach_scan(*, order: Order, scan, actor: User) -> Order:
    """The signed paper, scanned: the order's record is complete."""
    if order.is_draft:
        raise ValidationError("Сначала приказ регистрируется, потом подписывается.")
    order.signed_scan = scan
    order.status = Order.Status.SIGNED
    order.full_clean()
    with _authored(order, actor):
        order.save()
    return order


def _experience(person) -> str:
    return person.teaching_experience


def _pairing_rows(pairings) -> list[dict]:
    rows = []
    for pairing in pairings:
        mentor = pairing.mentor.person
        mentees = list(pairing.mentees.all())
        for mentee in mentees:
            rows.append(
                {
                    "mentor": mentor.full_name,
                    "mentor_position": str(mentor.position).lower(),
                    "mentor_category": mentor.get_qualification_category_display().lower() + " категория"
                    if mentor.qualification_category not in ("none", "conformity")
                    else mentor.get_qualification_category_display().lower(),
                    "mentor_experience": _experience(mentor),
                    "mentee": mentee.person.full_name,
                    "mentee_position": str(mentee.person.position).lower(),
                    "mentee_experience": _experience(mentee.person),
                    "mentee_category": str(mentee.category).lower(),
                    "forms": "; ".join(str(form) for form in pairing.forms.all()),
                    "kind": "групповая" if len(mentees) > 1 else "индивидуальная",
                    "starts_on": f"{pairing.starts_on:%d.%m.%Y}",
                    "ends_on": f"{pairing.planned_end_on:%d.%m.%Y}",
                    "payment": "по дополнительному соглашению"
                    if mentor.organization.is_own
                    else "нет (договор с организацией-партнёром)",
                }
            )
    return rows


def _pairing_order(*, pairings: list[Pairing], date, actor: User) -> Order:
    own = _own()
    head = own.head

    curator = (
        CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True)
        .select_related("person__position")
        .first()
    )
    program_due = min(add_months(p.starts_on, 1) for p in pairings)
    clauses = [
        "Закрепить наставнические пары (группы) в составе и на срок согласно таблице.",
        "Наставникам совместно с наставляемыми разработать персонализированные программы наставничества "
        f"и представить их куратору в срок до {program_due:%d.%m.%Y}.",
    ]
    if any(p.mentor.person.organization.is_own for p in pairings):
        clauses.append(
            "Установить наставникам из числа работников учреждения доплату за наставническую деятельность "
            "в размере и на срок, определённые дополнительными соглашениями к трудовым договорам "
            f"(в соответствии со {LAW})."
        )
    clauses.append(_control_clause(own))
    people = []
    for pairing in pairings:
        for person in [pairing.mentor.person, *(m.person for m in pairing.mentees.all())]:
            if person.full_name not in people:
                people.append(person.full_name)
    if curator is not None and curator.person.full_name not in people:
        people.append(curator.person.full_name)
    order = Order(
        organization=own,
        kind=Order.Kind.PAIRING,
        date=date,
        place=_place(own),
        heading="О закреплении наставнических пар (групп)",
        preamble=(
            f"В соответствии со {LAW}, Положением о наставничестве педагогических работников {own.short_name}, "
            "на основании письменных согласий наставников и наставляемых"
        ),
        clauses=clauses,
        table=_pairing_rows(pairings),
        acquaintance=people,
        signer_position=str(head.position),
        signer_name=signature_name(head.last_name, head.first_name, head.middle_name),
        created_by=actor,
    )
    order.full_clean()
    order.save()
    order.pairings.set(pairings)
    return order


def _move(pairing: Pairing, target: str, actor: User | None, comment: str = "") -> None:
    source = pairing.status
    pairing.status = target
    with _authored(pairing, actor):
        pairing.save()
    PairingTransition.objects.create(pairing=pairing, source=source, target=target, actor=actor, comment=comment)


@transaction.atomic
def pairings_approve(*, pairings, actor: User, roles, date=None) -> Outcome:
    """The head approves several pairs at once: one order fixes them all (3.3).

    All or nothing: a pair without every participant's written consent stops the whole approval,
    and the message names whose consent is missing.
    """
    if Role.HEAD not in roles:
        raise PermissionDenied("Пары утверждает руководитель.")
    ids = [p.pk for p in pairings]
    if not ids:
        raise ValidationError("Отметьте пары, которые утверждаете.")
    locked = list(
        Pairing.objects.select_for_update()
        .filter(pk__in=ids)
        .select_related("mentor__person__position", "mentor__person__organization", "direction")
        .order_by("starts_on", "pk")
    )
    errors = []
    for pairing in locked:
        label = (
            f"Пара «{pairing.mentor.person.short_name} — "
            + ", ".join(m.person.short_name for m in pairing.mentees.all())
            + "»"
        )
        if pairing.status != Pairing.Status.AWAITING_APPROVAL:
            errors.append(f"{label} не на утверждении («{pairing.get_status_display()}»).")
            continue
        missing = missing_consents(pairing)
        if missing:
            errors.append(f"{label}: нет письменного согласия — " + ", ".join(p.full_name for p in missing) + ".")
        try:
            _check_rules(
                pairing=pairing,
                mentor=pairing.mentor,
                mentees=list(pairing.mentees.all()),
                direction=pairing.direction,
                forms=list(pairing.forms.all()),
            )
        except ValidationError as error:
            errors.extend(f"{label}: {message}" for message in error.messages)
    if errors:
        raise ValidationError(errors)
    order = order_register(
        order=_pairing_order(pairings=locked, date=date or timezone.localdate(), actor=actor), actor=actor
    )
    today = timezone.localdate()
    for pairing in locked:
        _move(pairing, Pairing.Status.FIXED, actor, comment=f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}")
        if pairing.starts_on <= today:
            _move(pairing, Pairing.Status.ACTIVE, actor, comment="Наступила дата начала")
    return Outcome(order)


@transaction.atomic
def pairings_activate_due(*, today=None) -> int:
    """Pairs fixed by order start on their start date (run daily)."""
    today = today or timezone.localdate()
    due = list(Pairing.objects.select_for_update().filter(status=Pairing.Status.FIXED, starts_on__lte=today))
    for pairing in due:
        _move(pairing, Pairing.Status.ACTIVE, None, comment="Наступила дата начала")
    return len(due)


def _participants_genitive(pairing: Pairing) -> str:
    return ", ".join(mentee.person.in_case(Case.GENITIVE) for mentee in pairing.mentees.all())


def _fixing_order(pairing: Pairing) -> Order | None:
    return pairing.orders.filter(kind=Order.Kind.PAIRING).exclude(number=None).order_by("date").first()


def _control_clause(own: Organization) -> str:

    curator = (
        CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True).select_related("person").first()
    )
    if curator is None:
        return "Контроль за исполнением приказа оставляю за собой."
    whom = curator.person.in_case(Case.ACCUSATIVE).rstrip(".")
    return f"Контроль за исполнением приказа возложить на куратора наставничества {whom}."


@transaction.atomic
def pairing_terminate(
    *, pairing: Pairing, initiator: str, reason: str, notice_on, ends_on, actor: User, roles, order_date=None
) -> Outcome:
    """End a pair early (ТК РФ ст. 351.8): by the mentor or the employer (a mentee's request
    comes through the curator), with written notice at least 3 working days ahead — weekends and
    public holidays are not counted. The order is registered at once."""
    if Role.HEAD not in roles:
        raise PermissionDenied("Досрочное прекращение оформляет руководитель.")
    pairing = Pairing.objects.select_for_update().select_related("mentor__person").get(pk=pairing.pk)
    if Pairing.transition(pairing.status, Pairing.Status.TERMINATED) is None:
        raise ValidationError(f"Пару в состоянии «{pairing.get_status_display()}» досрочно не прекратить.")
    if initiator not in Pairing.Initiator.values:
        raise ValidationError("Укажите, кто инициатор: наставник или работодатель.")
    if not reason.strip():
        raise ValidationError("Укажите причину прекращения.")
    earliest = notice_end_date(notice_on)
    if ends_on < earliest:
        raise ValidationError(
            f"Уведомление от {notice_on:%d.%m.%Y}: прекратить можно не раньше {earliest:%d.%m.%Y} — "
            "за 3 рабочих дня (ст. 351.8 ТК РФ), выходные и праздничные дни не считаются."
        )
    own = _own()
    mentor = pairing.mentor.person
    fixing = _fixing_order(pairing)
    basis = (
        f"письменного уведомления наставника {mentor.in_case(Case.GENITIVE)}"
        if initiator == Pairing.Initiator.MENTOR
        else "решения работодателя"
    )
    clauses = [
        f"Прекратить досрочно с {ends_on:%d.%m.%Y} наставничество {mentor.in_case(Case.GENITIVE)} "
        f"в отношении {_participants_genitive(pairing)}"
        + (f", закреплённое приказом от {fixing.date:%d.%m.%Y} № {fixing.number_text}" if fixing else "")
        + ".",
        f"Причина: {reason.strip().rstrip('.')}.",
    ]
    if mentor.organization.is_own:
        clauses.append(
            f"Прекратить выплату доплаты за наставническую деятельность {mentor.in_case(Case.DATIVE)} "
            f"с {ends_on:%d.%m.%Y}."
        )
    clauses.append(_control_clause(own))
    order = Order(
        organization=own,
        kind=Order.Kind.TERMINATION,
        date=order_date or timezone.localdate(),
        place=_place(own),
        heading="О досрочном прекращении наставничества",
        preamble=(
            f"В соответствии со {LAW}, Положением о наставничестве педагогических работников {own.short_name}, "
            f"на основании {basis} от {notice_on:%d.%m.%Y}"
        ),
        clauses=clauses,
        acquaintance=[p.full_name for p in [mentor, *(m.person for m in pairing.mentees.all())]],
        signer_position=str(own.head.position),
        signer_name=signature_name(own.head.last_name, own.head.first_name, own.head.middle_name),
        created_by=actor,
    )
    order.full_clean()
    order.save()
    order.pairings.set([pairing])
    order = order_register(order=order, actor=actor)
    pairing.termination_initiator, pairing.termination_reason = initiator, reason.strip()
    pairing.notice_on, pairing.ended_on = notice_on, ends_on
    _move(pairing, Pairing.Status.TERMINATED, actor, comment=f"Приказ № {order.number_text}: {reason.strip()}")
    return Outcome(order)
