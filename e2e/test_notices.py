"""The mentee's bell: the script fills in the count, the centre lists the record to confirm, and
following the item opens the record where she confirms it; then it leaves the centre."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_mentee_opens_the_centre_and_follows_an_item(page, live_server, demo):
    from programs.models import ActivityRecord

    waiting = ActivityRecord.objects.filter(
        program__pairing__mentees__person__user__username="mentee", confirmed_at__isnull=True
    ).count()
    assert waiting >= 1
    login(page, live_server, "mentee")
    bell = page.locator("#bell")
    # No count in the new session: bell.js asks for it, the page itself counted nothing.
    expect(page.locator("#bell-count")).to_be_visible()
    count = int(page.locator("#bell-count").inner_text())
    assert count >= waiting
    bell.click()
    expect(page.locator("main h1")).to_have_text("Уведомления")
    group = page.locator("section", has_text="Проведённые мероприятия, которые нужно подтвердить")
    expect(group.locator("li")).to_have_count(waiting)
    shot(page, "notices-centre")
    first = group.locator("li a").first
    text, href = first.inner_text(), first.get_attribute("href")
    first.click()
    expect(page).to_have_url(f"{live_server.url}{href}")
    page.get_by_role("button", name="Подтверждаю").click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.locator("nav").get_by_title("Уведомления").click()
    expect(page.locator("main")).not_to_contain_text(text)
    shot(page, "notices-centre-after")
