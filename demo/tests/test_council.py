"""The demo kindergarten's council meetings: two signed protocols of the current academic year,
the program under review agreed by the second, and the next meeting scheduled; loaded once."""

import pytest
from django.utils import timezone

from council.models import Appeal, Meeting, ProgramReview, academic_year
from programs.agreement import council_basis
from programs.models import Program


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_demo_has_two_signed_protocols_of_this_year_and_loads_once(demo):
    assert demo["council_meetings"] == 3
    year = academic_year(timezone.localdate())
    protocols = list(Meeting.objects.filter(status="signed").order_by("number"))
    assert [(m.status, m.academic_year, m.number) for m in protocols] == [("signed", year, 1), ("signed", year, 2)]
    assert all(m.pdf for m in protocols)
    agreed = Program.objects.get(council_items__meeting=protocols[1], council_items__agrees_program=True)
    assert agreed.council_reviews.get().status == "sent"
    assert ProgramReview.objects.filter(status="draft").exists()
    assert council_basis(agreed) == f"протокол заседания МО от {protocols[1].date:%d.%m.%Y} № 2"

    from demo.kindergarten import load_demo

    assert load_demo()["council_meetings"] == 0
    assert Meeting.objects.count() == 3
    assert Meeting.objects.get(status="scheduled").items.count() == 1


def test_the_demo_has_one_mediation_case_heard_by_the_second_protocol(demo):
    appeal = Appeal.objects.get()
    second = Meeting.objects.get(number=2)
    assert (appeal.status, appeal.side, appeal.meeting, appeal.outcome) == (
        "heard",
        "mentee",
        second,
        "recommendations",
    )
    assert appeal.members.count() == 1 and not appeal.shared_with_pair
    assert appeal.created_at.date() <= second.date
    assert "среда" in appeal.decision or "средам" in appeal.decision
