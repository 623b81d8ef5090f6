"""The demo programs: every state, the running one with done, due and overdue activities; idempotent."""

import pytest
from django.apps import apps
from django.utils import timezone

from demo.kindergarten import load_demo
from demo.programs import load
from programs.models import ActivityRecord, Program

pytestmark = pytest.mark.django_db
S = Program.Status


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label == "programs"
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module (it takes a few seconds), removed afterwards."""
    with django_db_blocker.unblock():
        from django.db import connection, transaction

        atomic = transaction.atomic()
        atomic.__enter__()
        load_demo()
        load()
        yield
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        connection.close()


def test_every_state_is_present(demo):
    states = set(Program.objects.values_list("status", flat=True))
    assert states == set(S.values)
    assert Program.objects.filter(status=S.COMPLETED, is_best_practice=True).exists()


def test_every_program_has_a_plan_of_six_to_ten_rows(demo):
    for program in Program.objects.all():
        assert 6 <= program.items.count() <= 10, program


def test_the_running_program_has_done_due_and_overdue_activities_and_records(demo):
    program = Program.objects.get(
        status=S.RUNNING, pairing__mentor__person__last_name="Петрова", pairing__direction__name="Режимные моменты"
    )
    today = timezone.localdate()
    items = list(program.items.all())
    assert any(item.is_done for item in items)
    assert any(item.is_overdue(today) for item in items)
    assert any(not item.is_done and item.deadline >= today for item in items)
    records = ActivityRecord.objects.filter(program=program)
    assert records.count() >= 2
    assert {record.logged_by.username for record in records} == {"mentor"}
    assert program.versions.get().number == 1
    assert program.pairing.mentees.get().person.last_name == "Иванова"


def test_the_correction_has_two_versions_to_compare(demo):
    program = Program.objects.get(status=S.CORRECTION)
    assert list(program.versions.values_list("number", flat=True)) == [1, 2]
    assert program.transitions.filter(target=S.CORRECTION).count() == 2


def test_the_program_in_review_waits_in_the_heads_queue(demo):
    from mentorship.queue import SECTIONS

    assert [item["program"].status for item in SECTIONS["programs"].items()] == [S.REVIEW]


def test_loading_twice_adds_nothing(demo):
    before = _row_counts()
    assert load() == 0
    assert _row_counts() == before


def test_demo_has_one_off_meetings_and_a_release_waiting_for_the_head(demo):
    from programs.models import Meeting, ReleaseRequest

    assert Meeting.objects.count() == 2
    assert set(Meeting.objects.values_list("form__name", flat=True)) == {"Ситуационное", "Скоростное"}
    release = ReleaseRequest.objects.get()
    assert release.status == ReleaseRequest.Status.REQUESTED
    assert release.person.last_name == "Иванова" and release.substitute.last_name == "Лебедева"
    assert release.item.form.name == "Открытый показ"
