"""Every document of the reports app on an empty database: no division errors, «—» where nobody is
counted. Its own module: the demo of the other modules is loaded once per module and stays for it."""

import io
from datetime import date

import docx
import pytest
from openpyxl import load_workbook

from ..annual import interim_figures
from ..documents import annual_docx, annual_pdf, annual_xlsx, interim_pdf
from ..period import Period
from .test_documents import SECTIONS, TEXT_HEADINGS, draft, read_pdf

pytestmark = pytest.mark.django_db


def test_an_empty_database_prints_dashes_in_every_format():
    data = draft(2025)
    text, _reader = read_pdf(annual_pdf(data))
    for heading in (*SECTIONS, *TEXT_HEADINGS):
        assert heading in text, heading
    assert "— 0 из 0 —" in text  # a share with nobody in the denominator
    assert "Программ, отмеченных как лучшие практики, в учебном году нет." in text
    workbook = load_workbook(io.BytesIO(annual_xlsx(data)))
    assert workbook["7. Показатели"]["C7"].value == "—"
    document = docx.Document(io.BytesIO(annual_docx(data)))
    assert any(paragraph.text == "13. Региональная проверка" for paragraph in document.paragraphs)
    interim = read_pdf(interim_pdf(interim_figures(Period.current(date(2025, 11, 30)))))[0]
    assert "Просроченных мероприятий нет." in interim and "С 01.09.2025 по 30.11.2025" in interim
    assert "Пар в работе нет" in interim and "Анкетирование участников" in interim
    sheet = workbook["Данные"]
    values = [row[2].value for row in sheet.iter_rows(min_row=5) if row[0].value and not row[0].value.startswith("13.")]
    assert values and all(value in (0, "—") for value in values)
