"""Every form of ours that takes a scan of a signed paper (a mentor's and a mentee's consent, a consent to
publication, a participant's consent to a pair, a cooperation agreement): a file that only starts like a
scan is refused and nothing is recorded, a photographed scan is stored without GPS and camera, a real
PDF is stored as it came and goes out as a download."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse

from conftest import saved_as
from core.tests.files import HOSTILE, has_metadata, hostile_upload, jpeg_with_exif, pixel_bomb_png, tiny_pdf, upload
from mentorship.models import (
    CooperationAgreement,
    Direction,
    Mentee,
    MenteeCategory,
    Mentor,
    MentoringForm,
    PublicationConsent,
)
from mentorship.tests.factories import MenteeFactory, PartnerFactory
from mentorship.tests.test_pairs import propose


@dataclass
class ScanForm:
    """How to fill one form for a `world`: its address and fields, then the record it made (or None)
    with the stored scan's field, and the address that sends the scan back."""

    setup: Callable  # world -> (url, fields, record) with record() -> the model instance or None
    field: str
    scan_field: str
    download: str


def mentor_form(world):
    return (
        reverse("mentorship:mentor-create"),
        {"person": world.other_person.pk, "consent_given_on": "2026-10-01", "is_active": "on"},
        lambda: Mentor.objects.filter(person=world.other_person).first(),
    )


def mentee_form(world):
    category = MenteeCategory.objects.get(name="Молодой специалист")
    person = world.other_person
    return (
        reverse("mentorship:mentee-create"),
        {"person": person.pk, "category": category.pk, "consent_given_on": "2026-10-01", "is_active": "on"},
        lambda: Mentee.objects.filter(person=person).first(),
    )


def publication_form(world):
    return (
        reverse("mentorship:publication-consent-create", args=[world.other_person.pk]),
        {"data": ["name", "photo"], "given_on": "2026-09-01"},
        lambda: PublicationConsent.objects.filter(person=world.other_person).first(),
    )


def pair_consent_form(world):
    direction = Direction.objects.get(name="Режимные моменты")
    forms = [MentoringForm.objects.get(name="Педагог – педагог")]
    pairing = propose(world, direction, forms, mentees=[MenteeFactory()]).obj
    return (
        reverse("mentorship:pairing-consent", args=[pairing.pk]),
        {"person": pairing.mentor.person_id, "given_on": "2026-11-20"},
        lambda: pairing.consents.first(),
    )


def cooperation_form(world):
    partner = PartnerFactory()
    return (
        reverse("mentorship:cooperation-create", args=[partner.pk]),
        {"number": "9/26", "signed_on": "2026-09-01", "subject": "о сетевом взаимодействии"},
        lambda: CooperationAgreement.objects.filter(number="9/26").first(),
    )


FORMS = {
    "mentor-consent": ScanForm(mentor_form, "consent_scan", "consent_scan", "mentorship:mentor-consent-scan"),
    "mentee-consent": ScanForm(mentee_form, "consent_scan", "consent_scan", "mentorship:mentee-consent-scan"),
    "publication-consent": ScanForm(publication_form, "scan", "scan", "mentorship:publication-consent-scan"),
    "pair-consent": ScanForm(pair_consent_form, "scan", "scan", "mentorship:pairing-consent-scan"),
    "cooperation": ScanForm(cooperation_form, "scan", "scan", "mentorship:cooperation-scan"),
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def post(client, world, form: ScanForm, scan):
    url, fields, record = form.setup(world)
    response = client.post(url, {**fields, form.field: scan}, follow=True)
    return response, record()


@pytest.mark.parametrize("case", [*HOSTILE, "pixel-bomb"])
@pytest.mark.parametrize("name", FORMS)
def test_a_file_that_only_starts_like_a_scan_is_refused_and_nothing_recorded(world, client_as, name, case):
    scan = upload("скан.png", pixel_bomb_png()) if case == "pixel-bomb" else hostile_upload(case)
    response, record = post(client_as("curator"), world, FORMS[name], scan)
    page = response.content.decode()
    assert "Изображение повреждено" in page or "PDF повреждён" in page or "Слишком большое разрешение" in page
    assert record is None


@pytest.mark.parametrize("name", FORMS)
def test_a_photographed_scan_is_stored_without_gps_and_camera(world, client_as, name):
    form = FORMS[name]
    _, record = post(client_as("curator"), world, form, upload("согласие.jpg", jpeg_with_exif()))
    with getattr(record, form.scan_field).open("rb") as handle:
        data = handle.read()
    assert not has_metadata(data) and b"iPhone" not in data


@pytest.mark.parametrize("name", FORMS)
def test_a_real_pdf_is_stored_as_it_came_and_sent_back_as_a_download(world, client_as, name):
    form = FORMS[name]
    _, record = post(client_as("curator"), world, form, upload("Петрова согласие.pdf", tiny_pdf()))
    response = client_as("curator").get(reverse(form.download, args=[record.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == tiny_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith('attachment; filename="')
        and ".pdf" in response["Content-Disposition"]
    )
    # Named from the record, never from the uploaded file's name.
    assert "Петрова согласие" not in saved_as(response)
    assert saved_as(response).endswith("(скан).pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
