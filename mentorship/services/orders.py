"""Orders mentorship issues (records.kinds registers them from the app config): the introduction of
the system, the curator, the council — drafted here from the records as editable projects — and the
orders that fix or change a pair, written by pair_orders.py where the head decides.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import User
from core.declension import Case
from core.text import sentence
from people.facts import position_on
from people.models import Organization, Person
from records.models import Order
from records.services import draft_order, issuing_organization
from records.wording import position_in_case, position_phrase

from ..models import CouncilMembership, CuratorAppointment
from ..models.regulation import requisites

LAW = "статьёй 351.8 Трудового кодекса Российской Федерации"

# The kinds of orders this app issues.
INTRODUCTION = "introduction"
CURATOR = "curator"
COUNCIL = "council"
PAIRING = "pairing"
REPLACEMENT = "replacement"
EXTENSION = "extension"
TERMINATION = "termination"


def current_curator(own: Organization) -> CuratorAppointment | None:
    """The curator in office now (orders name them in their control clause), or None."""
    return (
        CuratorAppointment.objects.filter(organization=own, ended_on__isnull=True)
        .select_related("person__position")
        .first()
    )


def control_clause(curator: CuratorAppointment | None) -> str:
    """Who controls the order: the curator (named in the accusative), or the head themself."""
    if curator is None:
        return "Контроль за исполнением приказа оставляю за собой."
    whom = curator.person.in_case(Case.ACCUSATIVE)
    return sentence(f"Контроль за исполнением приказа возложить на куратора наставничества {whom}")


CURATOR_DUTIES = (
    "Куратору руководствоваться пунктом 3.4 Положения о наставничестве: не реже одного раза в год актуализировать "
    "сведения о педагогах, которых необходимо включить в наставничество; вести банк наставников и наставляемых; "
    "разработать дорожную карту; курировать разработку и реализацию персонализированных программ наставничества; "
    "проводить мониторинг и формировать итоговый аналитический отчёт."
)


def post_and_name_accusative(person: Person, own: Organization, on) -> str:
    """«заместителя заведующего Морозову И.А.»: the post in apposition goes first, in the case of the
    sentence («назначить кого»: a post is an animate noun, so its accusative is its genitive); a post
    records.wording cannot decline prints after the name, in brackets, as it is named."""
    name = person.in_case(Case.ACCUSATIVE)
    if position_in_case(str(position_on(person, on)), Case.GENITIVE) is None:
        return f"{name} ({str(position_on(person, on)).lower()})"
    return f"{position_phrase(person, own, Case.GENITIVE, on=on)} {name}"


def _regulation(own: Organization) -> str:
    return f"Положением о наставничестве педагогических работников {own.short_name}"


def draft_curator_order(*, actor: User, date=None) -> Order:
    """«О назначении куратора»: the current appointment, the curator's duties (3.4)."""
    own = issuing_organization()
    regulation = _regulation(own)
    curator = current_curator(own)
    if curator is None:
        raise ValidationError("Куратор не назначен: сначала назначьте его на странице «Куратор и МО».")
    person = curator.person
    on = date or timezone.localdate()
    return draft_order(
        own,
        kind=CURATOR,
        heading="О назначении куратора реализации программ наставничества",
        preamble=f"В соответствии с {regulation}, в целях организации наставничества педагогических работников",
        clauses=[
            sentence(
                f"Назначить куратором реализации программ наставничества с {curator.appointed_on:%d.%m.%Y} "
                f"{post_and_name_accusative(person, own, on)}"
            ),
            CURATOR_DUTIES,
            "Контроль за исполнением приказа оставляю за собой.",
        ],
        acquaintance=[person],
        actor=actor,
        date=date,
    )


def draft_council_order(*, actor: User, date=None) -> Order:
    """«Об утверждении состава методического объединения»: its members and chair."""
    own = issuing_organization()
    regulation = _regulation(own)
    curator = current_curator(own)
    members = list(
        CouncilMembership.objects.filter(status=CouncilMembership.Status.MEMBER)
        .select_related("person__position")
        .order_by("-is_chair", "person__last_name")
    )
    if not members:
        raise ValidationError("В методическом объединении никого нет: сначала утвердите его состав.")
    on = date or timezone.localdate()
    names = [f"{m.person.full_name} — {str(position_on(m.person, on)).lower()}" for m in members]
    chair = next((m for m in members if m.is_chair), None)
    clauses = [
        "Утвердить состав методического объединения наставников: " + "; ".join(names) + ".",
        "Методическому объединению руководствоваться пунктом 3.5 Положения о наставничестве.",
    ]
    if chair is not None:
        clauses.insert(1, sentence(f"Назначить председателем {chair.person.in_case(Case.ACCUSATIVE)}"))
    clauses.append(control_clause(curator))
    return draft_order(
        own,
        kind=COUNCIL,
        heading="Об утверждении состава методического объединения наставников",
        preamble=f"В соответствии с {regulation}, по представлению куратора наставничества",
        clauses=clauses,
        acquaintance=[m.person for m in members],
        actor=actor,
        date=date,
    )


REGISTERED = (Order.Status.REGISTERED, Order.Status.SIGNED)
ROADMAP = "roadmap"  # the roadmap app's kind (it registers it; mentorship names no roadmap code)


def registered_order(own: Organization, kind: str, on) -> Order | None:
    """The latest registered order of `kind` dated on or before `on`: an act the introduction order
    refers to rather than repeats."""
    return (
        Order.objects.filter(organization=own, kind=kind, status__in=REGISTERED, date__lte=on)
        .order_by("-date", "-number", "-pk")
        .first()
    )


def _order_reference(order: Order) -> str:
    return f"приказом от {order.date:%d.%m.%Y} № {order.number_text} «{order.heading}»"


def introduction_preamble(regulation) -> str:
    """The legal basis: the law, the ministry's order, the pedagogical council's protocol and the trade
    union's opinion (ст. 372 ТК РФ: the regulation sets the mentors' pay). What the system does not
    know is a line to fill in by hand, never an invented date or number."""
    council = regulation.council_protocol if regulation else requisites(None, "")
    union = regulation.union_opinion if regulation else requisites(None, "")
    return (
        "В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации, распоряжением Министерства "
        "просвещения Российской Федерации от 25.12.2019 № Р-145, на основании решения педагогического совета "
        f"(протокол {council}), с учётом мнения выборного органа первичной профсоюзной организации "
        f"(ст. 372 ТК РФ), протокол {union}"
    )


def draft_introduction_order(*, actor: User, date=None) -> Order:
    """«О внедрении системы наставничества и утверждении Положения»: annex 1 is the regulation kept in
    the system (its newest project, linked to this order and adopted when the order is registered).

    A roadmap or a curator already fixed by their own registered orders is not approved or appointed
    again: the clause refers to that order. Every pedagogical employee acquaints themselves with the
    order under signature (ТК РФ ст. 22: the local acts about their work)."""
    from .regulation import regulation_link, regulation_project

    own = issuing_organization()
    curator = current_curator(own)
    on = date or timezone.localdate()
    regulation = regulation_project(own)
    title = regulation.title if regulation else "Положение о наставничестве педагогических работников"
    clauses = [
        f"Внедрить систему наставничества педагогических работников в {own.short_name} с {on:%d.%m.%Y}.",
        f"Утвердить {title} {own.short_name} (приложение 1).",
    ]
    roadmap_order = registered_order(own, ROADMAP, on)
    if roadmap_order is None:
        clauses.append(
            "Утвердить дорожную карту (план мероприятий) по реализации Положения о наставничестве (приложение 2)."
        )
    else:
        clauses.append(
            "Реализацию Положения о наставничестве осуществлять в соответствии с дорожной картой (планом "
            f"мероприятий), утверждённой {_order_reference(roadmap_order)}."
        )
    curator_order = registered_order(own, CURATOR, on)
    if curator_order is not None:
        clauses.append(
            "Функции куратора реализации программ наставничества выполняет куратор, назначенный "
            f"{_order_reference(curator_order)}."
        )
    elif curator is not None:
        clauses.append(
            sentence(
                "Назначить куратором реализации программ наставничества "
                f"{post_and_name_accusative(curator.person, own, on)}"
            )
        )
    clauses.append(
        "Педагогическим работникам ознакомиться с Положением о наставничестве под подпись в листе ознакомления."
    )
    clauses.append(control_clause(curator))
    staff = list(
        Person.objects.pedagogical_staff(on).filter(organization=own).order_by("last_name", "first_name", "pk")
    )
    order = draft_order(
        own,
        kind=INTRODUCTION,
        heading="О внедрении системы наставничества педагогических работников и утверждении Положения",
        preamble=introduction_preamble(regulation),
        clauses=clauses,
        acquaintance=[curator.person, *staff] if curator else staff,
        actor=actor,
        date=date,
    )
    if regulation is not None:
        regulation_link(regulation, order, actor=actor)
    return order
