"""Writes to the bank. Each service validates with `full_clean()`, runs in a transaction and
records who made the change (core.services; the history shows it to the curator)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.dates import years_and_months
from core.lifecycle import guard, move
from core.services import Outcome, saved_with, validated_save
from people.models import Organization, Person
from people.roles import roles_of

from ..models import BankRefresh, CouncilMembership, CuratorAppointment, Mentee, Mentor, Pairing, PublicationConsent


def current_mentees_by_mentor(mentor_ids) -> dict[int, set[int]]:
    """Whom each mentor mentors now, in one query (for pages listing many mentors or pairs)."""
    loads: dict[int, set[int]] = {pk: set() for pk in mentor_ids}
    rows = Pairing.objects.current().filter(mentor_id__in=loads).values_list("mentor_id", "mentees")
    for mentor_id, mentee_id in rows:
        if mentee_id is not None:
            loads[mentor_id].add(mentee_id)
    return loads


def mentor_warnings(mentor: Mentor, *, own: Organization | None = None, load: set[int] | None = None) -> list[str]:
    """What the curator and the head should know about a mentor; none of it forbids anything.

    `own` and `load` may be passed in by pages that show many mentors, to save the queries.
    """
    warnings = []
    person = mentor.person
    own = own or Organization.own()
    if not mentor.has_consent:
        warnings.append(
            "Нет согласия на обработку персональных данных: наставника нельзя будет закрепить приказом (3.2)."
        )
    if not person.position.is_pedagogical and person.organization.is_own:
        warnings.append(f"Должность «{person.position}» не педагогическая.")
    if own is not None and mentor.pk:
        capacity = mentor.capacity or own.mentor_capacity
        count = len(load if load is not None else current_mentees_by_mentor([mentor.pk])[mentor.pk])
        if count > capacity:
            warnings.append(f"Наставляемых сейчас {count} — больше принятого предела ({capacity}).")
    if own is not None:
        years = person.teaching_years
        if years is None:
            warnings.append("Не указан педагогический стаж.")
        elif years < own.mentor_min_experience_years:
            warnings.append(
                f"Педстаж {person.teaching_experience} — меньше принятого минимума "
                f"({years_and_months(own.mentor_min_experience_years * 12)})."
            )
    return warnings


@transaction.atomic
def mentor_save(*, mentor: Mentor, directions, actor: User) -> Outcome:
    """Add a person to the bank of mentors or update their record."""
    saved_with(mentor, actor=actor, directions=directions)  # one entry of its history
    return Outcome(mentor, mentor_warnings(mentor))


@transaction.atomic
def mentee_save(*, mentee: Mentee, actor: User) -> Outcome:
    """Add a person to the bank of mentees or update their record."""
    validated_save(mentee, actor=actor)
    warnings = []
    if not mentee.has_consent:
        warnings.append(
            "Нет согласия наставляемого на обработку персональных данных: пару нельзя будет закрепить приказом (3.3)."
        )
    return Outcome(mentee, warnings)


@transaction.atomic
def publication_consent_save(*, consent: PublicationConsent, actor: User) -> Outcome:
    validated_save(consent, actor=actor)
    return Outcome(consent)


@transaction.atomic
def publication_consent_withdraw(*, consent: PublicationConsent, withdrawn_on, actor: User) -> Outcome:
    """Withdrawal takes effect at once (152-ФЗ, ст. 10.1): nothing may be published from that day."""
    consent.withdrawn_on = withdrawn_on or timezone.localdate()
    validated_save(consent, actor=actor)
    return Outcome(consent)


@transaction.atomic
def bank_refresh_complete(*, organization: Organization, additions, reviewed: int, actor: User) -> BankRefresh:
    """Record the curator's yearly review and add the chosen people to the mentee bank.

    `additions` is a list of (person, category). Consent is collected afterwards: the new
    records say so in their warnings.
    """
    for person, category in additions:
        mentee_save(mentee=Mentee(person=person, category=category), actor=actor)
    refresh = BankRefresh(organization=organization, done_by=actor, added=len(additions), reviewed=reviewed)
    refresh.full_clean()
    refresh.save()
    return refresh


@transaction.atomic
def curator_appoint(*, organization: Organization, person: Person, appointed_on, actor: User) -> Outcome:
    """The head appoints the curator (3.4); the previous one's term ends the day before."""
    current = (
        CuratorAppointment.objects.select_for_update().filter(organization=organization, ended_on__isnull=True).first()
    )
    if current is not None:
        if current.person_id == person.pk:
            raise ValidationError({"person": "Этот сотрудник уже назначен куратором."})
        if appointed_on <= current.appointed_on:
            raise ValidationError(
                {
                    "appointed_on": f"Нынешний куратор назначен {current.appointed_on:%d.%m.%Y}: "
                    "новая дата должна быть позже."
                }
            )
        current.ended_on = appointed_on - timedelta(days=1)
        validated_save(current, actor=actor)
    appointment = CuratorAppointment(organization=organization, person=person, appointed_on=appointed_on)
    validated_save(appointment, actor=actor)
    warnings = []
    if not person.position.is_deputy_head:
        warnings.append(
            f"По Положению (3.4) куратор назначается из заместителей руководителя, а должность — «{person.position}»."
        )
    if not person.is_working:
        warnings.append("Сотрудник уволен.")
    return Outcome(appointment, warnings)


def _council_move(membership: CouncilMembership, status: str, *, actor: User, **fields) -> Outcome:
    guard(membership, status, roles=roles_of(actor))
    for name, value in fields.items():
        setattr(membership, name, value)
    membership.full_clean()
    move(membership, status, actor=actor, roles=None, checked=True)
    return Outcome(membership)


@transaction.atomic
def council_propose(*, person: Person, actor: User) -> Outcome:
    """The curator proposes a person for the council; the head decides."""
    if CouncilMembership.objects.filter(person=person, status__in=CouncilMembership.CURRENT_STATUSES).exists():
        raise ValidationError({"person": "Сотрудник уже в составе или уже предложен."})
    membership = CouncilMembership(person=person)
    validated_save(membership, actor=actor)
    warnings = [] if person.position.is_pedagogical else [f"Должность «{person.position}» не педагогическая."]
    return Outcome(membership, warnings)


@transaction.atomic
def council_decide(*, membership: CouncilMembership, approve: bool, actor: User) -> Outcome:
    if approve:
        return _council_move(membership, CouncilMembership.Status.MEMBER, actor=actor, joined_on=timezone.localdate())
    return _council_move(membership, CouncilMembership.Status.DECLINED, actor=actor)


@transaction.atomic
def council_remove(*, membership: CouncilMembership, actor: User) -> Outcome:
    return _council_move(membership, CouncilMembership.Status.LEFT, actor=actor, left_on=timezone.localdate())


def person_warnings(person: Person) -> list[str]:
    """Said when a person's card is saved (registered with people.services from the app config)."""
    mentor = getattr(person, "mentor", None)
    if not person.is_working and mentor is not None and mentor.is_active:
        return ["Сотрудник уволен, но остаётся в банке наставников: выведите его из банка."]
    return []
