"""Иванова fills the mid-term survey of her program in the browser, as a person would: from the task on
her home page, choosing the scores with the mouse; a forgotten score is named and what she chose stays.
Петрова, her mentor, then sees «заполнено» on the program page and no link to the answer; the curator
reads it."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_the_mentee_fills_the_mid_term_survey(page, live_server, demo):
    from programs.models import Program
    from surveys.models import Response

    program = Program.objects.get(
        pairing__mentor__person__last_name="Петрова",
        pairing__mentees__person__last_name="Иванова",
        status__in=Program.IN_WORK_STATUSES,
    )

    login(page, live_server, "mentee")
    task = page.get_by_role("link", name="Заполните промежуточную анкету по программе", exact=False)
    expect(task).to_be_visible()
    shot(page, "survey-mentee-home-task")
    task.click()
    expect(page.locator("main h1")).to_contain_text("Промежуточная анкета")

    scales = page.locator(".scale")
    count = scales.count()
    assert count == 6
    # She forgets the last score and writes a comment.
    for n in range(count - 1):
        scales.nth(n).locator("label", has_text="9").first.click()
    page.locator("textarea").fill("Спасибо Светлане Николаевне: режим дня теперь получается.")
    page.get_by_role("button", name="Отправить анкету").click()
    expect(page.locator(".alert-danger")).to_contain_text("ответьте на отмеченные вопросы")
    expect(page.get_by_text("Ответьте на этот вопрос.")).to_be_visible()
    expect(page.locator("textarea")).to_have_value("Спасибо Светлане Николаевне: режим дня теперь получается.")
    expect(scales.nth(0).locator("input[value='9']")).to_be_checked()
    shot(page, "survey-mentee-form-error")

    scales.nth(count - 1).locator("label", has_text="10").click()
    page.get_by_role("button", name="Отправить анкету").click()
    expect(page.locator(".alert-success")).to_contain_text("Анкета заполнена")
    expect(page.locator("main")).to_contain_text("Анкеты участников")
    shot(page, "survey-mentee-program-card")

    response = Response.objects.get(program=program, stage="mid", respondent__last_name="Иванова")
    assert response.submitted_at is not None
    assert sorted(response.answers.exclude(number=None).values_list("number", flat=True)) == [9] * 5 + [10]

    # The mentor sees that it is filled, not what.
    page.context.clear_cookies()
    login(page, live_server, "mentor")
    page.goto(f"{live_server.url}{program.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Анкеты участников")
    assert page.locator(f'a[href="{response.get_absolute_url()}"]').count() == 0
    assert page.goto(f"{live_server.url}{response.get_absolute_url()}").status == 404

    # The curator reads it.
    page.context.clear_cookies()
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}{response.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("режим дня теперь получается")
    shot(page, "survey-curator-reads-answer")
