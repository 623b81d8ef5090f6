"""Pairs and groups: the rules that refuse a pair, consents, every transition allowed and refused."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.tests.files import tiny_pdf
from mentorship.models import Direction, MentoringForm, Pairing, PairingTransition
from mentorship.services.pairs import (
    latest_end,
    missing_consents,
    pairing_consent_record,
    pairing_consent_withdraw,
    pairing_move,
    pairing_propose,
)
from mentorship.tests.factories import MenteeFactory, MentorFactory, PersonFactory

S = Pairing.Status


@pytest.fixture
def direction(db):
    return Direction.objects.get(name="Режимные моменты")


@pytest.fixture
def pair_form(db):
    return [MentoringForm.objects.get(name="Педагог – педагог")]


def propose(world, direction, forms, *, mentor=None, mentees=None, starts=date(2026, 12, 1), ends=date(2027, 5, 31)):
    return pairing_propose(
        mentor=mentor or world.other_mentor,
        mentees=mentees or [MenteeFactory()],
        direction=direction,
        forms=forms,
        starts_on=starts,
        planned_end_on=ends,
        actor=world.users["curator"],
    )


def test_a_proposal_is_logged_with_who_proposed(world, direction, pair_form):
    pairing = propose(world, direction, pair_form).obj
    assert pairing.status == S.PROPOSED
    assert pairing.proposed_by == world.users["curator"]
    step = PairingTransition.objects.get(pairing=pairing)
    assert (step.source, step.target, step.actor) == ("", S.PROPOSED, world.users["curator"])


def test_nobody_mentors_themselves(world, direction, pair_form):
    mentor = MentorFactory()
    myself = MenteeFactory(person=mentor.person)
    with pytest.raises(ValidationError, match="самому себе"):
        propose(world, direction, pair_form, mentor=mentor, mentees=[myself])


def test_a_person_who_left_cannot_be_paired(world, direction, pair_form):
    mentee = MenteeFactory(person=PersonFactory(status="left", left_on=date(2026, 10, 1)))
    with pytest.raises(ValidationError, match="уволен"):
        propose(world, direction, pair_form, mentees=[mentee])


def test_one_open_pair_per_mentee_and_direction(world, direction, pair_form):
    with pytest.raises(ValidationError, match="уже есть пара по направлению «Режимные моменты»"):
        propose(world, direction, pair_form, mentees=[world.mentee])
    other_direction = Direction.objects.get(name="ИКТ")
    assert propose(world, other_direction, pair_form, mentees=[world.mentee]).obj.pk


def test_a_group_form_needs_two_mentees(world, direction):
    group = [MentoringForm.objects.get(name="В группе")]
    with pytest.raises(ValidationError, match="не меньше двух"):
        propose(world, direction, group)
    assert propose(world, direction, group, mentees=[MenteeFactory(), MenteeFactory()]).obj.mentees.count() == 2


@pytest.mark.parametrize(("ends", "ok"), [(date(2027, 11, 30), True), (date(2027, 12, 1), False)])
def test_term_is_at_most_twelve_months(world, direction, pair_form, ends, ok):
    if ok:
        assert propose(world, direction, pair_form, starts=date(2026, 12, 1), ends=ends).obj.pk
    else:
        with pytest.raises(ValidationError, match=r"не позже 30\.11\.2027"):
            propose(world, direction, pair_form, starts=date(2026, 12, 1), ends=ends)


def test_all_broken_rules_are_reported_together(world, direction):
    mentor = MentorFactory(person=PersonFactory(status="left", left_on=date(2026, 1, 1)))
    with pytest.raises(ValidationError) as caught:
        propose(world, direction, [], mentor=mentor, ends=date(2026, 11, 1))
    text = " ".join(caught.value.messages)
    assert "уволен" in text and "форму" in text and "Окончание раньше начала" in text


def test_capacity_over_the_limit_is_a_warning_not_a_block(world, direction, pair_form):
    outcome = propose(world, direction, pair_form, mentor=world.mentor, mentees=[MenteeFactory(), MenteeFactory()])
    assert outcome.obj.pk
    assert any("больше принятого предела (2)" in warning for warning in outcome.warnings)


class TestTransitions:
    @pytest.fixture
    def pairing(self, world, direction, pair_form):
        return propose(world, direction, pair_form).obj

    def consent_all(self, world, pairing):
        for person in [pairing.mentor.person, *(m.person for m in pairing.mentees.all())]:
            pairing_consent_record(
                pairing=pairing, person=person, given_on=date(2026, 11, 20), actor=world.users["curator"]
            )

    def move(self, world, pairing, target, role, comment=""):
        return pairing_move(pairing=pairing, target=target, actor=world.users[role], comment=comment).obj

    def test_the_way_to_the_head(self, world, pairing):
        pairing = self.move(world, pairing, S.AWAITING_CONSENTS, "council")
        with pytest.raises(ValidationError) as caught:
            self.move(world, pairing, S.AWAITING_APPROVAL, "curator")
        assert pairing.mentor.person.full_name in caught.value.messages[0]
        self.consent_all(world, pairing)
        pairing = self.move(world, pairing, S.AWAITING_APPROVAL, "curator")
        pairing = self.move(world, pairing, S.RETURNED, "head", comment="Уточните срок")
        pairing = self.move(world, pairing, S.AWAITING_APPROVAL, "curator")
        steps = list(pairing.transitions.values_list("source", "target", "comment"))
        assert steps[-2] == (S.AWAITING_APPROVAL, S.RETURNED, "Уточните срок")
        assert [t for _, t, _ in steps] == [
            S.PROPOSED,
            S.AWAITING_CONSENTS,
            S.AWAITING_APPROVAL,
            S.RETURNED,
            S.AWAITING_APPROVAL,
        ]

    @pytest.mark.parametrize(
        ("target", "role"),
        [(S.AWAITING_CONSENTS, "head"), (S.AWAITING_CONSENTS, "mentor"), (S.AWAITING_CONSENTS, "admin")],
    )
    def test_a_wrong_role_is_refused(self, world, pairing, target, role):
        with pytest.raises(PermissionDenied):
            self.move(world, pairing, target, role)

    @pytest.mark.parametrize("target", [S.AWAITING_APPROVAL, S.FIXED, S.ACTIVE, S.COMPLETED, S.RETURNED, S.TERMINATED])
    def test_a_jump_outside_the_table_is_refused(self, world, pairing, target):
        with pytest.raises(ValidationError, match="нельзя перейти"):
            self.move(world, pairing, target, "head")

    def test_returning_needs_a_comment(self, world, pairing):
        pairing = self.move(world, pairing, S.AWAITING_CONSENTS, "curator")
        self.consent_all(world, pairing)
        pairing = self.move(world, pairing, S.AWAITING_APPROVAL, "curator")
        with pytest.raises(ValidationError, match="комментарий"):
            self.move(world, pairing, S.RETURNED, "head", comment="  ")

    def test_a_withdrawn_consent_counts_as_missing(self, world, pairing):
        self.consent_all(world, pairing)
        assert missing_consents(pairing) == []
        consent = pairing.consents.get(person=pairing.mentor.person)
        pairing_consent_withdraw(consent=consent, withdrawn_on=date(2026, 11, 22), actor=world.users["curator"])
        assert missing_consents(pairing) == [pairing.mentor.person]

    def test_only_participants_give_consent(self, world, pairing):
        with pytest.raises(ValidationError, match="не участвует"):
            pairing_consent_record(
                pairing=pairing, person=world.other_person, given_on=date(2026, 11, 20), actor=world.users["curator"]
            )

    def test_cancelling_a_proposal_needs_a_reason(self, world, pairing):
        with pytest.raises(ValidationError):
            self.move(world, pairing, S.CANCELLED, "curator")
        assert self.move(world, pairing, S.CANCELLED, "curator", comment="Ошиблись направлением").status == S.CANCELLED


class TestPages:
    def test_council_proposes_a_pair_from_the_form(self, world, client_as, direction, pair_form):
        mentee = MenteeFactory()
        response = client_as("council").post(
            reverse("mentorship:pairing-create"),
            {
                "mentor": world.other_mentor.pk,
                "mentees": [mentee.pk],
                "direction": direction.pk,
                "forms": [f.pk for f in pair_form],
                "starts_on": "2026-12-01",
                "planned_end_on": "2027-05-31",
            },
        )
        pairing = Pairing.objects.get(mentees=mentee)
        assert response["Location"] == pairing.get_absolute_url()
        assert pairing.proposed_by == world.users["council"]

    def test_a_refused_pair_keeps_what_was_typed(self, world, client_as, direction, pair_form):
        response = client_as("curator").post(
            reverse("mentorship:pairing-create"),
            {
                "mentor": world.mentor.pk,
                "mentees": [world.mentee.pk],
                "direction": direction.pk,
                "forms": [f.pk for f in pair_form],
                "starts_on": "2026-12-01",
                "planned_end_on": "2027-05-31",
                "note": "Моё примечание",
            },
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert "самому себе" not in body and "уже есть пара по направлению" in body
        assert "Моё примечание" in body

    def test_buttons_follow_the_state_table(self, world, client_as, direction, pair_form):
        pairing = propose(world, direction, pair_form).obj
        url = reverse("mentorship:pairing-detail", args=[pairing.pk])
        assert "Собрать согласия" in client_as("curator").get(url).content.decode()
        assert "Собрать согласия" not in client_as("head").get(url).content.decode()

    def test_sending_without_consents_names_who_is_missing(self, world, client_as, direction, pair_form):
        pairing = propose(world, direction, pair_form).obj
        client = client_as("curator")
        client.post(reverse("mentorship:pairing-move", args=[pairing.pk]), {"target": S.AWAITING_CONSENTS})
        response = client.post(
            reverse("mentorship:pairing-move", args=[pairing.pk]), {"target": S.AWAITING_APPROVAL}, follow=True
        )
        assert f"Нет согласия на участие в паре: {pairing.mentor.person.full_name}" in response.content.decode()
        pairing.refresh_from_db()
        assert pairing.status == S.AWAITING_CONSENTS

    def test_curator_records_a_consent_with_a_scan(self, world, client_as, direction, pair_form, settings, tmp_path):
        from django.core.files.uploadedfile import SimpleUploadedFile

        settings.MEDIA_ROOT = tmp_path
        pairing = propose(world, direction, pair_form).obj
        client_as("curator").post(
            reverse("mentorship:pairing-consent", args=[pairing.pk]),
            {
                "person": pairing.mentor.person_id,
                "given_on": "2026-11-20",
                "scan": SimpleUploadedFile("s.pdf", tiny_pdf()),
            },
        )
        consent = pairing.consents.get()
        assert consent.given_on == date(2026, 11, 20) and consent.scan
        page = client_as("curator").get(pairing.get_absolute_url()).content.decode()
        scan_url = reverse("mentorship:pairing-consent-scan", args=[consent.pk])
        assert scan_url in page
        served = client_as("head").get(scan_url)
        assert served["Content-Type"] == "application/pdf"
        assert b"".join(served.streaming_content) == tiny_pdf()
        # Someone who does not see the pair gets nothing: a mentor of another pair, a login without a role.
        assert client_as("mentor").get(scan_url).status_code == 404
        assert client_as("norole").get(scan_url).status_code == 403
        assert client_as("curator").get("/files/" + consent.scan.name).status_code == 404

    def test_a_wrong_role_pressing_a_button_gets_403(self, world, client_as, direction, pair_form):
        pairing = propose(world, direction, pair_form).obj
        response = client_as("head").post(
            reverse("mentorship:pairing-move", args=[pairing.pk]), {"target": S.AWAITING_CONSENTS}
        )
        assert response.status_code == 403

    def test_mentor_sees_own_pair_and_not_anothers(self, world, client_as):
        client = client_as("mentor")
        assert client.get(reverse("mentorship:pairing-detail", args=[world.pairing.pk])).status_code == 200
        other = Pairing.objects.exclude(pk=world.pairing.pk).get()
        assert client.get(reverse("mentorship:pairing-detail", args=[other.pk])).status_code == 404


def test_the_pairs_list_finds_a_participant_by_name_ignoring_yo(world, client_as):
    page = client_as("council").get(reverse("mentorship:pairing-list"), {"q": "иванова анна"}).content.decode()
    assert world.pairing.get_absolute_url() in page
    other = Pairing.objects.exclude(pk=world.pairing.pk).get()
    assert other.get_absolute_url() not in page
    # Words of two different people do not make one match.
    page = client_as("council").get(reverse("mentorship:pairing-list"), {"q": "иванова новикова"}).content.decode()
    assert "Пар пока нет" in page


def test_the_pair_page_title_names_both_sides(world, client_as):
    page = client_as("curator").get(world.pairing.get_absolute_url()).content.decode()
    mentee = world.pairing.mentees.get().person
    assert f"<title>Пара: {world.pairing.mentor.person.short_name} → {mentee.short_name}" in page
    assert f"Пара: {world.pairing.mentor.person.full_name} → {mentee.full_name}</h1>" in page


def test_a_new_pair_starts_on_the_next_working_day_for_the_longest_term():
    from mentorship.services.pairs import proposed_term

    # Friday 27.11.2026 → Monday 30.11.2026; 12 months in total → 29.11.2027.
    assert proposed_term(date(2026, 11, 27)) == (date(2026, 11, 30), date(2027, 11, 29))
    # New Year holidays are skipped: 30.12.2026 → the first working day of January.
    starts_on, ends_on = proposed_term(date(2026, 12, 30))
    assert starts_on.year == 2027 and starts_on.month == 1 and starts_on.weekday() < 5
    assert ends_on == latest_end(starts_on)


def test_the_pair_form_proposes_the_dates(world, client_as):
    from mentorship.services.pairs import proposed_term

    starts_on, ends_on = proposed_term(timezone.localdate())
    page = client_as("curator").get(reverse("mentorship:pairing-create")).content.decode()
    assert f'name="starts_on" value="{starts_on:%Y-%m-%d}"' in page
    assert f'name="planned_end_on" value="{ends_on:%Y-%m-%d}"' in page
