"""The demo kindergarten's growth records and rewards: walked through the services, loaded once."""

import io

import pytest
from pypdf import PdfReader

from growth.documents import render_letters_pdf
from growth.models import GrowthRecord, Kind, RewardProposal, RewardRule


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_demo_has_growth_records_a_reward_order_and_loads_once(demo):
    assert demo["growth_records"] == GrowthRecord.objects.count() >= 10
    petrova = GrowthRecord.objects.filter(person__user__username="mentor")
    assert {Kind.COURSE, Kind.CONTEST, Kind.OPEN_EVENT, Kind.REWARD} <= set(petrova.values_list("kind", flat=True))
    assert GrowthRecord.objects.filter(person__user__username="mentee", status="returned").exists()
    assert GrowthRecord.objects.filter(status="proposed").exists()
    approved = RewardProposal.objects.get(status="approved")
    assert approved.order.kind == "rewards" and approved.order.number_text
    assert petrova.filter(order=approved.order, status="confirmed").exists()
    assert RewardProposal.objects.filter(status="proposed").exists()  # waits in the head's queue
    assert RewardProposal.objects.get(status="returned").return_comment  # the curator's to correct
    assert RewardRule.objects.count() == 2
    text = PdfReader(io.BytesIO(render_letters_pdf(approved))).pages[0].extract_text()
    assert "Петровой Светлане Николаевне" in text

    from demo.kindergarten import load_demo

    counts = (GrowthRecord.objects.count(), RewardProposal.objects.count(), RewardRule.objects.count())
    assert load_demo()["growth_records"] == 0
    assert (GrowthRecord.objects.count(), RewardProposal.objects.count(), RewardRule.objects.count()) == counts
