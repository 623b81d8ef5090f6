"""The annual figures and the interim справка read a fixed number of queries, whatever the number of pairs,
programs, plan items and overdue items (the overdue items are one query, their pairs come from the
records already read)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.dates import academic_start_year, academic_year_start, add_months
from mentorship.tests.factories import MenteeFactory, PairingFactory
from programs.models import Program
from programs.tests.factories import ActivityRecordFactory, program_in_work

from ..annual import annual_figures, interim_figures
from ..period import Period

pytestmark = pytest.mark.django_db
# The annual figures read two periods of records (13 queries each: reports.indicators.Records) and
# then the diagnostics, the regional check's documents and counts, and the signers; the справка one period.
ANNUAL_QUERIES = 35
INTERIM_QUERIES = 20


def _pair_with_overdue_items(status=Program.Status.RUNNING):
    start = academic_year_start(timezone.localdate())
    pairing = PairingFactory(starts_on=start, planned_end_on=add_months(start, 9), mentees=[MenteeFactory()])
    program = program_in_work(pairing, done=1, due=1, overdue=2, status=status)
    item = program.items.filter(done_on__isnull=True).order_by("deadline").first()
    ActivityRecordFactory(program=program, item=item, done_on=item.deadline)
    return program


def _queries(function, period) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        result = function(period)
    return len(queries), result


def test_the_figures_and_the_spravka_cost_the_same_queries_with_more_rows(world):
    today = timezone.localdate()
    year, to_date = Period.academic(academic_start_year(today)), Period.current(today)
    _pair_with_overdue_items()
    annual_before, _ = _queries(annual_figures, year)
    interim_before, first = _queries(interim_figures, to_date)
    for status in (Program.Status.RUNNING, Program.Status.CORRECTION, Program.Status.RUNNING):
        _pair_with_overdue_items(status)
    annual_after, _ = _queries(annual_figures, year)
    interim_after, second = _queries(interim_figures, to_date)
    assert len(second["overdue"]) == len(first["overdue"]) + 6
    assert annual_before == annual_after == ANNUAL_QUERIES
    assert interim_before == interim_after == INTERIM_QUERIES
    reasons = {row["reason"] for row in second["overdue"]}
    assert "программа на корректировке" in {reason.split(";")[0] for reason in reasons}
    assert any("в журнале есть запись от" in reason for reason in reasons)
    assert timedelta(days=1) <= timedelta(days=min(row["days"] for row in second["overdue"]))
