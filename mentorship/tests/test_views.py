"""What the bank's pages do: each write goes through, each privacy rule holds."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.files import tiny_pdf
from mentorship.models import Direction, Mentee, Mentor, PublicationConsent
from mentorship.tests.factories import PersonFactory, PublicationConsentFactory, position
from people.models import Person, Position

PDF = tiny_pdf()


def test_curator_adds_a_person_and_history_names_them(world, client_as):
    client = client_as("curator")
    response = client.post(
        reverse("people:person-create"),
        {
            "last_name": "Белкина",
            "first_name": "Ольга",
            "middle_name": "Петровна",
            "organization": world.person("head").organization_id,
            "personnel_number": "777",
            "position": position().pk,
            "hired_on": "2026-09-01",
            "qualification_category": "none",
            "status": "working",
            "experience_years": "2",
            "experience_months": "3",
            "experience_on": "2026-09-01",
        },
    )
    person = Person.objects.get(personnel_number="777")
    assert response.status_code == 302
    assert response["Location"] == person.get_absolute_url()
    assert person.teaching_since == date(2024, 6, 1)
    assert person.history.first().history_user == world.users["curator"]


def test_a_form_with_an_error_keeps_what_was_typed(world, client_as):
    response = client_as("curator").post(
        reverse("people:person-create"),
        {"last_name": "Белкина", "first_name": "Ольга", "status": "left", "qualification_category": "none"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Белкина"' in body
    assert "Запись не сохранена" in body
    assert not Person.objects.filter(last_name="Белкина").exists()


def test_curator_adds_a_mentor_with_consent_and_scan(world, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    person = world.other_person
    directions = list(Direction.objects.filter(name__in=["Режимные моменты", "ИКТ"]))
    response = client_as("curator").post(
        reverse("mentorship:mentor-create"),
        {
            "person": person.pk,
            "directions": [d.pk for d in directions],
            "consent_given_on": "2026-10-01",
            "consent_scan": SimpleUploadedFile("согласие Семёновой.pdf", PDF, content_type="application/pdf"),
            "is_active": "on",
        },
    )
    mentor = Mentor.objects.get(person=person)
    assert response.status_code == 302
    assert mentor.consent_given_on == date(2026, 10, 1)
    assert set(mentor.directions.all()) == set(directions)
    assert "Семёновой" not in mentor.consent_scan.name  # stored under a random name


def test_an_exe_posing_as_a_scan_is_refused_and_nothing_is_saved(world, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client_as("curator").post(
        reverse("mentorship:mentor-create"),
        {
            "person": world.other_person.pk,
            "consent_given_on": "2026-10-01",
            "consent_scan": SimpleUploadedFile("scan.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Можно загрузить только PDF, JPG или PNG" in response.content.decode()
    assert not Mentor.objects.filter(person=world.other_person).exists()


def test_mentor_below_minimum_experience_is_saved_with_a_warning(world, client_as):
    person = PersonFactory(teaching_since=date(2024, 9, 1))
    response = client_as("curator").post(
        reverse("mentorship:mentor-create"),
        {"person": person.pk, "consent_given_on": "2026-10-01", "is_active": "on"},
        follow=True,
    )
    assert Mentor.objects.filter(person=person).exists()
    assert "меньше принятого минимума" in response.content.decode()


def test_curator_adds_a_mentee(world, client_as):
    person = world.other_person
    category = Mentee._meta.get_field("category").related_model.objects.get(name="Новый сотрудник детского сада")
    response = client_as("curator").post(
        reverse("mentorship:mentee-create"),
        {"person": person.pk, "category": category.pk, "difficulties": "Документация", "is_active": "on"},
    )
    mentee = Mentee.objects.get(person=person)
    assert response.status_code == 302
    assert mentee.difficulties == "Документация"


@pytest.mark.parametrize(
    ("role", "sees"),
    [("curator", True), ("head", True), ("mentor", True), ("mentee", True), ("council", False), ("admin", False)],
)
def test_difficulties_are_shown_only_to_those_allowed(world, client_as, role, sees):
    response = client_as(role).get(reverse("mentorship:mentee-detail", args=[world.mentee.pk]))
    assert response.status_code == 200
    assert ("Трудно удерживать внимание детей" in response.content.decode()) is sees


def test_administrator_edits_a_mentee_without_seeing_or_erasing_difficulties(world, client_as):
    client = client_as("admin")
    form_page = client.get(reverse("mentorship:mentee-update", args=[world.mentee.pk])).content.decode()
    assert "Трудно удерживать" not in form_page
    assert 'name="difficulties"' not in form_page
    client.post(
        reverse("mentorship:mentee-update", args=[world.mentee.pk]),
        {
            "category": world.mentee.category_id,
            "strengths": "Новое",
            "is_active": "on",
            "consent_given_on": "2025-09-01",
        },
    )
    world.mentee.refresh_from_db()
    assert world.mentee.strengths == "Новое"
    assert world.mentee.difficulties == "Трудно удерживать внимание детей"


def test_history_hides_difficulties_from_the_administrator(world, client_as):
    url = reverse("people:person-history", args=[world.mentee.person_id])
    assert "Трудно удерживать" not in client_as("admin").get(url).content.decode()
    assert "Трудно удерживать" in client_as("curator").get(url).content.decode()


def test_publication_consent_is_recorded_and_withdrawn(world, client_as):
    client = client_as("curator")
    person = world.other_person
    client.post(
        reverse("mentorship:publication-consent-create", args=[person.pk]),
        {"data": ["name", "photo"], "given_on": "2026-09-01"},
    )
    consent = PublicationConsent.objects.get(person=person)
    assert consent.data == ["name", "photo"]
    client.post(reverse("mentorship:publication-consent-withdraw", args=[consent.pk]), {"withdrawn_on": "2026-11-01"})
    consent.refresh_from_db()
    assert consent.withdrawn_on == date(2026, 11, 1)
    assert not consent.is_in_force(on=date(2026, 11, 1))


def test_publication_consent_needs_the_data_named(world, client_as):
    response = client_as("curator").post(
        reverse("mentorship:publication-consent-create", args=[world.other_person.pk]), {"given_on": "2026-09-01"}
    )
    assert response.status_code == 200
    assert not PublicationConsent.objects.exists()


def test_curator_extends_a_reference_list(world, client_as):
    client_as("curator").post(
        reverse("people:reference-create", args=["positions"]),
        {"name": "Тьютор", "is_pedagogical": "on", "is_active": "on", "sort_order": "500"},
    )
    assert Position.objects.get(name="Тьютор").is_pedagogical


def test_a_reference_taken_out_of_use_is_not_offered(world, client_as):
    Direction.objects.filter(name="ИКТ").update(is_active=False)
    page = client_as("curator").get(reverse("mentorship:mentor-create")).content.decode()
    assert "ИКТ" not in page
    assert "Режимные моменты" in page


class TestProtectedFiles:
    @pytest.fixture
    def scanned(self, world, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        world.mentor.consent_scan = SimpleUploadedFile("scan.pdf", PDF)
        world.mentor.save()
        world.other_mentor.consent_scan = SimpleUploadedFile("scan.pdf", PDF)
        world.other_mentor.save()
        return world

    @pytest.mark.parametrize(
        ("role", "status"), [("curator", 200), ("head", 200), ("mentor", 200), ("mentee", 200), ("norole", 403)]
    )
    def test_scan_served_to_those_who_see_the_mentor(self, scanned, client_as, role, status):
        response = client_as(role).get(reverse("mentorship:mentor-consent-scan", args=[scanned.mentor.pk]))
        assert response.status_code == status
        if status == 200:
            assert response["Content-Type"] == "application/pdf"
            assert b"".join(response.streaming_content) == PDF

    @pytest.mark.parametrize("role", ["mentor", "mentee"])
    def test_another_mentors_scan_is_404(self, scanned, client_as, role):
        url = reverse("mentorship:mentor-consent-scan", args=[scanned.other_mentor.pk])
        assert client_as(role).get(url).status_code == 404

    def test_the_raw_file_address_is_not_served(self, scanned, client_as):
        raw = "/files/" + scanned.mentor.consent_scan.name
        assert client_as("curator").get(raw).status_code == 404

    def test_publication_scan_is_for_bank_readers(self, world, client_as, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        consent = PublicationConsentFactory(person=world.other_person, scan=SimpleUploadedFile("s.pdf", PDF))
        url = reverse("mentorship:publication-consent-scan", args=[consent.pk])
        assert client_as("council").get(url).status_code == 200
        assert client_as("mentor").get(url).status_code == 403


def test_search_finds_semenova_by_semen(world, client_as):
    page = client_as("curator").get(reverse("people:person-list"), {"q": "семен"}).content.decode()
    assert "Семёнова Дарья Игоревна" in page
    assert "Петрова" not in page


def test_filters_and_sorting_do_not_fail_on_any_input(world, client_as):
    client = client_as("curator")
    for params in (
        {"status": "nonsense"},
        {"ordering": "drop table"},
        {"page": "999"},
        {"organization": "x"},
        {"q": "%_'"},
    ):
        assert client.get(reverse("people:person-list"), params).status_code == 200


def test_curator_adds_a_partner_organization_with_checked_requisites(world, client_as):
    from people.models import Organization

    client = client_as("curator")
    data = {"kind": "college", "full_name": "ГАПОУ «Колледж»", "short_name": "Колледж", "inn": "7707083894"}
    response = client.post(reverse("people:partner-create"), data)
    assert response.status_code == 200
    assert "контрольная цифра" in response.content.decode()
    assert 'value="ГАПОУ «Колледж»"' in response.content.decode()
    response = client.post(reverse("people:partner-create"), {**data, "inn": "7707083893"})
    assert response.status_code == 302
    assert Organization.objects.get(short_name="Колледж").kind == "college"


def test_a_partner_form_never_offers_our_own_kind(world, client_as):
    page = client_as("curator").get(reverse("people:partner-create")).content.decode()
    assert 'value="own"' not in page


def test_mentor_over_capacity_gets_a_warning(world, client_as):
    from mentorship.tests.factories import MenteeFactory, PairingFactory

    PairingFactory(mentor=world.mentor, mentees=[MenteeFactory(), MenteeFactory()])
    page = client_as("curator").get(reverse("mentorship:mentor-detail", args=[world.mentor.pk])).content.decode()
    assert "больше принятого предела (2)" in page
