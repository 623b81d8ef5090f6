"""`manage.py annual_report`: every format for the current and the last academic year on the demo (no
AnnualReport row), an approved report's frozen figures and texts, a draft's texts with today's figures,
the bytes to standard output, and a clean Russian error for a bad year or format."""

import io
import subprocess
import sys

import docx
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook

from core.dates import academic_start_year
from people.models import Organization

from ..annual import annual_figures
from ..models import AnnualReport
from ..period import Period
from .test_documents import read_pdf

pytestmark = pytest.mark.django_db


def run(*arguments) -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("annual_report", *arguments, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def this_year() -> int:
    return academic_start_year(timezone.localdate())


@pytest.mark.parametrize("years_ago", [0, 1], ids=["current", "last"])
def test_every_format_for_the_current_and_the_last_year_without_a_report_row(demo, tmp_path, years_ago):
    assert not AnnualReport.objects.exists()
    start = this_year() - years_ago
    label = f"{start}/{start + 1}"
    for extension in ("pdf", "xlsx", "docx"):
        output = tmp_path / f"report.{extension}"
        stdout, stderr = run("--year", f"{start}-{start + 1}", "--format", extension, "--output", str(output))
        assert stdout == ""
        assert f"Отчёт за {label} не утверждён: показатели на сегодня" in stderr
        content = output.read_bytes()
        if extension == "pdf":
            text, _reader = read_pdf(content)
            assert f"за {label} учебный год" in text and "ПРОЕКТ" in text and "13. Региональная проверка" in text
        elif extension == "xlsx":
            workbook = load_workbook(io.BytesIO(content))
            assert label in workbook["1. Кадровый состав"]["A2"].value and "Данные" in workbook.sheetnames
        else:
            paragraphs = [paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs]
            assert f"за {label} учебный год" in " ".join(paragraphs) and "7. Показатели мониторинга" in paragraphs


def test_an_approved_report_prints_its_frozen_figures_and_texts_and_says_nothing(demo, tmp_path):
    start = this_year() - 1
    figures = annual_figures(Period.academic(start))
    figures["staff"]["pedagogical"] = 777  # frozen: whatever the records say now
    AnnualReport.objects.create(
        start_year=start,
        status=AnnualReport.Status.APPROVED,
        figures=figures,
        approved_at=timezone.now(),
        approved_by=Organization.own().head.user,
        conclusions="Утверждённые выводы",
    )
    output = tmp_path / "approved.pdf"
    stdout, stderr = run("--year", f"{start}/{start + 1}", "--format", "PDF", "--output", str(output))
    assert stdout == "" and "не утверждён" not in stderr
    text, _reader = read_pdf(output.read_bytes())
    assert "Педагогических работников 777" in text and "Утверждённые выводы" in text and "ПРОЕКТ" not in text


def test_a_draft_prints_its_texts_with_the_figures_of_today(demo, tmp_path):
    start = this_year()
    AnnualReport.objects.create(start_year=start, risks="Риск черновика", figures={"staff": {"pedagogical": 777}})
    output = tmp_path / "draft.docx"
    _stdout, stderr = run("--year", f"{start}-{start + 1}", "--format", "docx", "--output", str(output))
    assert f"Отчёт за {start}/{start + 1} не утверждён: показатели на сегодня" in stderr
    paragraphs = [paragraph.text for paragraph in docx.Document(io.BytesIO(output.read_bytes())).paragraphs]
    assert "Риск черновика" in paragraphs
    cells = [c.text for t in docx.Document(io.BytesIO(output.read_bytes())).tables for r in t.rows for c in r.cells]
    assert "777" not in cells  # a draft's stale figures are not printed: today's are


def test_a_dash_writes_the_bytes_to_standard_output(demo):
    start = this_year() - 1
    buffer = io.BytesIO()
    stdout = io.TextIOWrapper(buffer, encoding="utf-8")
    call_command("annual_report", "--year", f"{start}-{start + 1}", "--format", "xlsx", "--output", "-", stdout=stdout)
    stdout.flush()
    content = buffer.getvalue()
    assert content.startswith(b"PK")
    assert "Данные" in load_workbook(io.BytesIO(content)).sheetnames


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--year", "2025-2027", "--format", "pdf"), "Учебный год «2025-2027» не распознан"),
        (("--year", "2025-2026", "--format", "odt"), "Формат «odt» не поддерживается: укажите pdf, xlsx или docx."),
    ],
    ids=["year", "format"],
)
def test_a_bad_year_or_format_is_a_russian_error(tmp_path, arguments, message):
    output = tmp_path / "report"
    with pytest.raises(CommandError, match=message):
        run(*arguments, "--output", str(output))
    assert not output.exists()
    # From the shell: the message, no traceback, a non-zero exit (it stops before the database).
    shell = subprocess.run(
        [sys.executable, "manage.py", "annual_report", *arguments, "--output", str(output)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shell.returncode != 0
    assert message in shell.stderr and "Traceback" not in shell.stderr
