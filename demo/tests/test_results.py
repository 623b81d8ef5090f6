"""The demo's reports: last year's completed program has both, sent, and nothing else is missing for its
completion; loaded once."""

import pytest

from demo.results import load
from programs.completion import missing_for_completion
from programs.models import Program
from results.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_completed_program_has_both_reports_and_nothing_missing(demo):
    assert demo["reports"] == 2
    completed = Program.objects.get(status=Program.Status.COMPLETED)
    reports = {report.kind: report for report in completed.reports.all()}
    assert set(reports) == {Report.Kind.MENTOR, Report.Kind.MENTEE}
    assert all(report.is_submitted for report in reports.values())
    assert reports[Report.Kind.MENTOR].growth.startswith("Ёлкина В.С.: самооценка")
    assert reports[Report.Kind.MENTEE].satisfaction == 9
    # The demo's completed program would pass today's completion rules.
    assert missing_for_completion(completed) == []
    assert load() == 0 and Report.objects.count() == 2
