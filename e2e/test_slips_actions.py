"""A withdrawal of a written consent is asked before it is done; the staff import names a probable
duplicate and does not load until the curator decides it."""

import csv
import io

from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_withdrawing_a_consent_says_what_will_happen_first(page, live_server, demo):
    from mentorship.models import Pairing, PairingConsent

    consent = (
        PairingConsent.objects.filter(withdrawn_on__isnull=True)
        .exclude(pairing__status__in=Pairing.CLOSED_STATUSES)
        .select_related("person", "pairing")
        .first()
    )
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}{consent.pairing.get_absolute_url()}")
    row = page.locator("main tr", has_text=consent.person.full_name)
    shot(page, "consent-pair-page")
    row.get_by_role("link", name="Отозвать согласие").click()

    today = timezone.localdate()
    expect(page.locator("main h1")).to_have_text("Отзыв согласия на участие в паре")
    expect(page.locator("main .alert")).to_contain_text(f"будет отмечено отозванным с {today:%d.%m.%Y}")
    expect(page.locator("main .alert")).to_contain_text(consent.person.full_name)
    shot(page, "consent-withdraw-confirm")
    consent.refresh_from_db()
    assert consent.withdrawn_on is None  # opening the page changed nothing

    page.get_by_role("link", name="Отмена").click()
    expect(page).to_have_url(f"{live_server.url}{consent.pairing.get_absolute_url()}")
    consent.refresh_from_db()
    assert consent.withdrawn_on is None

    row.get_by_role("link", name="Отозвать согласие").click()
    page.get_by_role("button", name="Отозвать согласие").click()
    expect(page.locator(".alert-warning").first).to_contain_text("Согласие на участие в паре отозвано")
    expect(page.locator("main tr", has_text=consent.person.full_name)).to_contain_text(f"отозвано {today:%d.%m.%Y}")
    shot(page, "consent-withdrawn")
    consent.refresh_from_db()
    assert consent.withdrawn_on == today


HEADER = ["Табельный номер", "Фамилия", "Имя", "Отчество", "Должность", "Дата приёма", "Педстаж"]
# The demo's Семёнова (таб. № 006) under the number of the sample file, and a new person.
SEMENOVA = ["031", "Семёнова", "Дарья", "Игоревна", "Воспитатель", "", ""]
NEW = ["033", "Соболева", "Инна", "Петровна", "Воспитатель", "02.11.2026", "0,2"]


def test_the_import_warns_of_a_probable_duplicate_and_loads_only_when_decided(page, live_server, demo, tmp_path):
    from people.models import Person

    semenova = Person.objects.get(last_name="Семёнова", first_name="Дарья")
    staff_before = Person.objects.count()
    login(page, live_server, "curator")

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([HEADER, SEMENOVA, NEW])
    path = tmp_path / "sotrudniki.csv"
    path.write_bytes(buffer.getvalue().encode("cp1251"))
    page.goto(f"{live_server.url}/bank/people/")
    page.get_by_role("link", name="Загрузить список из Excel").click()
    page.get_by_label("Файл со списком сотрудников").set_input_files(str(path))
    page.get_by_role("button", name="Проверить файл").click()

    warning = page.locator("#probable-duplicates")
    expect(warning).to_contain_text("Возможно, эти сотрудники уже есть в банке")
    expect(warning).to_contain_text("Строка 2: Семёнова Дарья Игоревна")
    expect(page.locator("main .stat-label").first).to_have_text("новых сотрудника")
    shot(page, "import-duplicate-warning")

    # Without a decision nothing is loaded, and the row is named.
    page.get_by_role("button", name="Загрузить в банк").click()
    expect(page.locator(".alert-danger")).to_contain_text("Строка 2: «Семёнова Дарья Игоревна», таб. № 031")
    shot(page, "import-duplicate-refused")
    assert Person.objects.count() == staff_before

    page.get_by_label("это тот же сотрудник", exact=False).check()
    page.get_by_role("button", name="Загрузить в банк").click()
    expect(page.locator(".alert-success")).to_contain_text("добавлено 1, обновлено 1")
    assert Person.objects.count() == staff_before + 1
    semenova.refresh_from_db()
    assert semenova.personnel_number == "031"
    assert Person.objects.filter(last_name="Семёнова", first_name="Дарья").count() == 1


def test_the_name_cases_are_shown_computed_and_opened_on_request(page, live_server, demo):
    from people.models import Person

    semenova = Person.objects.get(last_name="Семёнова", first_name="Дарья")
    login(page, live_server, "curator")
    page.goto(f"{live_server.url}{semenova.get_absolute_url()}edit/")
    cases = page.locator("#name-cases")
    expect(cases).to_contain_text("Семёновой Дарье Игоревне")
    dative = page.locator("#id_name_dative")
    expect(dative).to_be_hidden()
    shot(page, "person-form-cases")
    cases.get_by_text("исправить падежи").click()
    expect(dative).to_be_visible()
    shot(page, "person-form-cases-open")
