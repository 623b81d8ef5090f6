"""Волкова, the council's chair, publishes a memo as a PDF for mentors in the ИКТ direction; a first
try with a renamed file is refused in Russian and keeps what she typed. Петрова, a mentor, finds it in
the library by the direction and downloads it under its title, and her home page names it among the new ones; Иванова, a mentee, does not see it."""

from pathlib import Path

from playwright.sync_api import expect

from core.tests.files import tiny_pdf
from e2e.conftest import E2E, login, shot

pytestmark = E2E

TITLE = "Памятка: цифровые ресурсы для занятий"


def test_the_council_publishes_a_file_and_a_mentor_downloads_it(page, live_server, demo):
    login(page, live_server, "council")
    page.get_by_role("button", name="Ещё").click()
    page.get_by_role("link", name="Методические материалы").click()
    expect(page.locator("main h1")).to_have_text("Методические материалы")
    expect(page.locator("main")).to_contain_text("Как вести журнал наставничества")
    shot(page, "materials-council-list")

    page.get_by_role("link", name="Опубликовать материал").click()
    page.get_by_label("Название").fill(TITLE)
    page.get_by_label("Вид").select_option(label="Памятка")
    page.get_by_label("Кому").select_option(label="Наставникам")
    page.get_by_label("Описание").fill("Где брать презентации и интерактивные игры для занятий.")
    page.get_by_label("ИКТ").check()
    page.locator("#id_file").set_input_files(
        {"name": "ресурсы.pdf", "mimeType": "application/pdf", "buffer": b"<html>not a pdf</html>"}
    )
    page.get_by_role("button", name="Опубликовать").click()
    expect(page.locator(".alert-danger")).to_contain_text("Материал не сохранён")
    expect(page.locator("main")).to_contain_text("содержимое не соответствует расширению .pdf")
    expect(page.get_by_label("Название")).to_have_value(TITLE)
    shot(page, "materials-council-refused-file")

    page.locator("#id_file").set_input_files(
        {"name": "ресурсы.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf()}
    )
    page.get_by_role("button", name="Опубликовать").click()
    expect(page.locator(".alert-success")).to_contain_text("Материал опубликован")
    expect(page.locator("main h1")).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("Волкова Наталья Сергеевна")
    shot(page, "materials-council-published")

    page.context.clear_cookies()
    login(page, live_server, "mentor")
    page.goto(f"{live_server.url}/materials/")
    page.get_by_label("Направление").select_option(label="ИКТ")
    page.get_by_role("button", name="Найти").click()
    expect(page.locator("main table")).to_contain_text(TITLE)
    expect(page.locator("main table")).not_to_contain_text("Как вести журнал наставничества")
    expect(page.locator("main table")).not_to_contain_text("Чек-лист наблюдения за занятием")  # for mentees
    shot(page, "materials-mentor-by-direction")
    page.get_by_role("link", name=TITLE).click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Скачать файл").click()
    download = info.value
    assert download.suggested_filename == "Памятка — цифровые ресурсы для занятий.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")
    shot(page, "materials-mentor-detail")

    # Her home page names it among the new materials.
    page.goto(f"{live_server.url}/")
    news = page.locator(".alert", has_text="Новые методические материалы")
    expect(news).to_contain_text(TITLE)
    shot(page, "materials-mentor-home-news")

    page.context.clear_cookies()
    login(page, live_server, "mentee")
    page.goto(f"{live_server.url}/materials/")
    expect(page.locator("main")).to_contain_text("Чек-лист наблюдения за занятием")
    expect(page.locator("main")).not_to_contain_text(TITLE)
