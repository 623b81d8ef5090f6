"""The mentor on a phone (390 px): Иванова's program shows its plan as cards under the title, with no
sideways scroll and «Записать мероприятие» as the first action; logging the overdue item shows the
outcome and the late-deadline warning on screen; «Back» and the same record sent again store nothing."""

import pytest
from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="en-US", viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def _ivanova_program():
    from demo.programs import load as load_programs
    from programs.models import Program

    load_programs()  # idempotent: the demo's programs, if the demo loader has not made them yet
    return Program.objects.get(
        pairing__mentor__person__last_name="Петрова",
        pairing__mentees__person__last_name="Иванова",
        status__in=Program.IN_WORK_STATUSES,
    )


def _fits_the_screen(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def test_mentor_on_a_phone_logs_the_next_plan_item_once(phone, live_server, demo):
    from django.utils import timezone

    from programs.models import ActivityRecord

    page = phone
    program = _ivanova_program()
    overdue = program.items.filter(done_on__isnull=True, deadline__lt=timezone.localdate()).order_by("deadline")[0]
    login(page, live_server, "mentor")
    page.goto(f"{live_server.url}{program.get_absolute_url()}")

    # The plan is on the first screen, as cards, the overdue item first; nothing is off to the side.
    plan = page.locator("#plan")
    expect(plan.locator("table")).to_be_hidden()
    cards = plan.locator(".plan-card:visible")
    expect(cards.first).to_be_visible()
    assert plan.bounding_box()["y"] < PHONE["height"], "the plan is not on the first screen"
    first = cards.first
    expect(first).to_contain_text(overdue.activity[:40])
    expect(first).to_contain_text(f"{overdue.deadline:%d.%m.%Y}")
    expect(first).to_contain_text(overdue.responsible)
    expect(first.locator(".badge")).to_have_text("просрочено")
    _fits_the_screen(page)
    # The first action of the page is recording an activity, not a move of the program.
    expect(page.locator("main .btn:visible").first).to_have_text("Записать мероприятие")
    shot(page, "phone-program-plan")

    first.get_by_role("link", name="Записать выполнение").click()
    expect(page.locator("main h1")).to_have_text("Записать мероприятие")
    expect(page.locator("#id_item")).to_have_value(str(overdue.pk))
    _fits_the_screen(page)
    description = "Совместно составили картотеку потешек для одевания на прогулку."
    page.locator("#id_description").fill(description)
    page.locator("#id_item_done").check()
    page.get_by_role("button", name="Записать", exact=True).click()

    # The outcome is where the mentor looks: on top of the program's page, the warning beside it.
    success, late = page.locator(".alert-success"), page.locator(".alert-warning")
    expect(success).to_contain_text("Мероприятие записано")
    expect(success).to_be_in_viewport()
    expect(late).to_contain_text(f"Пункт {overdue.position} выполнен позже срока")
    expect(late).to_be_in_viewport()
    record = ActivityRecord.objects.get(program=program, description=description)
    expect(success.get_by_role("link", name="Открыть запись")).to_have_attribute("href", f"/programs/log/{record.pk}/")
    _fits_the_screen(page)
    shot(page, "phone-program-recorded")

    # «Back»: the form is asked anew and says what was just saved; sent again, nothing is stored twice.
    page.go_back()
    expect(page.locator("main h1")).to_have_text("Записать мероприятие")
    expect(page.locator("#just-saved")).to_contain_text("Вы только что")
    page.locator("#id_description").fill(description)
    shot(page, "phone-record-form-after-back")
    page.get_by_role("button", name="Записать", exact=True).click()
    again = page.locator(".alert-warning")
    expect(again).to_contain_text("Это мероприятие уже записано")
    expect(again).to_contain_text("второй раз не сохраняется")
    expect(again).to_be_in_viewport()
    shot(page, "phone-program-not-twice")
    assert ActivityRecord.objects.filter(program=program, description=description).count() == 1
    again.get_by_role("link", name="Открыть запись").click()
    expect(page).to_have_url(f"{live_server.url}/programs/log/{record.pk}/")
