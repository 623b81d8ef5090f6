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
