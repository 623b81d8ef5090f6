"""Diagnostics as people do it: Иванова fills her start self-diagnostics from her home page; Петрова
rates her and adds the suggested activities for the weakest competencies to the plan."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def _ivanova_program_in_correction():
    """Иванова's running demo program, its start diagnostics not filled yet, opened for correction by
    the mentor (the plan is edited only in a draft or during a correction)."""
    from diagnostics.models import Diagnostic
    from programs.models import Program
    from programs.services.program import program_move

    program = Program.objects.get(pairing__mentees__person__last_name="Иванова", status=Program.Status.RUNNING)
    Diagnostic.objects.filter(program=program).delete()
    mentor = program.pairing.mentor.person.user
    program_move(
        program=program, target=Program.Status.CORRECTION, comment="Дополнить план по самодиагностике", actor=mentor
    )
    return program


def _rate_every_competency(page, scores):
    fieldsets = page.locator("fieldset")
    count = fieldsets.count()
    assert count >= 2
    for index in range(count):
        score = scores[index % len(scores)]
        fieldsets.nth(index).get_by_label(f"{score} —", exact=False).check()
    return count


def test_mentee_fills_start_and_mentor_rates_and_plans(page, live_server, demo):
    from django.utils import timezone

    from diagnostics.models import Diagnostic

    program = _ivanova_program_in_correction()
    items_before = program.items.count()

    # Иванова: the task on her home page leads to the form.
    login(page, live_server, "mentee")
    page.get_by_role("link", name="Заполните входную самодиагностику", exact=False).click()
    expect(page.locator("main h1")).to_have_text("Входная диагностика: самооценка наставляемого")
    rated = _rate_every_competency(page, [1, 2, 4])
    shot(page, "diagnostics-mentee-start")
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator(".alert-success")).to_contain_text("Диагностика отправлена")
    expect(page.locator("main")).to_contain_text("Самооценка, вход")
    mine = Diagnostic.objects.get(program=program, author="mentee")
    assert mine.is_submitted and mine.ratings.count() == rated

    # Петрова: her task, the rating of Иванова, then the suggestions in the plan.
    page.context.clear_cookies()
    login(page, live_server, "mentor")
    page.get_by_role("link", name="Оцените компетенции наставляемого", exact=False).click()
    expect(page.locator("main h1")).to_have_text("Входная диагностика: экспертная оценка наставника")
    _rate_every_competency(page, [2, 3])
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator(".alert-success")).to_contain_text("Диагностика отправлена")
    shot(page, "diagnostics-program")

    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    page.get_by_role("link", name="Предложить мероприятия").click()
    expect(page.locator("main h1")).to_have_text("Предложить мероприятия")
    first = page.locator("main .border.rounded").first
    first.get_by_label("Добавить в план", exact=False).check()
    text = first.locator("textarea")
    text.fill(text.input_value() + " (группа «Солнышко»)")
    deadline = max(timezone.localdate(), program.starts_on)
    first.locator("input[type=date]").fill(min(deadline, program.ends_on).isoformat())
    shot(page, "diagnostics-suggestions")
    page.get_by_role("button", name="Добавить в план").click()
    expect(page.locator(".alert-success")).to_contain_text("В план добавлено мероприятий: 1")
    expect(page.locator("#plan")).to_contain_text("(группа «Солнышко»)")
    shot(page, "diagnostics-plan")
    assert program.items.count() == items_before + 1
