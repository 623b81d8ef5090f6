"""Production mode as docs/production.md installs it: settings from the environment, static files
collected and served by whitenoise under hashed names, gunicorn with deploy/gunicorn.conf.py, and
deploy/ files that agree with settings.py and with each other."""

import ast
import json
import os
import re
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from accounts.tests.test_auth import PRODUCTION, post_login, run_manage
from config.settings import client_address_behind_proxy

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy"
ENV_EXAMPLE = DEPLOY / "nastavnik.env.example"


def clean_environment(**env) -> dict:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "POSTGRES_", "GUNICORN_"))
    }
    environment.update(env)
    return environment


@pytest.fixture
def production_env(tmp_path):
    """Production settings on a throwaway SQLite database, with static files collected."""
    env = {
        **PRODUCTION,
        "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1",
        "DJANGO_BEHIND_PROXY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = run_manage("collectstatic", "--noinput", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    return env


PAGES_THROUGH_THE_TEST_CLIENT = r"""
import json, re
import django
django.setup()
from django.conf import settings
from django.test import Client

client = Client()
# nginx says the connection is HTTPS; without it Django redirects to https://.
https = {"HTTP_X_FORWARDED_PROTO": "https"}
plain = client.get("/accounts/login/")
login = client.get("/accounts/login/", **https)
html = login.content.decode()
css = re.search(r'href="(/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]{12}\.css)"', html)
static = client.get(css.group(1), **https) if css else None
print(json.dumps({
    "debug": settings.DEBUG,
    "axes_callable": settings.AXES_CLIENT_IP_CALLABLE is not None,
    "plain": [plain.status_code, plain.get("Location")],
    "login": login.status_code,
    "russian": "Наставник" in html and "Вход" in html,
    "hsts": login.get("Strict-Transport-Security"),
    "csrf_cookie_secure": bool(login.cookies["csrftoken"]["secure"]),
    "css": css.group(1) if css else None,
    "static": static.status_code if static else None,
    "static_cache": static.get("Cache-Control") if static else None,
    "static_bytes": len(b"".join(static.streaming_content)) if static else 0,
}))
"""


def test_production_pages_and_static_files_through_whitenoise(production_env):
    result = subprocess.run(
        [sys.executable, "-c", PAGES_THROUGH_THE_TEST_CLIENT],
        cwd=BASE_DIR,
        env=clean_environment(**production_env, DJANGO_SETTINGS_MODULE="config.settings"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["debug"] is False
    assert seen["axes_callable"] is True
    assert seen["plain"] == [301, "https://testserver/accounts/login/"]
    assert seen["login"] == 200
    assert seen["russian"]
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["csrf_cookie_secure"]
    # The manifest gave the hashed name; whitenoise serves it to cache for ever.
    assert seen["css"], "the login page links Bootstrap without a hashed name"
    assert seen["static"] == 200
    assert "immutable" in seen["static_cache"] and "max-age=315360000" in seen["static_cache"]
    assert seen["static_bytes"] > 100_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "X-Real-IP": "192.168.1.23"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_gunicorn_serves_the_app_with_the_deploy_config(production_env, tmp_path):
    pytest.importorskip("gunicorn")
    port = free_port()
    env = clean_environment(**production_env, GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="1")
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "config.wsgi:application"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                status, headers, body = fetch(f"http://127.0.0.1:{port}/accounts/login/")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not answer in 15 s"
                time.sleep(0.2)
        assert status == 200
        assert "Вход" in body.decode()
        css = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', body.decode()).group(1)
        status, headers, _ = fetch(f"http://127.0.0.1:{port}{css}")
        assert status == 200
        assert "immutable" in headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=35)
        log.close()
    access_log = (tmp_path / "gunicorn.log").read_text()
    # The browser's address from nginx, the path, the status.
    assert "192.168.1.23 GET /accounts/login/ 200" in access_log


def test_without_https_check_deploy_warns_so_the_choice_stays_visible():
    result = run_manage("check", "--deploy", **PRODUCTION, DJANGO_HTTPS="0")
    assert result.returncode == 0, result.stderr
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr
    assert "4 issues" in result.stderr


# --- behind nginx: the browser's address for the login lockout ------------------------------


def test_address_behind_proxy_is_the_one_nginx_saw(rf):
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="192.168.1.23")
    assert client_address_behind_proxy(request) == "192.168.1.23"
    assert client_address_behind_proxy(rf.get("/", REMOTE_ADDR="10.0.0.7")) == "10.0.0.7"


def test_behind_nginx_a_guesser_locks_the_login_from_his_computer_only(world, client, settings):
    settings.AXES_CLIENT_IP_CALLABLE = client_address_behind_proxy

    def attempt(password, address):
        return client.post(
            reverse("accounts:login"),
            {"username": "curator", "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP=address,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt("wrong", "192.168.1.66")
    assert attempt("pass", "192.168.1.66").status_code == 429
    # The curator at her own computer still logs in, though every request comes from nginx.
    assert attempt("pass", "192.168.1.23").status_code == 302
    assert post_login(client, "head", "pass").status_code == 302


# --- deploy/ and settings.py cannot drift apart ----------------------------------------------


def variables_read_by(path: Path) -> set[str]:
    """Names read from the environment: os.environ.get/[]/getenv and the settings' env_* helpers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = {
        node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name.startswith("env_")
    }
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = ast.unparse(node.func)
            if func in {"os.environ.get", "os.getenv", "os.environ.setdefault"} or func in helpers:
                names.add(node.args[0].value)
        elif (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value) == "os.environ"
            and isinstance(node.slice, ast.Constant)
        ):
            names.add(node.slice.value)
    return names


def documented_variables() -> set[str]:
    # «NAME=value» and the commented «# NAME=default» lines both document a variable.
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE))


def test_env_example_lists_every_variable_settings_reads():
    read = variables_read_by(BASE_DIR / "config" / "settings.py")
    # The parser itself works: these are certainly read.
    assert {"DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "POSTGRES_DB"} <= read
    assert {"DJANGO_HTTPS", "DJANGO_BEHIND_PROXY", "DJANGO_CSRF_TRUSTED_ORIGINS", "UPLOAD_MAX_MB"} <= read
    missing = read - documented_variables()
    assert not missing, f"deploy/nastavnik.env.example does not document {sorted(missing)}"


def test_env_example_lists_gunicorns_variables_too():
    read = variables_read_by(DEPLOY / "gunicorn.conf.py")
    assert read == {"GUNICORN_BIND", "GUNICORN_WORKERS", "GUNICORN_TIMEOUT"}
    assert not read - documented_variables()


def test_every_variable_in_the_env_example_is_read_by_the_project():
    folders = [p for p in BASE_DIR.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != "node_modules"]
    sources = [
        path
        for folder in folders
        for path in folder.rglob("*.py")
        if not {"tests", "migrations"} & set(path.relative_to(BASE_DIR).parts)
    ]
    read = set().union(*(variables_read_by(path) for path in sources))
    unused = documented_variables() - read
    assert not unused, f"deploy/nastavnik.env.example documents variables nothing reads: {sorted(unused)}"


def test_env_example_is_production_ready():
    values = dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE))
    assert values["DJANGO_DEBUG"] == "0"
    assert values["DJANGO_HTTPS"] == "1"
    assert values["DJANGO_BEHIND_PROXY"] == "1"
    assert values["DATABASE_URL"].startswith("postgres://")
    assert values["DJANGO_BACKUP_DIR"] == "/var/backups/nastavnik"
    # Left empty on purpose: a forgotten key stops the service instead of running with a public one.
    assert values["DJANGO_SECRET_KEY"] == ""
    # systemd reads this file: no quotes, no comment after a value.
    for name, value in values.items():
        assert not value.startswith(("'", '"')) and " #" not in value, name


def test_gunicorn_config_defaults_fit_nginx_and_a_two_core_server(monkeypatch):
    for name in ("GUNICORN_BIND", "GUNICORN_WORKERS", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["bind"] == "127.0.0.1:8001"
    assert config["workers"] == 3
    assert config["preload_app"] is True
    nginx = (DEPLOY / "nginx-nastavnik.conf").read_text(encoding="utf-8")
    assert f"proxy_pass http://{config['bind']};" in nginx
    # nginx waits longer than gunicorn lets a request run.
    assert int(re.search(r"proxy_read_timeout (\d+)s;", nginx).group(1)) > config["timeout"]


def test_nginx_lets_an_upload_of_the_allowed_size_through(settings):
    for name in ("nginx-nastavnik.conf", "nginx-nastavnik-http-only.conf"):
        nginx = (DEPLOY / name).read_text(encoding="utf-8")
        limit_mb = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1))
        # Through nginx: a form with several evidence files of the allowed size, so that an oversized
        # file (50 MB) reaches Django and is refused with a Russian message, not by nginx's 413 page.
        largest = max(settings.UPLOAD_MAX_BYTES, settings.EVIDENCE_MAX_MB * 1024 * 1024)
        assert 3 * largest <= limit_mb * 1024 * 1024 <= 4 * largest, name
        assert limit_mb * 1024 * 1024 > 50 * 1024 * 1024, name
        for header in ("Host $http_host", "X-Real-IP $remote_addr", "X-Forwarded-Proto $scheme"):
            assert f"proxy_set_header {header};" in nginx, (name, header)
        # Django sets the security headers; nginx must not send a second, different copy.
        assert "Strict-Transport-Security" not in nginx and "add_header" not in nginx, name


def test_systemd_units_may_write_where_the_env_example_puts_files():
    values = dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", ENV_EXAMPLE.read_text(encoding="utf-8"), re.MULTILINE))
    web = (DEPLOY / "nastavnik.service").read_text(encoding="utf-8")
    daily = (DEPLOY / "nastavnik-daily.service").read_text(encoding="utf-8")
    timer = (DEPLOY / "nastavnik-daily.timer").read_text(encoding="utf-8")
    for unit in (web, daily):
        assert "EnvironmentFile=/etc/nastavnik/nastavnik.env" in unit
        assert "ProtectSystem=strict" in unit and "NoNewPrivileges=yes" in unit and "User=nastavnik" in unit
        for name in ("DJANGO_MEDIA_ROOT", "DJANGO_STATIC_ROOT"):
            assert values[name].startswith("/var/lib/nastavnik/"), name
        assert "StateDirectory=nastavnik" in unit
    assert "ReadWritePaths=/var/lib/nastavnik" in web
    assert values["DJANGO_BACKUP_DIR"] in re.search(r"^ReadWritePaths=(.*)$", daily, re.MULTILINE).group(1)
    assert "manage.py backup" in daily
    assert "OnCalendar=*-*-* 02:30:00" in timer and "Persistent=true" in timer
