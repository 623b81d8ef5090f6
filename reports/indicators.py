"""The monitoring indicators (DOMAIN.md «Indicators for monitoring»), each with the definition the
report prints, its value, numerator and denominator and the people behind them.

The records of a period are read once (`Records.load`: a fixed number of queries whatever their number)
and counted here in Python, so that every indicator reads the same sets: «pedagogical staff» has one
definition (`Records.staff`), a pair «in the period» one (`Records.pairings`), and so on.

Definitions (measured on the period's last day D):
- pedagogical staff: people of our own organization in a pedagogical post (Position.is_pedagogical), hired
  on or before D (or with no date of hire) and not dismissed before D; partners' people are counted apart;
- a pair in the period: fixed by an order (закреплена, активна, завершена, прекращена) whose term —
  from its start to its actual end, or its planned end while it goes on — shares a day with the period;
- a program in the period: one that has run (реализуется, корректировка, завершена, прекращена after it
  ran) whose term shares a day with the period; completed or terminated on the day its move is logged.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from core.dates import add_months
from core.text import plural
from growth.models import GrowthRecord, Kind, RewardKind
from mentorship.models import Pairing
from mentorship.selectors import YOUNG_SPECIALIST_MONTHS
from people.models import Organization, Person, employed_q
from programs.models import ActivityRecord, PlanItem, Program, ProgramTransition
from surveys.models import Answer, Question, Questionnaire, Response

from .period import Period

SHARE, AVERAGE = "share", "average"
PS = Program.Status
RAN = (PS.RUNNING, PS.CORRECTION, PS.COMPLETED, PS.TERMINATED)
ACTIVE_OR_COMPLETED = (PS.RUNNING, PS.CORRECTION, PS.COMPLETED)


@dataclass
class Indicator:
    key: str
    title: str
    definition: str
    kind: str = SHARE
    numerator: int = 0
    denominator: int = 0
    average: float | None = None
    # Whom the numbers count (person ids), for the roles that may see names; empty where they count things.
    numerator_people: tuple = ()
    denominator_people: tuple = ()
    # (label, count): early terminations by reason, rewards by kind…
    breakdown: list = field(default_factory=list)

    @property
    def value(self) -> float | None:
        """A share in per cent or an average; None when nobody is in the denominator (printed «—»)."""
        if self.kind == AVERAGE:
            return self.average
        return 100 * self.numerator / self.denominator if self.denominator else None

    @property
    def display(self) -> str:
        value = self.value
        if value is None:
            return "—"
        text = f"{value:.1f}".replace(".", ",")
        return f"{text} %" if self.kind == SHARE else text

    @property
    def fraction(self) -> str:
        """«12 из 40», or the number of answers behind an average."""
        if self.kind == AVERAGE:
            return f"ответов: {self.denominator}"
        return f"{self.numerator} из {self.denominator}"


@dataclass(frozen=True)
class PersonRow:
    pk: int
    name: str
    own: bool
    teaching_since: date | None


@dataclass(frozen=True)
class PairingRow:
    pk: int
    mentor: int
    direction: str
    status: str
    starts_on: date
    ends_on: date  # the actual end, or the planned one while it goes on
    mentees: tuple  # person ids
    categories: tuple  # mentee category names, one per mentee
    forms: tuple


@dataclass(frozen=True)
class ProgramRow:
    pk: int
    pairing: int
    status: str
    starts_on: date
    ends_on: date
    termination_reason: str
    closed_on: date | None  # the day it was completed or terminated
    is_best_practice: bool = False


class Records:
    """What the indicators of one period read."""

    def __init__(self, period: Period):
        self.period = period
        self.day = period.end

    @classmethod
    def load(cls, period: Period) -> "Records":
        records = cls(period)
        records._load()
        return records

    def _load(self) -> None:
        period = self.period
        self.people = {
            row["pk"]: PersonRow(
                pk=row["pk"],
                name=" ".join(part for part in (row["last_name"], row["first_name"], row["middle_name"]) if part),
                own=row["organization__kind"] == Organization.Kind.OWN,
                teaching_since=row["teaching_since"],
            )
            for row in Person.objects.values(
                "pk",
                "last_name",
                "first_name",
                "middle_name",
                "organization__kind",
                "teaching_since",
            )
        }
        self.staff_ids = set(Person.objects.pedagogical_staff(self.day).values_list("pk", flat=True))
        self.employed_ids = set(Person.objects.filter(employed_q(self.day)).values_list("pk", flat=True))
        mentees, categories, forms = defaultdict(list), defaultdict(list), defaultdict(list)
        for row in Pairing.mentees.through.objects.values("pairing_id", "mentee__person_id", "mentee__category__name"):
            mentees[row["pairing_id"]].append(row["mentee__person_id"])
            categories[row["pairing_id"]].append(row["mentee__category__name"])
        for row in Pairing.forms.through.objects.values("pairing_id", "mentoringform__name"):
            forms[row["pairing_id"]].append(row["mentoringform__name"])
        self.all_pairings = [
            PairingRow(
                pk=row["pk"],
                mentor=row["mentor__person_id"],
                direction=row["direction__name"] or "—",
                status=row["status"],
                starts_on=row["starts_on"],
                ends_on=row["ended_on"] or row["planned_end_on"],
                mentees=tuple(mentees[row["pk"]]),
                categories=tuple(categories[row["pk"]]),
                forms=tuple(sorted(forms[row["pk"]])),
            )
            for row in Pairing.objects.filter(status__in=Pairing.UNDER_ORDER_STATUSES).values(
                "pk", "mentor__person_id", "direction__name", "status", "starts_on", "ended_on", "planned_end_on"
            )
        ]
        self.pairings = [p for p in self.all_pairings if period.overlaps(p.starts_on, p.ends_on)]
        closed = {
            row["program_id"]: row["at"]
            for row in ProgramTransition.objects.filter(target__in=Program.CLOSED_STATUSES)
            .order_by("at")
            .values("program_id", "at")
        }
        ran = set(ProgramTransition.objects.filter(target=PS.RUNNING).values_list("program_id", flat=True).distinct())
        self.all_programs = [
            ProgramRow(
                pk=row["pk"],
                pairing=row["pairing_id"],
                status=row["status"],
                starts_on=row["starts_on"],
                ends_on=row["ends_on"],
                termination_reason=row["termination_reason"].strip(),
                closed_on=timezone.localdate(closed[row["pk"]]) if row["pk"] in closed else None,
                is_best_practice=row["is_best_practice"],
            )
            for row in Program.objects.filter(status__in=RAN).values(
                "pk", "pairing_id", "status", "starts_on", "ends_on", "termination_reason", "is_best_practice"
            )
            if row["status"] != PS.TERMINATED or row["pk"] in ran
        ]
        self.programs = [p for p in self.all_programs if period.overlaps(p.starts_on, p.closed_on or p.ends_on)]
        self.plan = PlanItem.objects.filter(
            program__status__in=RAN, deadline__gte=period.start, deadline__lte=period.end
        ).aggregate(
            total=Count("pk"),
            in_time=Count("pk", filter=Q(done_on__isnull=False, done_on__lte=F("deadline"))),
        )
        self.satisfaction = list(
            Answer.objects.filter(
                question__kind=Question.Kind.SCALE,
                response__stage=Response.Stage.END,
                response__submitted_at__date__gte=period.start,
                response__submitted_at__date__lte=period.end,
                number__isnull=False,
            )
            .values("response_id", "response__questionnaire__audience", "response__respondent_id")
            .annotate(average=Avg("number"))
        )
        self.activities = ActivityRecord.objects.filter(done_on__gte=period.start, done_on__lte=period.end).aggregate(
            total=Count("pk"), confirmed=Count("pk", filter=Q(confirmed_at__isnull=False))
        )
        self.growth = list(
            GrowthRecord.objects.filter(
                status=GrowthRecord.Status.CONFIRMED, date__gte=period.start, date__lte=period.end
            ).values("person_id", "kind", "reward_kind", "hours", "level")
        )

    # --- the sets every indicator shares -----------------------------------------------------------

    def staff(self) -> set[int]:
        """Our pedagogical staff on the period's last day (people.models.pedagogical_staff_q)."""
        return self.staff_ids

    def employed(self, people: set[int]) -> set[int]:
        """Of `people`, those employed on the period's last day (people.models.employed_q)."""
        return people & self.employed_ids

    def young(self) -> set[int]:
        """Of the staff, those with at most three years of teaching on the period's last day."""
        since = add_months(self.day, -YOUNG_SPECIALIST_MONTHS)
        return {pk for pk in self.staff() if (t := self.people[pk].teaching_since) is not None and t >= since}

    def mentors(self) -> set[int]:
        return {pairing.mentor for pairing in self.pairings}

    def mentees(self) -> set[int]:
        return {pk for pairing in self.pairings for pk in pairing.mentees}

    def own(self, people: set[int]) -> set[int]:
        return {pk for pk in people if self.people[pk].own}

    def partner(self, people: set[int]) -> set[int]:
        return {pk for pk in people if not self.people[pk].own}

    # --- breakdowns ----------------------------------------------------------------------------------

    def by_direction(self) -> list[tuple[str, int, int, int]]:
        """(direction, pairs, mentees, programs completed in the period), most pairs first."""
        pairs, mentees, completed = Counter(), defaultdict(set), Counter()
        direction_of = {pairing.pk: pairing.direction for pairing in self.all_pairings}
        for pairing in self.pairings:
            pairs[pairing.direction] += 1
            mentees[pairing.direction].update(pairing.mentees)
        for program in self.all_programs:
            if program.status == PS.COMPLETED and self.period.holds(program.closed_on):
                completed[direction_of.get(program.pairing, "—")] += 1
        names = set(pairs) | set(completed)
        rows = [(name, pairs[name], len(mentees[name]), completed[name]) for name in names]
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    def by_form(self) -> list[tuple[str, int]]:
        """(form of mentoring, pairs and groups using it); a pair may combine several forms."""
        counts = Counter(form for pairing in self.pairings for form in pairing.forms)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def by_category(self) -> list[tuple[str, int]]:
        """(mentee category, distinct mentees of the period in it)."""
        seen = {}
        for pairing in self.pairings:
            for person, category in zip(pairing.mentees, pairing.categories, strict=True):
                seen[person] = category or "—"
        counts = Counter(seen.values())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def program_mentees(self, programs) -> set[int]:
        by_pairing = {pairing.pk: pairing for pairing in self.all_pairings}
        return {
            pk for program in programs if program.pairing in by_pairing for pk in by_pairing[program.pairing].mentees
        }


def _share(key, title, definition, numerator: set, denominator: set, **extra) -> Indicator:
    return Indicator(
        key,
        title,
        definition,
        numerator=len(numerator),
        denominator=len(denominator),
        numerator_people=tuple(sorted(numerator)),
        denominator_people=tuple(sorted(denominator)),
        **extra,
    )


def coverage(records: Records) -> Indicator:
    young = records.young()
    with_program = records.program_mentees(p for p in records.programs if p.status in ACTIVE_OR_COMPLETED)
    return _share(
        "coverage",
        "Охват молодых специалистов наставничеством",
        "Педагогические работники со стажем до 3 лет, у которых в периоде была реализуемая или завершённая "
        "программа наставничества, к числу педагогических работников со стажем до 3 лет на конец периода.",
        young & with_program,
        young,
    )


def involvement(records: Records) -> Indicator:
    staff = records.staff()
    return _share(
        "involvement",
        "Вовлечённость педагогов в наставничество",
        "Педагогические работники, которые в периоде были наставниками или наставляемыми в парах (группах), "
        "закреплённых приказом, к числу педагогических работников на конец периода.",
        staff & (records.mentors() | records.mentees()),
        staff,
    )


def retention(records: Records, months: int) -> Indicator:
    """Mentees who completed a program at least `months` before the day; the share still employed."""
    day = records.day
    limit = add_months(day, -months)
    completed = [p for p in records.all_programs if p.status == PS.COMPLETED and p.closed_on and p.closed_on <= limit]
    cohort = records.own(records.program_mentees(completed))
    employed = records.employed(cohort)
    word = plural(months, "месяц", "месяца", "месяцев")
    return _share(
        f"retention_{months}",
        f"Закрепление в профессии через {word}",
        f"Наставляемые, завершившие программу не позднее чем за {word} до конца периода и работающие в "
        "организации на конец периода, к числу всех таких наставляемых.",
        employed,
        cohort,
    )


def completion(records: Records) -> Indicator:
    ended = [p for p in records.all_programs if p.closed_on and records.period.holds(p.closed_on)]
    completed = [p for p in ended if p.status == PS.COMPLETED]
    terminated = [p for p in ended if p.status == PS.TERMINATED]
    reasons = Counter(p.termination_reason or "причина не указана" for p in terminated)
    return Indicator(
        "completion",
        "Завершение программ",
        "Программы, завершённые в периоде, к числу программ, завершённых или прекращённых досрочно в периоде; "
        "прекращённые — по причинам.",
        numerator=len(completed),
        denominator=len(ended),
        breakdown=sorted(reasons.items(), key=lambda item: (-item[1], item[0])),
    )


def plan_fulfilment(records: Records) -> Indicator:
    return Indicator(
        "plan",
        "Выполнение планов в срок",
        "Мероприятия планов со сроком в периоде, выполненные не позже срока, к числу всех мероприятий "
        "со сроком в периоде (программы, которые реализовывались).",
        numerator=records.plan["in_time"],
        denominator=records.plan["total"],
    )


def satisfaction(records: Records, audience: str) -> Indicator:
    averages = [row["average"] for row in records.satisfaction if row["response__questionnaire__audience"] == audience]
    who = "наставников" if audience == Questionnaire.Audience.MENTOR else "наставляемых"
    return Indicator(
        f"satisfaction_{audience}",
        f"Удовлетворённость {who}",
        f"Среднее по итоговым анкетам {who}, отправленным в периоде: для каждой анкеты — среднее её оценок "
        "по шкале от 1 до 10, затем среднее по анкетам.",
        kind=AVERAGE,
        denominator=len(averages),
        average=sum(averages) / len(averages) if averages else None,
    )


def mentee_results(records: Records) -> Indicator:
    mentees = records.own(records.mentees())
    achieved = {
        row["person_id"] for row in records.growth if row["kind"] in (Kind.CERTIFICATION, Kind.CONTEST)
    } & mentees
    return _share(
        "mentee_results",
        "Наставляемые, аттестованные или участвовавшие в конкурсах",
        "Наставляемые пар (групп) периода, у которых в периоде есть подтверждённая запись об аттестации или "
        "об участии в конкурсе, к числу наставляемых периода (свои сотрудники).",
        achieved,
        mentees,
    )


def mentors_rewarded(records: Records) -> Indicator:
    mentors = records.own(records.mentors())
    rewards = [row for row in records.growth if row["kind"] == Kind.REWARD and row["person_id"] in mentors]
    kinds = Counter(row["reward_kind"] for row in rewards)
    labels = dict(RewardKind.choices)
    return _share(
        "mentors_rewarded",
        "Наставники, получившие поощрение",
        "Наставники пар (групп) периода, у которых в периоде есть подтверждённая награда (благодарность, "
        "грамота, премия, знак «За наставничество»), к числу наставников периода (свои сотрудники).",
        {row["person_id"] for row in rewards},
        mentors,
        breakdown=sorted(((labels.get(kind, kind), n) for kind, n in kinds.items()), key=lambda item: -item[1]),
    )


def indicators(records: Records) -> list[Indicator]:
    """Every DOMAIN indicator of the period, in the report's order."""
    return [
        coverage(records),
        involvement(records),
        retention(records, 12),
        retention(records, 36),
        completion(records),
        plan_fulfilment(records),
        satisfaction(records, Questionnaire.Audience.MENTOR),
        satisfaction(records, Questionnaire.Audience.MENTEE),
        mentee_results(records),
        mentors_rewarded(records),
    ]
