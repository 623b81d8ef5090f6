"""Pairs and groups: proposal, consents, moves through the life cycle (Pairing.TRANSITIONS)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.dates import add_months
from core.lifecycle import guard, move
from core.services import Outcome, authored, saved_with
from core.text import plural
from core.workdays import add_working_days
from people.models import Organization, Person
from people.roles import roles_of

from ..models import Mentee, Mentor, Pairing, PairingConsent
from .bank import current_mentees_by_mentor, mentor_warnings

__all__ = [
    "missing_consents",
    "pairing_consent_record",
    "pairing_consent_withdraw",
    "pairing_move",
    "pairing_propose",
    "pairing_update",
    "pairing_warnings",
    "participants",
    "proposed_term",
]

MAX_TERM_MONTHS = 12


def participants(pairing: Pairing) -> list[Person]:
    """The mentor first, then the mentees: everyone whose written consent the order needs."""
    return [pairing.mentor.person, *(mentee.person for mentee in pairing.mentees.all())]


def missing_consents(pairing: Pairing) -> list[Person]:
    valid = {c.person_id for c in pairing.consents.all() if c.is_valid}
    return [person for person in participants(pairing) if person.pk not in valid]


def latest_end(starts_on):
    """A pair, like a program, lasts at most 12 months in total (extensions included)."""
    return add_months(starts_on, MAX_TERM_MONTHS) - timedelta(days=1)


def proposed_term(today: date) -> tuple[date, date]:
    """The dates a new pair's form proposes: it starts on the next working day (a pair is proposed
    before the consents and the order, so never «today»), and ends on the last day the regulation
    allows (12 months in total), the longest term, so that any program of 3–12 months fits in it;
    the curator shortens it when the pair is meant for less."""
    starts_on = add_working_days(today, 1)
    return starts_on, latest_end(starts_on)


def _check_rules(*, pairing: Pairing, mentor: Mentor, mentees: list[Mentee], direction, forms) -> None:
    """Every rule that refuses a pair, each with its own message; all are reported at once."""
    errors = []
    if not mentees:
        errors.append("Выберите хотя бы одного наставляемого.")
    if any(mentee.person_id == mentor.person_id for mentee in mentees):
        errors.append(f"{mentor.person.full_name} не может быть наставником самому себе.")
    for person in [mentor.person, *(mentee.person for mentee in mentees)]:
        if not person.is_working:
            errors.append(f"{person.full_name} {person.gendered('уволен', 'уволена')}: в пару включить нельзя.")
    if not mentor.is_active:
        errors.append(
            f"{mentor.person.full_name} {mentor.person.gendered('выведен', 'выведена')} из банка наставников."
        )
    for mentee in mentees:
        if not mentee.is_active:
            errors.append(
                f"{mentee.person.full_name} {mentee.person.gendered('выведен', 'выведена')} из банка наставляемых."
            )
    if len(mentees) < 2:
        for form in forms:
            if form.needs_group:
                errors.append(f"Форма «{form}» — для группы: нужно не меньше двух наставляемых.")
    if forms is not None and not list(forms):
        errors.append("Выберите хотя бы одну форму наставничества.")
    if pairing.starts_on and pairing.planned_end_on:
        if pairing.planned_end_on < pairing.starts_on:
            errors.append("Окончание раньше начала.")
        elif pairing.planned_end_on > latest_end(pairing.starts_on):
            errors.append(f"Срок больше 12 месяцев: окончание не позже {latest_end(pairing.starts_on):%d.%m.%Y}.")
    others = (
        Pairing.objects.open()
        .filter(direction=direction, mentees__in=mentees)
        .exclude(pk=pairing.pk)
        .prefetch_related("mentees__person")
        .distinct()
    )
    for other in others:
        for mentee in other.mentees.all():
            if mentee in mentees:
                errors.append(
                    f"У {mentee.person.full_name} уже есть пара по направлению «{direction}» "
                    f"(наставник {other.mentor.person.short_name}, «{other.get_status_display().lower()}»)."
                )
    if errors:
        raise ValidationError(errors)


def pairing_warnings(pairing: Pairing, *, own: Organization | None = None, loads: dict | None = None) -> list[str]:
    """What the head should see before approving; none of it forbids the pair.

    The approval queue passes `own` and `loads` (current_mentees_by_mentor) for all its pairs at once.
    """
    own = own or Organization.own()
    current = (loads or current_mentees_by_mentor([pairing.mentor_id]))[pairing.mentor_id]
    warnings = [f"Наставник: {w}" for w in mentor_warnings(pairing.mentor, own=own, load=current)]
    if own is not None:
        capacity = pairing.mentor.capacity or own.mentor_capacity
        load = len(current | {mentee.pk for mentee in pairing.mentees.all()})
        if load > capacity and not any("предела" in w for w in warnings):
            warnings.append(
                f"У наставника будет {plural(load, 'наставляемый', 'наставляемых', 'наставляемых')} — "
                f"больше принятого предела ({capacity})."
            )
    if not pairing.mentor.person.organization.is_own:
        warnings.append(
            "Наставник из организации-партнёра: работает по договору о сотрудничестве с ней, "
            "доплата по приказу не назначается."
        )
    return warnings


@transaction.atomic
def pairing_propose(
    *, mentor: Mentor, mentees: list[Mentee], direction, forms, starts_on, planned_end_on, note: str = "", actor: User
) -> Outcome:
    """The curator or a council member proposes a pair or group (3.5)."""
    pairing = Pairing(
        mentor=mentor,
        direction=direction,
        starts_on=starts_on,
        planned_end_on=planned_end_on,
        note=note,
        proposed_by=actor,
    )
    _check_rules(pairing=pairing, mentor=mentor, mentees=list(mentees), direction=direction, forms=list(forms))
    saved_with(pairing, actor=actor, mentees=mentees, forms=forms)  # one entry of its history
    pairing.log_transition("", Pairing.Status.PROPOSED, actor)
    return Outcome(pairing, pairing_warnings(pairing))


@transaction.atomic
def pairing_update(
    *, pairing: Pairing, mentor: Mentor, mentees, direction, forms, starts_on, planned_end_on, note: str, actor: User
) -> Outcome:
    """Change a proposal before the head decides; consents of people no longer in it are dropped."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    if not pairing.is_editable:
        raise ValidationError(f"Пару в состоянии «{pairing.get_status_display()}» изменить нельзя.")
    pairing.mentor, pairing.direction = mentor, direction
    pairing.starts_on, pairing.planned_end_on, pairing.note = starts_on, planned_end_on, note
    _check_rules(pairing=pairing, mentor=mentor, mentees=list(mentees), direction=direction, forms=list(forms))
    saved_with(pairing, actor=actor, mentees=mentees, forms=forms)  # one entry of its history
    keep = [mentor.person_id, *(mentee.person_id for mentee in mentees)]
    pairing.consents.exclude(person_id__in=keep).delete()
    return Outcome(pairing, pairing_warnings(pairing))


@transaction.atomic
def pairing_move(*, pairing: Pairing, target: str, actor: User, comment: str = "", ended_on=None) -> Outcome:
    """Move a pair along Pairing.TRANSITIONS, if the actor's role may make that move."""
    pairing = Pairing.objects.select_for_update().get(pk=pairing.pk)
    guard(pairing, target, roles=roles_of(actor), comment=comment)
    if target == Pairing.Status.AWAITING_APPROVAL:
        missing = missing_consents(pairing)
        if missing:
            names = ", ".join(person.full_name for person in missing)
            raise ValidationError(
                f"Нет согласия на участие в паре: {names}. Без согласий всех участников пару не утвердить (3.3)."
            )
    if target == Pairing.Status.COMPLETED:
        pairing.ended_on = ended_on or timezone.localdate()
    move(pairing, target, actor=actor, roles=None, comment=comment, checked=True)
    return Outcome(pairing)


@transaction.atomic
def pairing_consent_record(*, pairing: Pairing, person: Person, given_on, scan=None, actor: User) -> Outcome:
    """Record a participant's written consent to this pair (date, optional scan)."""
    if pairing.status in Pairing.CLOSED_STATUSES:
        raise ValidationError("Пара закрыта: согласия больше не записываются.")
    if person.pk not in {p.pk for p in participants(pairing)}:
        raise ValidationError(f"{person.full_name} не участвует в этой паре.")
    consent = PairingConsent.objects.filter(pairing=pairing, person=person).first() or PairingConsent(
        pairing=pairing, person=person
    )
    consent.given_on, consent.withdrawn_on = given_on, None
    if scan:
        consent.scan = scan
    consent.full_clean()
    with authored(consent, actor):
        consent.save()
    return Outcome(consent)


@transaction.atomic
def pairing_consent_withdraw(*, consent: PairingConsent, withdrawn_on, actor: User) -> Outcome:
    """A participant withdraws consent: the pair cannot be fixed by order until it is given again."""
    consent.withdrawn_on = withdrawn_on
    consent.full_clean()
    with authored(consent, actor):
        consent.save()
    return Outcome(consent)
