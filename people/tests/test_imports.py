"""Importing the staff spreadsheet: encodings, separators, dates, duplicates, all or nothing."""

import csv
import io
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from people.imports import ImportFileError, plan_import
from people.models import ImportBatch, Organization, Person
from people.services import staff_import_apply, staff_import_prepare

HEADER = ["Табельный номер", "Фамилия", "Имя", "Отчество", "Должность", "Дата приёма", "Педстаж", "Категория"]
GOOD = [
    # Not the world's Семёнова Дарья Игоревна (a probable duplicate: test_import_duplicates.py).
    ["101", "Семёнова", "Дарья", "Олеговна", "Воспитатель", "01.09.2026", "0,5", "без категории"],
    ["102", "Орлов", "Павел", "Ильич", "Музыкальный руководитель", "15.01.2020", "7", "Первая"],
    ["103", "Ёлкина", "Вера", "", "Учитель-логопед", "2019-03-01", "12 лет 3 мес.", "высшая"],
]


def csv_bytes(rows, *, delimiter=",", encoding="utf-8"):
    """As a spreadsheet program writes it: «0,5» is quoted when «,» separates the columns."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def own(world):
    return Organization.own()


def run(own, actor, name, content):
    batch, plan = staff_import_prepare(organization=own, name=name, content=content, actor=actor)
    assert plan.is_clean, plan.problems
    return staff_import_apply(batch=batch, actor=actor)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("staff.csv", csv_bytes([HEADER, *GOOD])),
        ("staff.csv", csv_bytes([HEADER, *GOOD], delimiter=";", encoding="cp1251")),
        ("staff.csv", b"\xef\xbb\xbf" + csv_bytes([HEADER, *GOOD], delimiter=";")),
        ("staff.xlsx", xlsx_bytes([HEADER, *GOOD])),
    ],
    ids=["utf8-comma", "cp1251-semicolon", "utf8-bom-semicolon", "xlsx"],
)
def test_every_format_imports_the_same_people(own, world, name, content):
    batch = run(own, world.users["curator"], name, content)
    assert batch.created_count == 3
    semenova = Person.objects.get(personnel_number="101")
    assert semenova.full_name == "Семёнова Дарья Олеговна"
    assert semenova.hired_on == date(2026, 9, 1)
    assert semenova.teaching_months() == 6
    assert Person.objects.get(personnel_number="102").qualification_category == "first"
    elkina = Person.objects.get(personnel_number="103")
    assert (elkina.hired_on, elkina.teaching_months(), elkina.qualification_category) == (
        date(2019, 3, 1),
        147,
        "highest",
    )
    assert Person.objects.search("елкина").get() == elkina


def test_xlsx_dates_arrive_as_dates_or_strings(own, world):
    rows = [
        HEADER,
        ["201", "Белова", "Ирина", "", "Воспитатель", datetime(2021, 8, 30), 3, ""],
        ["202", "Белов", "Иван", "", "Воспитатель", "31.08.2025", 2.5, ""],
    ]
    run(own, world.users["curator"], "s.xlsx", xlsx_bytes(rows))
    assert Person.objects.get(personnel_number="201").hired_on == date(2021, 8, 30)
    assert Person.objects.get(personnel_number="202").hired_on == date(2025, 8, 31)


def test_importing_the_same_file_twice_adds_nobody(own, world):
    content = csv_bytes([HEADER, *GOOD])
    run(own, world.users["curator"], "staff.csv", content)
    count = Person.objects.count()
    batch, plan = staff_import_prepare(
        organization=own, name="staff.csv", content=content, actor=world.users["curator"]
    )
    assert (len(plan.creates), len(plan.updates), len(plan.unchanged)) == (0, 0, 3)
    staff_import_apply(batch=batch, actor=world.users["curator"])
    assert Person.objects.count() == count


def test_a_changed_position_updates_the_person_and_shows_in_history(own, world):
    run(own, world.users["curator"], "staff.csv", csv_bytes([HEADER, *GOOD]))
    changed = [[*GOOD[0][:4], "Старший воспитатель", *GOOD[0][5:]]]
    batch, plan = staff_import_prepare(
        organization=own, name="staff.csv", content=csv_bytes([HEADER, *changed]), actor=world.users["curator"]
    )
    assert [(c.label, c.old, c.new) for c in plan.updates[0].changes] == [
        ("должность", "Воспитатель", "Старший воспитатель")
    ]
    staff_import_apply(batch=batch, actor=world.users["curator"])
    person = Person.objects.get(personnel_number="101")
    assert person.position.name == "Старший воспитатель"
    latest = person.history.first()
    assert latest.history_user == world.users["curator"]
    assert latest.position_id == person.position_id


def test_every_bad_row_is_listed_and_nothing_is_written(own, world):
    rows = [
        HEADER,
        GOOD[0],
        ["104", "Кротова", "Анна", "", "Воспитатель", "31.02.2024", "", ""],
        ["105", "", "", "", "Воспитатель", "", "", ""],
        ["106", "Жукова", "Мария", "", "Космонавт", "", "", ""],
        ["101", "Двойникова", "Ольга", "", "Воспитатель", "", "", ""],
        ["", "Безномера", "Ольга", "", "Воспитатель", "", "пять", "лучшая"],
    ]
    before = Person.objects.count()
    batch, plan = staff_import_prepare(
        organization=own, name="s.csv", content=csv_bytes(rows), actor=world.users["curator"]
    )
    assert batch is None
    problems = {problem.line: "; ".join(problem.reasons) for problem in plan.problems}
    assert set(problems) == {3, 4, 5, 6, 7}
    assert "31.02.2024" in problems[3] and "не существует" in problems[3]
    assert "не указано ФИО" in problems[4]
    assert "неизвестная должность «Космонавт»" in problems[5]
    assert "уже встречался в строке 2" in problems[6]
    assert (
        "не указан табельный номер" in problems[7]
        and "педстаж «пять»" in problems[7]
        and "категория «лучшая»" in problems[7]
    )
    assert Person.objects.count() == before
    assert not ImportBatch.objects.exists()


def test_a_full_name_column_is_split(own, world):
    rows = [["Таб. №", "ФИО", "Должность"], ["301", "Соболева Инна Петровна", "Воспитатель"]]
    run(own, world.users["curator"], "s.csv", csv_bytes(rows))
    person = Person.objects.get(personnel_number="301")
    assert (person.last_name, person.first_name, person.middle_name) == ("Соболева", "Инна", "Петровна")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("staff.pdf", b"%PDF-1.4", "XLSX или CSV"),
        ("staff.xlsx", b"not a zip", "повреждён или это не таблица Excel"),
        ("staff.csv", b"", "заголовков"),
        ("staff.csv", csv_bytes([["a", "b"], ["1", "2"]]), "заголовков"),
        ("staff.csv", csv_bytes([HEADER]), "ни одной строки"),
    ],
)
def test_unreadable_files_are_explained(own, name, content, message):
    with pytest.raises(ImportFileError, match=message):
        plan_import(organization=own, name=name, content=content)


def test_a_previewed_file_is_applied_once(own, world):
    batch, _ = staff_import_prepare(
        organization=own, name="s.csv", content=csv_bytes([HEADER, *GOOD]), actor=world.users["curator"]
    )
    staff_import_apply(batch=batch, actor=world.users["curator"])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="уже загружен"):
        staff_import_apply(batch=batch, actor=world.users["curator"])


class TestPages:
    def upload(self, client, name, content):
        return client.post(reverse("people:import"), {"file": SimpleUploadedFile(name, content)})

    def test_curator_previews_then_imports(self, world, client_as):
        client = client_as("curator")
        response = self.upload(client, "staff.csv", csv_bytes([HEADER, *GOOD], delimiter=";", encoding="cp1251"))
        batch = ImportBatch.objects.get()
        assert response["Location"] == reverse("people:import-preview", args=[batch.pk])
        preview = client.get(response["Location"]).content.decode()
        assert "Семёнова Дарья Олеговна" in preview
        assert not Person.objects.filter(personnel_number="101").exists()
        response = client.post(reverse("people:import-preview", args=[batch.pk]), follow=True)
        assert "добавлено 3" in response.content.decode()
        assert Person.objects.filter(personnel_number__in=["101", "102", "103"]).count() == 3

    def test_bad_rows_are_shown_with_line_numbers(self, world, client_as):
        rows = [HEADER, GOOD[0], ["104", "Кротова", "Анна", "", "Воспитатель", "31.02.2024", "", ""]]
        response = self.upload(client_as("curator"), "staff.csv", csv_bytes(rows))
        body = response.content.decode()
        assert response.status_code == 200
        assert "ничего не записано" in body
        assert "<td>3</td>" in body and "31.02.2024" in body
        assert not Person.objects.filter(personnel_number="101").exists()

    def test_another_users_upload_is_404(self, world, client_as):
        batch, _ = staff_import_prepare(
            organization=Organization.own(),
            name="s.csv",
            content=csv_bytes([HEADER, *GOOD]),
            actor=world.users["curator"],
        )
        client = client_as("admin")
        assert client.get(reverse("people:import-preview", args=[batch.pk])).status_code == 404
        assert client.post(reverse("people:import-preview", args=[batch.pk])).status_code == 404
        assert not Person.objects.filter(personnel_number="101").exists()

    def test_template_is_a_workbook_with_the_headers(self, world, client_as):
        response = client_as("curator").get(reverse("people:import-template"))
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert [cell.value for cell in sheet[1]][:5] == ["Табельный номер", "Фамилия", "Имя", "Отчество", "Должность"]

    def test_too_big_a_file_is_refused(self, world, client_as, monkeypatch):
        monkeypatch.setattr("people.forms.MAX_IMPORT_BYTES", 10)
        response = self.upload(client_as("curator"), "staff.csv", csv_bytes([HEADER, *GOOD]))
        assert "больше 5 МБ" in response.content.decode()


def test_blank_cells_keep_what_the_bank_has(own, world):
    person = world.other_person  # Семёнова, with dates and experience entered by hand
    person.personnel_number = "006"
    person.phone = "+7 900 111-22-33"
    person.save()
    rows = [[*HEADER, "Телефон"], ["006", "Семёнова", "Дарья", "Игоревна", "Воспитатель", "", "", "", ""]]
    batch, plan = staff_import_prepare(
        organization=own, name="s.csv", content=csv_bytes(rows), actor=world.users["curator"]
    )
    assert len(plan.unchanged) == 1
    staff_import_apply(batch=batch, actor=world.users["curator"])
    person.refresh_from_db()
    assert (person.hired_on, person.teaching_since, person.phone) == (
        date(2020, 9, 1),
        date(2010, 9, 1),
        "+7 900 111-22-33",
    )


def test_a_dismissal_date_marks_the_person_as_left(own, world):
    world.other_person.personnel_number = "006"
    world.other_person.save()
    rows = [
        [*HEADER, "Дата увольнения"],
        ["006", "Семёнова", "Дарья", "Игоревна", "Воспитатель", "", "", "", "30.10.2026"],
    ]
    run(own, world.users["curator"], "s.csv", csv_bytes(rows))
    world.other_person.refresh_from_db()
    assert (world.other_person.status, world.other_person.left_on) == ("left", date(2026, 10, 30))


# --- at the size of a municipality: one reading of the file, bulk writes, history kept ----------------


def numbered_rows(first: int, count: int) -> list[list]:
    """Different people (a name of the same post repeated would be a probable duplicate)."""

    def surname(n: int) -> str:
        return "Новик" + "".join("абвгдежзик"[int(digit)] for digit in str(n))

    return [
        [str(n), surname(n), "Мария", "Петровна", "Воспитатель", "01.09.2025", "2,5", "Первая"]
        for n in range(first, first + count)
    ]


def apply_queries(own, actor, rows) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    batch, plan = staff_import_prepare(
        organization=own, name="s.xlsx", content=xlsx_bytes([HEADER, *rows]), actor=actor
    )
    assert plan.is_clean, plan.problems
    with CaptureQueriesContext(connection) as context:
        staff_import_apply(batch=batch, actor=actor)
    return len(context.captured_queries)


def test_the_import_costs_the_same_queries_for_3_or_30_rows_and_a_few_per_batch_beyond(own, world):
    curator = world.users["curator"]
    # The batch, the positions, the people with numbers, inserts of people and of their history,
    # the batch again. Within one batch of inserts (SQLite's takes about 40 people) nothing grows.
    few = apply_queries(own, curator, numbered_rows(1000, 3))
    assert few == apply_queries(own, curator, numbered_rows(1100, 30)) == 8
    # 600 people: a query per batch of inserts (people and history), not a dozen per person.
    assert apply_queries(own, curator, numbered_rows(2000, 600)) < few + 600 // 10
    assert Person.objects.filter(personnel_number__startswith="2").count() == 600
    changed = [[*row[:4], "Старший воспитатель", *row[5:]] for row in numbered_rows(2000, 600)]
    assert apply_queries(own, curator, changed) < few + 600 // 10
    assert Person.objects.filter(position__name="Старший воспитатель", personnel_number__startswith="2").count() == 600


def test_bulk_written_people_have_history_naming_the_author_and_a_search_name(own, world):
    run(own, world.users["curator"], "staff.csv", csv_bytes([HEADER, *GOOD]))
    person = Person.objects.get(personnel_number="103")
    record = person.history.get()
    assert (record.history_type, record.history_user) == ("+", world.users["curator"])
    assert record.last_name == "Ёлкина" and record.position_id == person.position_id
    assert Person.objects.search("елкина").get() == person  # «ё» folded, as save() would have
    changed = [[*GOOD[2][:1], "Ёлкина-Смирнова", *GOOD[2][2:]]]
    run(own, world.users["admin"], "staff.csv", csv_bytes([HEADER, *changed]))
    latest = person.history.first()
    assert (latest.history_type, latest.history_user, latest.last_name) == (
        "~",
        world.users["admin"],
        "Ёлкина-Смирнова",
    )
    assert Person.objects.search("смирнова").get() == person


def test_the_file_is_read_once_from_upload_to_import(world, client_as, monkeypatch):
    from people import imports

    reads = []
    original = imports.open_table
    monkeypatch.setattr(imports, "open_table", lambda *args: reads.append(args[0]) or original(*args))
    client = client_as("curator")
    client.post(reverse("people:import"), {"file": SimpleUploadedFile("staff.xlsx", xlsx_bytes([HEADER, *GOOD]))})
    batch = ImportBatch.objects.get()
    assert "Семёнова Дарья Олеговна" in client.get(reverse("people:import-preview", args=[batch.pk])).content.decode()
    client.post(reverse("people:import-preview", args=[batch.pk]))
    assert reads == ["staff.xlsx"]
    assert Person.objects.filter(personnel_number__in=["101", "102", "103"]).count() == 3


def test_kept_rows_read_back_as_the_file_said(own, world):
    """Dates from an XLSX (as dates or as text) survive the JSON the rows are kept in."""
    rows = [
        ["201", "Первая", "Анна", "", "Воспитатель", datetime(2020, 3, 1, 8, 30), "7", ""],
        ["202", "Вторая", "Анна", "", "Воспитатель", date(1999, 12, 31), "", ""],
        ["203", "Третья", "Анна", "", "Воспитатель", "05.06.2021", 2.5, ""],
    ]
    run(own, world.users["curator"], "s.xlsx", xlsx_bytes([HEADER, *rows]))
    people = {p.personnel_number: p for p in Person.objects.filter(personnel_number__in=["201", "202", "203"])}
    assert [people[n].hired_on for n in ("201", "202", "203")] == [
        date(2020, 3, 1),
        date(1999, 12, 31),
        date(2021, 6, 5),
    ]
    assert people["203"].teaching_months() in (29, 30, 31)


def test_a_bank_changed_after_the_preview_refuses_the_import_and_writes_nothing(own, world):
    batch, _ = staff_import_prepare(
        organization=own, name="s.csv", content=csv_bytes([HEADER, *GOOD]), actor=world.users["curator"]
    )
    from people.models import Position

    Position.objects.filter(name="Учитель-логопед").update(is_active=False)  # row 4 now names an unknown post
    before = Person.objects.count()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="появились ошибки"):
        staff_import_apply(batch=batch, actor=world.users["curator"])
    assert Person.objects.count() == before
