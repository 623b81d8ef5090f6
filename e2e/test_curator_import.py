"""The curator brings in the kindergarten's staff list and does the yearly refresh."""

import csv
import io

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E

HEADER = ["Табельный номер", "Фамилия", "Имя", "Отчество", "Должность", "Дата приёма", "Педстаж"]
ROWS = [
    ["006", "Семёнова", "Дарья", "Игоревна", "Воспитатель", "", ""],
    ["031", "Соболева", "Инна", "Петровна", "Воспитатель", "02.11.2026", "0,2"],
]
BAD_ROW = ["032", "Кротова", "Анна", "Олеговна", "Воспитатель", "31.02.2024", "1"]
FIXED_ROW = ["032", "Кротова", "Анна", "Олеговна", "Воспитатель", "29.02.2024", "1"]


def cp1251_csv(rows) -> bytes:
    """As Russian Excel saves «CSV (разделители — точка с запятой)»."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("cp1251")


def upload(page, live_server, path):
    page.goto(f"{live_server.url}/bank/people/")
    page.get_by_role("link", name="Загрузить список из Excel").click()
    page.get_by_label("Файл со списком сотрудников").set_input_files(str(path))
    page.get_by_role("button", name="Проверить файл").click()


def test_curator_imports_staff_then_adds_semenova_from_the_refresh(page, live_server, demo, tmp_path):
    from mentorship.models import Mentee
    from people.models import Person

    staff_before = Person.objects.count()
    login(page, live_server, "curator")

    # A file with a bad date: nothing is written and the row is named.
    bad = tmp_path / "sotrudniki.csv"
    bad.write_bytes(cp1251_csv([HEADER, *ROWS, BAD_ROW]))
    upload(page, live_server, bad)
    problems = page.locator("main .card.border-danger")
    expect(problems).to_contain_text("ничего не записано")
    expect(problems.locator("tr", has_text="31.02.2024")).to_contain_text("4")
    expect(problems).to_contain_text("даты «31.02.2024» не существует")
    shot(page, "import-bad-row")
    assert Person.objects.count() == staff_before

    # Fixed: the preview says what will change; nothing is written before «Загрузить в банк».
    fixed = tmp_path / "sotrudniki-ispr.csv"
    fixed.write_bytes(cp1251_csv([HEADER, *ROWS, FIXED_ROW]))
    upload(page, live_server, fixed)
    expect(page.locator("main h1")).to_have_text("Что изменится")
    expect(page.locator("main")).to_contain_text("Соболева Инна Петровна")
    expect(page.locator("main")).to_contain_text("Кротова Анна Олеговна")
    shot(page, "import-preview")
    assert Person.objects.count() == staff_before
    page.get_by_role("button", name="Загрузить в банк").click()
    expect(page.locator(".alert-success")).to_contain_text("добавлено 2")
    assert Person.objects.count() == staff_before + 2

    # The same file again adds nobody.
    upload(page, live_server, fixed)
    stats = page.locator("main .stat")
    expect(stats.nth(0)).to_have_text("0")
    expect(stats.nth(2)).to_have_text("3")
    expect(page.get_by_role("button", name="Загрузить в банк")).to_be_disabled()
    shot(page, "import-again")

    # The yearly refresh: Семёнова, hired this year, has no mentor; add her alone.
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Актуализировать").click()
    expect(page.locator("main h1")).to_have_text("Кому нужен наставник")
    # The refresh's own list (the needs survey's answers follow it on the page, in a card of their own).
    rows = page.locator("main form tbody tr")
    semenova = rows.filter(has_text="Семёнова Дарья Игоревна")
    expect(semenova).to_contain_text("принята")
    for index in range(rows.count()):
        row = rows.nth(index)
        if "Семёнова" not in row.inner_text():
            row.get_by_role("checkbox").uncheck()
    expect(semenova.get_by_role("combobox")).to_have_value(
        str(Mentee._meta.get_field("category").related_model.objects.get(name="Молодой специалист").pk)
    )
    shot(page, "refresh")
    page.get_by_role("button", name="Включить отмеченных в банк наставляемых").click()
    expect(page.locator(".alert-success")).to_contain_text("Семёнова Д.И.")
    expect(page.locator("main form tbody")).not_to_contain_text("Семёнова")
    mentee = Mentee.objects.get(person__last_name="Семёнова")
    assert not mentee.has_consent
    assert not Mentee.objects.filter(person__last_name__in=["Соболева", "Кротова"]).exists()
