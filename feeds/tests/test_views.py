"""«Мой календарь» for every role, the address and its renewal, and the feed itself: public only by
its secret, parsed back as iCalendar. The events here come from a source registered by the test (the
domain apps test their own sources)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from feeds import sources
from feeds.models import CalendarFeed
from feeds.services import feed_renew
from feeds.sources import Event

EVERY_EMPLOYEE = {"head", "curator", "council", "mentor", "mentee", "admin", "norole"}


@pytest.mark.parametrize("role", ROLES)
def test_my_calendar_page_for_every_role(client_as, role):
    response = client_as(role).get(reverse("feeds:calendar"))
    assert response.status_code == expect(EVERY_EMPLOYEE)[role]
    if response.status_code == 302:
        assert response.url.startswith(reverse("accounts:login"))


def test_login_without_staff_card_is_refused(client, db):
    from accounts.models import User

    client.force_login(User.objects.create_user(username="lonely", password="x"))
    assert client.get(reverse("feeds:calendar")).status_code == 403


def test_first_address_is_issued_at_once_and_shown_with_webcal(client_as, world):
    client = client_as("mentor")
    assert "Получить адрес календаря" in client.get(reverse("feeds:calendar")).content.decode()
    response = client.post(reverse("feeds:renew"))
    assert response.status_code == 302
    feed = CalendarFeed.objects.get(user=world.users["mentor"])
    assert len(feed.token) >= 43
    page = client.get(reverse("feeds:calendar")).content.decode()
    assert f"http://testserver/calendar/{feed.token}.ics" in page
    assert f"webcal://testserver/calendar/{feed.token}.ics" in page
    assert "Яндекс Календарь" in page and "Outlook" in page and "Google Календарь" in page


def test_new_address_asks_first_then_the_old_one_is_404(client_as, world):
    user = world.users["mentee"]
    old = feed_renew(user=user, actor=user).token
    client = client_as("mentee")
    asked = client.post(reverse("feeds:renew"))
    assert asked.status_code == 200 and "Старый адрес перестанет работать сразу" in asked.content.decode()
    assert CalendarFeed.objects.get(user=user).token == old
    client.logout()
    assert client.get(reverse("feeds:feed", args=[old])).status_code == 200
    client_as("mentee").post(reverse("feeds:renew"), {"confirmed": "1"})
    new = CalendarFeed.objects.get(user=user).token
    assert new != old
    client.logout()
    assert client.get(reverse("feeds:feed", args=[old])).status_code == 404
    assert client.get(reverse("feeds:feed", args=[new])).status_code == 200


@pytest.mark.parametrize("token", ["wrong", "x" * 43, "%00", "..", "а" * 10, "x" * 5000])
def test_wrong_secret_is_404(client, db, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_feed_of_a_deactivated_login_is_404(client, world):
    user = world.users["mentor"]
    token = feed_renew(user=user, actor=user).token
    user.is_active = False
    user.save()
    assert client.get(reverse("feeds:feed", args=[token])).status_code == 404


def test_feed_answers_get_and_head_only(client, world):
    user = world.users["mentor"]
    url = reverse("feeds:feed", args=[feed_renew(user=user, actor=user).token])
    assert client.head(url).status_code == 200  # some calendars look before they read
    assert client.post(url).status_code == 405


@pytest.fixture
def test_source():
    """A source the test controls: one deadline, one cancelled date, one meeting at a time."""
    zone = ZoneInfo("Asia/Yekaterinburg")

    def source(user):
        return [
            Event(uid="test-deadline-1", summary="Срок: конспект", start=date(2026, 12, 15), url="/programs/"),
            Event(uid="test-cancelled-2", summary="Отменено", start=date(2026, 12, 20), cancelled=True),
            Event(
                uid="test-timed-3",
                summary="Встреча",
                start=datetime.combine(date(2026, 12, 16), time(15, 30), tzinfo=zone),
                location="Кабинет 2",
                description="Строка 1\nСтрока 2; с запятой, и точкой с запятой",
                last_modified=datetime(2026, 11, 1, 9, 0, tzinfo=ZoneInfo("UTC")),
            ),
        ]

    sources.register("test", source)
    yield
    sources.unregister("test")


def test_feed_parses_back_with_dates_zone_and_status(client, world, settings, test_source):
    settings.TIME_ZONE = "Asia/Yekaterinburg"
    user = world.users["norole"]
    token = feed_renew(user=user, actor=user).token
    response = client.get(reverse("feeds:feed", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Наставник: Егорова В.И."
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"test-deadline-1@nastavnik", "test-cancelled-2@nastavnik", "test-timed-3@nastavnik"}

    deadline = events["test-deadline-1@nastavnik"]
    assert deadline.decoded("DTSTART") == date(2026, 12, 15)
    assert deadline.decoded("DTEND") == date(2026, 12, 16)
    assert str(deadline["STATUS"]) == "CONFIRMED"
    assert str(deadline["URL"]) == "http://testserver/programs/"
    assert "DTSTAMP" in deadline
    assert str(events["test-cancelled-2@nastavnik"]["STATUS"]) == "CANCELLED"

    timed = events["test-timed-3@nastavnik"]
    assert timed["DTSTART"].params["TZID"] == "Asia/Yekaterinburg"
    assert timed.decoded("DTSTART") == datetime(2026, 12, 16, 10, 30, tzinfo=ZoneInfo("UTC"))
    assert str(timed["LOCATION"]) == "Кабинет 2"
    assert str(timed["DESCRIPTION"]) == "Строка 1\nСтрока 2; с запятой, и точкой с запятой"
    assert timed.decoded("LAST-MODIFIED") == datetime(2026, 11, 1, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Yekaterinburg"]
    # Lines are folded at 75 octets and end with CRLF, as the standard wants.
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))


def test_page_lists_the_coming_entries_in_date_order(client_as, world):
    today = timezone.localdate()

    def source(user):
        return [
            Event(uid="later", summary="Потом", start=today + timedelta(days=9), url="/programs/"),
            Event(uid="past", summary="Прошлое", start=today - timedelta(days=1)),
            Event(uid="soon", summary="Скоро", start=today, cancelled=True),
        ]

    sources.register("test-page", source)
    try:
        page = client_as("norole").get(reverse("feeds:calendar")).content.decode()
    finally:
        sources.unregister("test-page")
    assert "Прошлое" not in page
    assert page.index("Скоро") < page.index("Потом")
    assert "отменено" in page
    assert '<a href="/programs/">Потом</a>' in page


def test_an_entry_on_the_last_representable_day_is_rendered(client, world):
    sources.register("test-edge", lambda user: [Event(uid="edge", summary="Край", start=date.max)])
    user = world.users["norole"]
    try:
        response = client.get(reverse("feeds:feed", args=[feed_renew(user=user, actor=user).token]))
    finally:
        sources.unregister("test-edge")
    (event,) = [
        e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT") if e["UID"] == "edge@nastavnik"
    ]
    assert event.decoded("DTSTART") == date.max and "DTEND" not in event
