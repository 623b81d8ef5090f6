"""Closing a program as people do it: Петрова's plan with Иванова is done, so she writes her mentor's
report from the task on her home page; the curator tries to complete the program and is refused with
the names of who must still act; once everything is there, she completes it."""

import re

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def _ivanova_program_with_the_plan_done():
    """Иванова's running demo program with every plan item marked done, as Петрова marks them."""
    from django.utils import timezone

    from programs.models import Program

    program = Program.objects.get(pairing__mentees__person__last_name="Иванова", status=Program.Status.RUNNING)
    today = timezone.localdate()
    for item in program.items.filter(done_on__isnull=True):
        item.done_on, item.done_note = max(min(today, item.deadline), program.starts_on), "Проведено"
        item.save()
    return program


def _everything_but_the_curators_conclusion(program):
    """The end diagnostics and surveys of both, and Иванова's report, sent as they would send them."""
    from diagnostics.models import Diagnostic
    from diagnostics.tests.factories import sent
    from results.models import Report
    from results.tests.factories import report
    from surveys.models import Response
    from surveys.tests.factories import written_answer

    mentor, mentee = program.pairing.mentor.person, program.pairing.mentees.get().person
    sent(program, Diagnostic.Stage.END, Diagnostic.Author.MENTEE, mentee, [4])
    sent(program, Diagnostic.Stage.END, Diagnostic.Author.MENTOR, mentee, [3, 4])
    for person in (mentor, mentee):
        Response.objects.filter(program=program, stage=Response.Stage.END, respondent=person).delete()
        written_answer(program, Response.Stage.END, person)
    report(program, Report.Kind.MENTEE, mentee)


def test_mentor_writes_her_report_and_curator_completes_after_a_refusal(page, live_server, demo):
    from programs.models import Program
    from results.models import Report

    program = _ivanova_program_with_the_plan_done()

    # Петрова: the task on her home page opens the report, prefilled from the plan.
    login(page, live_server, "mentor")
    page.get_by_role("link", name="Напишите отчёт наставника", exact=False).click()
    expect(page.locator("main h1")).to_have_text("Отчёт наставника")
    expect(page.get_by_label("Мероприятия: запланировано и выполнено")).to_have_value(
        re.compile(r"^Запланировано мероприятий: \d+, выполнено: \d+")
    )
    page.get_by_label("Характеристика наставляемого").fill(
        "Иванова уверенно проводит режимные моменты, сама планирует утренний круг."
    )
    # Sent too early: refused, what she typed stays.
    page.get_by_role("button", name="Отправить отчёт").click()
    expect(page.locator(".alert-danger, .alert-error").first).to_contain_text("Не сохранено")
    expect(page.get_by_label("Характеристика наставляемого")).to_have_value(
        "Иванова уверенно проводит режимные моменты, сама планирует утренний круг."
    )
    page.get_by_label("Сохраняющиеся затруднения").fill("Работа с родителями в чате группы.")
    page.get_by_label("Самооценка работы наставника").fill("Встречались каждую неделю, план выполнен.")
    page.get_by_label("Мнение наставляемого о наставничестве").fill("Довольна, просит продолжить по речи.")
    page.get_by_label("Рекомендация", exact=True).select_option(
        label="завершить наставничество: наставляемый готов работать самостоятельно"
    )
    shot(page, "closing-mentor-report-form")
    page.get_by_role("button", name="Отправить отчёт").click()
    expect(page.locator(".alert-success")).to_contain_text("Отчёт отправлен")
    expect(page.locator("main")).to_contain_text("Иванова уверенно проводит режимные моменты")
    shot(page, "closing-mentor-report")
    assert Report.objects.get(program=program, kind=Report.Kind.MENTOR).is_submitted

    # The curator: the completion page lists what is missing, and the move is refused by name.
    page.context.clear_cookies()
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    page.get_by_role("link", name="Завершить программу").click()
    missing = page.locator(".alert-warning").filter(has_text="не хватает")
    expect(missing).to_contain_text("Отчёт наставляемого не отправлен: его пишет наставляемый (Иванова")
    expect(missing).to_contain_text("Итоговая самодиагностика наставляемого (Иванова")
    page.get_by_label("Итоговая оценка").fill("Цели программы достигнуты.")
    page.get_by_label("Заключение куратора").fill("Программа выполнена, наставляемая работает самостоятельно.")
    page.get_by_role("button", name="Завершить программу").click()
    expect(page.locator("main form.card")).to_contain_text(
        "Отчёт наставляемого не отправлен: его пишет наставляемый (Иванова"
    )
    expect(page.get_by_label("Итоговая оценка")).to_have_value("Цели программы достигнуты.")
    shot(page, "closing-completion-refused")
    assert Program.objects.get(pk=program.pk).status == Program.Status.RUNNING

    _everything_but_the_curators_conclusion(program)
    page.goto(page.url)
    expect(page.locator(".alert-warning").filter(has_text="не хватает")).to_have_count(0)
    page.get_by_label("Итоговая оценка").fill("Цели программы достигнуты.")
    page.get_by_label("Заключение куратора").fill("Программа выполнена, наставляемая работает самостоятельно.")
    page.get_by_role("button", name="Завершить программу").click()
    expect(page.locator(".alert-success")).to_contain_text("Программа завершена")
    shot(page, "closing-completed")
    assert Program.objects.get(pk=program.pk).status == Program.Status.COMPLETED
