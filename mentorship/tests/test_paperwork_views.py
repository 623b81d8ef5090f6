"""The paperwork pages for every role (anonymous → login; a wrong role → 403; another's record →
404), what their actions write, and their query counts."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from conftest import ROLES, page_text, queries_of, saved_as
from core.docx import DRAFT_MARK
from core.tests.files import tiny_pdf
from mentorship.models import CooperationAgreement, Direction, MentoringAgreement, Pairing
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory, PartnerFactory, PersonFactory
from mentorship.tests.test_access import READERS, expect
from mentorship.tests.test_orders import approve
from people.models import ExportLog, Organization, Person

PDF = tiny_pdf()
PAY = {"head", "curator", "admin"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def fixed_by_order(world, mentor, mentees, *, direction="Адаптация в коллективе", on=date(2026, 11, 24)):
    """A pair walked to approval with every consent, then fixed by the head's order."""
    from mentorship.services.pairs import pairing_consent_record

    pairing = PairingFactory(
        mentor=mentor,
        mentees=mentees,
        direction=Direction.objects.get(name=direction),
        status="awaiting_approval",
        starts_on=date(2027, 1, 11),
        planned_end_on=date(2027, 8, 31),
    )
    for person in [mentor.person, *(m.person for m in mentees)]:
        pairing_consent_record(
            pairing=pairing, person=person, given_on=date(2026, 11, 20), actor=world.users["curator"]
        )
    order = approve(world, [pairing], date=on)
    return pairing, order


@pytest.fixture
def papers(world, monkeypatch):
    """The mentor's own pair with the mentee fixed by order (an agreement and an order they both
    see), another mentor's pair fixed by order, and a partner with a cooperation agreement.
    The orders' frozen PDFs are not read here: a stub saves WeasyPrint's time in 150 cases."""
    monkeypatch.setattr("records.services.render_pdf", lambda *args, **kwargs: PDF)
    own = Organization.own()
    own.mentor_pay_rule, own.mentor_pay_amount = Organization.PayRule.FIXED, Decimal("3000.00")
    own.save()
    mine, my_order = fixed_by_order(world, world.mentor, [world.mentee])
    theirs, their_order = fixed_by_order(world, world.other_mentor, [MenteeFactory()])
    partner = PartnerFactory()
    cooperation = CooperationAgreement.objects.create(
        partner=partner,
        number="7",
        signed_on=date(2025, 8, 20),
        scan=SimpleUploadedFile("d.pdf", PDF),
        created_by=world.users["curator"],
    )
    return {
        "mine": mine,
        "my_order": my_order,
        "my_agreement": mine.agreements.get(),
        "theirs": theirs,
        "their_order": their_order,
        "their_agreement": theirs.agreements.get(),
        "partner": partner,
        "cooperation": cooperation,
    }


def from_the_partner(world, papers) -> CooperationAgreement:
    """The partner's agreement, once the world's mentor (and so the mentor of the world's mentee) is
    the partner's employee: the pair's page and the mentor's card show it to both of them."""
    Person.objects.filter(pk=world.mentor.person_id).update(organization=papers["partner"])
    return papers["cooperation"]


MATRIX = [
    (
        "own-agreement-pdf",
        lambda w, p: reverse("mentorship:agreement-pdf", args=[p["my_agreement"].pk]),
        expect(PAY | {"mentor"}),
    ),
    (
        "other-agreement-pdf",
        lambda w, p: reverse("mentorship:agreement-pdf", args=[p["their_agreement"].pk]),
        expect(PAY, not_found=frozenset({"mentor"})),
    ),
    (
        "own-agreement-docx",
        lambda w, p: reverse("mentorship:agreement-docx", args=[p["my_agreement"].pk]),
        expect(PAY | {"mentor"}),
    ),
    (
        "other-agreement-docx",
        lambda w, p: reverse("mentorship:agreement-docx", args=[p["their_agreement"].pk]),
        expect(PAY, not_found=frozenset({"mentor"})),
    ),
    ("agreement-update", lambda w, p: reverse("mentorship:agreement-update", args=[p["my_agreement"].pk]), expect(PAY)),
    (
        "cooperation-create",
        lambda w, p: reverse("mentorship:cooperation-create", args=[p["partner"].pk]),
        expect({"head", "curator"}),
    ),
    (
        "cooperation-scan",
        lambda w, p: reverse("mentorship:cooperation-scan", args=[p["cooperation"].pk]),
        expect(READERS),
    ),
    (
        "own-agreement-history",
        lambda w, p: reverse("mentorship:agreement-history", args=[p["my_agreement"].pk]),
        expect(PAY | {"mentor"}),
    ),
    (
        "other-agreement-history",
        lambda w, p: reverse("mentorship:agreement-history", args=[p["their_agreement"].pk]),
        expect(PAY, not_found=frozenset({"mentor"})),
    ),
    (
        "other-partners-cooperation-history",
        lambda w, p: reverse("mentorship:cooperation-history", args=[p["cooperation"].pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "own-partners-cooperation-history",
        lambda w, p: reverse("mentorship:cooperation-history", args=[from_the_partner(w, p).pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    ("payroll", lambda w, p: reverse("mentorship:payroll"), expect(PAY)),
    ("payroll-other-month", lambda w, p: reverse("mentorship:payroll") + "?month=2027-03", expect(PAY)),
    ("payroll-bad-month", lambda w, p: reverse("mentorship:payroll") + "?month=2027-13", expect(PAY)),
    ("payroll-xlsx", lambda w, p: reverse("mentorship:payroll-xlsx", args=[2027, 3]), expect(PAY)),
    ("payroll-pdf", lambda w, p: reverse("mentorship:payroll-pdf", args=[2027, 3]), expect(PAY)),
    (
        "own-order-docx",
        lambda w, p: reverse("records:order-docx", args=[p["my_order"].pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "other-order-docx",
        lambda w, p: reverse("records:order-docx", args=[p["their_order"].pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "mentors-consent-docx",
        lambda w, p: reverse("mentorship:pairing-consent-docx", args=[w.pairing.pk, w.mentor.person.pk]),
        expect(READERS | {"mentor"}, not_found=frozenset({"mentee"})),
    ),
    (
        "other-pairs-consent-docx",
        lambda w, p: reverse("mentorship:pairing-consent-docx", args=[p["theirs"].pk, w.other_mentor.person.pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url_of", "expected"), MATRIX, ids=[case[0] for case in MATRIX])
def test_every_paperwork_page_answers_every_role(world, papers, client_as, role, name, url_of, expected):
    response = client_as(role).get(url_of(world, papers))
    assert response.status_code == expected[role], f"{name} as {role}: {response.status_code}"
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ["head", "curator", "admin"])
def test_a_payroll_file_of_a_month_that_does_not_exist_is_404(client_as, role):
    assert client_as(role).get(reverse("mentorship:payroll-xlsx", args=[2027, 13])).status_code == 404


def test_our_own_organization_gets_no_cooperation_agreement(world, client_as):
    own = Organization.own()
    assert client_as("curator").get(reverse("mentorship:cooperation-create", args=[own.pk])).status_code == 404


# --- what the pages show and write ------------------------------------------------------------


def test_the_pair_page_lists_its_agreement_with_pdf_and_docx_for_the_mentor(world, papers, client_as):
    body = client_as("mentor").get(papers["mine"].get_absolute_url()).content.decode()
    agreement = papers["my_agreement"]
    assert reverse("mentorship:agreement-pdf", args=[agreement.pk]) in body
    assert reverse("mentorship:agreement-docx", args=[agreement.pk]) in body
    assert reverse("mentorship:agreement-update", args=[agreement.pk]) not in body  # the clerk's link
    assert reverse("mentorship:pairing-consent-docx", args=[papers["mine"].pk, world.mentor.person.pk]) in body


def test_the_mentee_and_the_council_do_not_see_the_mentors_pay_terms(world, papers, client_as):
    for role in ("mentee", "council"):
        body = client_as(role).get(papers["mine"].get_absolute_url()).content.decode()
        assert reverse("mentorship:agreement-pdf", args=[papers["my_agreement"].pk]) not in body
        assert "3 000,00" not in body


def test_the_mentor_page_lists_agreements_and_shows_the_salary_to_pay_readers_only(world, papers, client_as):
    MentorFactory._meta.model.objects.filter(pk=world.mentor.pk).update(salary=Decimal("41234.00"))
    url = world.mentor.get_absolute_url()
    for role in ("head", "curator", "admin"):
        body = client_as(role).get(url).content.decode()
        assert "41\xa0234,00" in body and "Должностной оклад" in body
        assert reverse("mentorship:agreement-pdf", args=[papers["my_agreement"].pk]) in body
    for role in ("council", "mentor", "mentee"):
        assert "Должностной оклад" not in client_as(role).get(url).content.decode()


def test_a_partner_mentors_pair_shows_the_cooperation_agreement_and_the_form_link(world, papers, client_as):
    person = PersonFactory(organization=papers["partner"], last_name="Белова")
    pairing = PairingFactory(mentor=MentorFactory(person=person), mentees=[MenteeFactory()])
    body = client_as("curator").get(pairing.get_absolute_url()).content.decode()
    assert "Договор № 7 от 20.08.2025" in body
    assert reverse("mentorship:cooperation-create", args=[papers["partner"].pk]) + f"?pairing={pairing.pk}" in body


def test_the_clerk_fills_in_the_requisites(world, papers, client_as):
    agreement = papers["my_agreement"]
    response = client_as("curator").post(
        reverse("mentorship:agreement-update", args=[agreement.pk]),
        {"number": "12", "date": "2026-11-25", "contract_number": "47", "contract_date": "2019-09-02"},
    )
    assert response.status_code == 302 and response["Location"] == papers["mine"].get_absolute_url()
    agreement.refresh_from_db()
    assert (agreement.number, agreement.contract_number, agreement.contract_date) == ("12", "47", date(2019, 9, 2))
    assert agreement.history.first().history_user == world.users["curator"]


def fill_in_requisites(client, agreement, number: str, contract_number: str = "47") -> None:
    response = client.post(
        reverse("mentorship:agreement-update", args=[agreement.pk]),
        {"number": number, "date": "2026-11-25", "contract_number": contract_number, "contract_date": "2019-09-02"},
    )
    assert response.status_code == 302


def test_the_agreements_history_tells_who_filled_in_the_requisites(world, papers, client_as):
    agreement = papers["my_agreement"]
    fill_in_requisites(client_as("curator"), agreement, "12")
    fill_in_requisites(client_as("head"), agreement, "12-а")
    text = page_text(client_as("mentor"), reverse("mentorship:agreement-history", args=[agreement.pk]))
    assert "Морозова И.И., " in text and "Соколова Е.И., " in text
    assert "номер трудового договора: «47»" in text
    assert "дата трудового договора: «02.09.2019»" in text
    assert "номер соглашения «12» → «12-а»" in text
    # Its readers read the whole document, the pay too.
    assert "сумма в месяц за одного наставляемого, руб.: «3 000,00»" in text
    # Back to the pair, where the mentor found it.
    assert f'href="{papers["mine"].get_absolute_url()}"' in text


def test_a_replaced_mentor_goes_back_from_the_history_to_her_card(world, papers, client_as):
    agreement = papers["my_agreement"]
    Pairing.objects.filter(pk=papers["mine"].pk).update(mentor=MentorFactory())
    text = page_text(client_as("mentor"), reverse("mentorship:agreement-history", args=[agreement.pk]))
    assert f'href="{world.mentor.get_absolute_url()}"' in text


def test_the_agreement_links_to_its_history_where_it_is_shown(world, papers, client_as):
    url = reverse("mentorship:agreement-history", args=[papers["my_agreement"].pk])
    assert url in page_text(client_as("mentor"), papers["mine"].get_absolute_url())
    assert url in page_text(client_as("curator"), world.mentor.get_absolute_url())
    assert url in page_text(
        client_as("admin"), reverse("mentorship:agreement-update", args=[papers["my_agreement"].pk])
    )
    assert url not in page_text(client_as("mentee"), papers["mine"].get_absolute_url())


def test_the_agreements_history_costs_the_same_however_long(world, papers, client_as):
    agreement = papers["my_agreement"]
    url = reverse("mentorship:agreement-history", args=[agreement.pk])
    client = client_as("curator")
    fill_in_requisites(client, agreement, "1")
    few = queries_of(client, url)
    for n in range(2, 6):
        fill_in_requisites(client, agreement, str(n), contract_number=f"4{n}")
    # Session, user, roles; the agreement; its rows with their authors; the names of its pair (its
    # mentees and their people too), mentor, order and author.
    assert few == 11
    assert queries_of(client, url) == few


def test_a_cooperation_agreements_scan_is_told_to_those_who_open_it(world, papers, client_as):
    cooperation = from_the_partner(world, papers)
    cooperation.valid_until = date(2027, 8, 31)
    cooperation._history_user = world.users["head"]
    cooperation.save()
    url = reverse("mentorship:cooperation-history", args=[cooperation.pk])
    curator = page_text(client_as("curator"), url)
    assert "Соколова Е.И., " in curator
    assert "действует до: «31.08.2027»" in curator
    assert "скан договора: файл загружен" in curator
    assert f'href="{reverse("people:organization-list")}"' in curator
    mentee = page_text(client_as("mentee"), url)
    assert "действует до: «31.08.2027»" in mentee
    assert "скан договора: скрыто" in mentee and "файл загружен" not in mentee
    # The mentee goes back to her mentor's card, which shows the agreement and links here.
    assert f'href="{world.mentor.get_absolute_url()}"' in mentee
    assert url in page_text(client_as("mentee"), world.mentor.get_absolute_url())
    assert url in page_text(client_as("mentor"), world.pairing.get_absolute_url())
    assert url in page_text(client_as("council"), reverse("people:organization-list"))


def test_the_cooperation_history_costs_the_same_however_long(world, papers, client_as):
    cooperation = papers["cooperation"]
    url = reverse("mentorship:cooperation-history", args=[cooperation.pk])
    client = client_as("curator")
    few = queries_of(client, url)
    for n in range(4):
        cooperation.subject = f"о сетевом взаимодействии, редакция {n}"
        cooperation._history_user = world.users["curator"]
        cooperation.save()
    assert queries_of(client, url) == few


def test_a_refused_requisites_form_keeps_what_was_typed(world, papers, client_as):
    agreement = papers["my_agreement"]
    response = client_as("head").post(
        reverse("mentorship:agreement-update", args=[agreement.pk]),
        {"number": "12", "date": "2026-11-25", "contract_number": "47", "contract_date": "2027-01-01"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "позже соглашения" in body and 'value="47"' in body
    agreement.refresh_from_db()
    assert agreement.number == ""


def test_the_curator_records_a_cooperation_agreement_from_the_pair_and_returns_to_it(world, papers, client_as):
    person = PersonFactory(organization=papers["partner"], last_name="Белова")
    pairing = PairingFactory(mentor=MentorFactory(person=person), mentees=[MenteeFactory()])
    url = reverse("mentorship:cooperation-create", args=[papers["partner"].pk]) + f"?pairing={pairing.pk}"
    response = client_as("curator").post(
        url,
        {
            "number": "9/26",
            "signed_on": "2026-09-01",
            "subject": "о сетевом взаимодействии",
            "scan": SimpleUploadedFile("d.pdf", PDF),
        },
    )
    assert response.status_code == 302 and response["Location"] == pairing.get_absolute_url()
    recorded = CooperationAgreement.objects.get(number="9/26")
    assert (recorded.partner, recorded.created_by) == (papers["partner"], world.users["curator"])
    assert recorded.history.first().history_user == world.users["curator"]


def test_a_bad_scan_is_refused_and_nothing_recorded(world, papers, client_as):
    url = reverse("mentorship:cooperation-create", args=[papers["partner"].pk])
    response = client_as("head").post(
        url, {"number": "10", "signed_on": "2026-09-01", "scan": SimpleUploadedFile("d.pdf", b"not a pdf")}
    )
    assert response.status_code == 200
    assert "не похоже на PDF" in response.content.decode()
    assert not CooperationAgreement.objects.filter(number="10").exists()


def test_a_payroll_download_is_logged_and_readable(world, papers, client_as):
    response = client_as("curator").get(reverse("mentorship:payroll-xlsx", args=[2027, 3]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Cache-Control"] == "private, no-store"
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(values_only=True)]
    assert world.mentor.person.full_name in names and world.other_mentor.person.full_name in names
    log = ExportLog.objects.get()
    assert (log.exported_by, log.rows) == (world.users["curator"], 2)
    assert "март 2027" in log.what


def test_docx_downloads_are_copies_to_edit_and_only_an_orders_carries_the_draft_mark(world, papers, client_as):
    client = client_as("curator")
    for url, marked in (
        (reverse("records:order-docx", args=[papers["my_order"].pk]), True),
        # Printed from the DOCX as they are: no mark of a draft copy.
        (reverse("mentorship:agreement-docx", args=[papers["my_agreement"].pk]), False),
        (reverse("mentorship:pairing-consent-docx", args=[world.pairing.pk, world.mentee.person.pk]), False),
    ):
        response = client.get(url)
        assert response["Content-Disposition"].startswith("attachment;")
        assert saved_as(response).endswith(" (для правки).docx")
        assert (Document(io.BytesIO(response.content)).paragraphs[0].text == DRAFT_MARK) is marked


def test_the_order_page_links_the_docx_copy(world, papers, client_as):
    body = client_as("mentee").get(papers["my_order"].get_absolute_url()).content.decode()
    assert reverse("records:order-docx", args=[papers["my_order"].pk]) in body


def test_the_head_sets_the_pay_rule_in_the_settings(world, client_as):
    own = Organization.own()
    data = {
        "full_name": own.full_name,
        "short_name": own.short_name,
        "head": world.person("head").pk,
        "mentor_capacity": 2,
        "mentor_min_experience_years": 5,
        "mentor_pay_rule": "percent",
        "mentor_pay_percent": "",
    }
    response = client_as("head").post(reverse("people:organization-settings"), data)
    assert response.status_code == 200 and "Укажите процент оклада" in response.content.decode()
    response = client_as("head").post(reverse("people:organization-settings"), {**data, "mentor_pay_percent": "10"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.mentor_pay_rule, own.mentor_pay_percent) == ("percent", Decimal("10.00"))


def test_the_mentor_form_takes_the_salary(world, client_as):
    from mentorship.models import Mentor

    mentor = world.other_mentor
    response = client_as("curator").post(
        reverse("mentorship:mentor-update", args=[mentor.pk]),
        {
            "competencies": "x",
            "capacity": "",
            "salary": "38500.50",
            "consent_given_on": "2025-09-01",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Mentor.objects.get(pk=mentor.pk).salary == Decimal("38500.50")


# --- query counts ------------------------------------------------------------------------------


def add_paid_pairs(world, count: int) -> None:
    for _ in range(count):
        fixed_by_order(world, MentorFactory(), [MenteeFactory(), MenteeFactory()])
        partner = MentorFactory(person=PersonFactory(organization=PartnerFactory()))
        PairingFactory(mentor=partner, mentees=[MenteeFactory()], starts_on=date(2027, 1, 11))


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


PAGES = [
    ("curator", lambda w: reverse("mentorship:payroll") + "?month=2027-03"),
    ("head", lambda w: reverse("mentorship:payroll-pdf", args=[2027, 3])),
    ("admin", lambda w: reverse("mentorship:payroll-xlsx", args=[2027, 3])),
    ("curator", lambda w: w.mentor.get_absolute_url()),
]


@pytest.mark.parametrize(("role", "url_of"), PAGES)
def test_query_count_does_not_grow_with_rows(world, client_as, role, url_of):
    client = client_as(role)
    add_paid_pairs(world, 2)
    few = queries_for(client, url_of(world))
    add_paid_pairs(world, 8)
    assert queries_for(client, url_of(world)) == few


def test_payroll_page_query_count_is_pinned(world, client_as, django_assert_num_queries):
    client = client_as("curator")
    add_paid_pairs(world, 10)
    url = reverse("mentorship:payroll") + "?month=2027-03"
    client.get(url)
    # session, user, roles (3); our organization; agreements, their mentees, the mentees' people (3);
    # pairs under order in the month, their mentees, the mentees' people (3).
    with django_assert_num_queries(10):
        response = client.get(url)
    assert len(response.context["payroll"].rows) == 10
    assert MentoringAgreement.objects.count() == 10


def test_the_mentor_page_query_count_does_not_grow_with_the_mentors_own_agreements(world, client_as):
    # The agreements listed on the mentor's own page: pair, term, pay and the later agreement
    # changing the term are read with the list, not one query per agreement.
    client = client_as("curator")
    fixed_by_order(world, world.mentor, [MenteeFactory()])
    few = queries_for(client, world.mentor.get_absolute_url())
    for _ in range(4):
        fixed_by_order(world, world.mentor, [MenteeFactory(), MenteeFactory()])
    response = client.get(world.mentor.get_absolute_url())
    assert len(response.context["agreements"]) == 5
    assert queries_for(client, world.mentor.get_absolute_url()) == few
