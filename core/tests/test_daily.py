"""`manage.py daily` runs every app's registered job; one job's failure is logged, the others run,
and the command then fails so that the systemd unit shows it."""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core import daily


@pytest.fixture
def only_test_jobs():
    saved = dict(daily._JOBS)
    daily._JOBS.clear()
    yield
    daily._JOBS.clear()
    daily._JOBS.update(saved)


def test_jobs_run_in_order_and_report(only_test_jobs):
    daily.register(daily.Job("second", lambda: "Второе дело сделано.", order=20))
    daily.register(daily.Job("first", lambda: "Первое дело сделано.", order=10))
    output = StringIO()
    call_command("daily", stdout=output)
    assert output.getvalue() == "Первое дело сделано.\nВторое дело сделано.\n"


def test_a_failing_job_is_logged_and_the_others_still_run(only_test_jobs, caplog):
    def broken():
        raise RuntimeError("сломалось")

    daily.register(daily.Job("broken", broken, order=10))
    daily.register(daily.Job("after", lambda: "Следующее дело сделано.", order=20))
    output = StringIO()
    with caplog.at_level(logging.ERROR), pytest.raises(CommandError, match="Не выполнены: broken"):
        call_command("daily", stdout=output)
    assert "Следующее дело сделано." in output.getvalue()
    assert "Ежедневное дело «broken» не выполнено" in caplog.text


def test_the_apps_register_their_jobs():
    assert {"pairs-start", "notices-digest"} <= {job.name for job in daily.jobs()}
