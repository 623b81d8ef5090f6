"""A clerk's documents downloaded as a user does: the curator opens a pair and takes a letter (PDF and
its DOCX), the partners' list and takes the cooperation agreement's draft (PDF and DOCX), the pay
list of the month (PDF and XLSX); each is the file it says it is, with the words it should carry."""

import io
import re

from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from e2e.conftest import E2E, login, pdf_text, shot

pytestmark = E2E


def docx_text(path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([*(p.text for p in document.paragraphs), *cells]).split())


def test_the_curator_downloads_a_pair_letter_the_cooperation_draft_and_the_pay_list(page, live_server, demo):
    from mentorship.models import Pairing
    from people.models import Organization

    pairing = Pairing.objects.filter(status__in=Pairing.CURRENT_STATUSES).order_by("pk").first()
    partner = Organization.objects.exclude(kind=Organization.Kind.OWN).order_by("pk").first()
    login(page, live_server, "curator")

    page.goto(f"{live_server.url}{pairing.get_absolute_url()}")
    letters = page.locator("main li", has_text=pairing.mentor.person.short_name).filter(has=page.get_by_text("DOCX"))
    first = letters.first.get_by_role("link").first
    letter_pdf = page.request.get(f"{live_server.url}{first.get_attribute('href')}")
    assert letter_pdf.status == 200
    assert pairing.mentor.person.last_name in pdf_text(letter_pdf.body())
    with page.expect_download() as download:
        letters.first.get_by_role("link", name="DOCX").first.click()
    assert download.value.suggested_filename.endswith(".docx")
    assert re.search(r"ЗАЯВЛЕНИЕ|УВЕДОМЛЕНИЕ", docx_text(download.value.path()))
    shot(page, "pair-letters")

    page.goto(f"{live_server.url}/bank/organizations/")
    row = page.locator("tr", has_text=partner.short_name)
    expect(row.get_by_role("link", name="DOCX")).to_be_visible()
    draft = page.request.get(f"{live_server.url}{row.get_by_role('link', name='PDF').get_attribute('href')}")
    assert draft.status == 200
    text = pdf_text(draft.body())
    assert "ДОГОВОР" in text and partner.full_name.split("«")[0].strip() in text
    with page.expect_download() as download:
        row.get_by_role("link", name="DOCX").click()
    assert download.value.suggested_filename.endswith(".docx")
    assert "о сетевом взаимодействии и сотрудничестве" in docx_text(download.value.path())

    page.goto(f"{live_server.url}/bank/payroll/")
    pay_pdf = page.request.get(f"{live_server.url}{page.get_by_role('link', name='Открыть PDF').get_attribute('href')}")
    assert pay_pdf.status == 200 and pay_pdf.body()[:5] == b"%PDF-"
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert workbook.active.max_row > 1
    shot(page, "payroll")
