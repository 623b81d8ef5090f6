"""A person's post, category and experience as of a document's date (people.facts)."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from people.facts import category_label, category_on, experience_on, facts_on, position_on
from people.models import Position, QualificationCategory
from people.tests.factories import PersonFactory, position

pytestmark = pytest.mark.django_db

FIRST, HIGHEST = QualificationCategory.FIRST, QualificationCategory.HIGHEST


def saved_on(person, moment: date):
    """Save the card, and date the history row it wrote as if saved on `moment`."""
    person.save()
    row = person.history.filter(id=person.pk).latest("history_date", "history_id")
    row.history_date = timezone.make_aware(datetime(moment.year, moment.month, moment.day, 12))
    row.save()


def test_experience_is_counted_to_the_day_asked_not_to_today():
    person = PersonFactory(teaching_since=date(2023, 8, 1))
    assert experience_on(person, date(2025, 9, 1)) == "2 года 1 мес."
    assert experience_on(person, date(2026, 9, 1)) == "3 года 1 мес."


def test_experience_stops_growing_on_dismissal():
    person = PersonFactory(teaching_since=date(2020, 9, 1), status="left", left_on=date(2024, 9, 1))
    assert experience_on(person, date(2026, 9, 1)) == "4 года"


def test_unrecorded_experience_reads_as_a_dash():
    assert experience_on(PersonFactory(teaching_since=None), date(2025, 9, 1)) == "—"


def test_a_category_assigned_after_the_day_gives_way_to_the_one_before():
    person = PersonFactory(qualification_category=FIRST, category_assigned_on=date(2021, 5, 1))
    saved_on(person, date(2021, 5, 10))
    person.qualification_category, person.category_assigned_on = HIGHEST, date(2026, 3, 1)
    saved_on(person, date(2026, 3, 5))
    assert category_on(person, date(2025, 9, 1)) == FIRST
    assert category_on(person, date(2026, 3, 1)) == HIGHEST


def test_a_category_assigned_after_the_day_with_nothing_known_before_is_not_printed():
    person = PersonFactory(qualification_category=HIGHEST, category_assigned_on=date(2026, 3, 1))
    facts = facts_on(person, date(2025, 9, 1))
    assert facts.category is None and facts.category_label == ""


def test_a_category_without_a_date_holds_before_it_was_entered():
    person = PersonFactory(qualification_category=FIRST, category_assigned_on=None)
    assert category_on(person, date(2015, 1, 1)) == FIRST


def test_a_new_post_counts_from_its_date_and_the_old_one_before_it():
    teacher = position("Воспитатель")
    senior, _ = Position.objects.get_or_create(name="Старший воспитатель")
    person = PersonFactory(position=teacher, position_since=date(2020, 9, 1))
    saved_on(person, date(2020, 9, 1))
    person.position, person.position_since = senior, date(2026, 1, 12)
    saved_on(person, date(2026, 1, 12))
    assert position_on(person, date(2025, 9, 1)) == teacher
    assert position_on(person, date(2026, 2, 1)) == senior


def test_a_post_changed_with_no_date_of_its_own_counts_from_the_day_it_was_saved():
    teacher = position("Воспитатель")
    senior, _ = Position.objects.get_or_create(name="Старший воспитатель")
    person = PersonFactory(position=teacher, position_since=date(2020, 9, 1))
    saved_on(person, date(2020, 9, 1))
    person.position = senior
    saved_on(person, date(2026, 1, 12))
    assert position_on(person, date(2025, 9, 1)) == teacher
    assert position_on(person, date(2026, 1, 12)) == senior


@pytest.mark.parametrize(
    "value, label",
    [
        (FIRST, "первая категория"),
        (HIGHEST, "высшая категория"),
        (QualificationCategory.NONE, "без категории"),
        (QualificationCategory.CONFORMITY, "соответствие занимаемой должности"),
        (None, ""),
    ],
)
def test_a_category_is_named_as_a_document_prints_it(value, label):
    assert category_label(value) == label
