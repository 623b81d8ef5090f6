"""The demo kindergarten's surveys: a completed program answered by both, a mid-term answer on
Иванова's running program, a needs survey sent with some answers; loaded once."""

import pytest

from programs.models import Program
from surveys.models import Questionnaire, Response


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_demo_has_surveys_of_each_kind_and_loads_them_once(demo):
    from demo.kindergarten import load_demo

    assert demo["survey_answers"] > 0
    completed = Program.objects.get(status=Program.Status.COMPLETED)
    ends = completed.survey_responses.filter(stage=Response.Stage.END, submitted_at__isnull=False)
    assert ends.count() == 2  # the mentor and the mentee
    running = Program.objects.get(status=Program.Status.RUNNING, pairing__mentees__person__user__username="mentee")
    mid = running.survey_responses.get(stage=Response.Stage.MID)
    assert mid.respondent.user.username == "mentor"  # Иванова's own answer waits for her
    needs = Questionnaire.objects.get(audience=Questionnaire.Audience.NEEDS, sent_at__isnull=False)
    assert needs.responses.filter(submitted_at__isnull=False).exists()
    assert needs.responses.filter(submitted_at__isnull=True).exists()

    before = Response.objects.count()
    again = load_demo()
    assert again["survey_answers"] == 0
    assert Response.objects.count() == before
