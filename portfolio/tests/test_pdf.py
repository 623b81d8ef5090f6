"""The portfolio as a PDF, read back: A4, the mentor's name, every section, the same content as the page."""

import io

from django.urls import reverse
from pypdf import PdfReader

from .factories import former_mentee_pair, full_pair

SECTIONS = (
    "1. Наставник",
    "2. Наставнические пары и группы",
    "3. Персонализированные программы наставничества",
    "4. Рост наставляемых по самодиагностике",
    "5. Удовлетворённость наставляемых (итоговые анкеты)",
    "6. Результаты наставляемых после начала наставничества",
    "7. Собственный профессиональный рост",
    "8. Подтверждающие материалы",
)


def read(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), reader


def test_the_pdf_has_the_mentors_name_and_every_section(world, client_as):
    pair = full_pair(world, pairing=world.pairing, number=12)
    former_mentee_pair(world)
    response = client_as("mentor").get(reverse("portfolio:pdf", args=[world.mentor.person.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text, reader = read(response.content)
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert "Портфолио педагога-наставника" in text
    assert world.mentor.person.full_name in text
    for section in SECTIONS:
        assert section in text, section
    assert world.mentee.person.full_name in text
    assert "№ 12-ОД" in text
    assert "Педагогический дебют — 12" in text
    assert "2,0 → 4,0" in text
    assert "Конспект консультации 12.pdf" in text
    assert "Недостаточно ответов (нужно не меньше трёх)" in text
    assert world.mentee.difficulties not in text and pair.program.difficulties not in text


def test_a_long_portfolio_numbers_its_pages(world, client_as):
    for number in range(1, 7):
        full_pair(world, number=number)
    text, reader = read(client_as("curator").get(reverse("portfolio:pdf", args=[world.mentor.person.pk])).content)
    assert len(reader.pages) >= 2
    assert all(f"Конспект консультации {number}.pdf" in text for number in range(1, 7))
    # The number at the top of every page after the first (ГОСТ Р 7.0.97); pypdf reads it first or last.
    for number, page in enumerate(reader.pages[1:], start=2):
        words = page.extract_text().split()
        assert str(number) in (words[0], words[-1]), number
