"""A record's history where people look for it: the curator changes a mentee's strengths, opens the
history from the mentee's page and reads the change in words; the system administrator, who keeps the
bank but never reads a mentee's difficulties, reads them there as «скрыто»."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_the_curator_reads_a_mentees_change_in_words(page, live_server, demo):
    from mentorship.models import Mentee

    mentee = Mentee.objects.select_related("person").filter(is_active=True).order_by("pk").first()
    old = mentee.strengths

    login(page, live_server, "curator")
    page.goto(f"{live_server.url}{mentee.get_absolute_url()}edit/")
    page.get_by_label("Сильные стороны").fill("Умеет договариваться с родителями")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main h1")).to_have_text(mentee.person.full_name)

    page.get_by_role("link", name="История изменений").click()
    expect(page.locator("main h1")).to_have_text("История изменений")
    latest = page.locator(".history-entry").first
    expect(latest).to_contain_text("Морозова И.А., ")
    expect(latest).to_contain_text(f"сильные стороны «{old}» → «Умеет договариваться с родителями»")
    shot(page, "curator-mentee-history")

    page.get_by_role("button", name="Выйти").click()
    login(page, live_server, "admin")
    page.goto(f"{live_server.url}{mentee.get_absolute_url()}history/")
    expect(page.locator("main")).to_contain_text("профессиональные затруднения: скрыто")
    expect(page.locator("main")).not_to_contain_text(mentee.difficulties)
