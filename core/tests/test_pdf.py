"""core.pdf: a made-up order (core/tests/templates/core_tests/order_sample.html) extending
templates/documents/pdf/base.html, rendered and read back with pypdf."""

import io
import logging
import re
import socket
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from core.pdf import PdfResourceError, render_pdf, render_pdf_cached

TEST_TEMPLATES = Path(__file__).parent / "templates"
TABLE_HEADER = "№ п/п Наставник Наставляемый Срок"


@pytest.fixture(autouse=True)
def _test_templates(settings):
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [*engine["DIRS"], TEST_TEMPLATES]
    settings.TEMPLATES = [engine]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection is recorded and fails."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def order(rows: int = 3, **extra) -> dict:
    return {
        "number": "15-о",
        "date": date(2026, 3, 9),
        "rows": [
            {
                "mentor": f"Петрова Светлана Николаевна ({i})",
                "mentee": "Семёнова Дарья Игоревна",
                "term": "01.09.2025–31.08.2026",
            }
            for i in range(1, rows + 1)
        ],
        "acquainted": ["Петрова С.Н.", "Семёнова Д.И."],
        **extra,
    }


def pages_text(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace (justification, line ends) as one space."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_the_pdf_reads_back_as_russian_text_with_yo_number_sign_and_quotes():
    data = render_pdf("core_tests/order_sample.html", order())

    assert data.startswith(b"%PDF-")
    first = pages_text(data)[0]
    # Quotes within quotes are „лапки“ (core.text.nested_quotes), whatever the template typed.
    assert "КАЗЁННОЕ ДОШКОЛЬНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ДЕТСКИЙ САД „ЛАСТОЧКА“»" in first
    assert "09.03.2026 № 15-о" in first
    assert "г. Первоуральск" in first
    assert "со статьёй 351.8 Трудового кодекса" in first
    assert "1. Закрепить наставнические пары" in first
    assert "2.1. разработать персонализированные программы наставничества в срок до 9 марта 2026 г." in first
    assert "Заведующий Е.В. Соколова" in first


def test_the_title_goes_into_the_pdf_metadata():
    data = render_pdf("core_tests/order_sample.html", order())

    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == "Приказ № 15-о"


def test_a_long_table_repeats_its_header_on_every_page_and_pages_are_numbered_from_the_second():
    data = render_pdf("core_tests/order_sample.html", order(rows=40))

    texts = pages_text(data)
    table_pages = [text for text in texts if "Семёнова Дарья Игоревна" in text]
    assert len(table_pages) >= 2
    for text in table_pages:
        # Compared without spaces: where a header cell wraps depends on the installed serif font.
        flat = "".join(text.split())
        assert flat.index("".join(TABLE_HEADER.split())) < flat.index("СемёноваДарьяИгоревна")
    assert "Петрова Светлана Николаевна (40)" in table_pages[-1]
    # The page number is drawn last: the final word of every page but the first.
    assert texts[0].split()[-1] == "Соколова"
    assert [text.split()[-1] for text in texts[1:]] == [str(n) for n in range(2, len(texts) + 1)]


def test_the_acquaintance_sheet_starts_on_its_own_page():
    texts = pages_text(render_pdf("core_tests/order_sample.html", order()))

    assert texts[-1].startswith("С приказом ознакомлены: ФИО Дата Подпись Петрова С.Н. Семёнова Д.И.")


def test_text_is_set_in_an_embedded_serif_font():
    reader = pypdf.PdfReader(io.BytesIO(render_pdf("core_tests/order_sample.html", order(rows=40))))

    fonts = {font.get_object()["/BaseFont"] for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert fonts
    assert all("Serif" in name for name in fonts), fonts


def test_the_base_template_renders_without_warnings(caplog):
    # Unsupported CSS, unreachable resources and a missing HarfBuzz subsetter all log here.
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_pdf("core_tests/order_sample.html", order(rows=40))

    assert [record.getMessage() for record in caplog.records if record.name.startswith("weasyprint")] == []


def test_rendering_opens_no_connection(no_network):
    render_pdf("core_tests/order_sample.html", order(rows=40))

    assert no_network == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://example.com/logo.png",
        "//example.com/logo.png",
        "ftp://example.com/logo.png",
        "file:///etc/hostname",
        "/static/../../../etc/hostname",
        "/static/%2E%2E/%2E%2E/%2E%2E/etc/hostname",
        "/static//etc/hostname",
        "//localhost/etc/hostname",
        "/media/scan.png",
    ],
)
def test_anything_but_our_static_files_is_refused_without_touching_the_network(no_network, url):
    with pytest.raises(PdfResourceError):
        render_pdf("core_tests/order_sample.html", order(remote=url))

    assert no_network == []


def test_a_missing_static_file_is_an_error_not_a_blank_spot(settings, tmp_path):
    settings.STATICFILES_DIRS = [tmp_path]

    with pytest.raises(PdfResourceError, match=re.escape("нет-такого.png")):
        render_pdf("core_tests/order_sample.html", order(image="нет-такого.png"))


def test_static_images_and_stylesheets_are_read_from_disk(settings, tmp_path, no_network):
    static = tmp_path / "static"
    (static / "documents").mkdir(parents=True)
    # A stylesheet whose own url(…) points at a neighbour: resolved against /static/, not the disk.
    (static / "documents" / "test.css").write_text(
        '.doc-type::after { content: " (оформление из статики)"; }\n'
        '.doc-place { background: url("герб.png") no-repeat; }\n',
        encoding="utf-8",
    )
    Image.new("RGB", (8, 8), "navy").save(static / "documents" / "герб.png")
    settings.STATICFILES_DIRS = [static]
    settings.STATIC_ROOT = tmp_path / "collected"  # nothing collected: the finders serve it

    data = render_pdf(
        "core_tests/order_sample.html", order(stylesheet="documents/test.css", image="documents/герб.png")
    )

    first_page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    # Letter-spaced «П Р И К А З» comes back with or without spaces depending on the font.
    assert "ПРИКАЗ(оформлениеизстатики)" in "".join(first_page.extract_text().split())
    assert len(first_page.images) == 2
    assert no_network == []


def test_collected_static_files_are_served_from_static_root(settings, tmp_path):
    # Production: whitenoise's hashed names exist only in STATIC_ROOT after collectstatic.
    (tmp_path / "documents").mkdir()
    Image.new("RGB", (8, 8), "navy").save(tmp_path / "documents" / "герб.4f2a9c.png")
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_DIRS = []

    data = render_pdf("core_tests/order_sample.html", order(image="documents/герб.4f2a9c.png"))

    assert len(pypdf.PdfReader(io.BytesIO(data)).pages[0].images) == 1


@pytest.mark.parametrize("name", ["", "../x", "payroll/../../etc", "Payroll/2026", "payroll//2026", "a b"])
def test_a_kept_pdf_is_named_by_a_plain_folder_name_only(name):
    with pytest.raises(ValueError):
        render_pdf_cached("documents/pdf/base.html", {}, name=name)
