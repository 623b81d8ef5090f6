"""Release from duty for an event of a program (1.4 of the regulation).

A participant of the program (its mentor or a mentee) asks to be released on a date for some hours
to take part in a plan event, naming who will replace them. Only the head decides, and only with a
substitute, «при условии обеспечения непрерывности образовательного процесса … и замены их
отсутствия»: an approval without one is refused. Approval writes the project of an order of kind
«release» («ПРОЕКТ», its wording editable on the records office's page) and links the request to it;
the person is released when the head registers that order (`release_granted_by`, the kind's
`on_register`), because the legal act is the registered order. Until then the request stays «на
рассмотрении» and the queue shows it «ожидает регистрации приказа». The requester may withdraw the
request while it waits; a project of a withdrawn or refused request is then refused registration.

The substitute is one of our pedagogical staff (a teacher is replaced by a teacher: the
continuity of the educational process is the condition of 1.4), working, not released themselves that
day. The order states the day and the hours of the release, and gives the substitute the released
person's duties as additional work with their written consent (ТК РФ ст. 60.2; the consent is signed
on the application, programs.letters) and pay for it «в размере, установленном соглашением сторон»
(ст. 151): the system keeps no rates of pay, so the amount is the agreement's, not the order's.

A request is filed in its first state, «на рассмотрении»; the decisions and the withdrawal are the
moves of `ReleaseRequest.TRANSITIONS` (`core.lifecycle`), each decided once.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.declension import Case, gender_of
from core.lifecycle import guard, move
from core.services import Outcome, validated_save
from core.text import plural
from mentorship.services.orders import control_clause, current_curator
from people.facts import position_on
from people.models import Person
from people.roles import person_of, roles_of
from records.journal import cited_documents_precede
from records.models import Order
from records.services import draft_order, issuing_organization

from ..models import PlanItem, Program, ReleaseRequest
from ..roles import PARTICIPANTS
from .program import roles_on

__all__ = [
    "release_appointed_by",
    "release_approve",
    "release_back_from",
    "release_granted_by",
    "release_refuse",
    "release_request",
    "release_withdraw",
]

S = ReleaseRequest.Status
HEADING = "Об освобождении от работы для участия в мероприятии программы наставничества"


def _check_substitute(substitute: Person | None, person: Person, on: date, *, field: str = "substitute") -> None:
    if substitute is None:
        return
    own = issuing_organization()
    if substitute.pk == person.pk:
        raise ValidationError({field: "Заменить себя самого нельзя: укажите другого работника."})
    if substitute.organization_id != own.pk or not substitute.is_working:
        raise ValidationError(
            {field: f"{substitute.full_name}: заменять может только работающий сотрудник учреждения."}
        )
    if not substitute.position.is_pedagogical:
        raise ValidationError(
            {
                field: f"{substitute.full_name} ({str(substitute.position).lower()}) — не педагогический работник: "
                "заменять педагога на занятиях может только педагог, выберите замену из педагогических работников "
                "учреждения (п. 1.4 Положения: непрерывность образовательного процесса)."
            }
        )
    busy = ReleaseRequest.objects.filter(person=substitute, date=on, status=S.APPROVED)
    if busy.exists():
        raise ValidationError(
            {
                field: f"{substitute.full_name} {on:%d.%m.%Y} освобождается от работы по другому приказу: "
                "выберите другую замену."
            }
        )


@transaction.atomic
def release_request(
    *,
    program: Program,
    event: str,
    date: date,
    hours: Decimal,
    item: PlanItem | None = None,
    substitute: Person | None = None,
    actor: User,
) -> Outcome:
    """A participant asks to be released from duty for an event of their program in work."""
    # A participant in this very pair, holding the role that makes them one (roles_on): a former
    # mentee of the pair who now mentors elsewhere is no longer its participant.
    if not roles_on(program, actor) & PARTICIPANTS:
        raise PermissionDenied("Освобождение для мероприятия программы просит её участник: наставник или наставляемый.")
    person = person_of(actor)
    own = issuing_organization()
    if person.organization_id != own.pk:
        raise ValidationError(
            "Освобождение от работы оформляется для работников учреждения; наставник из организации-партнёра "
            "договаривается со своим работодателем."
        )
    if not program.in_work:
        raise ValidationError(f"Программа «{program.get_status_display()}»: освобождение просят, пока она реализуется.")
    errors = {}
    if date < timezone.localdate():
        errors["date"] = "Освобождение просят заранее: дата уже прошла."
    elif not (program.starts_on <= date <= program.ends_on):
        errors["date"] = (
            f"Дата — в пределах срока программы ({program.starts_on:%d.%m.%Y} – {program.ends_on:%d.%m.%Y})."
        )
    if item is not None and item.program_id != program.pk:
        errors["item"] = "Этот пункт из плана другой программы."
    if errors:
        raise ValidationError(errors)
    _check_substitute(substitute, person, date)
    if ReleaseRequest.objects.filter(person=person, date=date, status__in=[S.REQUESTED, S.APPROVED]).exists():
        raise ValidationError({"date": f"На {date:%d.%m.%Y} у вас уже есть просьба об освобождении."})
    release = ReleaseRequest(
        program=program,
        item=item,
        person=person,
        event=event.strip(),
        date=date,
        hours=hours,
        substitute=substitute,
        requested_by=actor,
    )
    validated_save(release, actor=actor)
    warnings = []
    if substitute is None:
        warnings.append("Замена не указана: без неё руководитель не сможет освободить вас (п. 1.4 Положения).")
    return Outcome(release, warnings)


def _locked(release: ReleaseRequest) -> ReleaseRequest:
    """The request as it stands, locked until the decision is saved: two decisions cannot cross."""
    return (
        ReleaseRequest.objects.select_for_update(of=("self",))
        .select_related("person__position", "substitute__position", "program__pairing")
        .get(pk=release.pk)
    )


def _decide(release: ReleaseRequest, target: str, *, actor: User, comment: str = "", **fields) -> None:
    """Save a move already guarded: the fields of the decision, validated, then the move itself."""
    for name, value in fields.items():
        setattr(release, name, value)
    release.full_clean()
    move(release, target, actor=actor, roles=roles_of(actor), comment=comment, checked=True)


def _hours_text(hours: Decimal) -> str:
    hours = Decimal(hours).normalize()
    if hours == hours.to_integral_value():
        whole = int(hours)
        return plural(whole, "час", "часа", "часов")
    return f"{str(hours).replace('.', ',')} часа"


# The kind of order this app issues (registered with records.kinds from the app config).
RELEASE_ORDER = "release"


def _her_or_his(person: Person) -> str:
    gender = gender_of(person.first_name, person.middle_name, last_name=person.last_name)
    return {"male": "его", "female": "её"}.get(gender, "его (её)")


def _check_consent(consent_on: date | None, release: ReleaseRequest, order_on: date) -> None:
    """The substitute's written consent is dated, and no later than the order that cites it."""
    if consent_on is None:
        raise ValidationError(
            {
                "substitute_consent_on": "Укажите дату письменного согласия заменяющего на дополнительную работу "
                "(ст. 60.2 ТК РФ): без согласия обязанности другого работника поручить нельзя."
            }
        )
    cited_documents_precede(order_on, [(f"согласие {release.substitute.in_case(Case.GENITIVE)}", consent_on)])


def _release_clauses(release: ReleaseRequest, *, on: date) -> list[str]:
    """What the order decides: the release (the day and the hours), the substitute's additional work
    with their written consent (ТК РФ ст. 60.2) and its pay by the sides' agreement (ст. 151)."""
    person, substitute = release.person, release.substitute
    event = release.event.strip().rstrip(".")
    hours = _hours_text(release.hours)
    return [
        f"Освободить {person.in_case(Case.ACCUSATIVE)} ({str(position_on(person, on)).lower()}) "
        f"от выполнения должностных обязанностей {release.date:%d.%m.%Y} на {hours} "
        "для участия в мероприятии "
        f"персонализированной программы наставничества «{event}».",
        f"Поручить {substitute.in_case(Case.DATIVE)} ({str(position_on(substitute, on)).lower()}) "
        f"с {_her_or_his(substitute)} письменного согласия выполнение дополнительной работы — обязанностей "
        f"{person.in_case(Case.GENITIVE)} — {release.date:%d.%m.%Y} на время {_her_or_his(person)} отсутствия "
        f"({hours}) в течение установленной продолжительности рабочего дня (статья 60.2 Трудового кодекса "
        "Российской Федерации).",
        f"Установить {substitute.in_case(Case.DATIVE)} за выполнение дополнительной работы "
        f"{release.date:%d.%m.%Y} доплату в размере, установленном соглашением сторон (статья 151 Трудового "
        "кодекса Российской Федерации).",
    ]


def _release_order(release: ReleaseRequest, *, actor: User, date) -> Order:
    own = issuing_organization()
    person, substitute = release.person, release.substitute
    on = date or timezone.localdate()  # posts as held on the order's date (people.facts)
    clauses = [*_release_clauses(release, on=on), control_clause(current_curator(own))]
    requested_on = timezone.localtime(release.requested_at).date()
    order = draft_order(
        own,
        kind=RELEASE_ORDER,
        heading=HEADING,
        preamble=(
            f"В соответствии с пунктом 1.4 Положения о наставничестве педагогических работников {own.short_name}, "
            f"на основании заявления {person.in_case(Case.GENITIVE)} от {requested_on:%d.%m.%Y} и письменного "
            f"согласия {substitute.in_case(Case.GENITIVE)} от {release.substitute_consent_on:%d.%m.%Y} "
            "на выполнение дополнительной работы, "
            "при условии обеспечения непрерывности образовательного процесса"
        ),
        clauses=clauses,
        acquaintance=[person, substitute],
        actor=actor,
        date=date,
    )
    # The pair sees the order among its own (orders_for scopes a mentor's and a mentee's orders by pair).
    release.program.pairing.orders.add(order)
    return order


@transaction.atomic
def release_approve(
    *,
    release: ReleaseRequest,
    substitute: Person | None = None,
    substitute_consent_on: date | None = None,
    comment: str = "",
    actor: User,
    order_date=None,
) -> Outcome:
    """The head decides to release the person: the project of the order is written; the release
    takes effect when the head registers it (`release_granted_by`). A substitute is required (1.4),
    with the date of their written consent to the additional work (ТК РФ ст. 60.2), which the order
    cites and so may not postdate.

    The head may name or change the substitute here when the request has none or another is better.
    """
    release = _locked(release)
    guard(release, S.APPROVED, roles=roles_of(actor))
    if release.order_id is not None:
        raise ValidationError(
            f"Проект приказа уже подготовлен ({release.order.date:%d.%m.%Y}): зарегистрируйте его на странице приказа."
        )
    substitute = substitute or release.substitute
    if substitute is None:
        raise ValidationError(
            "Без замены освободить нельзя (п. 1.4 Положения: непрерывность образовательного процесса): "
            "укажите, кто заменит работника."
        )
    _check_substitute(substitute, release.person, release.date)
    release.substitute, release.substitute_consent_on = substitute, substitute_consent_on
    _check_consent(substitute_consent_on, release, order_date or timezone.localdate())
    release.order = _release_order(release, actor=actor, date=order_date)
    release.decision_comment = comment.strip()
    validated_save(release, actor=actor)
    return Outcome(release)


def release_appointed_by(order: Order) -> list[tuple[str, date]]:
    """What a release order appoints (records.journal): the day of the release."""
    return [
        (f"Освобождение от работы {release.person.in_case(Case.GENITIVE)}", release.date)
        for release in ReleaseRequest.objects.filter(order=order).select_related("person")
    ]


def release_granted_by(order: Order, actor: User) -> None:
    """The release order is registered: the request is granted now. A request withdrawn or refused
    meanwhile, or a substitute busy by then, refuses the registration (inside its transaction)."""
    for release in ReleaseRequest.objects.filter(order=order).values_list("pk", flat=True):
        release = _locked(ReleaseRequest(pk=release))
        if release.status != S.REQUESTED:
            raise ValidationError(
                f"Просьба {release.person.in_case(Case.GENITIVE)} уже «{release.get_status_display().lower()}»: "
                "приказ об освобождении не регистрируется."
            )
        _check_substitute(release.substitute, release.person, release.date)
        _check_consent(release.substitute_consent_on, release, order.date)  # the project's date may have moved
        _decide(release, S.APPROVED, actor=actor, decided_by=actor, decided_at=timezone.now())


def release_back_from(order: Order, actor: User) -> None:
    """The release order's project is withdrawn (records.services.order_void, the kind's `on_void`):
    the request, still «на рассмотрении», is no longer tied to it and is back in the head's queue, to
    be approved into a new project or refused. The requester reads why on their request."""
    for pk in ReleaseRequest.objects.filter(order=order).values_list("pk", flat=True):
        release = _locked(ReleaseRequest(pk=pk))
        release.order = None
        release.decision_comment = f"Проект приказа от {order.date:%d.%m.%Y} отозван: {order.void_reason}"
        validated_save(release, actor=actor)


@transaction.atomic
def release_refuse(*, release: ReleaseRequest, comment: str, actor: User) -> Outcome:
    """The head refuses, saying why (the requester reads it)."""
    release = _locked(release)
    guard(release, S.REFUSED, roles=roles_of(actor), comment=comment)
    _decide(
        release,
        S.REFUSED,
        actor=actor,
        comment=comment,
        decided_by=actor,
        decided_at=timezone.now(),
        decision_comment=comment.strip(),
    )
    return Outcome(release)


@transaction.atomic
def release_withdraw(*, release: ReleaseRequest, actor: User) -> Outcome:
    """The requester takes the request back while it waits for the head."""
    release = _locked(release)
    guard(release, S.WITHDRAWN, roles=roles_of(actor))
    person = person_of(actor)
    if release.requested_by_id != actor.pk and (person is None or release.person_id != person.pk):
        raise PermissionDenied("Отозвать просьбу может только тот, кто её подал.")
    _decide(release, S.WITHDRAWN, actor=actor)
    return Outcome(release)
