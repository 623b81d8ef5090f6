"""Shared fixtures: a small kindergarten with one login for every role and records that
belong to somebody else, so every view can be checked for every role."""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from mentorship.models import CouncilMembership, CuratorAppointment, Mentee, Mentor, Pairing
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    OwnOrganizationFactory,
    PairingFactory,
    PersonFactory,
    UserFactory,
    position,
)
from people.models import Person

ROLES = ("anonymous", "head", "curator", "council", "mentor", "mentee", "admin", "norole")


def page_text(client, url) -> str:
    """A page's HTML, which must open (200)."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, url) -> int:
    """How many queries a page that must open (200) costs."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def saved_as(response) -> str:
    """The name a browser saves a download under: the UTF-8 `filename*` of its Content-Disposition."""
    header = response["Content-Disposition"]
    assert "filename*=UTF-8''" in header, header
    return unquote(header.split("filename*=UTF-8''", 1)[1])


def expect(ok: set[str], *, not_found=frozenset(), ok_status=200, anonymous=302) -> dict:
    """What each role gets from a view (the role matrices of every app): `ok_status` for `ok`, 404 for
    `not_found` (a record in the scope of someone else), 403 for the others; anonymous → the login."""
    result = {}
    for role in ROLES:
        if role == "anonymous":
            result[role] = anonymous
        elif role in ok:
            result[role] = ok_status
        elif role in not_found:
            result[role] = 404
        else:
            result[role] = 403
    return result


@pytest.fixture(scope="session", autouse=True)
def _pdf_cache_aside(tmp_path_factory):
    """PDFs kept by core.pdf.render_pdf_cached go to a temporary folder, not the project's var/."""
    with override_settings(PDF_CACHE_DIR=tmp_path_factory.mktemp("pdf-cache")):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # PBKDF2 on purpose costs ~0.3 s a password; the suite sets dozens of them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class World:
    users: dict = field(default_factory=dict)
    mentor: Mentor | None = None
    mentee: Mentee | None = None
    pairing: Pairing | None = None
    other_mentor: Mentor | None = None
    other_mentee: Mentee | None = None
    other_person: Person | None = None

    def person(self, role: str) -> Person:
        return self.users[role].person


@pytest.fixture
def world(db) -> World:
    own = OwnOrganizationFactory()
    w = World()

    def login(role: str, **person_kwargs) -> Person:
        user = UserFactory(username=role)
        return PersonFactory(user=user, **person_kwargs)

    head = login("head", last_name="Соколова", first_name="Елена", position=position("Заведующий"))
    own.head = head
    own.save()
    curator = login("curator", last_name="Морозова", first_name="Ирина", position=position("Заместитель заведующего"))
    CuratorAppointment.objects.create(organization=own, person=curator, appointed_on=date(2025, 9, 1))
    council = login("council", last_name="Волкова", first_name="Наталья", position=position("Старший воспитатель"))
    CouncilMembership.objects.create(person=council, status="member", joined_on=date(2025, 9, 1), is_chair=True)
    w.mentor = MentorFactory(person=login("mentor", last_name="Петрова", first_name="Светлана"))
    w.mentee = MenteeFactory(
        person=login("mentee", last_name="Иванова", first_name="Анна", teaching_since=date(2025, 9, 1))
    )
    w.pairing = PairingFactory(mentor=w.mentor, mentees=[w.mentee])
    admin_user = UserFactory(username="admin", is_superuser=True, is_staff=True)
    PersonFactory(
        user=admin_user, last_name="Кузнецов", first_name="Алексей", position=position("Системный администратор")
    )
    login("norole", last_name="Егорова", first_name="Валентина", position=position("Помощник воспитателя"))

    w.other_mentor = MentorFactory(person=PersonFactory(last_name="Новикова", first_name="Ольга"))
    w.other_mentee = MenteeFactory(person=PersonFactory(last_name="Зайцева", first_name="Алина"))
    PairingFactory(mentor=w.other_mentor, mentees=[w.other_mentee])
    w.other_person = PersonFactory(last_name="Семёнова", first_name="Дарья", middle_name="Игоревна")

    from accounts.models import User

    w.users = {user.username: user for user in User.objects.filter(username__in=ROLES)}
    w.users["anonymous"] = None
    return w


@pytest.fixture
def client_as(client, world):
    """`client_as("curator")` — a test client logged in as that role (None: anonymous)."""

    def make(role: str):
        client.logout()
        user = world.users.get(role)
        if user is not None:
            client.force_login(user)
        return client

    return make
