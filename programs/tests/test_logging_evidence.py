"""Evidence files: what is accepted (by name and content), size, EXIF stripped from photos, who may
open a file, and that uploaded files have no public address."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core import files
from core.tests.files import HOSTILE, has_metadata, hostile_upload, jpeg_with_exif, pixel_bomb_png, tiny_pdf
from mentorship.tests.factories import UserFactory

from .. import evidence
from ..models import ActivityRecord, Evidence
from .factories import program_in_work

MB = 1024 * 1024
PDF_BYTES = tiny_pdf()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def office(part: str, *, macros: bool = False) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00")
    return output.getvalue()


class BigUpload:
    """An upload that says it is large without holding the bytes (the size check comes first)."""

    def __init__(self, name: str, size: int):
        self.name, self.size = name, size
        self._data = io.BytesIO(b"\xff\xd8\xff\xe0" + b"\x00" * 16)

    def seek(self, position):
        return self._data.seek(position)

    def read(self, length=-1):
        return self._data.read(length)


# --- what a file may be -------------------------------------------------------------------------


def test_pdf_docx_xlsx_jpeg_png_are_accepted():
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    assert evidence.check_upload(upload("план.pdf", PDF_BYTES)) == "document"
    assert evidence.check_upload(upload("конспект.docx", office("word/document.xml"))) == "document"
    assert evidence.check_upload(upload("таблица.xlsx", office("xl/workbook.xml"))) == "document"
    assert evidence.check_upload(upload("фото.JPG", jpeg_with_exif())) == "photo"
    assert evidence.check_upload(upload("фото.png", png.getvalue())) == "photo"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 100, "«setup.exe»: такой файл не принимается"),
        ("фото.jpg", b"MZ\x90\x00" + b"\x00" * 100, "содержимое не соответствует расширению .jpg"),
        ("акт.pdf", b"<html>not a pdf</html>", "содержимое не соответствует расширению .pdf"),
        ("конспект.docx", office("xl/workbook.xml"), "это не документ DOCX"),
        ("конспект.docx", office("word/document.xml", macros=True), "содержит макросы"),
        ("конспект.docx", b"PK\x03\x04broken", "документ повреждён"),
        ("пусто.pdf", b"", "пустой"),
    ],
)
def test_wrong_files_are_refused_with_a_reason(name, content, message):
    with pytest.raises(ValidationError) as error:
        evidence.check_upload(upload(name, content))
    assert message in error.value.messages[0]


def test_a_50_mb_file_is_refused_with_the_limit_named(settings):
    settings.EVIDENCE_MAX_MB = 20
    with pytest.raises(ValidationError) as error:
        evidence.check_upload(BigUpload("видео.jpg", 50 * MB))
    assert error.value.messages == [
        "«видео.jpg» слишком большой: 50,0\xa0МБ; один файл — не больше 20,0\xa0МБ. Уменьшите фото или разделите документ."
    ]


def test_the_limit_comes_from_settings(settings):
    settings.EVIDENCE_MAX_MB = 1
    with pytest.raises(ValidationError):
        evidence.check_upload(BigUpload("фото.jpg", 2 * MB))
    settings.EVIDENCE_MAX_MB = 3
    assert evidence.max_bytes() == 3 * MB


# --- EXIF -------------------------------------------------------------------------------------------


def test_exif_with_gps_and_the_phone_is_stripped_from_a_jpeg():
    original = jpeg_with_exif()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif()[0x010F] == "Apple"  # the test photo really carries EXIF
        assert image.getexif().get_ifd(0x8825)
    prepared = evidence.prepare(upload("прогулка.jpg", original))
    data = prepared.content.read()
    assert prepared.kind == "photo" and prepared.size == len(data)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert "exif" not in image.info and "comment" not in image.info
    assert b"Apple" not in data and b"iPhone" not in data and b"Exif" not in data


def test_a_photo_taken_sideways_is_turned_upright_before_exif_goes():
    data = evidence.prepare(upload("бок.jpg", jpeg_with_exif(size=(64, 48), orientation=6))).content.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (48, 64)  # orientation 6 = turned 90°: the pixels now stand upright
        assert len(image.getexif()) == 0


def test_a_png_loses_its_text_and_exif_chunks():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Петрова")
    source = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Samsung"
    Image.new("RGB", (8, 8)).save(source, "PNG", pnginfo=info, exif=exif)
    data = evidence.prepare(upload("схема.png", source.getvalue())).content.read()
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert "Author" not in image.info and len(image.getexif()) == 0
    assert b"Samsung" not in data


def test_a_document_is_stored_as_it_came():
    prepared = evidence.prepare(upload("акт.pdf", PDF_BYTES))
    assert prepared.kind == "document" and prepared.content.read() == PDF_BYTES


def test_a_jpeg_named_png_is_refused():
    with pytest.raises(ValidationError):
        evidence.prepare(upload("фото.png", jpeg_with_exif()))


# --- through the form -------------------------------------------------------------------------------


@pytest.fixture
def program(world):
    return program_in_work(world.pairing, done=1, due=2, overdue=1)


def post_record(client, program, files, **data):
    fields = {"done_on": program.starts_on.isoformat(), "description": "Взаимопосещение: утренний круг", **data}
    return client.post(reverse("programs:record-create", args=[program.pk]), {**fields, "files": files})


def test_mentor_uploads_a_photo_and_a_pdf_and_the_photo_is_stored_without_exif(client_as, program):
    client = client_as("mentor")
    response = post_record(
        client, program, [upload("утро.jpg", jpeg_with_exif(), "image/jpeg"), upload("план.pdf", PDF_BYTES)]
    )
    assert response.status_code == 302
    record = ActivityRecord.objects.get(program=program)
    photo, document = record.evidence.order_by("pk")
    assert (photo.kind, photo.original_name, document.kind) == ("photo", "утро.jpg", "document")
    with photo.file.open("rb") as handle:
        assert not has_metadata(handle.read())
    with document.file.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    assert "утро" not in photo.file.name  # stored under a random name


def test_an_exe_is_refused_and_the_typed_text_stays(client_as, program):
    client = client_as("mentor")
    response = post_record(
        client,
        program,
        [upload("вирус.exe", b"MZ" + b"\x00" * 64)],
        description="Открытый показ режимных моментов",
        result="Наставляемая провела умывание сама",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "«вирус.exe»: такой файл не принимается. Можно загрузить фото JPG или PNG" in page
    assert "Открытый показ режимных моментов" in page and "Наставляемая провела умывание сама" in page
    assert not ActivityRecord.objects.exists() and not Evidence.objects.exists()


@pytest.mark.parametrize("case", HOSTILE)
def test_a_file_that_only_starts_like_a_photo_or_a_pdf_is_refused_by_name(client_as, program, case):
    extension = HOSTILE[case][0]
    response = post_record(client_as("mentor"), program, [hostile_upload(case, "утро")], description="Мастер-класс")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"«утро{extension}»: изображение повреждено" in page or f"«утро{extension}»: PDF повреждён" in page
    assert "Мастер-класс" in page
    assert not ActivityRecord.objects.exists() and not Evidence.objects.exists()


def test_a_pixel_bomb_is_refused_by_the_form_quickly(client_as, program):
    client = client_as("mentor")
    started = time.perf_counter()
    response = post_record(client, program, [upload("утро.png", pixel_bomb_png(), "image/png")])
    assert time.perf_counter() - started < 2
    assert "«утро.png»: слишком большое разрешение" in response.content.decode()
    assert not Evidence.objects.exists()


def test_an_html_page_named_docx_is_refused(client_as, program):
    page = b"<html><body><script>alert(document.cookie)</script></body></html>"
    response = post_record(client_as("mentor"), program, [upload("план.docx", page)])
    assert "«план.docx»: содержимое не соответствует расширению .docx" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_50_mb_upload_is_refused_with_a_clear_message(client_as, program, settings):
    settings.EVIDENCE_MAX_MB = 20
    client = client_as("mentor")
    big = upload("большое.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * (50 * MB - 4), "image/jpeg")
    response = post_record(client, program, [big], description="Мастер-класс")
    assert response.status_code == 200
    assert "«большое.jpg» слишком большой: 50,0\xa0МБ; один файл — не больше 20,0\xa0МБ" in response.content.decode()
    assert "Мастер-класс" in response.content.decode()
    assert not ActivityRecord.objects.exists()


def test_the_form_reminds_that_photos_with_children_are_never_published(client_as, program):
    page = client_as("mentor").get(reverse("programs:record-create", args=[program.pk])).content.decode()
    assert "Фото с детьми никогда не публикуются" in page and "152.1" in page


# --- who may open a file ------------------------------------------------------------------------------


@pytest.fixture
def stored(world, program, client_as):
    post_record(client_as("mentor"), program, [upload("утро.jpg", jpeg_with_exif(), "image/jpeg")])
    return Evidence.objects.get()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("mentor", 200),
        ("mentee", 200),
        ("curator", 200),
        ("head", 200),
        ("council", 403),  # reads programs, not the photos
        ("admin", 403),
        ("norole", 403),
    ],
)
def test_evidence_is_served_only_to_those_running_the_program(client_as, stored, role, status):
    response = client_as(role).get(reverse("programs:evidence-file", args=[stored.pk]))
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "image/jpeg"
        assert (
            response["Content-Disposition"]
            == "attachment; filename=\"utro.jpg\"; filename*=UTF-8''%D1%83%D1%82%D1%80%D0%BE.jpg"
        )
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")


def test_another_pairs_mentor_and_mentee_get_404_for_the_file(client, world, stored):
    for person in (world.other_mentor.person, world.other_mentee.person):
        person.user = UserFactory()
        person.save()
        client.force_login(person.user)
        assert client.get(reverse("programs:evidence-file", args=[stored.pk])).status_code == 404


def test_a_thumbnail_is_a_small_jpeg(client_as, stored):
    response = client_as("mentee").get(reverse("programs:evidence-file", args=[stored.pk]) + "?thumb=1")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    # Shown in the page: a JPEG we drew ourselves, its type held by nosniff, not kept on a shared PC.
    assert "Content-Disposition" not in response and response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    with Image.open(io.BytesIO(response.content)) as image:
        assert max(image.size) <= 320


def test_uploaded_files_have_no_public_address(client_as, stored):
    client = client_as("mentor")
    for prefix in ("/media/", "/files/"):
        assert client.get(f"{prefix}{stored.file.name}").status_code == 404


def test_a_tiny_file_with_a_huge_picture_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_PIXELS", 100)
    with pytest.raises(ValidationError, match="слишком большое разрешение"):
        evidence.prepare(upload("бомба.jpg", jpeg_with_exif(size=(20, 20))))
