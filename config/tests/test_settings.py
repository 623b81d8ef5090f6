"""Settings come from the environment, with working defaults for a first run."""

import pytest

from config.settings import database_from_environment


@pytest.mark.parametrize(
    ("env", "engine", "name"),
    [
        ({}, "django.db.backends.sqlite3", "db.sqlite3"),
        ({"DATABASE_URL": "postgres://u:p@db:5432/nastavnik"}, "django.db.backends.postgresql", "nastavnik"),
        ({"POSTGRES_DB": "kinder", "POSTGRES_HOST": "localhost"}, "django.db.backends.postgresql", "kinder"),
    ],
)
def test_database_comes_from_the_environment(monkeypatch, env, engine, name):
    for key in ("DATABASE_URL", "POSTGRES_DB"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    database = database_from_environment()
    assert database["ENGINE"] == engine
    assert str(database["NAME"]).endswith(name)
