"""The bank out as a workbook: logged, and difficulties only for those who may read them."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from people.models import ExportLog


@pytest.mark.parametrize(("role", "has_difficulties"), [("curator", True), ("head", True), ("admin", False)])
def test_export_is_logged_and_hides_difficulties_from_the_administrator(world, client_as, role, has_difficulties):
    response = client_as(role).get(reverse("mentorship:export"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Наставники", "Наставляемые", "Согласия на публикацию"]
    mentees = workbook["Наставляемые"]
    names = [row[0] for row in mentees.iter_rows(min_row=2, values_only=True)]
    assert any(name.startswith("Иванова") for name in names)
    headers = [cell.value for cell in mentees[1]]
    assert ("Профессиональные затруднения" in headers) is has_difficulties
    text = " ".join(str(v) for row in mentees.iter_rows(values_only=True) for v in row if v)
    assert ("Трудно удерживать" in text) is has_difficulties
    log = ExportLog.objects.get()
    assert log.exported_by == world.users[role]
    assert log.rows == len(names) + mentees.parent["Наставники"].max_row - 1


def test_export_log_lists_who_exported(world, client_as):
    client_as("curator").get(reverse("mentorship:export"))
    page = client_as("head").get(reverse("mentorship:export-log")).content.decode()
    assert "Банк наставников и наставляемых" in page
