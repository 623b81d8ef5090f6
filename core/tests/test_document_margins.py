"""ГОСТ Р 7.0.97-2016 page setup of every printed document: each template that extends
documents/pdf/base.html is laid out with its own page rules (its `style` block) around the same
filler text, and its content box keeps at least 20 mm from every edge — 30 mm on the left of a
portrait page, for binding. A new document is checked the day its template is added."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from weasyprint import HTML

from core.pdf import _BASE_URL, StaticFilesOnlyFetcher

BASE = "documents/pdf/base.html"
MM = 96 / 25.4  # CSS pixels in a millimetre: WeasyPrint lays pages out in CSS pixels
# Handed to the person, not bound in a file: its frame is centred between even margins.
UNBOUND = {"growth/pdf/letters.html"}
FILLER = "Текст документа, которым заполняются страницы для проверки полей. " * 400


def documents() -> list[str]:
    root = Path(settings.BASE_DIR) / "templates"
    return sorted(
        str(path.relative_to(root))
        for path in root.glob("*/pdf/*.html")
        if f'{{% extends "{BASE}" %}}' in path.read_text(encoding="utf-8")
    )


def test_every_document_template_is_walked():
    assert {
        "records/pdf/order.html",
        "mentorship/pdf/agreement.html",
        "mentorship/pdf/payroll.html",
        "roadmap/pdf/roadmap.html",
        "programs/pdf/program.html",
        "growth/pdf/letters.html",
    } <= set(documents())


@pytest.mark.parametrize("name", documents())
def test_every_document_keeps_20_mm_margins_and_30_on_the_left_of_a_portrait_page(name):
    # The document's own page rules (its `style` block) around the same text: its content is
    # replaced, so no record is needed to render it.
    page = engines["django"].from_string(
        f'{{% extends "{name}" %}}{{% block content %}}<p class="doc-preamble">{FILLER}</p>{{% endblock %}}'
    )
    rendered = HTML(string=page.render({}), base_url=_BASE_URL, url_fetcher=StaticFilesOnlyFetcher()).render()
    assert len(rendered.pages) >= 2
    for number, sheet in enumerate(rendered.pages, start=1):
        box = sheet._page_box
        top, right, bottom, left = (
            margin / MM for margin in (box.margin_top, box.margin_right, box.margin_bottom, box.margin_left)
        )
        portrait = sheet.height > sheet.width
        assert min(top, right, bottom) >= 20 - 0.01, (name, number, top, right, bottom)
        assert left >= (30 if portrait and name not in UNBOUND else 20) - 0.01, (name, number, left)
