"""Every demo login gets in through the form and sees a Russian home page with its role."""

import pytest
from playwright.sync_api import expect

from e2e.conftest import E2E, expect_home, login, shot

pytestmark = E2E

ROLE_LABELS = {
    "head": "Руководитель",
    "curator": "Куратор",
    "council": "Член методического объединения",
    "mentor": "Наставник",
    "mentee": "Наставляемый",
    "admin": "Системный администратор",
}


@pytest.mark.parametrize("username", list(ROLE_LABELS))
def test_demo_login_lands_on_russian_home_with_role(page, live_server, demo, username):
    login(page, live_server, username)

    expect_home(page, live_server)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    heading = page.locator("main h1").first
    expect(heading).to_contain_text("Здравствуйте")
    roles_line = page.locator("main h1 + p")
    expect(roles_line).to_be_visible()
    roles = [role.strip() for role in roles_line.inner_text().split("·")]
    assert ROLE_LABELS[username] in roles, roles
    # The navbar is Russian too, whatever the browser's Accept-Language (en-US here).
    nav = page.locator("nav.navbar")
    expect(nav.get_by_role("link", name="Главная", exact=True)).to_be_visible()
    expect(nav.get_by_role("button", name="Выйти")).to_be_visible()
    # Bootstrap is served locally (no CDN): the navbar has its primary colour.
    expect(nav).to_have_css("background-color", "rgb(13, 110, 253)")
    shot(page, f"home-{username}")


def test_logout_through_button_returns_to_login(page, live_server, demo):
    login(page, live_server, "curator")
    expect_home(page, live_server)

    page.locator("nav.navbar").get_by_role("button", name="Выйти").click()

    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.get_by_role("button", name="Войти")).to_be_visible()
    expect(page.locator("nav.navbar")).to_have_count(0)
    # Logged out for real: the home page sends back to the login form.
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")


def test_wrong_password_shows_russian_error(page, live_server, demo):
    login(page, live_server, "curator", password="wrong-password")

    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.get_by_text("Неверное имя пользователя или пароль")).to_be_visible()
    # The typed username stays, the password does not.
    expect(page.locator("#id_username")).to_have_value("curator")
    expect(page.locator("#id_password")).to_have_value("")
    shot(page, "login-wrong-password")
