"""Writing, sending and returning a report; what a new report is prefilled with; and completion, refused
one condition at a time with the names of who must act, until everything is there."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from diagnostics.models import Diagnostic
from diagnostics.tests.factories import sent
from programs.completion import missing_for_completion
from programs.models import Program
from programs.services.program import program_move
from programs.tests.factories import program_with_plan
from surveys.models import Response
from surveys.tests.factories import written_answer

from .. import prefill
from ..models import Report
from ..services import missing_reports, report_return, report_save
from .factories import MENTEE_FIELDS, MENTOR_FIELDS, closing_program, report

Kind, Stage, Author = Report.Kind, Diagnostic.Stage, Diagnostic.Author


def test_a_mentor_saves_a_draft_then_sends_it_and_it_is_frozen(world):
    program = closing_program(world.pairing)
    mentor = world.users["mentor"]
    draft = report_save(program=program, data={"characterization": "Старательна."}, submit=False, actor=mentor).obj
    assert draft.kind == Kind.MENTOR and draft.author == world.mentor.person and not draft.is_submitted
    assert draft.history.first().history_user == mentor
    # Sending a half-written report names every empty field and keeps the draft as it was.
    with pytest.raises(ValidationError) as refusal:
        report_save(program=program, data={"self_assessment": "Справилась."}, submit=True, actor=mentor)
    assert {"activities", "growth", "mentee_opinion", "recommendation"} <= set(refusal.value.error_dict)
    assert "recommendation_note" not in refusal.value.error_dict  # optional
    data = {**MENTOR_FIELDS, "period_from": program.starts_on, "period_to": program.ends_on}
    report = report_save(program=program, data=data, submit=True, actor=mentor).obj
    assert report.pk == draft.pk and report.is_submitted and report.submitted_by == mentor
    with pytest.raises(ValidationError, match="отправлен"):
        report_save(program=program, data={"growth": "Иначе."}, submit=False, actor=mentor)


def test_a_mentee_writes_her_own_report_and_nobody_else_writes_one(world):
    program = closing_program(world.pairing)
    report = report_save(program=program, data=MENTEE_FIELDS, submit=True, actor=world.users["mentee"]).obj
    assert (report.kind, report.author, report.satisfaction) == (Kind.MENTEE, world.mentee.person, 9)
    for role in ("curator", "head", "council", "admin"):
        with pytest.raises(PermissionDenied):
            report_save(program=program, data=MENTEE_FIELDS, submit=False, actor=world.users[role])
    other = closing_program(world.other_mentor.pairings.get())
    with pytest.raises(PermissionDenied):
        report_save(program=other, data=MENTEE_FIELDS, submit=False, actor=world.users["mentee"])


def test_reports_wait_for_the_closing_stage_and_stop_when_the_program_closes(world):
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=2, done=1)
    program.ends_on = timezone.localdate() + timedelta(days=90)
    program.save()
    with pytest.raises(ValidationError, match="последний месяц"):
        report_save(program=program, data={}, submit=False, actor=world.users["mentor"])
    program.status = Program.Status.COMPLETED
    program.save()
    with pytest.raises(ValidationError, match="итоги больше не подводят"):
        report_save(program=program, data={}, submit=False, actor=world.users["mentor"])


def test_a_period_ending_before_it_starts_is_refused(world):
    program = closing_program(world.pairing)
    data = {"period_from": program.ends_on, "period_to": program.starts_on}
    with pytest.raises(ValidationError) as refusal:
        report_save(program=program, data=data, submit=False, actor=world.users["mentor"])
    assert "period_to" in refusal.value.error_dict
    assert not Report.objects.exists()


def test_only_the_curator_returns_a_sent_report_of_an_open_program_with_a_comment(world):
    program = closing_program(world.pairing)
    sent_report = report(program, Kind.MENTOR, world.mentor.person)
    for role in ("head", "council", "mentor", "mentee"):
        with pytest.raises(PermissionDenied):
            report_return(report=sent_report, comment="Исправьте.", actor=world.users[role])
    with pytest.raises(ValidationError):
        report_return(report=sent_report, comment="  ", actor=world.users["curator"])
    returned = report_return(report=sent_report, comment="Исправьте.", actor=world.users["curator"]).obj
    assert not returned.is_submitted and returned.returned_comment == "Исправьте."
    with pytest.raises(ValidationError, match="не отправлен"):
        report_return(report=returned, comment="Ещё.", actor=world.users["curator"])
    # Sent again, the comment is gone; once the program is closed nobody returns it.
    again = report_save(program=program, data={}, submit=True, actor=world.users["mentor"]).obj
    assert again.is_submitted and again.returned_comment == ""
    Program.objects.filter(pk=program.pk).update(status=Program.Status.COMPLETED)
    with pytest.raises(ValidationError, match="закрыта"):
        report_return(report=again, comment="Исправьте.", actor=world.users["curator"])


def test_a_new_report_is_prefilled_from_the_plan_and_the_diagnostics(world):
    program = closing_program(world.pairing)
    mentee = world.mentee.person
    sent(program, Stage.START, Author.MENTEE, mentee, [1, 2])
    sent(program, Stage.END, Author.MENTEE, mentee, [4, 2])
    sent(program, Stage.START, Author.MENTOR, mentee, [2, 2])
    sent(program, Stage.END, Author.MENTOR, mentee, [4, 1])
    today = timezone.localdate()
    mentor_fields = prefill.initial(program, Kind.MENTOR, world.mentor.person, today)
    assert mentor_fields["activities"].startswith("Запланировано мероприятий: 2, выполнено: 2 (в срок — 2).")
    assert mentor_fields["growth"].startswith(f"{mentee.short_name}: самооценка ")
    # The competency the mentor still rates at 1 is a remaining difficulty, named with its word.
    assert "(1 — испытываю серьёзные затруднения)" in mentor_fields["remaining_difficulties"]
    mentee_fields = prefill.initial(program, Kind.MENTEE, mentee, today)
    # Only what grew: the competencies rated 1 → 4, not those 2 → 2.
    assert "было 1, стало 4" in mentee_fields["learned"] and "было 2" not in mentee_fields["learned"]
    assert "(2 — справляюсь с помощью коллег)" in mentee_fields["remaining_difficulties"]
    item = program.items.first()
    assert item.expected_result.rstrip(".") in mentee_fields["products"]
    assert mentee_fields["period_from"] == program.starts_on


def test_a_report_of_a_program_without_diagnostics_says_so(world):
    program = closing_program(world.pairing)
    fields = prefill.initial(program, Kind.MENTOR, world.mentor.person, timezone.localdate())
    assert fields["growth"] == f"{world.mentee.person.short_name}: самодиагностика не проводилась."
    assert fields["remaining_difficulties"] == ""


def test_missing_reports_name_who_must_write_them(world):
    program = closing_program(world.pairing)
    assert missing_reports(program) == [
        f"Отчёт наставника не отправлен: его пишет наставник ({world.mentor.person.short_name}).",
        f"Отчёт наставляемого не отправлен: его пишет наставляемый ({world.mentee.person.short_name}).",
    ]
    report(program, Kind.MENTEE, world.mentee.person, sent=False)
    report(program, Kind.MENTOR, world.mentor.person)
    assert missing_reports(program) == [
        f"Отчёт наставляемого не отправлен: его пишет наставляемый ({world.mentee.person.short_name})."
    ]


def _complete(program, world, **texts):
    return program_move(
        program=program,
        target=Program.Status.COMPLETED,
        actor=world.users["curator"],
        final_assessment=texts.get("final_assessment", "Цели достигнуты."),
        curator_conclusion=texts.get("curator_conclusion", "Программа выполнена."),
    )


def _refusal(program, world, **texts) -> list[str]:
    with pytest.raises(ValidationError) as refusal:
        _complete(program, world, **texts)
    return refusal.value.messages


def test_completion_is_refused_one_condition_at_a_time_until_everything_is_there(world):
    """Every condition in turn: the plan, the texts, the end diagnostics, the end surveys, the reports."""
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=2, done=1)
    mentor, mentee = world.mentor.person, world.mentee.person
    messages = _refusal(program, world, final_assessment="", curator_conclusion="")
    expected = [
        "Не отмечено выполнение пунктов плана № 2.",
        "Напишите итоговую оценку.",
        "Напишите заключение куратора.",
        f"Итоговая самодиагностика наставляемого ({mentee.short_name}) не отправлена.",
        f"Итоговая оценка компетенций наставляемого ({mentee.short_name}) не отправлена наставником "
        f"({mentor.short_name}).",
        f"Нет итоговой анкеты наставника ({mentor.short_name})",
        f"Нет итоговой анкеты наставляемого ({mentee.short_name})",
        f"Отчёт наставника не отправлен: его пишет наставник ({mentor.short_name}).",
        f"Отчёт наставляемого не отправлен: его пишет наставляемый ({mentee.short_name}).",
    ]
    assert len(messages) == len(expected)
    for message, start in zip(messages, expected, strict=True):
        assert message.startswith(start), (message, start)

    steps = [
        lambda: program.items.filter(done_on__isnull=True).update(done_on=timezone.localdate(), done_note="Проведено"),
        lambda: sent(program, Stage.END, Author.MENTEE, mentee, [4]),
        lambda: sent(program, Stage.END, Author.MENTOR, mentee, [4]),
        lambda: written_answer(program, Response.Stage.END, mentor),
        lambda: written_answer(program, Response.Stage.END, mentee, declined=True),
        lambda: report(program, Kind.MENTOR, mentor),
    ]
    remaining = len(expected) - 2  # the texts are typed on the completion page itself
    for step in steps:
        step()
        program = Program.objects.get(pk=program.pk)
        messages = _refusal(program, world)
        assert len(messages) == remaining - 1, messages
        remaining -= 1
    assert messages == [f"Отчёт наставляемого не отправлен: его пишет наставляемый ({mentee.short_name})."]
    assert missing_for_completion(program) == messages
    report(program, Kind.MENTEE, mentee)
    _complete(Program.objects.get(pk=program.pk), world)
    assert Program.objects.get(pk=program.pk).status == Program.Status.COMPLETED
