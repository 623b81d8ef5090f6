import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parents[2]


def post_login(client, username, password, address="10.0.0.5"):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_login_lands_on_home(world, client):
    response = post_login(client, "curator", "pass")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_wrong_password_is_told_in_russian(world, client):
    response = post_login(client, "curator", "wrong")
    assert response.status_code == 200
    assert "Неверное имя пользователя или пароль" in response.content.decode()


def test_guessing_locks_that_login_from_that_address_only(world, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "curator", "wrong")
    locked = post_login(client, "curator", "pass")
    assert locked.status_code == 429
    assert "Слишком много неудачных попыток" in locked.content.decode()
    # A colleague behind the same router still logs in.
    assert post_login(client, "head", "pass").status_code == 302


def test_guessing_from_many_addresses_locks_that_login_everywhere(world, client, settings):
    # Fewer failures than the per-address limit from each of many addresses: the longer count over
    # all addresses stops the run; the colleague behind the same router still logs in.
    per_address = settings.AXES_FAILURE_LIMIT - 1
    addresses = [f"10.1.0.{n}" for n in range(1, 100)]
    failures = 0
    for address in addresses:
        for _ in range(per_address):
            post_login(client, "curator", "wrong", address=address)
            failures += 1
        if failures >= settings.ACCOUNTS_LOGIN_FAILURE_LIMIT:
            break
    locked = post_login(client, "curator", "pass", address="10.2.0.1")
    assert locked.status_code == 429
    assert "Слишком много неудачных попыток" in locked.content.decode()
    assert post_login(client, "head", "pass", address=addresses[0]).status_code == 302


def test_a_few_typos_from_several_computers_lock_nobody(world, client, settings):
    for address in ("10.3.0.1", "10.3.0.2", "10.3.0.3"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            post_login(client, "curator", "wrong", address=address)
    assert post_login(client, "curator", "pass", address="10.3.0.4").status_code == 302


def test_password_change_works(world, client_as):
    client = client_as("mentee")
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": "pass", "new_password1": "Ласточка-2026!", "new_password2": "Ласточка-2026!"},
    )
    assert response.status_code == 302
    world.users["mentee"].refresh_from_db()
    assert world.users["mentee"].check_password("Ласточка-2026!")


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "POSTGRES_"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7#Kq2!vR9@mZ4$wT8^pL1&nB6*cY3(eH5)uJ0_gF2+dS9=aQ4-kW7",
    "DJANGO_ALLOWED_HOSTS": "nastavnik.lastochka.local",
}


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_demo_refuses_to_load_in_production():
    result = run_manage("load_demo", **PRODUCTION, DATABASE_URL="sqlite:///:memory:")
    assert result.returncode != 0
    assert "только в режиме разработки" in result.stderr
