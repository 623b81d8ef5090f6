"""The curator's path through the bank, clicked through as a person would."""

import re
from datetime import date

from playwright.sync_api import expect

from e2e.conftest import E2E, expect_home, login, shot

pytestmark = E2E

NEW_MENTOR = "Лебедева Марина Юрьевна"  # a demo teacher who is not in the bank of mentors
CONSENT_ON = date(2025, 9, 15)


def test_curator_adds_mentor_with_consent_scan_and_finds_a_person(page, live_server, demo, tmp_path):
    from core.tests.files import tiny_pdf
    from mentorship.models import Mentor

    scan = tmp_path / "soglasie-nastavnika.pdf"
    scan.write_bytes(tiny_pdf())

    login(page, live_server, "curator")
    expect_home(page, live_server)
    nav = page.locator("nav.navbar")

    # Bank of mentors → «Включить наставника».
    nav.get_by_role("link", name="Наставники", exact=True).click()
    expect(page.locator("main h1")).to_contain_text("Банк наставников")
    expect(page.locator("main table")).not_to_contain_text(NEW_MENTOR)
    page.get_by_role("link", name="Включить наставника").click()
    expect(page).to_have_url(f"{live_server.url}/bank/mentors/new/")

    # The person: options read «ФИО — должность, организация».
    option = page.locator("#id_person option", has_text=NEW_MENTOR)
    expect(option).to_have_count(1)
    label = option.inner_text().strip()
    assert re.fullmatch(rf"{NEW_MENTOR} — Воспитатель, .+", label), label
    page.locator("#id_person").select_option(label=label)
    page.get_by_label("Режимные моменты", exact=True).check()
    page.locator("#id_consent_given_on").fill(CONSENT_ON.isoformat())
    page.locator("#id_consent_scan").set_input_files(str(scan))
    shot(page, "curator-mentor-form-filled")
    page.get_by_role("button", name="Сохранить").click()

    # The mentor's card.
    expect(page.get_by_role("alert").filter(has_text="Наставник включён в банк.")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"{re.escape(live_server.url)}/bank/mentors/\d+/$"))
    expect(page.locator("main h1")).to_have_text(NEW_MENTOR)
    expect(page.locator("main")).to_contain_text(f"согласие на обработку ПД от {CONSENT_ON:%d.%m.%Y}")
    expect(page.locator("main")).to_contain_text("Режимные моменты")
    scan_link = page.get_by_role("link", name="скан", exact=True)
    expect(scan_link).to_be_visible()
    shot(page, "curator-mentor-card")

    # The scan is served to the logged-in curator (same browser context, same session cookie).
    response = page.request.get(live_server.url + scan_link.get_attribute("href"))
    assert response.status == 200, response.status
    assert response.headers["content-type"] == "application/pdf"
    assert response.body() == scan.read_bytes()

    # The database agrees.
    mentor = Mentor.objects.get(person__last_name="Лебедева", person__first_name="Марина")
    assert mentor.consent_given_on == CONSENT_ON
    assert mentor.consent_scan.name.endswith(".pdf")
    assert list(mentor.directions.values_list("name", flat=True)) == ["Режимные моменты"]

    # The mentor is now in the list.
    nav.get_by_role("link", name="Наставники", exact=True).click()
    expect(page.locator("main table").get_by_role("link", name=NEW_MENTOR, exact=True)).to_be_visible()

    # Staff search folds «ё»: «семен» finds Семёнова.
    nav.get_by_role("link", name="Сотрудники", exact=True).click()
    expect(page.locator("main h1")).to_contain_text("Сотрудники")
    page.get_by_label("Поиск по ФИО").fill("семен")
    page.get_by_role("button", name="Найти").click()
    expect(page).to_have_url(re.compile(r"[?&]q=%D1%81%D0%B5%D0%BC%D0%B5%D0%BD"))
    results = page.locator("main table tbody tr")
    expect(results).to_have_count(1)
    person_link = results.get_by_role("link", name="Семёнова Дарья Игоревна", exact=True)
    expect(person_link).to_be_visible()
    expect(page.locator("main h1")).to_contain_text("найдено: 1")
    shot(page, "curator-people-search")

    # Her card, then her history.
    person_link.click()
    expect(page.locator("main h1")).to_have_text("Семёнова Дарья Игоревна")
    expect(page.locator("main")).to_contain_text("Воспитатель")
    shot(page, "curator-person-card")
    page.get_by_role("link", name="История изменений").click()
    expect(page.locator("main h1")).to_have_text("История изменений")
    entries = page.locator(".history-entry")
    expect(entries.filter(has_text="Создание").first).to_be_visible()
    shot(page, "curator-person-history")


def test_person_form_with_errors_keeps_what_was_typed(page, live_server, demo):
    from people.models import Person

    login(page, live_server, "curator")
    expect_home(page, live_server)
    page.get_by_role("link", name="Добавить сотрудника").click()
    expect(page).to_have_url(f"{live_server.url}/bank/people/new/")

    # The required position is left empty.
    page.locator("#id_last_name").fill("Тестова")
    page.locator("#id_first_name").fill("Ольга")
    page.get_by_role("button", name="Сохранить").click()

    expect(page).to_have_url(f"{live_server.url}/bank/people/new/")
    expect(page.get_by_role("alert").filter(has_text="Запись не сохранена")).to_be_visible()
    position_error = page.locator("#id_position ~ .invalid-feedback, #error_1_id_position")
    expect(position_error.first).to_contain_text("Обязательное поле")
    expect(page.locator("#id_last_name")).to_have_value("Тестова")
    expect(page.locator("#id_first_name")).to_have_value("Ольга")
    shot(page, "curator-person-form-error")

    # Dismissal before hiring: a Russian error, and the dates stay as typed.
    page.locator("#id_position").select_option(label="Воспитатель")
    page.locator("#id_status").select_option(label="Уволен(а)")
    page.locator("#id_hired_on").fill("2025-03-01")
    page.locator("#id_left_on").fill("2025-01-10")
    page.get_by_role("button", name="Сохранить").click()

    expect(page.get_by_text("Дата увольнения раньше даты приёма.")).to_be_visible()
    expect(page.locator("#id_last_name")).to_have_value("Тестова")
    expect(page.locator("#id_hired_on")).to_have_value("2025-03-01")
    expect(page.locator("#id_left_on")).to_have_value("2025-01-10")
    assert not Person.objects.filter(last_name="Тестова").exists()
