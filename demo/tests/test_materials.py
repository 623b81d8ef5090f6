"""The demo kindergarten's methodological library: published through the services, loaded once, its
files real documents."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from materials.models import Material


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_demo_library_has_real_files_and_loads_once(demo):
    assert demo["materials"] == Material.objects.count() == 5
    memo = Material.objects.get(title="Как вести журнал наставничества")
    assert memo.audience == "mentors" and memo.published_by.username == "council"
    with memo.file.open("rb") as handle:
        assert "После каждой встречи" in PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    checklist = Material.objects.get(kind="checklist")
    with checklist.file.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    assert "Цель занятия понятна детям" in document.tables[0].rows[1].cells[0].text
    assert Material.objects.filter(kind="typical_program", audience="all").exclude(file="").exists()
    assert Material.objects.filter(withdrawn_at__isnull=False).count() == 1

    from demo.kindergarten import load_demo

    assert load_demo()["materials"] == 0
    assert Material.objects.count() == 5
