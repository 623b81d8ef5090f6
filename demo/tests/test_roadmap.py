"""The demo kindergarten's roadmap: walked through the services, idempotent."""

import pytest
from django.utils import timezone

from accounts.models import User
from demo.roadmap import OVERDUE, load
from records.models import Order
from roadmap.models import Activity, Roadmap, academic_start_year


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    added = load_demo()
    return {
        "added": added["roadmaps"],
        "curator": User.objects.get(username="curator"),
        "head": User.objects.get(username="head"),
    }


def test_the_demo_roadmap_is_approved_marked_and_loaded_once(demo):
    added = demo.pop("added")
    assert added == 1  # the demo kindergarten loads its roadmap
    today = timezone.localdate()
    roadmap = Roadmap.objects.get(start_year=academic_start_year(today))
    assert roadmap.status == Roadmap.Status.APPROVED
    assert roadmap.order.kind == "roadmap" and roadmap.order.number_text
    steps = list(roadmap.transitions.values_list("target", flat=True))
    assert steps == ["draft", "awaiting_approval", "returned", "awaiting_approval", "approved"]
    assert "ФОП ДО" in roadmap.transitions.get(target="returned").comment
    assert (
        roadmap.stages.get(number=4).activities.filter(text__contains="Федеральная образовательная программа").exists()
    )
    for activity in Activity.objects.filter(stage__roadmap=roadmap, ends_on__lt=today).select_related("stage"):
        unmarked = activity.done_on is None
        assert unmarked == ((activity.stage.number, activity.number) in OVERDUE)
        assert activity.done_on is None or activity.done_on <= today

    assert load(**demo) == 0
    assert Roadmap.objects.count() == 1 and Order.objects.filter(kind="roadmap").count() == 1
    assert not Roadmap.objects.filter(start_year=academic_start_year(today) + 1).exists()


def test_the_demo_journal_runs_in_date_order(demo):
    # Each calendar year's orders, by number, carry dates that never go back: the roadmap's order of
    # late August stands before September's pair order, not after an order of today (issue 14).
    registered = Order.objects.exclude(number=None).order_by("date__year", "number")
    by_year: dict[int, list] = {}
    for order in registered:
        by_year.setdefault(order.date.year, []).append((order.number, order.date))
    assert len(by_year) >= 2
    for year, numbered in by_year.items():
        assert [number for number, _ in numbered] == list(range(1, len(numbered) + 1)), year
        dates = [on for _, on in numbered]
        assert dates == sorted(dates), (year, numbered)
    roadmap_order = Roadmap.objects.get(start_year=academic_start_year(timezone.localdate())).order
    assert roadmap_order.journal_reason  # entered from paper, and says so
