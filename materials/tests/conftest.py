"""Materials of the shared `world`, published through the service: a memo for mentors (a PDF), a
checklist for mentees (a link), a typical program for everyone (a DOCX) and a withdrawn memo."""

import io
import zipfile
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.files import tiny_pdf
from materials.models import Material
from materials.services import material_save, material_withdraw
from materials.uploads import prepare
from mentorship.models import Direction, MentoringForm

DOCUMENTS = "Работа с документацией"
REGIME = "Режимные моменты"
PEER = "Педагог – педагог"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf_upload(name="журнал.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf(), content_type="application/pdf")


def docx_bytes(*, macros: bool = False) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00")
    return output.getvalue()


@dataclass
class Library:
    memo: Material
    checklist: Material
    program: Material
    withdrawn: Material


def publish(user, *, directions=(), forms=(), upload=None, **fields) -> Material:
    material = Material(**fields)
    if upload is not None:
        material.file = prepare(upload)
    return material_save(
        material=material,
        directions=Direction.objects.filter(name__in=directions),
        forms=MentoringForm.objects.filter(name__in=forms),
        actor=user,
    ).obj


@pytest.fixture
def library(world) -> Library:
    council, curator = world.users["council"], world.users["curator"]
    memo = publish(
        council,
        title="Как вести журнал наставничества",
        kind=Material.Kind.MEMO,
        audience=Material.Audience.MENTORS,
        description="Что записывать после каждой встречи с наставляемым.",
        directions=[DOCUMENTS],
        forms=[PEER],
        upload=pdf_upload(),
    )
    checklist = publish(
        council,
        title="Чек-лист наблюдения за занятием",
        kind=Material.Kind.CHECKLIST,
        audience=Material.Audience.MENTEES,
        link="https://example.org/checklist",
        directions=[REGIME],
    )
    program = publish(
        curator,
        title="Типовая программа наставничества",
        kind=Material.Kind.TYPICAL_PROGRAM,
        audience=Material.Audience.ALL,
        upload=SimpleUploadedFile("программа.docx", docx_bytes()),
    )
    withdrawn = publish(
        council,
        title="Старая памятка по адаптации",
        kind=Material.Kind.MEMO,
        audience=Material.Audience.ALL,
        link="https://example.org/old",
    )
    withdrawn = material_withdraw(material=withdrawn, actor=council).obj
    return Library(memo, checklist, program, withdrawn)
