"""Uploaded files: what a file is by its whole content, what is stored of it, how it goes out."""

import io
import re
import time
import zipfile
from urllib.parse import quote, unquote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageFile, PngImagePlugin
from pypdf import PdfWriter

from core.files import (
    ScanField,
    check_content,
    clean_scan,
    download_name,
    random_file_name,
    stored_content,
    stored_file_response,
    validate_scan,
)

from .files import (
    HOSTILE,
    has_metadata,
    hostile_upload,
    jpeg_with_exif,
    pixel_bomb_png,
    tiny_jpeg,
    tiny_pdf,
    tiny_png,
    upload,
)

PDF = tiny_pdf()


# --- what a scan may be ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("согласие.pdf", tiny_pdf()),
        ("scan.PDF", tiny_pdf()),
        ("фото.jpg", tiny_jpeg()),
        ("photo.jpeg", jpeg_with_exif()),
        ("скан.png", tiny_png()),
    ],
)
def test_validate_scan_accepts_real_pdf_jpeg_png(name, content):
    validate_scan(upload(name, content))


def test_validate_scan_leaves_the_read_position_where_it_was():
    scan = upload("согласие.pdf", PDF)
    scan.seek(3)
    validate_scan(scan)
    assert scan.tell() == 3
    scan.seek(0)
    assert scan.read() == PDF


def test_validate_scan_refuses_an_executable_with_a_russian_message():
    with pytest.raises(ValidationError) as error:
        validate_scan(upload("программа.exe", b"MZ\x90\x00\x03\x00\x00\x00"))
    assert error.value.messages == ["Можно загрузить только PDF, JPG или PNG (скан или фото подписанного документа)."]


def test_validate_scan_refuses_a_file_without_extension():
    with pytest.raises(ValidationError, match="только PDF, JPG или PNG"):
        validate_scan(upload("согласие", PDF))


def test_validate_scan_refuses_a_file_over_the_size_limit(settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        validate_scan(upload("согласие.pdf", PDF))
    assert error.value.messages[0].startswith("Файл слишком большой")


def test_validate_scan_accepts_a_file_exactly_at_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = len(PDF)
    validate_scan(upload("согласие.pdf", PDF))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("согласие.pdf", b"MZ\x90\x00 this is an exe renamed"),
        ("согласие.pdf", tiny_png()),
        ("фото.jpg", tiny_pdf()),
        ("скан.png", tiny_jpeg()),
        ("пусто.pdf", b""),
    ],
)
def test_validate_scan_refuses_content_that_does_not_match_the_name(name, content):
    with pytest.raises(ValidationError) as error:
        validate_scan(upload(name, content))
    assert error.value.messages == [
        "Содержимое файла не похоже на PDF или изображение: файл повреждён или переименован."
    ]


# --- the whole content, not the first bytes ----------------------------------------------------------


@pytest.mark.parametrize("case", HOSTILE)
def test_a_file_that_only_starts_like_a_scan_is_refused_in_russian(case):
    with pytest.raises(ValidationError) as error:
        validate_scan(hostile_upload(case))
    (message,) = error.value.messages
    assert message.startswith(("Изображение повреждено", "PDF повреждён"))


@pytest.mark.parametrize("case", HOSTILE)
def test_a_file_that_only_starts_like_its_type_is_refused_by_name(case):
    extension, content = HOSTILE[case]
    with pytest.raises(ValidationError) as error:
        check_content(upload(f"отчёт{extension}", content), extension, name=f"отчёт{extension}")
    (message,) = error.value.messages
    assert message.startswith((f"«отчёт{extension}»: изображение повреждено", f"«отчёт{extension}»: PDF повреждён"))


def test_a_truncated_jpeg_is_refused_even_after_weasyprint_made_pillow_tolerant(monkeypatch):
    # weasyprint/images.py sets this for the whole process; with it a cut JPEG decodes, grey at the end.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with Image.open(io.BytesIO(HOSTILE["truncated-jpeg"][1])) as image:
        image.load()  # the reason for the check: Pillow alone says nothing
    with pytest.raises(ValidationError, match="загружено не полностью"):
        validate_scan(hostile_upload("truncated-jpeg"))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as WeasyPrint wants it


def test_a_20000_by_20000_png_of_50_kb_is_refused_before_it_is_decoded():
    bomb = pixel_bomb_png()
    assert len(bomb) < 100_000
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="Слишком большое разрешение"):
        validate_scan(upload("скан.png", bomb))
    assert time.perf_counter() - started < 0.5


def test_a_picture_above_64_megapixels_is_refused_with_its_size():
    with pytest.raises(ValidationError, match=r"Слишком большое разрешение \(9000×9000\)"):
        validate_scan(upload("скан.png", pixel_bomb_png(9000)))


def test_a_pdf_without_pages_is_refused():
    output = io.BytesIO()
    PdfWriter().write(output)
    with pytest.raises(ValidationError, match="В PDF нет ни одной страницы"):
        validate_scan(upload("согласие.pdf", output.getvalue()))


def test_a_pdf_locked_with_a_password_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("секрет", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    with pytest.raises(ValidationError, match="PDF защищён паролем"):
        validate_scan(upload("согласие.pdf", output.getvalue()))


def test_a_pdf_with_a_line_after_its_end_is_accepted():
    validate_scan(upload("согласие.pdf", PDF + b"\n" + b" " * 500))


def office(*parts: str) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for part in parts:
            archive.writestr(part, "<x/>")
    return output.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "содержимое не соответствует расширению .docx"),
        (b"PK\x03\x04<html><script>alert(1)</script></html>", "документ повреждён"),
        (office("word/document.xml"), "это не документ DOCX"),  # no [Content_Types].xml
        (office("[Content_Types].xml", "xl/workbook.xml"), "это не документ DOCX"),
        (office("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "содержит макросы"),
    ],
)
def test_a_docx_must_be_the_archive_a_docx_is(content, message):
    with pytest.raises(ValidationError, match=message):
        check_content(upload("план.docx", content), ".docx", name="план.docx")


def test_a_genuine_docx_is_accepted():
    check_content(upload("план.docx", office("[Content_Types].xml", "word/document.xml")), ".docx")


# --- what is stored -----------------------------------------------------------------------------


def test_a_photographed_scan_is_stored_without_gps_and_camera():
    original = jpeg_with_exif()
    assert has_metadata(original)
    stored = clean_scan(upload("согласие.jpg", original))
    data = stored.read()
    assert not has_metadata(data)
    assert b"Apple" not in data and b"iPhone" not in data and b"kindergarten" not in data
    assert stored.name == "согласие.jpg"


def test_a_photo_taken_sideways_is_turned_upright_before_exif_goes():
    data = stored_content(upload("бок.jpg", jpeg_with_exif(size=(64, 48), orientation=6)), ".jpg")
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (48, 64)


def test_a_png_loses_its_text_and_exif_chunks():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Петрова С.Н.")
    exif = Image.Exif()
    exif[0x010F] = "Samsung"
    source = io.BytesIO()
    Image.new("RGB", (8, 8)).save(source, "PNG", pnginfo=info, exif=exif)
    data = stored_content(upload("скан.png", source.getvalue()), ".png")
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and "Author" not in image.info
    assert not has_metadata(data) and b"Samsung" not in data


def test_what_was_glued_after_a_picture_is_not_stored():
    data = stored_content(upload("скан.jpg", tiny_jpeg() + b"<html><script>alert(1)</script></html>"), ".jpg")
    assert b"<html>" not in data


def test_a_pdf_is_stored_as_it_came():
    assert clean_scan(upload("согласие.pdf", PDF)).read() == PDF


def test_the_scan_field_hands_on_the_cleaned_photo_and_keeps_a_stored_file():
    field = ScanField(required=False)
    cleaned = field.clean(upload("согласие.jpg", jpeg_with_exif()))
    assert isinstance(cleaned, ContentFile) and not has_metadata(cleaned.read())
    assert field.clean(None, initial="consents/old.pdf") == "consents/old.pdf"
    with pytest.raises(ValidationError, match="Изображение повреждено"):
        field.clean(hostile_upload("jpeg-header-then-html"))


def test_random_file_name_keeps_no_part_of_the_original_name():
    stored = random_file_name("consents", "Петрова Светлана Николаевна согласие.PDF")
    assert re.fullmatch(r"consents/[0-9a-f]{32}\.pdf", stored)
    assert "Петрова" not in stored
    assert "согласие" not in stored


def test_random_file_name_differs_every_time():
    names = {random_file_name("consents", "скан.pdf") for _ in range(20)}
    assert len(names) == 20


# --- how a stored file goes out -------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("stored_name", "content_type"),
    [
        ("consents/a.pdf", "application/pdf"),
        ("consents/a.jpg", "image/jpeg"),
        ("consents/a.png", "image/png"),
        ("evidence/a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("old/a.html", "application/octet-stream"),
    ],
)
def test_a_stored_file_goes_out_as_a_download_of_its_stored_type(db, media, stored_name, content_type):
    from django.core.files.storage import default_storage

    default_storage.save(stored_name, ContentFile(b"<html><script>alert(1)</script></html>"))
    stored = default_storage.open(stored_name)
    response = stored_file_response(stored)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; ")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    response.close()  # closes the file; a finished request also tidies the database connection


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("утро.jpg", ".jpg", "утро.jpg"),
        # Quotes, semicolons and equals signs are allowed in a file name; the header percent-encodes them.
        ('a"; filename="x.html', ".pdf", "a»; filename=«x.pdf"),
        ("отчёт\r\nSet-Cookie: x=1.pdf", ".pdf", "отчёт Set-Cookie — x=1.pdf"),
        ("страница.html.jpg", ".jpg", "страница.html.jpg"),
        ("../../etc/passwd", ".pdf", "passwd.pdf"),
        ("**?", ".png", "file.png"),
        ("фото\u202egpj.exe", ".jpg", "фотоgpj.jpg"),
        ("CON.pdf", ".pdf", "CON_.pdf"),
        (" .скан. ", ".pdf", "скан.pdf"),
    ],
)
def test_a_download_name_holds_nothing_a_header_or_a_folder_would_read(name, extension, expected):
    assert download_name(name, extension) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Конспект «Осень в детском саду»", "Конспект «Осень в детском саду».pdf"),
        ("Приказ № 5-ОД от 30.11.2026", "Приказ № 5-ОД от 30.11.2026.pdf"),
        ("Отчёт наставника, 1-е полугодие; итоги", "Отчёт наставника, 1-е полугодие; итоги.pdf"),
        ("Памятка: журнал «Наставник»", "Памятка — журнал «Наставник».pdf"),
        ("Итоги:", "Итоги.pdf"),
        ("Консультация в 10:30", "Консультация в 10.30.pdf"),
        ('Конспект "Осень" (средняя группа)', "Конспект «Осень» (средняя группа).pdf"),
        ("План на 2026/2027 уч. год", "План на 2026-2027 уч. год.pdf"),
        ("Что делать?", "Что делать.pdf"),
        ("Мамы & папы: «Вместе» — 100%", "Мамы & папы — «Вместе» — 100%.pdf"),
    ],
)
def test_a_russian_title_is_saved_as_typed_but_for_what_a_file_system_forbids(name, expected):
    from core.files import content_disposition

    header = content_disposition(f"{name}.pdf")
    assert unquote(header.split("filename*=UTF-8''", 1)[1]) == expected


@pytest.mark.parametrize("name", ["Памятка: журнал «Наставник»", 'a"; b\\c/d*e?f<g>h|i\x00j\x1fk:l'])
def test_a_download_name_has_no_character_a_file_system_forbids(name):
    saved = download_name(f"{name}.pdf", ".pdf")
    assert not set(saved) & set('\\/:*?"<>|'), saved
    assert all(ord(char) >= 32 for char in saved), saved


def test_a_download_is_named_in_russian_with_a_latin_fallback():
    from core.files import content_disposition

    header = content_disposition("Приказ 5-ОД от 30.11.2026.pdf", inline=True)
    assert header == (
        'inline; filename="Prikaz 5-OD ot 30.11.2026.pdf"; '
        "filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%205-%D0%9E%D0%94%20%D0%BE%D1%82%2030.11.2026.pdf"
    )
    quoted = content_disposition('Семёнова "Д"; x\r\n.pdf')
    assert quoted.startswith('attachment; filename="Semenova D_ x.pdf"; ')
    assert "\r" not in quoted and "\n" not in quoted
    # The typed title goes whole into filename*, percent-encoded: no quote or semicolon ends the header early.
    titled = content_disposition("Памятка: «Наставник»; итоги.pdf")
    assert titled.endswith("filename*=UTF-8''" + quote("Памятка — «Наставник»; итоги.pdf"))
    assert titled.count(";") == 2 and titled.count('"') == 2


def test_every_download_goes_through_the_one_naming_helper():
    """No view writes its own Content-Disposition: core.files names every download."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if ".venv" not in path.parts
        and "tests" not in path.parts
        and path.name != "files.py"
        and (
            '["Content-Disposition"]' in path.read_text(encoding="utf-8")
            or "as_attachment=" in path.read_text(encoding="utf-8")
        )
    ]
    assert offenders == []
