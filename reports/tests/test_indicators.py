"""Every indicator on a data set computed by hand, with the edges the issue names: a mentee with two
programs in a year, a partner's mentor counted apart, a person dismissed mid-year, a program ended early,
plan items dated 31.08 and 01.09, and nobody in a denominator («—», never a division error).

The period is the academic year 2025/2026; it is measured on 31.08.2026 (D)."""

from datetime import date, datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from growth.models import GrowthRecord, Kind, RewardKind
from mentorship.models import Pairing
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
from people.models import Person
from people.tests.factories import PartnerFactory, PersonFactory, position
from programs.models import Program, ProgramTransition
from programs.tests.factories import PlanItemFactory, ProgramFactory
from surveys.models import Response
from surveys.tests.factories import written_answer

from ..indicators import Records, indicators
from ..period import Period

pytestmark = pytest.mark.django_db
PS, S = Program.Status, Pairing.Status
YEAR = Period.academic(2025)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def _program(pairing, status, starts_on, ends_on, *, closed_on=None, reason="", ran=True) -> Program:
    program = ProgramFactory(
        pairing=pairing, status=status, starts_on=starts_on, ends_on=ends_on, termination_reason=reason
    )
    if ran:
        ProgramTransition.objects.create(program=program, source=PS.APPROVED, target=PS.RUNNING, at=_at(starts_on))
    if closed_on:
        ProgramTransition.objects.create(program=program, source=PS.RUNNING, target=status, at=_at(closed_on))
    return program


def _answer(program, person, score, day):
    response = written_answer(program, Response.Stage.END, person, score=score)
    Response.objects.filter(pk=response.pk).update(submitted_at=_at(day))


def _growth(person, kind, day, *, confirmed=True, reward_kind=""):
    GrowthRecord.objects.create(
        person=person,
        kind=kind,
        title="Запись",
        date=day,
        reward_kind=reward_kind,
        status=GrowthRecord.Status.CONFIRMED if confirmed else GrowthRecord.Status.PROPOSED,
    )


@pytest.fixture
def kindergarten(db):
    people = {}

    names = {"M": "Петрова", "A": "Иванова", "B": "Белова", "C": "Сидорова", "E": "Егорова", "F": "Фомина"}
    names.update({"G": "Горина", "H": "Хохлова", "R": "Рыбина", "S": "Соколова"})

    def person(key, **fields):
        people[key] = PersonFactory(last_name=names[key], **fields)
        return people[key]

    m1 = MentorFactory(person=person("M", teaching_since=date(2005, 9, 1)))
    m2 = MentorFactory(person=PersonFactory(organization=PartnerFactory(), last_name="Партнёрова"))
    a = MenteeFactory(person=person("A", teaching_since=date(2024, 9, 1)))
    b = MenteeFactory(person=person("B", teaching_since=date(2025, 1, 10)))
    Person.objects.filter(pk=b.person.pk).update(status=Person.Status.LEFT, left_on=date(2026, 3, 15))
    person("C", teaching_since=date(2023, 9, 1))  # exactly 36 months on D: still young, no program
    e = MenteeFactory(person=person("E", teaching_since=date(2015, 9, 1)))
    person("F", position=position("Помощник воспитателя"), teaching_since=None)  # not pedagogical
    person("G", hired_on=date(2026, 9, 10), teaching_since=date(2026, 9, 10))  # hired after D
    h = person("H", teaching_since=date(2012, 9, 1))
    r = MenteeFactory(person=person("R", teaching_since=date(2022, 9, 1)))
    s = MenteeFactory(person=person("S", teaching_since=date(2022, 9, 1)))
    Person.objects.filter(pk=s.person.pk).update(status=Person.Status.LEFT, left_on=date(2026, 1, 31))

    p1 = PairingFactory(mentor=m1, mentees=[a], starts_on=date(2025, 9, 1), planned_end_on=date(2026, 5, 31))
    p2 = PairingFactory(
        mentor=m2,
        mentees=[b],
        status=S.TERMINATED,
        starts_on=date(2025, 9, 1),
        planned_end_on=date(2026, 5, 31),
        ended_on=date(2026, 3, 15),
    )
    p3 = PairingFactory(mentor=m1, mentees=[e], starts_on=date(2025, 10, 1), planned_end_on=date(2026, 6, 30))
    old1 = PairingFactory(
        mentor=m1, mentees=[r], status=S.COMPLETED, starts_on=date(2024, 9, 1), planned_end_on=date(2025, 6, 15)
    )
    old2 = PairingFactory(
        mentor=m1, mentees=[s], status=S.COMPLETED, starts_on=date(2024, 10, 1), planned_end_on=date(2025, 7, 1)
    )
    PairingFactory(mentor=m1, mentees=[MenteeFactory(person=h)], status=S.PROPOSED, starts_on=date(2025, 9, 1))

    # A: two programs in the year, the first completed, the second running.
    prog1 = _program(p1, PS.COMPLETED, date(2025, 9, 1), date(2026, 1, 20), closed_on=date(2026, 1, 20))
    prog2 = _program(p1, PS.RUNNING, date(2026, 2, 1), date(2026, 5, 31))
    _program(p2, PS.TERMINATED, date(2025, 9, 1), date(2026, 5, 31), closed_on=date(2026, 3, 15), reason="Увольнение")
    prog4 = _program(
        p3, PS.TERMINATED, date(2025, 10, 1), date(2026, 6, 30), closed_on=date(2026, 4, 10), reason="Смена наставника"
    )
    old_prog1 = _program(old1, PS.COMPLETED, date(2024, 9, 1), date(2025, 6, 15), closed_on=date(2025, 6, 15))
    old_prog2 = _program(old2, PS.COMPLETED, date(2024, 10, 1), date(2025, 7, 1), closed_on=date(2025, 7, 1))
    draft = ProgramFactory(pairing=p3, status=PS.DRAFT, starts_on=date(2026, 7, 1), ends_on=date(2026, 10, 1))

    # The plan: 31.08.2025 is outside, 01.09.2025 and 31.08.2026 inside; a draft's item never counts.
    PlanItemFactory(program=prog1, deadline=date(2025, 8, 31), done_on=date(2025, 8, 30))
    PlanItemFactory(program=prog1, deadline=date(2025, 9, 1), done_on=date(2025, 9, 1))
    PlanItemFactory(program=prog2, deadline=date(2026, 8, 31))
    PlanItemFactory(program=prog2, deadline=date(2026, 3, 1), done_on=date(2026, 3, 5))
    PlanItemFactory(program=old_prog1, deadline=date(2025, 6, 1), done_on=date(2025, 6, 1))
    PlanItemFactory(program=draft, deadline=date(2026, 7, 15), done_on=date(2026, 7, 15))

    # End surveys: the mentor 8; the mentees 9 and 6 (7,5); last year's answer does not count.
    _answer(prog1, m1.person, 8, date(2026, 1, 15))
    _answer(prog1, a.person, 9, date(2026, 1, 16))
    _answer(prog4, e.person, 6, date(2026, 4, 5))
    _answer(old_prog2, m1.person, 2, date(2025, 8, 30))

    _growth(a.person, Kind.CERTIFICATION, date(2026, 4, 1))
    _growth(e.person, Kind.CONTEST, date(2025, 8, 31))  # before the period
    _growth(b.person, Kind.CONTEST, date(2026, 2, 1), confirmed=False)  # not confirmed
    _growth(m1.person, Kind.REWARD, date(2026, 5, 20), reward_kind=RewardKind.GRATITUDE)
    _growth(m2.person, Kind.REWARD, date(2026, 5, 20), reward_kind=RewardKind.GRATITUDE)  # a partner
    people.update(partner=m2.person)
    return people


def _by_key(period=YEAR):
    return {indicator.key: indicator for indicator in indicators(Records.load(period))}


def test_every_indicator_as_computed_by_hand(kindergarten):
    p = {key: person.pk for key, person in kindergarten.items()}
    result = _by_key()
    records = Records.load(YEAR)
    assert records.staff() == {p["M"], p["A"], p["C"], p["E"], p["H"], p["R"]}
    assert records.young() == {p["A"], p["C"]}

    coverage = result["coverage"]
    assert (coverage.numerator, coverage.denominator, coverage.display) == (1, 2, "50,0 %")
    assert coverage.numerator_people == (p["A"],)

    involvement = result["involvement"]
    assert (involvement.numerator, involvement.denominator) == (3, 6)
    assert set(involvement.numerator_people) == {p["M"], p["A"], p["E"]}  # not B (left), not the partner

    assert (result["retention_12"].numerator, result["retention_12"].denominator) == (1, 2)
    assert result["retention_12"].numerator_people == (p["R"],)
    assert (result["retention_36"].denominator, result["retention_36"].value, result["retention_36"].display) == (
        0,
        None,
        "—",
    )

    completion = result["completion"]
    assert (completion.numerator, completion.denominator, completion.display) == (1, 3, "33,3 %")
    assert completion.breakdown == [("Смена наставника", 1), ("Увольнение", 1)]

    plan = result["plan"]
    assert (plan.numerator, plan.denominator) == (1, 3)

    mentors, mentees = result["satisfaction_mentor"], result["satisfaction_mentee"]
    assert (mentors.average, mentors.denominator, mentors.display) == (8, 1, "8,0")
    assert (mentees.average, mentees.denominator, mentees.display) == (7.5, 2, "7,5")

    results = result["mentee_results"]
    assert (results.numerator, results.denominator) == (1, 3) and results.numerator_people == (p["A"],)
    rewarded = result["mentors_rewarded"]
    assert (rewarded.numerator, rewarded.denominator, rewarded.display) == (1, 1, "100,0 %")
    assert rewarded.breakdown == [("Благодарность", 1)]


def test_an_empty_period_gives_dashes_not_errors(kindergarten):
    result = _by_key(Period.academic(2015))
    for indicator in result.values():
        if indicator.denominator == 0:
            assert indicator.display == "—", indicator.key
    assert result["satisfaction_mentor"].value is None


def test_the_records_of_a_period_are_read_in_a_fixed_number_of_queries(kindergarten):
    with CaptureQueriesContext(connection) as first:
        indicators(Records.load(YEAR))
    for _ in range(3):
        extra = PairingFactory(starts_on=date(2025, 9, 1), planned_end_on=date(2026, 5, 31), mentees=[MenteeFactory()])
        _program(extra, PS.RUNNING, date(2025, 9, 1), date(2026, 5, 31))
    with CaptureQueriesContext(connection) as second:
        indicators(Records.load(YEAR))
    assert len(first) == len(second) == 13


def test_a_year_is_read_from_its_name():
    assert Period.parse_year("2025-2026") == YEAR and Period.parse_year("2025/2026") == YEAR
    for text in ("2025-2027", "abc", "", "1999-2000", "2025-2026; DROP"):
        assert Period.parse_year(text) is None
    assert YEAR.label == "2025/2026 учебный год" and YEAR.previous() == Period.academic(2024)
