"""A staff list crafted to cost the import far more than its size is refused at the first limit it
breaks, in Russian, having cost little: the reader stops instead of reading the file whole.

Memory is what the tests hold to (tracemalloc's peak, which counts Python's objects: openpyxl's and
the csv module's rows, zipfile's output); the time each refusal takes is printed by
benchmarks/import_files.py. The reader before these limits peaked at 0.8-1.3 GB on such files.
"""

import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from people.imports import ImportFileError, read_rows
from people.models import ImportBatch, Person
from people.tests import crafted

MEMORY_BOUND = 20 * 1024 * 1024

CRAFTED = [
    (crafted.xlsx_bomb, "распакованный, он занимает больше 50 МБ"),
    (crafted.xlsx_million_blank_rows, "сжат больше чем в 100 раз"),
    (crafted.xlsx_last_row_far_down, "больше 5000 пустых строк"),
    (crafted.xlsx_numbered_blank_rows, "в листе больше 10 010 строк"),
    (crafted.xlsx_wide_row, "в одной строке листа или в одном разделе файла больше 20 000"),
    (crafted.xlsx_many_cells, "больше 300 000 ячеек"),
    (crafted.xlsx_many_parts, "больше 1000 частей"),
    (crafted.xlsx_understated_size, "Файл повреждён"),
    (lambda: crafted.xlsx_rows(6000), "Строк больше 5000"),
    (crafted.not_a_zip, "Файл повреждён или это не таблица Excel \\(XLSX\\)"),
    (crafted.csv_blank_lines, "больше 5000 пустых строк"),
    (crafted.csv_separators_only, "больше 5000 пустых строк"),
    (crafted.csv_long_field, "Строка 2 длиннее 65 536 знаков"),
    (crafted.csv_wide_row, "Строка 2 длиннее 65 536 знаков"),
]
IDS = [
    "xlsx-bomb",
    "xlsx-million-blank-rows",
    "xlsx-row-1000000",
    "xlsx-290000-numbered-rows",
    "xlsx-row-of-500000-cells",
    "xlsx-153000-cells",
    "xlsx-40000-parts",
    "xlsx-understated-size",
    "xlsx-6000-people",
    "xlsx-not-a-zip",
    "csv-blank-lines",
    "csv-separators-only",
    "csv-1mb-field",
    "csv-2.4m-fields",
]


@pytest.mark.parametrize(("build", "message"), CRAFTED, ids=IDS)
def test_a_crafted_file_is_refused_with_little_memory(build, message):
    name, content = build()
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError, match=message):
            read_rows(name, content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"{peak / 1024 / 1024:.1f} MB"


def test_reading_stops_at_the_row_limit_without_reading_on():
    # The sheet ends in XML no parser accepts: a reader that read on to it would call the file damaged.
    with pytest.raises(ImportFileError, match="Файл повреждён"):
        read_rows(*crafted.xlsx_rows(100, then_broken=True))
    with pytest.raises(ImportFileError, match="Строк больше 5000"):
        read_rows(*crafted.xlsx_rows(6000, then_broken=True))


def test_a_list_at_the_limits_is_read():
    name, content = crafted.xlsx_rows(5000)
    rows = read_rows(name, content)
    assert (len(rows), rows[0][0], rows[-1][0]) == (5000, 2, 5001)
    assert rows[-1][1]["personnel_number"] == "5001"


def test_the_csv_modules_own_field_limit_is_explained(monkeypatch):
    # Should the record limit ever be raised past the csv module's field limit (128 KB), the
    # module's error still reaches the user in Russian.
    monkeypatch.setattr("people.import_files.MAX_CSV_RECORD", 4 * crafted.MB)
    with pytest.raises(ImportFileError, match="Строка 2 не читается как CSV: в ней слишком длинное поле"):
        read_rows(*crafted.csv_long_field())


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (crafted.xlsx_bomb, "распакованный, он занимает больше 50 МБ"),
        (crafted.not_a_zip, "Файл повреждён или это не таблица Excel (XLSX)"),
        (crafted.csv_blank_lines, "В файле больше 5000 пустых строк"),
        (crafted.csv_long_field, "Строка 2 длиннее 65 536 знаков"),
    ],
    ids=["xlsx-bomb", "xlsx-not-a-zip", "csv-blank-lines", "csv-1mb-field"],
)
def test_the_import_page_explains_a_crafted_file_and_writes_nothing(world, client_as, build, message):
    name, content = build()
    people = Person.objects.count()
    response = client_as("curator").post(reverse("people:import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Person.objects.count() == people
    assert not ImportBatch.objects.exists()
