"""Overdue activities (for the roadmap page and the home pages), the queue section, home context."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mentorship import queue
from roadmap.models import Activity, Roadmap, academic_start_year
from roadmap.selectors import due_soon_activities, home_context, overdue_activities, queue_items

from .conftest import YEAR

S = Roadmap.Status


def set_dates(roadmap, *, ends_on, done_on=None) -> Activity:
    activity = Activity.objects.filter(stage__roadmap=roadmap).order_by("stage__number", "number").first()
    Activity.objects.filter(pk=activity.pk).update(ends_on=ends_on, starts_on=None, done_on=done_on)
    return Activity.objects.get(pk=activity.pk)


def test_overdue_means_approved_past_its_end_and_unmarked(approved, make):
    today = date(YEAR + 1, 3, 1)
    overdue = set(overdue_activities(today))
    expected = {a for a in Activity.objects.filter(stage__roadmap=approved) if a.ends_on < today and a.done_on is None}
    assert overdue == expected and expected
    done = next(iter(expected))
    Activity.objects.filter(pk=done.pk).update(done_on=done.ends_on)
    assert done not in set(overdue_activities(today))
    # The end date itself is not overdue yet; the day after is.
    assert all(a.ends_on < today for a in overdue_activities(today))
    # A draft's past dates are no one's obligation yet.
    draft = make(YEAR + 1)
    Activity.objects.filter(stage__roadmap=draft).update(ends_on=date(YEAR + 1, 9, 2), starts_on=None)
    assert not set(overdue_activities(date(YEAR + 2, 1, 1))) & set(Activity.objects.filter(stage__roadmap=draft))


def test_overdue_is_ordered_the_longest_overdue_first(approved):
    rows = list(overdue_activities(date(YEAR + 1, 8, 1)))
    assert [row.ends_on for row in rows] == sorted(row.ends_on for row in rows)


def test_is_overdue_on_the_model_agrees(approved):
    activity = set_dates(approved, ends_on=date(YEAR, 10, 1))
    assert not activity.is_overdue(date(YEAR, 10, 1))
    assert activity.is_overdue(date(YEAR, 10, 2))
    activity.done_on = date(YEAR, 10, 5)
    assert not activity.is_overdue(date(YEAR, 10, 6)) and activity.is_late


def test_due_soon_is_the_next_two_weeks(approved):
    today = date(YEAR, 9, 25)
    soon = list(due_soon_activities(today))
    assert soon and all(today <= a.ends_on <= today + timedelta(days=14) and a.done_on is None for a in soon)


def test_home_context_for_the_curator_and_the_head(world, approved):
    activity = set_dates(approved, ends_on=timezone.localdate() - timedelta(days=1))
    curator = home_context(world.users["curator"])
    assert curator["roadmap_current"] == approved and curator["roadmap_is_curator"]
    assert activity in curator["roadmap_overdue"]
    head = home_context(world.users["head"])
    assert activity in head["roadmap_overdue"] and head["roadmap_due_soon"] == []
    for role in ("council", "mentor", "mentee", "admin", "norole"):
        assert home_context(world.users[role]) == {}


def test_home_context_tells_the_curator_there_is_no_roadmap_and_about_a_return(world, draft, send):
    from roadmap.services import roadmap_move

    send(draft)
    roadmap_move(roadmap=draft, target=S.RETURNED, actor=world.users["head"], comment="Сроки")
    context = home_context(world.users["curator"])
    assert context["roadmap_returned"] == draft and context["roadmap_returned"].returns[0].comment == "Сроки"
    Roadmap.objects.all().delete()
    context = home_context(world.users["curator"])
    assert context["roadmap_current"] is None and context["roadmap_year"] == academic_start_year(timezone.localdate())


def test_home_context_costs_the_same_whatever_the_number_of_activities(world, approved):
    user = world.users["curator"]
    home_context(user)
    with CaptureQueriesContext(connection) as few:
        home_context(user)
    Activity.objects.filter(stage__roadmap=approved).update(ends_on=date(YEAR, 9, 2), starts_on=None)
    with CaptureQueriesContext(connection) as many:
        home_context(user, today=date(YEAR + 1, 1, 1))
    assert len(few.captured_queries) == len(many.captured_queries) <= 4


def test_the_queue_section_is_registered_and_lists_roadmaps_on_approval(world, draft, send):
    section = queue.SECTIONS["roadmap"]
    assert (section.title, section.template, section.order) == ("Дорожная карта", "roadmap/queue.html", 20)
    assert section.pending().count() == 0 and section.items() == []
    send(draft)
    assert section.pending().count() == 1
    [item] = queue_items()
    assert item["roadmap"] == draft and item["sent"].actor == world.users["curator"]
    assert item["roadmap"].activities_total == Activity.objects.filter(stage__roadmap=draft).count()
    assert item["roadmap"].stages_total == 8


def test_the_home_snippet_lists_overdue_activities_and_offers_to_make_a_missing_roadmap(world, approved):
    from django.template.loader import render_to_string

    activity = set_dates(approved, ends_on=timezone.localdate() - timedelta(days=1))
    html = render_to_string("roadmap/snippets/home.html", home_context(world.users["curator"]))
    assert "Просрочены мероприятия" in html and f"#activity-{activity.pk}" in html
    assert f"срок {activity.ends_on:%d.%m.%Y}" in html
    Roadmap.objects.all().delete()
    html = render_to_string("roadmap/snippets/home.html", home_context(world.users["curator"]))
    assert "Дорожной карты на текущий учебный год ещё нет" in html and "/roadmap/new/" in html
    html = render_to_string("roadmap/snippets/home.html", home_context(world.users["head"]))
    assert "ещё нет" in html and "/roadmap/new/" not in html
    assert render_to_string("roadmap/snippets/home.html", home_context(world.users["mentor"])).strip() == ""
