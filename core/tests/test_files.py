import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.files import random_file_name, validate_scan

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("согласие.pdf", PDF),
        ("scan.PDF", PDF),
        ("фото.jpg", JPEG),
        ("photo.jpeg", JPEG),
        ("скан.png", PNG),
    ],
)
def test_validate_scan_accepts_real_pdf_jpeg_png(name, content):
    validate_scan(SimpleUploadedFile(name, content))


def test_validate_scan_leaves_the_read_position_where_it_was():
    upload = SimpleUploadedFile("согласие.pdf", PDF)
    upload.seek(3)
    validate_scan(upload)
    assert upload.tell() == 3
    upload.seek(0)
    assert upload.read() == PDF


def test_validate_scan_refuses_an_executable_with_a_russian_message():
    upload = SimpleUploadedFile("программа.exe", b"MZ\x90\x00\x03\x00\x00\x00")
    with pytest.raises(ValidationError) as error:
        validate_scan(upload)
    assert error.value.messages == ["Можно загрузить только PDF, JPG или PNG (скан или фото подписанного документа)."]


def test_validate_scan_refuses_a_file_without_extension():
    with pytest.raises(ValidationError, match="только PDF, JPG или PNG"):
        validate_scan(SimpleUploadedFile("согласие", PDF))


def test_validate_scan_refuses_a_file_over_the_size_limit(settings):
    settings.UPLOAD_MAX_BYTES = 100
    upload = SimpleUploadedFile("согласие.pdf", PDF + b"0" * 200)
    with pytest.raises(ValidationError) as error:
        validate_scan(upload)
    assert error.value.messages[0].startswith("Файл слишком большой")


def test_validate_scan_accepts_a_file_exactly_at_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = len(PDF)
    validate_scan(SimpleUploadedFile("согласие.pdf", PDF))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("согласие.pdf", b"MZ\x90\x00 this is an exe renamed"),
        ("согласие.pdf", PNG),
        ("фото.jpg", PDF),
        ("скан.png", JPEG),
        ("пусто.pdf", b""),
    ],
)
def test_validate_scan_refuses_content_that_does_not_match_the_name(name, content):
    with pytest.raises(ValidationError) as error:
        validate_scan(SimpleUploadedFile(name, content))
    assert error.value.messages == [
        "Содержимое файла не похоже на PDF или изображение: файл повреждён или переименован."
    ]


def test_random_file_name_keeps_no_part_of_the_original_name():
    stored = random_file_name("consents", "Петрова Светлана Николаевна согласие.PDF")
    assert re.fullmatch(r"consents/[0-9a-f]{32}\.pdf", stored)
    assert "Петрова" not in stored
    assert "согласие" not in stored


def test_random_file_name_differs_every_time():
    names = {random_file_name("consents", "скан.pdf") for _ in range(20)}
    assert len(names) == 20
