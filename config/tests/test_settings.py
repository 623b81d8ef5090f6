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


def _write_while_another_writes(django_db_blocker, tmp_path, options) -> list[str]:
    """Two connections to one SQLite file, each in its own thread: both read, then both write —
    the pattern of two approvals at the same moment. Returns the errors the writers got."""
    import contextlib
    import threading
    import time

    from django.db import connections, transaction

    alias = "concurrent"
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "q.sqlite3"), "OPTIONS": options}
    connections.settings[alias] = connections.configure_settings({"default": database, alias: database})[alias]
    errors, both_read = [], threading.Barrier(2, timeout=1)

    def writer(number: int) -> None:
        try:
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM journal")
                # With the options the other writer is queued before it can read: the wait runs out.
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_read.wait()
                cursor.execute("INSERT INTO journal (number) VALUES (%s)", [number])
                time.sleep(0.2)
        except Exception as error:  # the loser's «database is locked»
            errors.append(str(error))
        finally:
            connections[alias].close()

    try:
        with django_db_blocker.unblock():
            with connections[alias].cursor() as cursor:
                cursor.execute("CREATE TABLE journal (number integer)")
            connections[alias].close()
            threads = [threading.Thread(target=writer, args=(number,)) for number in (1, 2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        del connections[alias]  # this thread's connection, so the next test opens its own file
        del connections.settings[alias]
    return errors


def test_sqlite_writers_queue_instead_of_failing(django_db_blocker, tmp_path, monkeypatch):
    from config.settings import SQLITE_OPTIONS

    for key in ("DATABASE_URL", "POSTGRES_DB"):
        monkeypatch.delenv(key, raising=False)
    assert database_from_environment()["OPTIONS"] == SQLITE_OPTIONS
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert database_from_environment()["OPTIONS"] == SQLITE_OPTIONS
    assert _write_while_another_writes(django_db_blocker, tmp_path, SQLITE_OPTIONS) == []


def test_without_the_options_the_loser_fails(django_db_blocker, tmp_path):
    """What the options prevent: Django's default deferred transactions give the loser an error."""
    assert any("locked" in error for error in _write_while_another_writes(django_db_blocker, tmp_path, {"timeout": 1}))
