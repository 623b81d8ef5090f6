"""The curator gives a newcomer a login from her card; the newcomer signs in with the one-time password
and is made to choose her own before anything else."""

from playwright.sync_api import expect

from e2e.conftest import E2E, expect_home, login, shot

pytestmark = E2E


def test_curator_creates_a_login_and_the_newcomer_changes_the_password(page, live_server, demo):
    from people.models import Person

    newcomer = Person.objects.get(last_name="Семёнова", first_name="Дарья")
    assert newcomer.user is None

    login(page, live_server, "curator")
    page.goto(f"{live_server.url}{newcomer.get_absolute_url()}")
    page.get_by_role("link", name="Создать вход").click()
    expect(page.locator("#id_username")).to_have_value("semenova.di")
    page.get_by_role("button", name="Создать вход").click()
    password = page.get_by_test_id("one-time-password").inner_text()
    expect(page.locator("main")).to_contain_text("один раз")
    shot(page, "login-created")
    page.reload()
    expect(page.locator("main")).to_contain_text("Пароль уже был показан")
    page.locator("nav.navbar").get_by_role("button", name="Выйти").click()

    login(page, live_server, "semenova.di", password)
    expect(page).to_have_url(f"{live_server.url}/accounts/password/")
    expect(page.locator("main")).to_contain_text("временным паролем")
    page.goto(f"{live_server.url}/bank/people/")
    expect(page).to_have_url(f"{live_server.url}/accounts/password/")
    page.locator("#id_old_password").fill(password)
    page.locator("#id_new_password1").fill("Весенний-ручей-42")
    page.locator("#id_new_password2").fill("Весенний-ручей-42")
    page.get_by_role("button", name="Сменить пароль").click()
    expect(page.locator("main")).to_contain_text("Пароль изменён")
    page.goto(f"{live_server.url}/")
    expect_home(page, live_server)
    shot(page, "login-first-home")
