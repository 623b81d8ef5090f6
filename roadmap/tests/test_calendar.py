"""Roadmap activities in the calendar of those «Ответственные» names, through activities_for: only an
approved roadmap, only its readers (a mentor reads the roadmap on the website, not here)."""

import pytest

from people.roles import Role
from roadmap.calendar import activity_events, is_responsible
from roadmap.models import Activity


@pytest.mark.parametrize(
    ("responsible", "roles", "expected"),
    [
        ("Куратор", {Role.CURATOR}, True),
        ("Куратор, методическое объединение", {Role.COUNCIL}, True),
        ("Заведующий, куратор", {Role.HEAD}, True),
        ("Руководитель МО", {Role.HEAD}, False),
        ("Руководитель МО", {Role.COUNCIL}, True),
        ("Куратор, системный администратор", {Role.ADMIN}, True),
        ("Наставники", {Role.CURATOR}, False),
        ("Петрова С.И.", frozenset(), True),
        ("Петровская С.И.", frozenset(), False),
    ],
)
def test_responsible_names_a_role_or_the_surname(responsible, roles, expected):
    assert is_responsible(responsible, roles=roles, last_name="Петрова") is expected


def test_curators_calendar_holds_her_activities_of_the_approved_roadmap(world, approved):
    events = activity_events(world.users["curator"])
    # In Python: SQLite's icontains folds no Cyrillic case.
    mine = [a for a in Activity.objects.filter(stage__roadmap=approved) if "куратор" in a.responsible.lower()]
    assert mine
    assert {event.uid for event in events} == {f"roadmap-activity-{activity.pk}" for activity in mine}
    activity = mine[0]
    event = next(event for event in events if event.uid == f"roadmap-activity-{activity.pk}")
    assert event.start in (activity.starts_on, activity.ends_on)
    assert event.end == activity.ends_on
    assert event.url == approved.get_absolute_url()


def test_a_draft_roadmap_is_not_in_the_calendar(world, draft):
    assert activity_events(world.users["curator"]) == []


@pytest.mark.parametrize("role", ["mentor", "mentee", "norole"])
def test_who_does_not_read_the_roadmap_gets_none_of_it(world, approved, role):
    Activity.objects.filter(stage__roadmap=approved).update(responsible="Наставники, Петрова С.И., Иванова А.")
    assert activity_events(world.users[role]) == []


def test_year_long_activity_is_its_deadline_not_a_banner(world, approved):
    activity = Activity.objects.filter(stage__roadmap=approved, starts_on__isnull=False).first()
    Activity.objects.filter(pk=activity.pk).update(responsible="Куратор")
    activity.refresh_from_db()
    (event,) = [event for event in activity_events(world.users["curator"]) if event.uid.endswith(f"-{activity.pk}")]
    span = activity.ends_on - activity.starts_on
    assert event.start == (activity.starts_on if span.days <= 31 else activity.ends_on)


def test_one_query(world, approved, django_assert_num_queries):
    user = world.users["curator"]
    activity_events(user)
    with django_assert_num_queries(1):
        assert activity_events(user)
