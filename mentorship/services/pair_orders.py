"""Orders that fix or change a pair: approval (one order for several pairs), mentor replacement,
extension and early termination.

Approval is a project first: the head's approval in the queue writes the order «ПРОЕКТ» (its wording
editable on the records office's page), and the pairs are fixed when the head registers it
(`pairings_fixed_by`, the kind's `on_register`), because the legal act is the registered order; until
then the queue shows the pairs «ожидает регистрации приказа». Replacement, extension and early
termination are projects too: the head's decision on the pair's page writes the order «ПРОЕКТ» and
keeps what was decided (models.PairChange); nothing of the pair changes until the head registers the
order (`pair_change_registered`), which checks it all again against the order's final date and the
pair as it stands then. A withdrawn project leaves the pair as it was (`pair_change_withdrawn`). One
such project per pair at a time (`pending_change`), and it holds the document it carries out
(mentorship.order_bases) until it is registered or withdrawn."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.dates import add_months
from core.declension import Case
from core.lifecycle import move
from core.services import Outcome, authored
from core.workdays import notice_end_date
from people.facts import facts_on, position_on
from people.roles import Role, roles_of
from records.journal import cited_documents_precede
from records.models import Order
from records.services import draft_order, issuing_organization

from ..models import PairChange, Pairing
from ..order_bases import REPLACE, TERMINATE, OrderBasis, basis_by_key
from .orders import EXTENSION, LAW, PAIRING, REPLACEMENT, TERMINATION, control_clause, current_curator
from .pairs import _check_rules, latest_end, missing_consents, pairing_consent_record, pairing_warnings
from .paperwork import (
    agreements_on_approval,
    agreements_on_extension,
    agreements_on_replacement,
    agreements_on_termination,
    current_agreement,
)

__all__ = [
    "REPLACEMENT_GROUNDS",
    "approval_project",
    "approval_projects",
    "pair_change_registered",
    "pair_change_withdrawn",
    "pairing_extend",
    "pairing_replace_mentor",
    "pairing_terminate",
    "pairings_activate_due",
    "pairings_appointed_by",
    "pairings_approve",
    "pairings_fixed_by",
    "pairs_table_rows",
    "pending_change",
]


def pairs_table_rows(pairings, *, on) -> list[dict]:
    """The rows of the pairs table of an order dated `on`: each person's post, the mentor's category
    and experience as they stood that day (people.facts), not as they stand when the order is read.

    The order is read by every participant and the whole staff, so a mentee is named by name and
    post only: no mentee category («молодой специалист», «педагог с профессиональными
    затруднениями»), no experience that tells it — those stay in the bank and the program, which only
    the pair, the curator, the head and the council reviewing it read. The mentor's category and
    experience stay: they are what makes a teacher eligible to mentor (3.2 of the regulation).
    """
    rows = []
    for pairing in pairings:
        mentor = pairing.mentor.person
        mentor_facts = facts_on(mentor, on)
        mentees = list(pairing.mentees.all())
        for mentee in mentees:
            rows.append(
                {
                    "mentor": mentor.full_name,
                    "mentor_position": str(mentor_facts.position).lower(),
                    "mentor_category": mentor_facts.category_label,
                    "mentor_experience": mentor_facts.experience,
                    "mentee": mentee.person.full_name,
                    "mentee_position": str(position_on(mentee.person, on)).lower(),
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
    own = issuing_organization()
    curator = current_curator(own)
    program_due = min(add_months(p.starts_on, 1) for p in pairings)
    clauses = [
        "Закрепить наставнические пары (группы) в составе и на срок согласно приложению к настоящему приказу.",
        "Наставникам совместно с наставляемыми разработать персонализированные программы наставничества "
        f"и представить их куратору в срок до {program_due:%d.%m.%Y}.",
    ]
    if any(p.mentor.person.organization.is_own for p in pairings):
        clauses.append(
            "Установить наставникам из числа работников учреждения доплату за наставническую деятельность "
            "в размере и на срок, определённые дополнительными соглашениями к трудовым договорам "
            f"(в соответствии со {LAW})."
        )
    clauses.append(control_clause(curator))
    people = [
        person for pairing in pairings for person in [pairing.mentor.person, *(m.person for m in pairing.mentees.all())]
    ]
    if curator is not None:
        people.append(curator.person)
    order = draft_order(
        own,
        kind=PAIRING,
        date=date,
        heading="О закреплении наставнических пар (групп)",
        preamble=(
            f"В соответствии со {LAW}, Положением о наставничестве педагогических работников {own.short_name}, "
            "на основании письменных согласий наставников и наставляемых"
        ),
        clauses=clauses,
        table=pairs_table_rows(pairings, on=date),
        acquaintance=people,
        actor=actor,
    )
    order.pairings.set(pairings)
    return order


def _approval_errors(locked: list[Pairing]) -> list[str]:
    """Why these pairs cannot be fixed now: not awaiting approval, a consent missing, a rule broken."""
    errors = []
    for pairing in locked:
        label = f"{pairing.kind_label} «{pairing.sides}»"
        if pairing.status != Pairing.Status.AWAITING_APPROVAL:
            errors.append(f"{label} не на утверждении («{pairing.get_status_display()}»).")
            continue
        missing = missing_consents(pairing)
        if missing:
            errors.append(f"{label}: нет согласия на участие в паре — " + ", ".join(p.full_name for p in missing) + ".")
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
    return errors


def _locked_pairings(queryset) -> list[Pairing]:
    return list(
        queryset.select_for_update()
        .select_related("mentor__person__position", "mentor__person__organization", "direction")
        .order_by("starts_on", "pk")
    )


def approval_project(pairing: Pairing) -> Order | None:
    """The project of the order that will fix `pairing`, if the head has approved it and not registered it yet."""
    return approval_projects([pairing.pk]).get(pairing.pk)


def approval_projects(pairing_ids) -> dict[int, Order]:
    """The same for several pairs at once, in one query: pair id → its project."""
    links = Pairing.orders.through.objects.filter(
        pairing_id__in=list(pairing_ids), order__kind=PAIRING, order__status=Order.Status.DRAFT
    ).select_related("order")
    return {link.pairing_id: link.order for link in links.order_by("order_id")}


@transaction.atomic
def pairings_approve(*, pairings, actor: User, date=None) -> Outcome:
    """The head approves several pairs at once: one order fixes them all (3.3). The order is a
    project until the head registers it; the pairs are fixed then (`pairings_fixed_by`).

    All or nothing: a pair without every participant's written consent stops the whole approval,
    and the message names whose consent is missing; so does a pair already in another project.
    """
    if Role.HEAD not in roles_of(actor):
        raise PermissionDenied("Пары утверждает руководитель.")
    ids = [p.pk for p in pairings]
    if not ids:
        raise ValidationError("Отметьте пары, которые утверждаете.")
    locked = _locked_pairings(Pairing.objects.filter(pk__in=ids))
    errors = _approval_errors(locked)
    for pairing in locked:
        project = approval_project(pairing)
        if project is not None:
            errors.append(
                f"{pairing.kind_label} «{pairing.sides}» уже в проекте приказа от {project.date:%d.%m.%Y}: "
                "зарегистрируйте его на странице приказа."
            )
    if errors:
        raise ValidationError(errors)
    order = _pairing_order(pairings=locked, date=date or timezone.localdate(), actor=actor)
    return Outcome(order)


def pairings_appointed_by(order: Order) -> list[tuple[str, object]]:
    """What an approval order appoints (records.journal): each pair's start."""
    return [(f"Начало наставничества «{pairing.sides}»", pairing.starts_on) for pairing in order.pairings.all()]


def pairings_fixed_by(order: Order, actor: User) -> None:
    """The approval order is registered: its pairs are fixed (and start, if their date has come),
    and our own mentors get their additional agreements (ТК РФ ст. 351.8). Called inside the
    registration's transaction: a pair no longer fit to be fixed refuses the registration."""
    locked = _locked_pairings(Pairing.objects.filter(orders=order))
    errors = _approval_errors(locked)
    if errors:
        raise ValidationError(errors)
    roles = roles_of(actor)
    today = timezone.localdate()
    for pairing in locked:
        move(
            pairing,
            Pairing.Status.FIXED,
            actor=actor,
            roles=roles,
            comment=f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}",
        )
        if pairing.starts_on <= today:
            move(pairing, Pairing.Status.ACTIVE, actor=actor, roles=None, comment="Наступила дата начала")
    agreements_on_approval(pairings=locked, order=order, actor=actor)


@transaction.atomic
def pairings_activate_due(*, today=None) -> int:
    """Pairs fixed by order start on their start date (run daily)."""
    today = today or timezone.localdate()
    due = list(Pairing.objects.select_for_update().filter(status=Pairing.Status.FIXED, starts_on__lte=today))
    for pairing in due:
        move(pairing, Pairing.Status.ACTIVE, actor=None, roles=None, comment="Наступила дата начала")
    return len(due)


def _order_basis(pairing: Pairing, action: str, key: str, *, change: PairChange | None = None) -> OrderBasis | None:
    """The other app's document the order carries out (mentorship.order_bases), if the head chose one.
    A project waiting for registration holds it (`change`: the project asking, which holds it itself):
    no second order may carry it out."""
    if not key:
        return None
    found = basis_by_key(pairing, action, key)
    if found is None:
        raise ValidationError({"basis": "Это основание уже исполнено другим приказом или больше не действует."})
    holders = PairChange.objects.filter(basis_key=key, order__status=Order.Status.DRAFT).select_related("order")
    holder = holders.exclude(pk=change.pk).first() if change is not None else holders.first()
    if holder is not None:
        raise ValidationError(
            {
                "basis": f"Это решение уже исполняет проект приказа «{holder.order.heading}» от "
                f"{holder.order.date:%d.%m.%Y}: зарегистрируйте или отзовите его на странице приказа."
            }
        )
    return found


def _with_basis(found: OrderBasis | None, own_basis: str) -> str:
    """«на основании решения МО (протокол …) и письменного согласия …»."""
    return f"на основании {found.preamble} и {own_basis}" if found else f"на основании {own_basis}"


def _participants_genitive(pairing: Pairing) -> str:
    return ", ".join(mentee.person.in_case(Case.GENITIVE) for mentee in pairing.mentees.all())


def _fixing_order(pairing: Pairing) -> Order | None:
    return pairing.orders.filter(kind=PAIRING).exclude(number=None).order_by("date").first()


def pending_change(pairing: Pairing) -> PairChange | None:
    """The head's decision on `pairing` whose order is still a project (replacement, extension, early
    end), if there is one: the pair changes when that order is registered."""
    return (
        PairChange.objects.filter(pairing=pairing, order__status=Order.Status.DRAFT)
        .select_related("order")
        .order_by("pk")
        .first()
    )


def _refuse_second_change(pairing: Pairing) -> None:
    """One change of a pair at a time: a second decision would be written against a pair the first
    one is about to change."""
    pending = pending_change(pairing)
    if pending is not None:
        raise ValidationError(
            f"По паре уже есть проект приказа «{pending.order.heading}» от {pending.order.date:%d.%m.%Y}, "
            "он ожидает регистрации: зарегистрируйте или отзовите его на странице приказа, "
            "потом оформляйте другое изменение."
        )


def _lock(pairing: Pairing) -> Pairing:
    return (
        Pairing.objects.select_for_update(of=("self",))
        .select_related("mentor__person__organization")
        .get(pk=pairing.pk)
    )


def _termination_checks(pairing: Pairing, *, initiator, reason, notice_on, ends_on, order_date) -> None:
    """Why the pair cannot be ended early by an order dated `order_date` (None: today); checked when the
    head decides and again when the order is registered."""
    if Pairing.transition(pairing.status, Pairing.Status.TERMINATED) is None:
        raise ValidationError(f"Пару в состоянии «{pairing.get_status_display()}» досрочно не прекратить.")
    if initiator not in Pairing.Initiator.values:
        raise ValidationError("Укажите, кто инициатор: наставник или работодатель.")
    if not reason.strip():
        raise ValidationError("Укажите причину прекращения.")
    earliest = notice_end_date(notice_on)
    if ends_on < earliest:
        raise ValidationError(
            f"Уведомление от {notice_on:%d.%m.%Y}: последний день наставничества — не раньше {earliest:%d.%m.%Y}, "
            "через 3 рабочих дня (ст. 351.8 ТК РФ), выходные и праздничные дни не считаются."
        )
    cited_documents_precede(order_date, [("уведомление", notice_on)])


@transaction.atomic
def pairing_terminate(
    *,
    pairing: Pairing,
    initiator: str,
    reason: str,
    notice_on,
    ends_on,
    actor: User,
    order_date=None,
    basis: str = "",
) -> Outcome:
    """End a pair early (ТК РФ ст. 351.8): by the mentor or the employer (a mentee's request
    comes through the curator), with written notice at least 3 working days ahead — weekends and
    public holidays are not counted. The head's decision writes the order's project; the pair ends
    when it is registered (`pair_change_registered`). `basis` names another app's document it
    carries out (a council's decision, mentorship.order_bases)."""
    if Role.HEAD not in roles_of(actor):
        raise PermissionDenied("Досрочное прекращение оформляет руководитель.")
    pairing = _lock(pairing)
    _refuse_second_change(pairing)
    _termination_checks(
        pairing, initiator=initiator, reason=reason, notice_on=notice_on, ends_on=ends_on, order_date=order_date
    )
    found = _order_basis(pairing, TERMINATE, basis)
    mentor = pairing.mentor.person
    fixing = _fixing_order(pairing)
    # The order is read by the whole staff: the basis is the document that ends the pair (the
    # mentor's notice, or the employer's decision and its notice to the mentor), never the reason
    # as a sentence about a person — the reason stays on the pair's record. A decision the order
    # carries out (a council's) is the employer's decision then, named once.
    notice = _notice_text(initiator, mentor, notice_on, None if found else EMPLOYER_DECISION)
    # `ends_on` is the last day mentored (and paid: mentorship.payroll counts it), so every clause
    # words it so: the pair ends after it, the pay stops after it — never «с» it.
    clauses = [
        f"Прекратить досрочно наставничество {mentor.in_case(Case.GENITIVE)} "
        f"в отношении {_participants_genitive(pairing)}"
        + (f", закреплённое приказом от {fixing.date:%d.%m.%Y} № {fixing.number_text}" if fixing else "")
        + f"; последний день наставничества — {ends_on:%d.%m.%Y}.",
    ]
    if mentor.organization.is_own:
        clauses.append(
            f"Прекратить выплату доплаты за наставническую деятельность {mentor.in_case(Case.DATIVE)} "
            f"после {ends_on:%d.%m.%Y} — последнего дня наставничества."
        )
    order = _order_for_pair(
        pairing,
        kind=TERMINATION,
        heading="О досрочном прекращении наставничества",
        basis=_with_basis(found, notice),
        clauses=clauses,
        actor=actor,
        date=order_date,
    )
    PairChange.objects.create(
        pairing=pairing,
        order=order,
        kind=PairChange.Kind.TERMINATE,
        initiator=initiator,
        reason=reason.strip(),
        notice_on=notice_on,
        ends_on=ends_on,
        basis_key=found.key if found else "",
        created_by=actor,
    )
    return Outcome(order)


def _terminated_by(change: PairChange, order: Order, actor: User) -> None:
    """The early end's order is registered: the pair ends on its last day, the agreement with it."""
    pairing = _lock(change.pairing)
    _termination_checks(
        pairing,
        initiator=change.initiator,
        reason=change.reason,
        notice_on=change.notice_on,
        ends_on=change.ends_on,
        order_date=order.date,
    )
    found = _order_basis(pairing, TERMINATE, change.basis_key, change=change)
    if found:
        found.carried_out(order, actor)
    agreements_on_termination(pairing=pairing, last_day=change.ends_on, order=order, actor=actor)
    pairing.termination_initiator, pairing.termination_reason = change.initiator, change.reason
    pairing.notice_on, pairing.ended_on = change.notice_on, change.ends_on
    move(
        pairing,
        Pairing.Status.TERMINATED,
        actor=actor,
        roles=roles_of(actor),
        comment=f"Приказ № {order.number_text}: {change.reason}",
    )


def _order_for_pair(
    pairing: Pairing,
    *,
    kind,
    heading: str,
    basis: str,
    clauses: list[str],
    actor,
    date,
    mentor=None,
    extra_people=(),
):
    """The project of an order about one pair: the usual preamble, the control clause, the
    acquaintance sheet (the pair — with `mentor` when the order names a new one —, `extra_people`,
    and the curator the control clause charges — each once). The head registers it on the records
    office's page, with a reason when its date departs from the journal (records.journal)."""
    own = issuing_organization()
    curator = current_curator(own)
    people = [(mentor or pairing.mentor).person, *(m.person for m in pairing.mentees.all()), *extra_people]
    if curator is not None:
        people.append(curator.person)
    order = draft_order(
        own,
        kind=kind,
        date=date,
        heading=heading,
        preamble=(
            f"В соответствии со {LAW}, Положением о наставничестве педагогических работников {own.short_name}, {basis}"
        ),
        clauses=[*clauses, control_clause(curator)],
        acquaintance=people,
        actor=actor,
    )
    order.pairings.set([pairing])
    return order


def _current_pair(pairing: Pairing, actor: User, action: str) -> Pairing:
    """The pair locked for the head's decision: fixed or running, with no other change waiting."""
    if Role.HEAD not in roles_of(actor):
        raise PermissionDenied(f"{action} оформляет руководитель.")
    pairing = _lock(pairing)
    _still_current(pairing, action)
    _refuse_second_change(pairing)
    return pairing


def _still_current(pairing: Pairing, action: str) -> None:
    if pairing.status not in Pairing.CURRENT_STATUSES:
        raise ValidationError(f"{action}: пара в состоянии «{pairing.get_status_display()}».")


# The grounds the head chooses from (the form reads «В связи с …»). The order does not print them:
# it is read by the whole staff, so a disciplinary ground or an incompatibility is no sentence of it;
# it names the basis instead (REPLACEMENT_BASES), and the ground stays in the pair's history.
REPLACEMENT_GROUNDS = {
    "leaves": "увольнением наставника",
    "incompatibility": "психологической несовместимостью наставника и наставляемого",
    "failure": "систематическим неисполнением наставником своих обязанностей",
    "discipline": "привлечением наставника к дисциплинарной ответственности",
    "request": "обоснованной просьбой наставника или наставляемого",
}

REPLACEMENT_BASES = {
    "leaves": "в связи с прекращением трудового договора с наставником",
    "request": "решения работодателя по обращению участника наставнической пары",
}
EMPLOYER_DECISION = "решения работодателя"


def _mentee_word(person, case: Case) -> str:
    """«наставляемого» / «наставляемой»: the participle follows the mentee's gender, as «наставник»
    (a noun) does not."""
    words = {
        Case.GENITIVE: ("наставляемого", "наставляемой"),
        Case.DATIVE: ("наставляемому", "наставляемой"),
        Case.ACCUSATIVE: ("наставляемого", "наставляемую"),
    }
    male, female = words[case]
    return person.gendered(male, female)


def _consents_text(new_mentor, consent_on, mentee_consents: dict) -> str:
    """«письменного согласия нового наставника … от … и письменного согласия наставляемой … от …»."""
    whose = new_mentor.person.in_case(Case.GENITIVE)
    consents = [f"письменного согласия нового наставника {whose} от {consent_on:%d.%m.%Y}"]
    for mentee, given_on in mentee_consents.items():
        consents.append(
            f"письменного согласия {_mentee_word(mentee.person, Case.GENITIVE)} "
            f"{mentee.person.in_case(Case.GENITIVE)} от {given_on:%d.%m.%Y}"
        )
    return ", ".join(consents[:-1]) + f" и {consents[-1]}" if len(consents) > 1 else consents[0]


def _notice_text(initiator: str, mentor, notice_on, decision: str | None = EMPLOYER_DECISION) -> str:
    """The notice of ст. 351.8, named for whoever gave it: the mentor's own written notice, or the
    employer's decision (`decision`; None when another document the order cites is that decision)
    and the employer's written notice handed to the mentor."""
    if initiator == Pairing.Initiator.MENTOR:
        return f"письменного уведомления наставника {mentor.in_case(Case.GENITIVE)} от {notice_on:%d.%m.%Y}"
    handed = f"от {notice_on:%d.%m.%Y}, врученного наставнику {mentor.in_case(Case.DATIVE)}"
    if decision is None:
        return f"письменного уведомления работодателя {handed}"
    return f"{decision} и его письменного уведомления {handed}"


def _replacement_basis(
    grounds: str, found: OrderBasis | None, *, old_mentor, new_mentor, consent_on, mentee_consents, initiator, notice_on
) -> str:
    """«на основании решения работодателя и его письменного уведомления …, письменного согласия
    нового наставника … и наставляемой …»; «в связи с прекращением трудового договора с наставником,
    на основании письменного согласия …» when the mentor leaves (no notice then)."""
    consents = _consents_text(new_mentor, consent_on, mentee_consents)
    if grounds == "leaves":
        return f"{REPLACEMENT_BASES['leaves']}, {_with_basis(found, consents)}"
    decision = None if found else REPLACEMENT_BASES.get(grounds, EMPLOYER_DECISION)
    return _with_basis(found, f"{_notice_text(initiator, old_mentor.person, notice_on, decision)}, {consents}")


def _replacement_dates(pairing: Pairing, *, grounds, old, initiator, notice_on, left_on, starts_on) -> date:
    """Check when the new mentor may start and return the outgoing mentor's last day.

    ст. 351.8 ТК РФ: either side ends the additional work by written notice at least 3 working days
    ahead (weekends and holidays not counted), so the outgoing mentor mentors to the notice's last
    day at least and the new one starts the day after it at the earliest. When the mentor leaves the
    employment contract ends (ст. 77 ТК РФ) and the agreement to it with it: no notice is needed, the
    last day mentored is the last day of work, and the new mentor starts the day after it at the
    earliest. Never before the order that fixed the pair."""
    errors = {}
    fixing = _fixing_order(pairing)
    if fixing is not None and starts_on < fixing.date:
        errors["starts_on"] = (
            f"Пара закреплена приказом от {fixing.date:%d.%m.%Y} № {fixing.number_text}: "
            "новый наставник не может приступить раньше этого приказа."
        )
    if grounds == "leaves":
        left_on = left_on or old.person.left_on
        if left_on is None:
            errors["left_on"] = (
                "Укажите последний день работы прежнего наставника (день прекращения трудового договора)."
            )
        elif starts_on <= left_on:
            errors.setdefault(
                "starts_on",
                f"Трудовой договор с прежним наставником прекращается {left_on:%d.%m.%Y}: новый наставник "
                f"приступает не раньше следующего дня, {left_on + timedelta(days=1):%d.%m.%Y}. Уведомление "
                "за 3 рабочих дня при увольнении не нужно — дополнительная работа прекращается вместе с договором.",
            )
        last_day = left_on
    else:
        if initiator not in Pairing.Initiator.values:
            errors["initiator"] = "Укажите, кто письменно уведомил: наставник или работодатель."
        if notice_on is None:
            errors["notice_on"] = (
                "Укажите дату письменного уведомления: наставника — работодателю или работодателя — наставнику."
            )
        else:
            notice_end = notice_end_date(notice_on)
            if starts_on <= notice_end:
                errors.setdefault(
                    "starts_on",
                    f"Уведомление от {notice_on:%d.%m.%Y}: прежний наставник выполняет обязанности до "
                    f"{notice_end:%d.%m.%Y} включительно — 3 рабочих дня (ст. 351.8 ТК РФ), выходные и праздничные "
                    "дни не считаются; новый наставник приступает не раньше "
                    f"{notice_end + timedelta(days=1):%d.%m.%Y}.",
                )
        last_day = starts_on - timedelta(days=1)
    if errors:
        raise ValidationError(errors)
    return last_day


def _replacement_checks(
    pairing: Pairing,
    *,
    new_mentor,
    grounds,
    consent_on,
    mentee_consents: dict,
    initiator,
    notice_on,
    left_on,
    starts_on,
    order_date,
) -> tuple[date, dict]:
    """Why the mentor cannot be replaced so by an order dated `order_date` (None: today), checked when
    the head decides and again when the order is registered; else the outgoing mentor's last day and
    each mentee's consent (mentee → date, in the pair's order)."""
    if grounds not in REPLACEMENT_GROUNDS:
        raise ValidationError("Выберите основание замены.")
    old = pairing.mentor
    if new_mentor.pk == old.pk:
        raise ValidationError("Новый наставник тот же, что и прежний.")
    mentees = list(pairing.mentees.select_related("person"))
    _check_rules(
        pairing=pairing,
        mentor=new_mentor,
        mentees=mentees,
        direction=pairing.direction,
        forms=list(pairing.forms.all()),
    )
    if not (pairing.starts_on <= starts_on <= pairing.planned_end_on):
        raise ValidationError(
            f"Дата замены — в пределах срока наставничества ({pairing.starts_on:%d.%m.%Y} – "
            f"{pairing.planned_end_on:%d.%m.%Y}); срок при замене не меняется."
        )
    last_day = _replacement_dates(
        pairing,
        grounds=grounds,
        old=old,
        initiator=initiator,
        notice_on=notice_on,
        left_on=left_on,
        starts_on=starts_on,
    )
    missing = [mentee.person.full_name for mentee in mentees if not mentee_consents.get(mentee)]
    if missing:
        raise ValidationError("Нет даты письменного согласия на нового наставника: " + ", ".join(missing) + ".")
    mentee_consents = {mentee: mentee_consents[mentee] for mentee in mentees}
    cited_documents_precede(
        order_date,
        [
            ("уведомление", notice_on),
            (f"согласие {new_mentor.person.in_case(Case.GENITIVE)}", consent_on),
            *((f"согласие {mentee.person.in_case(Case.GENITIVE)}", on) for mentee, on in mentee_consents.items()),
        ],
    )
    return last_day, mentee_consents


@transaction.atomic
def pairing_replace_mentor(
    *,
    pairing: Pairing,
    new_mentor,
    grounds: str,
    details: str = "",
    consent_on,
    mentee_consents: dict | None = None,
    initiator: str = "",
    notice_on=None,
    left_on=None,
    starts_on,
    actor: User,
    order_date=None,
    basis: str = "",
) -> Outcome:
    """Replace the mentor by order; the term stays. The new mentor's and each mentee's written
    consent to the new mentor (`mentee_consents`: mentee → date) are cited, and recorded on the pair
    when the order is registered (`pair_change_registered`): the head's decision writes its project.
    The outgoing mentor's notice (`initiator`, `notice_on`) holds the new one back until it runs out;
    when the mentor leaves (`grounds` «leaves») the contract's last day (`left_on`, or the person's
    date of dismissal) does instead. `basis` names another app's document the order carries out
    (mentorship.order_bases). The warnings tell about the new mentor's load."""
    pairing = _current_pair(pairing, actor, "Замену наставника")
    found = _order_basis(pairing, REPLACE, basis)
    old = pairing.mentor
    last_day, mentee_consents = _replacement_checks(
        pairing,
        new_mentor=new_mentor,
        grounds=grounds,
        consent_on=consent_on,
        mentee_consents=mentee_consents or {},
        initiator=initiator,
        notice_on=notice_on,
        left_on=left_on,
        starts_on=starts_on,
        order_date=order_date,
    )
    clauses = [
        f"Заменить наставника {_participants_genitive(pairing)}: "
        f"с {starts_on:%d.%m.%Y} вместо {old.person.in_case(Case.GENITIVE)} назначить наставником "
        f"{new_mentor.person.in_case(Case.ACCUSATIVE)} на срок до {pairing.planned_end_on:%d.%m.%Y}; "
        "срок наставничества не меняется.",
    ]
    if old.person.organization.is_own:
        clauses.append(
            f"Прекратить выплату доплаты за наставническую деятельность {old.person.in_case(Case.DATIVE)} "
            f"после {last_day:%d.%m.%Y} — последнего дня наставничества."
        )
    if new_mentor.person.organization.is_own:
        clauses.append(
            f"Установить {new_mentor.person.in_case(Case.DATIVE)} доплату за наставническую деятельность "
            "в размере и на срок, определённые дополнительным соглашением к трудовому договору."
        )
    order = _order_for_pair(
        pairing,
        kind=REPLACEMENT,
        heading="О замене наставника",
        basis=_replacement_basis(
            grounds,
            found,
            old_mentor=old,
            new_mentor=new_mentor,
            consent_on=consent_on,
            mentee_consents=mentee_consents,
            initiator=initiator,
            notice_on=notice_on,
        ),
        clauses=clauses,
        actor=actor,
        date=order_date,
        mentor=new_mentor,
        extra_people=[old.person],
    )
    PairChange.objects.create(
        pairing=pairing,
        order=order,
        kind=PairChange.Kind.REPLACE,
        new_mentor=new_mentor,
        grounds=grounds,
        details=details.strip(),
        consent_on=consent_on,
        mentee_consents={str(mentee.pk): f"{on:%Y-%m-%d}" for mentee, on in mentee_consents.items()},
        initiator=initiator,
        notice_on=notice_on,
        left_on=last_day if grounds == "leaves" else left_on,
        starts_on=starts_on,
        basis_key=found.key if found else "",
        created_by=actor,
    )
    # What the head should know of the new mentor's load, as if the pair were theirs already (not saved).
    pairing.mentor = new_mentor
    warnings = pairing_warnings(pairing)
    pairing.mentor = old
    return Outcome(order, warnings)


def _replaced_by(change: PairChange, order: Order, actor: User) -> None:
    """The replacement's order is registered: the new mentor takes the pair, the consents are recorded,
    the agreements follow."""
    pairing = _lock(change.pairing)
    _still_current(pairing, "Замена наставника")
    found = _order_basis(pairing, REPLACE, change.basis_key, change=change)
    old, new_mentor = pairing.mentor, change.new_mentor
    given = {int(pk): date.fromisoformat(on) for pk, on in change.mentee_consents.items()}
    last_day, mentee_consents = _replacement_checks(
        pairing,
        new_mentor=new_mentor,
        grounds=change.grounds,
        consent_on=change.consent_on,
        mentee_consents={mentee: given.get(mentee.pk) for mentee in pairing.mentees.all()},
        initiator=change.initiator,
        notice_on=change.notice_on,
        left_on=change.left_on,
        starts_on=change.starts_on,
        order_date=order.date,
    )
    pairing.mentor = new_mentor
    with authored(pairing, actor):
        pairing.save()
    pairing_consent_record(pairing=pairing, person=new_mentor.person, given_on=change.consent_on, actor=actor)
    for mentee, given_on in mentee_consents.items():
        pairing_consent_record(pairing=pairing, person=mentee.person, given_on=given_on, actor=actor)
    if found:
        found.carried_out(order, actor)
    agreements_on_replacement(
        pairing=pairing,
        old_mentor=old,
        new_mentor=new_mentor,
        last_day=last_day,
        starts_on=change.starts_on,
        order=order,
        actor=actor,
    )
    reason = REPLACEMENT_GROUNDS[change.grounds] + (f" ({change.details})" if change.details else "")
    pairing.log_transition(
        pairing.status,
        pairing.status,
        actor,
        (
            f"Замена наставника: {old.person.short_name} → {new_mentor.person.short_name}, "
            f"приказ № {order.number_text}; основание: {reason}"
        ),
    )


def _extension_checks(pairing: Pairing, *, new_end_on, agreed_on, order_date) -> None:
    """Why the pair cannot be extended so by an order dated `order_date` (None: today); checked when the
    head decides and again when the order is registered."""
    if new_end_on <= pairing.planned_end_on:
        raise ValidationError(f"Новое окончание должно быть позже нынешнего ({pairing.planned_end_on:%d.%m.%Y}).")
    if new_end_on > latest_end(pairing.starts_on):
        raise ValidationError(
            f"Всего не больше 12 месяцев: продлить можно не дальше {latest_end(pairing.starts_on):%d.%m.%Y}."
        )
    cited_documents_precede(order_date, [("соглашение сторон", agreed_on)])


@transaction.atomic
def pairing_extend(*, pairing: Pairing, new_end_on, agreed_on, actor: User, order_date=None) -> Outcome:
    """Extend by mutual consent of the sides; never past 12 months in total. The head's decision
    writes the order's project; the term changes when it is registered (`pair_change_registered`)."""
    pairing = _current_pair(pairing, actor, "Продление")
    _extension_checks(pairing, new_end_on=new_end_on, agreed_on=agreed_on, order_date=order_date)
    mentor = pairing.mentor.person
    fixing = _fixing_order(pairing)
    clauses = [
        f"Продлить срок наставничества {mentor.in_case(Case.GENITIVE)} в отношении {_participants_genitive(pairing)}"
        + (f", закреплённого приказом от {fixing.date:%d.%m.%Y} № {fixing.number_text}," if fixing else "")
        + f" до {new_end_on:%d.%m.%Y}.",
    ]
    if mentor.organization.is_own:
        # The pay runs to the new end under the agreement in force, which the order changes by name
        # (the clerk may not have numbered it yet: the order leaves lines to write on then).
        agreement = current_agreement(pairing, pairing.mentor)
        if agreement is not None:
            clauses.append(
                f"Внести изменение в дополнительное соглашение {agreement.order_reference} к трудовому договору "
                f"с {mentor.in_case(Case.INSTRUMENTAL)}: срок наставничества — по {new_end_on:%d.%m.%Y}; "
                "остальные условия, в том числе размер доплаты, не меняются."
            )
        else:
            clauses.append(
                f"Заключить с {mentor.in_case(Case.INSTRUMENTAL)} дополнительное соглашение к трудовому договору "
                f"о выполнении работы по наставничеству по {new_end_on:%d.%m.%Y}."
            )
    order = _order_for_pair(
        pairing,
        kind=EXTENSION,
        heading="О продлении срока наставничества",
        basis=f"по взаимному согласию сторон от {agreed_on:%d.%m.%Y}",
        clauses=clauses,
        actor=actor,
        date=order_date,
    )
    PairChange.objects.create(
        pairing=pairing,
        order=order,
        kind=PairChange.Kind.EXTEND,
        new_end_on=new_end_on,
        agreed_on=agreed_on,
        created_by=actor,
    )
    return Outcome(order)


def _extended_by(change: PairChange, order: Order, actor: User) -> None:
    """The extension's order is registered: the pair runs to its new end, the agreement with it."""
    pairing = _lock(change.pairing)
    _still_current(pairing, "Продление")
    _extension_checks(pairing, new_end_on=change.new_end_on, agreed_on=change.agreed_on, order_date=order.date)
    old_end = pairing.planned_end_on
    pairing.planned_end_on = change.new_end_on
    with authored(pairing, actor):
        pairing.save()
    agreements_on_extension(pairing=pairing, order=order, actor=actor)
    pairing.log_transition(
        pairing.status,
        pairing.status,
        actor,
        f"Продлена с {old_end:%d.%m.%Y} до {change.new_end_on:%d.%m.%Y}, приказ № {order.number_text}",
    )


_APPLY = {
    PairChange.Kind.REPLACE: _replaced_by,
    PairChange.Kind.EXTEND: _extended_by,
    PairChange.Kind.TERMINATE: _terminated_by,
}


def pair_change_registered(order: Order, actor: User) -> None:
    """The order of a replacement, an extension or an early end is registered (the kind's `on_register`,
    inside the registration's transaction): what the head decided takes effect now, checked again
    against the order's final date and the pair as it stands; a refusal keeps the order a project."""
    change = (
        PairChange.objects.select_for_update(of=("self",))
        .select_related("new_mentor__person")
        .filter(order=order)
        .first()
    )
    if change is not None:
        _APPLY[change.kind](change, order, actor)


@transaction.atomic
def pair_change_withdrawn(order: Order, actor: User) -> None:
    """The project is withdrawn (the kind's `on_void`): the pair stays as it was, its log says so, and a
    decision the project carried out (mentorship.order_bases) waits for an order again."""
    change = PairChange.objects.filter(order=order).first()
    if change is None:
        return
    pairing = Pairing.objects.select_for_update().get(pk=change.pairing_id)
    pairing.log_transition(
        pairing.status,
        pairing.status,
        actor,
        f"Проект приказа «{order.heading}» от {order.date:%d.%m.%Y} отозван ({order.void_reason}): "
        "пара осталась без изменений",
    )
