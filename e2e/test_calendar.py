"""«Мой календарь» as the mentor uses it: she finds it in the menu, takes her calendar's address, and a
calendar application reading that address (here urllib and the `icalendar` library, no login) gets her
plan item on its deadline; a new address ends the old one at once."""

import urllib.error
import urllib.request

import icalendar
from playwright.sync_api import Page, expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def read_feed(address: str) -> icalendar.Calendar:
    """The feed as a calendar application fetches it: a plain GET, no session."""
    with urllib.request.urlopen(address, timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/calendar")
        return icalendar.Calendar.from_ical(response.read())


def status_of(address: str) -> int:
    try:
        with urllib.request.urlopen(address, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def open_calendar_from_the_menu(page: Page) -> None:
    nav = page.locator("nav")
    link = nav.get_by_role("link", name="Мой календарь")
    if not link.is_visible():  # in «Ещё» when the main menu is full
        nav.get_by_role("button", name="Ещё").click()
    link.click()
    expect(page.locator("main h1")).to_have_text("Мой календарь")


def test_mentor_subscribes_to_her_calendar_and_renews_its_address(page, live_server, demo):
    from programs.models import PlanItem, Program

    item = (
        PlanItem.objects.filter(
            program__pairing__mentor__person__user__username="mentor",
            program__status__in=Program.IN_WORK_STATUSES,
        )
        .order_by("deadline", "pk")
        .first()
    )
    assert item is not None, "the demo's mentor has a program in work with a plan"

    login(page, live_server, "mentor")
    open_calendar_from_the_menu(page)
    # The first address is given at once; a new one later asks first.
    page.get_by_role("button", name="Получить адрес календаря").click()
    expect(page.locator(".alert-success")).to_contain_text("Адрес календаря готов")
    address = page.locator("#feed-address").input_value()
    assert address.startswith(f"{live_server.url}/calendar/") and address.endswith(".ics")

    calendar = read_feed(address)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    event = events[f"plan-item-{item.pk}@nastavnik"]
    assert event.decoded("DTSTART") == item.deadline
    assert str(event["SUMMARY"]).startswith(("Срок: ", "Выполнено: "))
    shot(page, "calendar")

    page.get_by_role("button", name="Выпустить новый адрес").click()
    expect(page.locator("main h1")).to_have_text("Выпустить новый адрес календаря")
    expect(page.locator("main")).to_contain_text("Старый адрес перестанет работать сразу")
    page.locator("main").get_by_role("button", name="Выпустить новый адрес").click()
    expect(page.locator(".alert-success")).to_contain_text("Выпущен новый адрес; старый больше не работает.")
    renewed = page.locator("#feed-address").input_value()
    assert renewed != address and renewed.startswith(f"{live_server.url}/calendar/")
    shot(page, "calendar-renewed")

    assert status_of(address) == 404
    assert status_of(renewed) == 200
    assert f"plan-item-{item.pk}@nastavnik" in {str(event["UID"]) for event in read_feed(renewed).walk("VEVENT")}
