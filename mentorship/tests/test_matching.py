"""Mentor suggestions: hand-made mentors whose right order is obvious, and the reasons in words."""

from datetime import date

import pytest
from django.urls import reverse

from mentorship.matching import suggest_mentors
from mentorship.models import Direction
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PairingFactory,
    PartnerFactory,
    PersonFactory,
    position,
)
from people.models import Organization


def mentor(last_name, *, directions=(), competencies="", teaching_since=date(2008, 9, 1), category="first", **person):
    made = MentorFactory(
        person=PersonFactory(
            last_name=last_name, teaching_since=teaching_since, qualification_category=category, **person
        ),
        competencies=competencies,
    )
    made.directions.set(Direction.objects.filter(name__in=directions))
    return made


@pytest.fixture
def mentee(db):
    return MenteeFactory(
        person=PersonFactory(last_name="Новенькая", position=position("Воспитатель"), teaching_since=date(2026, 9, 1)),
        difficulties="Не получается организовать режимные моменты: умывание и дневной сон.",
        request="Хочу научиться работать с родителями.",
    )


def names(suggestions):
    return [s.mentor.person.last_name for s in suggestions]


def test_the_obvious_order(world, mentee):
    Organization.objects.filter(kind="own").update(mentor_min_experience_years=5)
    best = mentor(
        "Лучшая", directions=["Режимные моменты", "Взаимодействие с семьями воспитанников"], category="highest"
    )
    good = mentor("Хорошая", directions=["Режимные моменты"])
    other_post = mentor("Логопед", directions=["Режимные моменты"], position=position("Учитель-логопед"))
    unrelated = mentor("Другая", directions=["ИКТ"])
    mentor("Молодая", directions=["ИКТ"], teaching_since=date(2024, 9, 1))
    full = mentor(
        "Занятая", directions=["Режимные моменты", "Взаимодействие с семьями воспитанников"], category="highest"
    )
    for _ in range(2):
        PairingFactory(mentor=full, mentees=[MenteeFactory()])
    order = names(suggest_mentors(mentee, limit=50))
    expected = [best.person.last_name, good.person.last_name, other_post.person.last_name, unrelated.person.last_name]
    assert [name for name in order if name in expected] == expected
    assert order.index("Молодая") > order.index("Другая")
    assert order.index("Занятая") > order.index("Логопед")


def test_reasons_are_in_words(world, mentee):
    made = mentor(
        "Лучшая",
        directions=["Режимные моменты"],
        competencies="Режимные моменты, дневной сон и умывание",
        category="highest",
    )
    suggestion = next(s for s in suggest_mentors(mentee, limit=50) if s.mentor == made)
    assert "совпадает направление: режимные моменты" in suggestion.reasons
    assert "свободно мест: 2" in suggestion.reasons
    assert "та же должность: воспитатель" in suggestion.reasons
    assert "стаж 18 лет" in suggestion.reasons
    assert "категория: высшая" in suggestion.reasons
    assert "в компетенциях: режимные моменты, дневной сон и умывание" in suggestion.reasons


def test_a_partners_mentor_and_a_full_one_are_marked(world, mentee):
    partner = mentor("Крылова", directions=["Режимные моменты"], organization=PartnerFactory(short_name="Колледж"))
    suggestion = next(s for s in suggest_mentors(mentee, limit=50) if s.mentor == partner)
    assert "из организации-партнёра: Колледж" in suggestion.reasons


def test_nobody_is_suggested_to_themself_nor_the_current_mentor(world):
    suggestions = names(suggest_mentors(world.mentee, limit=50))
    assert world.mentor.person.last_name not in suggestions
    mentor_as_mentee = MenteeFactory(person=world.other_mentor.person)
    assert world.other_mentor.person.last_name not in names(suggest_mentors(mentor_as_mentee, limit=50))


@pytest.mark.parametrize(
    ("role", "sees"), [("council", True), ("curator", True), ("head", True), ("admin", False), ("mentor", False)]
)
def test_suggestions_on_the_mentee_page(world, client_as, mentee, role, sees):
    mentor("Лучшая", directions=["Режимные моменты"])
    world.pairing.mentees.add(mentee)  # so that the mentor may open the page at all
    response = client_as(role).get(reverse("mentorship:mentee-detail", args=[mentee.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert ("Подходящие наставники" in body) is sees
    if sees:
        assert "совпадает направление: режимные моменты" in body


def test_the_mentee_page_with_suggestions_keeps_its_query_count(world, client_as, mentee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("council")
    url = reverse("mentorship:mentee-detail", args=[mentee.pk])

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    for n in range(3):
        mentor(f"Первая{n}", directions=["Режимные моменты"])
    few = count()
    for n in range(15):
        mentor(f"Вторая{n}", directions=["ИКТ", "Режимные моменты"])
    assert count() == few


def test_the_curator_tunes_a_directions_keywords(world, client_as):
    direction = Direction.objects.get(name="ИКТ")
    client_as("curator").post(
        reverse("people:reference-update", args=["directions", direction.pk]),
        {"name": "ИКТ", "keywords": "икт, планшет", "is_active": "on", "sort_order": "90"},
    )
    direction.refresh_from_db()
    assert direction.keywords == "икт, планшет"
