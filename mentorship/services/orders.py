"""Orders: drafted from the records, registered under the next number of the journal, frozen.
Orders that change a pair (approval, replacement, extension, termination) are in pair_orders.py.

The number comes from the journal row locked for the transaction, so two approvals at the same
moment never get one number; the registered PDF is rendered once and stored, so later edits of
people or of the organization's settings never change it.
"""

import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.declension import Case, signature_name
from core.pdf import render_pdf
from core.services import authored
from people.models import Organization

from ..models import CuratorAppointment, Order, OrderJournal

__all__ = ["order_attach_scan", "order_draft", "order_journal_set", "order_register", "order_update_draft"]

LAW = "статьёй 351.8 Трудового кодекса Российской Федерации"


def _sentence(text: str) -> str:
    """One full stop at the end, also after initials: «… Морозову И. А.»."""
    return text.rstrip(".") + "."


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
    with authored(order, actor):
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
    with authored(order, actor):
        order.save()
    return order


def _current_curator(own: Organization) -> CuratorAppointment | None:
    return (
        CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True)
        .select_related("person__position")
        .first()
    )


def _control_clause(curator: CuratorAppointment | None) -> str:
    """Who controls the order: the curator (named in the accusative), or the head themself."""
    if curator is None:
        return "Контроль за исполнением приказа оставляю за собой."
    whom = curator.person.in_case(Case.ACCUSATIVE)
    return _sentence(f"Контроль за исполнением приказа возложить на куратора наставничества {whom}")


# --- Orders drafted from the records and registered by the head after any editing ---------


def _draft(own: Organization, *, kind, heading, preamble, clauses, acquaintance, actor, date) -> Order:
    order = Order(
        organization=own,
        kind=kind,
        date=date or timezone.localdate(),
        place=_place(own),
        heading=heading,
        preamble=preamble,
        clauses=clauses,
        acquaintance=acquaintance,
        signer_position=str(own.head.position),
        signer_name=signature_name(own.head.last_name, own.head.first_name, own.head.middle_name),
        created_by=actor,
    )
    order.full_clean()
    with authored(order, actor):
        order.save()
    return order


CURATOR_DUTIES = (
    "Куратору руководствоваться пунктом 3.4 Положения о наставничестве: не реже одного раза в год актуализировать "
    "сведения о педагогах, которых необходимо включить в наставничество; вести банк наставников и наставляемых; "
    "разработать дорожную карту; курировать разработку и реализацию персонализированных программ наставничества; "
    "проводить мониторинг и формировать итоговый аналитический отчёт."
)


@transaction.atomic
def order_draft(*, kind: str, actor: User, date=None) -> Order:
    """A project of an order written from the records; its text stays editable until registration."""
    own = _own()
    regulation = f"Положением о наставничестве педагогических работников {own.short_name}"
    curator = _current_curator(own)
    if kind == Order.Kind.CURATOR:
        if curator is None:
            raise ValidationError("Куратор не назначен: сначала назначьте его на странице «Куратор и МО».")
        person = curator.person
        return _draft(
            own,
            kind=kind,
            heading="О назначении куратора реализации программ наставничества",
            preamble=f"В соответствии с {regulation}, в целях организации наставничества педагогических работников",
            clauses=[
                _sentence(
                    f"Назначить куратором реализации программ наставничества с {curator.appointed_on:%d.%m.%Y} "
                    f"{person.in_case(Case.ACCUSATIVE)} ({str(person.position).lower()})"
                ),
                CURATOR_DUTIES,
                "Контроль за исполнением приказа оставляю за собой.",
            ],
            acquaintance=[person.full_name],
            actor=actor,
            date=date,
        )
    if kind == Order.Kind.COUNCIL:
        from ..models import CouncilMembership

        members = list(
            CouncilMembership.objects.filter(status=CouncilMembership.Status.MEMBER)
            .select_related("person__position")
            .order_by("-is_chair", "person__last_name")
        )
        if not members:
            raise ValidationError("В методическом объединении никого нет: сначала утвердите его состав.")
        names = [f"{m.person.full_name} — {str(m.person.position).lower()}" for m in members]
        chair = next((m for m in members if m.is_chair), None)
        clauses = [
            "Утвердить состав методического объединения наставников: " + "; ".join(names) + ".",
            "Методическому объединению руководствоваться пунктом 3.5 Положения о наставничестве.",
        ]
        if chair is not None:
            clauses.insert(1, _sentence(f"Назначить председателем {chair.person.in_case(Case.ACCUSATIVE)}"))
        clauses.append(_control_clause(curator))
        return _draft(
            own,
            kind=kind,
            heading="Об утверждении состава методического объединения наставников",
            preamble=f"В соответствии с {regulation}, по представлению куратора наставничества",
            clauses=clauses,
            acquaintance=[m.person.full_name for m in members],
            actor=actor,
            date=date,
        )
    if kind == Order.Kind.INTRODUCTION:
        on = date or timezone.localdate()
        clauses = [
            f"Внедрить систему наставничества педагогических работников в {own.short_name} с {on:%d.%m.%Y}.",
            f"Утвердить Положение о наставничестве педагогических работников {own.short_name} (приложение 1).",
            "Утвердить дорожную карту (план мероприятий) по реализации Положения о наставничестве (приложение 2).",
        ]
        if curator is not None:
            clauses.append(
                _sentence(
                    "Назначить куратором реализации программ наставничества "
                    f"{curator.person.in_case(Case.ACCUSATIVE)} ({str(curator.person.position).lower()})"
                )
            )
        clauses.append(_control_clause(curator))
        return _draft(
            own,
            kind=kind,
            heading="О внедрении системы наставничества педагогических работников и утверждении Положения",
            preamble=(
                "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, распоряжением "
                "Министерства просвещения Российской Федерации от 25.12.2019 № Р-145"
            ),
            clauses=clauses,
            acquaintance=[curator.person.full_name] if curator else [],
            actor=actor,
            date=date,
        )
    raise ValidationError("Приказы этого вида пишутся из карточки пары: утверждение, замена, продление, прекращение.")


@transaction.atomic
def order_update_draft(*, order: Order, date, heading: str, preamble: str, clauses: list[str], actor: User) -> Order:
    """Edit a project; a registered order is never edited."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if not order.is_draft:
        raise ValidationError("Приказ уже зарегистрирован: исправление оформляется новым приказом.")
    order.date, order.heading, order.preamble = date, heading.strip(), preamble.strip()
    order.clauses = [clause.strip() for clause in clauses if clause.strip()]
    if not order.clauses:
        raise ValidationError("В приказе должен быть хотя бы один пункт.")
    order.full_clean()
    with authored(order, actor):
        order.save()
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
