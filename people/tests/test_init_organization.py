import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from people.models import Organization, Person
from people.roles import Role, roles_of

ARGS = [
    "--full-name=Муниципальное казённое дошкольное образовательное учреждение «Детский сад № 7 «Солнышко»",
    "--short-name=МКДОУ «Солнышко»",
    "--inn=6625012346",
    "--head=Орлова Нина Павловна",
    "--head-username=zav",
    "--admin-username=it",
]


@pytest.fixture
def passwords(monkeypatch):
    monkeypatch.setenv("NASTAVNIK_ADMIN_PASSWORD", "Длинный-пароль-2026")
    monkeypatch.setenv("NASTAVNIK_HEAD_PASSWORD", "Другой-пароль-2026")


def test_first_start_creates_the_organization_its_head_and_the_administrator(db, passwords):
    call_command("init_organization", *ARGS)
    own = Organization.own()
    assert own.short_name == "МКДОУ «Солнышко»"
    assert own.head.full_name == "Орлова Нина Павловна"
    admin = User.objects.get(username="it")
    assert admin.is_superuser and admin.check_password("Длинный-пароль-2026")
    assert roles_of(admin) == {Role.ADMIN}
    assert roles_of(User.objects.get(username="zav")) == {Role.HEAD}
    assert own.history.first().history_user == admin


def test_first_start_runs_once(db, passwords):
    call_command("init_organization", *ARGS)
    with pytest.raises(CommandError, match="уже создана"):
        call_command("init_organization", *ARGS)


def test_bad_requisites_create_nothing(db, passwords):
    with pytest.raises(CommandError, match=r"Ничего не создано.*ИНН"):
        call_command("init_organization", *[a if not a.startswith("--inn") else "--inn=6625012345" for a in ARGS])
    assert not Organization.objects.exists()
    assert not User.objects.exists()
    assert not Person.objects.exists()


def test_a_weak_password_is_refused(db, monkeypatch):
    monkeypatch.setenv("NASTAVNIK_ADMIN_PASSWORD", "123")
    with pytest.raises(CommandError, match="Ничего не создано"):
        call_command("init_organization", *ARGS[:4], "--admin-username=it")
    assert not User.objects.exists()


def test_without_a_terminal_missing_values_are_named(db, passwords):
    with pytest.raises(CommandError, match="ФИО руководителя"):
        call_command("init_organization", *ARGS[:3])
