"""Every view, every role: anonymous → login; a role without access → 403; another's record → 404."""

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from mentorship.tests.factories import PartnerFactory, PublicationConsentFactory

READERS = {"head", "curator", "council", "admin"}
KEEPERS = {"curator", "admin"}
HISTORY = {"head", "curator", "admin"}
LOGGED_IN = set(ROLES) - {"anonymous"}


# (name, how to build the URL from the world, expected status per role)
CASES = [
    ("home", lambda w: reverse("dashboard:home"), expect(LOGGED_IN)),
    ("my-profile", lambda w: reverse("mentorship:my-profile"), expect(LOGGED_IN)),
    ("password-change", lambda w: reverse("accounts:password-change"), expect(LOGGED_IN)),
    ("person-list", lambda w: reverse("people:person-list"), expect(READERS)),
    ("person-detail", lambda w: reverse("people:person-detail", args=[w.other_person.pk]), expect(READERS)),
    ("person-create", lambda w: reverse("people:person-create"), expect(KEEPERS)),
    ("person-update", lambda w: reverse("people:person-update", args=[w.other_person.pk]), expect(KEEPERS)),
    ("person-history", lambda w: reverse("people:person-history", args=[w.other_person.pk]), expect(HISTORY)),
    ("mentor-list", lambda w: reverse("mentorship:mentor-list"), expect(READERS)),
    (
        "own-mentor-detail",
        lambda w: reverse("mentorship:mentor-detail", args=[w.mentor.pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "own-mentor-history",
        lambda w: reverse("mentorship:mentor-history", args=[w.mentor.pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "other-mentor-detail",
        lambda w: reverse("mentorship:mentor-detail", args=[w.other_mentor.pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "other-mentor-history",
        lambda w: reverse("mentorship:mentor-history", args=[w.other_mentor.pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    ("mentor-create", lambda w: reverse("mentorship:mentor-create"), expect(KEEPERS)),
    ("mentor-update", lambda w: reverse("mentorship:mentor-update", args=[w.other_mentor.pk]), expect(KEEPERS)),
    ("mentee-list", lambda w: reverse("mentorship:mentee-list"), expect(READERS)),
    (
        "own-mentee-detail",
        lambda w: reverse("mentorship:mentee-detail", args=[w.mentee.pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "own-mentee-history",
        lambda w: reverse("mentorship:mentee-history", args=[w.mentee.pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "other-mentee-detail",
        lambda w: reverse("mentorship:mentee-detail", args=[w.other_mentee.pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "other-mentee-history",
        lambda w: reverse("mentorship:mentee-history", args=[w.other_mentee.pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    ("mentee-create", lambda w: reverse("mentorship:mentee-create"), expect(KEEPERS)),
    ("mentee-update", lambda w: reverse("mentorship:mentee-update", args=[w.other_mentee.pk]), expect(KEEPERS)),
    (
        "publication-consent-create",
        lambda w: reverse("mentorship:publication-consent-create", args=[w.other_person.pk]),
        expect(KEEPERS),
    ),
    (
        "publication-consent-withdraw",
        lambda w: reverse(
            "mentorship:publication-consent-withdraw", args=[PublicationConsentFactory(person=w.other_person).pk]
        ),
        expect(KEEPERS),
    ),
    ("organization-list", lambda w: reverse("people:organization-list"), expect(READERS)),
    ("partner-create", lambda w: reverse("people:partner-create"), expect(KEEPERS)),
    ("partner-update", lambda w: reverse("people:partner-update", args=[PartnerFactory().pk]), expect(KEEPERS)),
    ("governance", lambda w: reverse("mentorship:governance"), expect(READERS)),
    ("curator-appoint", lambda w: reverse("mentorship:curator-appoint"), expect({"head"})),
    ("organization-settings", lambda w: reverse("people:organization-settings"), expect({"head", "admin"})),
    ("refresh", lambda w: reverse("mentorship:refresh"), expect({"curator", "admin"})),
    ("import", lambda w: reverse("people:import"), expect(KEEPERS)),
    ("import-template", lambda w: reverse("people:import-template"), expect(KEEPERS)),
    (
        "curators-import-preview",
        lambda w: reverse("people:import-preview", args=[_batch(w).pk]),
        expect({"curator"}, not_found=frozenset({"admin"})),
    ),
    ("export", lambda w: reverse("mentorship:export"), expect(HISTORY)),
    ("export-log", lambda w: reverse("mentorship:export-log"), expect(HISTORY)),
    ("pairing-list", lambda w: reverse("mentorship:pairing-list"), expect(READERS | {"mentor", "mentee"})),
    ("pairing-create", lambda w: reverse("mentorship:pairing-create"), expect({"curator", "council"})),
    (
        "own-pairing-detail",
        lambda w: reverse("mentorship:pairing-detail", args=[w.pairing.pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "own-pairing-history",
        lambda w: reverse("mentorship:pairing-history", args=[w.pairing.pk]),
        expect(READERS | {"mentor", "mentee"}),
    ),
    (
        "other-pairing-detail",
        lambda w: reverse("mentorship:pairing-detail", args=[w.other_mentor.pairings.get().pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "other-pairing-history",
        lambda w: reverse("mentorship:pairing-history", args=[w.other_mentor.pairings.get().pk]),
        expect(READERS, not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "pairing-update",
        lambda w: reverse("mentorship:pairing-update", args=[_proposed_pair(w).pk]),
        expect({"curator", "council"}),
    ),
    ("pairing-terminate", lambda w: reverse("mentorship:pairing-terminate", args=[w.pairing.pk]), expect({"head"})),
    ("pairing-replace", lambda w: reverse("mentorship:pairing-replace", args=[w.pairing.pk]), expect({"head"})),
    ("pairing-extend", lambda w: reverse("mentorship:pairing-extend", args=[w.pairing.pk]), expect({"head"})),
    ("order-journal", lambda w: reverse("records:order-journal"), expect({"head", "curator", "admin"})),
    ("order-create", lambda w: reverse("records:order-create"), expect({"head", "curator"})),
    (
        "pairing-consent-form",
        lambda w: reverse("mentorship:pairing-consent-form", args=[w.pairing.pk, w.mentor.person.pk]),
        expect(READERS | {"mentor"}, not_found=frozenset({"mentee"})),
    ),
    ("approval-queue", lambda w: reverse("mentorship:approval-queue"), expect({"head"})),
    (
        "pairing-consent-withdraw",
        lambda w: reverse("mentorship:pairing-consent-withdraw", args=[_consent(w).pk]),
        expect({"curator", "council"}),
    ),
    ("order-list", lambda w: reverse("records:order-list"), expect(READERS | {"mentor", "mentee"})),
    ("reference-list", lambda w: reverse("people:reference-list", args=["directions"]), expect(READERS)),
    ("reference-history", lambda w: reverse("people:reference-history", args=["directions"]), expect(READERS)),
    ("reference-create", lambda w: reverse("people:reference-create", args=["positions"]), expect(KEEPERS)),
    (
        "reference-update",
        lambda w: reverse("people:reference-update", args=["forms", _first_form_pk()]),
        expect(KEEPERS),
    ),
]


def _batch(world):
    from people.models import ImportBatch, Organization

    content = "Табельный номер,Фамилия,Имя,Должность\n900,Новая,Анна,Воспитатель\n".encode()
    return ImportBatch.objects.create(
        organization=Organization.own(), created_by=world.users["curator"], file_name="s.csv", content=content
    )


def _proposed_pair(world):
    from mentorship.tests.factories import MenteeFactory, PairingFactory

    return PairingFactory(mentor=world.other_mentor, mentees=[MenteeFactory()], status="proposed")


def _consent(world):
    from mentorship.models import PairingConsent

    return PairingConsent.objects.create(
        pairing=world.pairing, person=world.mentor.person, given_on=world.pairing.starts_on
    )


def _first_form_pk() -> int:
    from mentorship.models import MentoringForm

    return MentoringForm.objects.order_by("pk").first().pk


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url_of", "expected"), CASES, ids=[case[0] for case in CASES])
def test_every_view_answers_every_role(world, client_as, role, name, url_of, expected):
    url = url_of(world)
    response = client_as(role).get(url)
    assert response.status_code == expected[role], f"{name} as {role}: {response.status_code}"
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ["curator", "admin"])
def test_unknown_reference_list_is_404(client_as, role):
    assert client_as(role).get(reverse("people:reference-list", args=["nope"])).status_code == 404


def test_our_own_organization_is_not_edited_as_a_partner(world, client_as):
    own = world.person("head").organization
    assert client_as("curator").get(reverse("people:partner-update", args=[own.pk])).status_code == 404


def test_missing_record_is_404_not_500(client_as):
    assert client_as("curator").get(reverse("people:person-detail", args=[999999])).status_code == 404


@pytest.mark.parametrize(("role", "status"), [("admin", 200), ("curator", 302), ("head", 302), ("anonymous", 302)])
def test_django_admin_is_for_the_administrator_only(client_as, role, status):
    response = client_as(role).get(reverse("admin:index"))
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_login_page_is_public_and_russian(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert "Войти" in response.content.decode()
    assert 'lang="ru"' in response.content.decode()


def test_logout_is_post_only(client_as):
    client = client_as("curator")
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("dashboard:home")).status_code == 302


def _proposal(world):
    from mentorship.models import CouncilMembership

    return CouncilMembership.objects.create(person=world.other_person)


# Actions that only take POST: (name, URL, data, roles allowed).
def _draft_order(world):
    from records.services import order_draft

    return order_draft(kind="curator", actor=world.users["curator"])


def done(allowed: set[str], *, not_found: frozenset[str] = frozenset()) -> dict[str, int]:
    """For actions: the allowed roles are redirected after the action (302), others 403 or 404."""
    return {role: 302 if status == 200 else status for role, status in expect(allowed, not_found=not_found).items()}


# Actions that only take POST: (name, URL, data, status per role).
POST_CASES = [
    (
        "council-propose",
        lambda w: reverse("mentorship:council-propose"),
        lambda w: {"person": w.other_person.pk},
        done({"curator"}),
    ),
    (
        "council-decide",
        lambda w: reverse("mentorship:council-decide", args=[_proposal(w).pk]),
        lambda w: {"action": "approve"},
        done({"head"}),
    ),
    (
        "pairing-move",
        lambda w: reverse("mentorship:pairing-move", args=[_proposed_pair(w).pk]),
        lambda w: {"target": "awaiting_consents"},
        # The head reads the pair but may not make this move; a mentor of another pair does not see it.
        {**done({"curator", "council"}, not_found=frozenset({"mentor", "mentee"})), "head": 403, "admin": 403},
    ),
    (
        "pairing-consent-withdraw",
        lambda w: reverse("mentorship:pairing-consent-withdraw", args=[_consent(w).pk]),
        lambda w: {"confirmed": "1"},
        {**done({"curator", "council"})},
    ),
    (
        "order-register",
        lambda w: reverse("records:order-register", args=[_draft_order(w).pk]),
        lambda w: {},
        done({"head"}),
    ),
    (
        "approval-queue-return",
        lambda w: reverse("mentorship:approval-queue"),
        lambda w: {"action": "return", "pairing": w.pairing.pk, "comment": "Уточните", "confirmed": "1"},
        done({"head"}),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url_of", "data_of", "expected"), POST_CASES, ids=[c[0] for c in POST_CASES])
def test_every_action_answers_every_role(world, client_as, role, name, url_of, data_of, expected):
    response = client_as(role).post(url_of(world), data_of(world))
    assert response.status_code == expected[role], f"{name} as {role}: {response.status_code}"
    if response.status_code == 302:
        is_login = response["Location"].startswith(reverse("accounts:login"))
        assert is_login is (role == "anonymous")
