"""Logins from the employee's card: «Создать вход», «Сбросить пароль», «Закрыть вход», «Открыть вход»;
the one-time password changed at the first sign-in; a dismissal closes the login."""

from datetime import date

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from accounts.models import User
from conftest import expect
from people.logins import PASSWORD_ALPHABET, one_time_password, proposed_username, to_latin
from people.models import Person
from people.services import (
    person_login_close,
    person_login_create,
    person_login_open,
    person_login_reset_password,
    person_save,
)
from people.tests.factories import PartnerFactory, PersonFactory, UserFactory

KEEPERS = {"curator", "admin"}
LOGIN = reverse("accounts:login")
PASSWORD_CHANGE = reverse("accounts:password-change")


def url(name: str, person: Person) -> str:
    return reverse(f"people:person-login-{name}", args=[person.pk])


def sign_in(username: str, password: str) -> tuple[Client, object]:
    """Through the real login form (django-axes and all)."""
    client = Client()
    return client, client.post(LOGIN, {"username": username, "password": password})


def dismiss(person: Person, actor: User) -> None:
    person.status, person.left_on = Person.Status.LEFT, date(2026, 10, 30)
    person_save(person=person, actor=actor)


# --- the login's name and password -----------------------------------------------------------


def test_the_login_is_the_name_in_latin_letters_as_in_a_passport():
    assert to_latin("Щукина-Ёлкина") == "shchukina-elkina"
    assert to_latin("Юрьев") == "iurev"
    assert to_latin("Хабибуллин") == "khabibullin"
    assert to_latin("Д'Арк") == "dark"


@pytest.mark.django_db
def test_a_taken_login_gets_a_digit():
    name = {"last_name": "Петрова", "first_name": "Светлана", "middle_name": "Николаевна"}
    assert proposed_username(**name) == "petrova.sn"
    UserFactory(username="petrova.sn")
    assert proposed_username(**name) == "petrova.sn2"
    UserFactory(username="petrova.sn2")
    assert proposed_username(**name) == "petrova.sn3"
    assert proposed_username(last_name="Ли", first_name="Ан") == "li.a"


def test_a_one_time_password_is_long_random_and_unambiguous():
    passwords = {one_time_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert len(password) >= 10
        assert set(password.replace("-", "")) <= set(PASSWORD_ALPHABET)
    assert not set("0O1lI") & set(PASSWORD_ALPHABET)


# --- who may, on whose card ------------------------------------------------------------------


@pytest.mark.parametrize(("role", "status"), expect(KEEPERS).items())
def test_only_the_staff_keepers_open_create_login(world, client_as, role, status):
    response = client_as(role).get(url("create", world.other_person))
    assert response.status_code == status
    if status == 200:
        assert response.context["form"].initial["username"] == "semenova.di"


@pytest.mark.parametrize(("role", "status"), expect(KEEPERS, ok_status=302).items())
def test_only_the_staff_keepers_create_a_login(world, client_as, role, status):
    response = client_as(role).post(url("create", world.other_person), {"username": "semenova.di"})
    assert response.status_code == status
    world.other_person.refresh_from_db()
    if role in KEEPERS:
        assert response.url == url("issued", world.other_person)
        assert world.other_person.user.username == "semenova.di"
        assert world.other_person.user.must_change_password
    else:
        assert world.other_person.user is None


@pytest.mark.parametrize(("role", "status"), expect(KEEPERS, ok_status=302).items())
@pytest.mark.parametrize("action", ["reset", "open"])
def test_only_the_staff_keepers_reset_or_open(world, client_as, role, status, action):
    target = PersonFactory(user=UserFactory(username="target"))
    if action == "open":
        User.objects.filter(pk=target.user_id).update(is_active=False)
    before = User.objects.get(pk=target.user_id)
    response = client_as(role).post(url(action, target))
    assert response.status_code == status
    after = User.objects.get(pk=target.user_id)
    if role in KEEPERS:
        assert (after.password != before.password) if action == "reset" else after.is_active
    else:
        assert (after.password, after.is_active) == (before.password, before.is_active)


@pytest.mark.parametrize(("role", "status"), expect(KEEPERS).items())
def test_only_the_staff_keepers_are_asked_to_confirm_closing(world, client_as, role, status):
    response = client_as(role).get(url("close", world.person("norole")))
    assert response.status_code == status
    if status == 200:
        assert "больше не сможет войти" in response.content.decode()
        assert User.objects.get(username="norole").is_active


@pytest.mark.parametrize(("role", "status"), expect(KEEPERS, ok_status=302).items())
def test_only_the_staff_keepers_close_a_login(world, client_as, role, status):
    response = client_as(role).post(url("close", PersonFactory(user=UserFactory(username="target"))))
    assert response.status_code == status
    assert User.objects.get(username="target").is_active is (role not in KEEPERS)


@pytest.mark.parametrize("name", ["create", "issued", "reset", "close", "open"])
def test_an_unknown_person_is_404(world, client_as, name):
    client = client_as("curator")
    address = reverse(f"people:person-login-{name}", args=[999999])
    response = client.get(address) if name == "issued" else client.post(address, {"username": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["reset", "open"])
def test_changes_are_post_only(world, client_as, name):
    assert client_as("curator").get(url(name, world.person("norole"))).status_code == 405


def test_a_post_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["curator"])
    before = User.objects.get(username="norole").password
    assert client.post(url("reset", world.person("norole"))).status_code == 403
    assert client.post(url("create", world.other_person), {"username": "x.y"}).status_code == 403
    assert User.objects.get(username="norole").password == before
    assert not User.objects.filter(username="x.y").exists()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (lambda w: w.person("curator"), "Это ваша учётная запись"),
        (lambda w: w.person("head"), "Вход руководителя"),
        (lambda w: w.person("admin"), "системного администратора"),
        (lambda w: w.person("mentor"), None),
    ],
    ids=["own", "head", "superuser", "working"],
)
def test_the_card_offers_what_the_service_allows(world, client_as, target, message):
    person = target(world)
    response = client_as("curator").get(person.get_absolute_url())
    actions = response.context["login_actions"]
    if message is None:
        assert actions == ["reset", "close"]
        assert "Сбросить пароль" in response.content.decode()
    else:
        assert actions == []
        response = client_as("curator").post(url("reset", person), follow=True)
        assert message in response.content.decode()


def test_refusals_come_back_in_russian(world):
    curator = world.users["curator"]
    partner_person = PersonFactory(organization=PartnerFactory())
    with pytest.raises(ValidationError, match="организации-партнёра"):
        person_login_create(person=partner_person, username="partner.p", actor=curator)
    with pytest.raises(ValidationError, match="уже есть вход"):
        person_login_create(person=world.person("mentor"), username="new.one", actor=curator)
    dismiss(world.other_person, curator)
    with pytest.raises(ValidationError, match="уволен"):
        person_login_create(person=world.other_person, username="semenova.di", actor=curator)
    person_login_close(person=world.person("norole"), actor=curator)
    with pytest.raises(ValidationError, match="сначала откройте"):
        person_login_reset_password(person=world.person("norole"), actor=curator)
    assert not User.objects.filter(username__in=["partner.p", "new.one", "semenova.di"]).exists()


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("mentor", "уже существует"),
        ("иван ова", "без пробелов"),
        ("nul\x00", "ноль-байт"),
        ("x" * 10_000, "150"),
        ("", "Обязательное поле"),
    ],
    ids=["taken", "space", "nul", "long", "empty"],
)
def test_a_bad_login_name_is_explained_and_nothing_is_written(world, client_as, username, message):
    users = User.objects.count()
    response = client_as("curator").post(url("create", world.other_person), {"username": username})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == users
    world.other_person.refresh_from_db()
    assert world.other_person.user is None


# --- end to end: created, handed over, changed ---------------------------------------------------


def test_a_created_login_is_shown_once_and_must_be_changed_at_first_sign_in(world, client_as):
    client = client_as("curator")
    response = client.post(url("create", world.other_person), {"username": "semenova.di"}, follow=True)
    password = response.context["password"]
    page = response.content.decode()
    assert password in page and "один раз" in page
    assert "no-store" in response["Cache-Control"]
    assert password not in client.get(url("issued", world.other_person)).content.decode()
    assert LogEntry.objects.filter(user=world.users["curator"], change_message__startswith="Создан вход").exists()
    record = world.other_person.history.latest()
    assert (record.history_user, record.user_id) == (
        world.users["curator"],
        User.objects.get(username="semenova.di").pk,
    )

    newcomer, response = sign_in("semenova.di", password)
    assert response.status_code == 302
    assert newcomer.get("/").url == PASSWORD_CHANGE
    assert newcomer.get(reverse("people:person-list")).url == PASSWORD_CHANGE
    page = newcomer.get(PASSWORD_CHANGE).content.decode()
    assert "временным паролем" in page
    response = newcomer.post(
        PASSWORD_CHANGE,
        {"old_password": password, "new_password1": "Весенний-ручей-42", "new_password2": "Весенний-ручей-42"},
    )
    assert response.status_code == 302
    assert not User.objects.get(username="semenova.di").must_change_password
    assert newcomer.get("/").status_code == 200


def test_the_password_rules_speak_russian(world, client_as):
    client = client_as("mentor")
    response = client.post(
        PASSWORD_CHANGE, {"old_password": "неверный", "new_password1": "12345", "new_password2": "12345"}
    )
    page = response.content.decode()
    assert "Ваш старый пароль введен неправильно" in page
    assert "Введённый пароль слишком короткий" in page
    assert "Введённый пароль состоит только из цифр" in page
    assert "Сменить пароль" in client.get(reverse("mentorship:my-profile")).content.decode()


def test_a_reset_gives_a_new_one_time_password_and_lifts_the_lockout(world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        sign_in("norole", "wrong")
    assert sign_in("norole", "pass")[1].status_code == 429
    _, password = person_login_reset_password(person=world.person("norole"), actor=world.users["admin"]).obj
    assert not AccessAttempt.objects.filter(username="norole").exists()
    assert sign_in("norole", "pass")[1].status_code == 200  # the old password is gone
    client, response = sign_in("norole", password)
    assert response.status_code == 302
    assert client.get("/").url == PASSWORD_CHANGE


# --- closing, dismissal, reopening -------------------------------------------------------------


def test_a_closed_login_does_not_sign_in_and_reopens(world):
    curator = world.users["curator"]
    client, _ = sign_in("norole", "pass")
    person_login_close(person=world.person("norole"), actor=curator)
    assert client.get("/").status_code == 302  # signed out at the next page
    assert sign_in("norole", "pass")[1].status_code == 200
    person_login_open(person=world.person("norole"), actor=curator)
    assert sign_in("norole", "pass")[1].status_code == 302


def test_dismissal_on_the_card_closes_the_login(world):
    person = world.person("norole")
    outcome = person_save(person=_dismissed(person), actor=world.users["curator"])
    assert "Вход «norole» закрыт" in " ".join(outcome.warnings)
    assert not User.objects.get(username="norole").is_active
    _, response = sign_in("norole", "pass")
    assert response.status_code == 200
    with pytest.raises(ValidationError, match="уволенному не открывают"):
        person_login_open(person=person, actor=world.users["curator"])


def test_dismissal_by_the_staff_import_closes_the_login(world):
    from people.models import Organization
    from people.tests.test_imports import HEADER, csv_bytes, run

    person = world.person("norole")
    Person.objects.filter(pk=person.pk).update(personnel_number="006")
    rows = [
        [*HEADER, "Дата увольнения"],
        ["006", person.last_name, person.first_name, "", person.position.name, "", "", "", "30.10.2026"],
    ]
    run(Organization.own(), world.users["curator"], "s.csv", csv_bytes(rows))
    assert not User.objects.get(username="norole").is_active


def test_a_dismissed_persons_login_never_signs_in_even_if_left_active(world):
    # A dismissal written past the services (a shell, a restored copy): the login form still refuses.
    Person.objects.filter(user__username="norole").update(status=Person.Status.LEFT, left_on=date(2026, 10, 30))
    assert User.objects.get(username="norole").is_active
    _, response = sign_in("norole", "pass")
    assert response.status_code == 200
    assert "сотрудник уволен" in response.content.decode()


def _dismissed(person: Person) -> Person:
    person.status, person.left_on = Person.Status.LEFT, date(2026, 10, 30)
    return person


def test_the_admin_speaks_grammatical_russian_about_logins(world, client_as):
    client = client_as("admin")
    changelist = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Выберите логин для изменения" in changelist and "Добавить логин" in changelist
    assert "учётная запись" not in changelist.lower().replace("учётная запись системного", "")
    assert "Добавить логин" in client.get(reverse("admin:accounts_user_add")).content.decode()
    index = client.get(reverse("admin:index")).content.decode()
    assert "Логины" in index


def test_the_administrator_does_not_learn_the_password_of_someone_with_a_role(world, client_as):
    admin, curator = world.users["admin"], world.users["curator"]
    mentee = world.person("mentee")
    with pytest.raises(ValidationError, match="наставляемый"):
        person_login_reset_password(person=mentee, actor=admin)
    assert client_as("admin").get(mentee.get_absolute_url()).context["login_actions"] == ["close"]
    newcomer = PersonFactory(last_name="Орлова", first_name="Нина")
    person_login_create(person=newcomer, username="orlova.n", actor=admin)
    person_login_reset_password(person=newcomer, actor=admin)
    person_login_reset_password(person=mentee, actor=curator)
    assert User.objects.get(username="mentee").must_change_password
