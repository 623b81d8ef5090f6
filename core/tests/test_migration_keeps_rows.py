"""Migrations keep every row: a database made by the migrations of an earlier main, with the demo
loaded, is migrated to today's schema and compared table by table with what it was.

The snapshot `data/main-a63d718-demo.sqlite3.gz` was made at commit a63d718 (before the models
moved out of `mentorship` into `people` and `records`) with

    export DATABASE_URL=sqlite:////tmp/snap.sqlite3 DJANGO_DEBUG=1 DJANGO_MEDIA_ROOT=/tmp/media
    python manage.py migrate && python manage.py load_demo

then emptied of sign-ins of the moment (sessions, django-axes) and VACUUMed. Rows only: the
order PDFs the demo wrote are not in it, and nothing here needs them.

Migrations, backup and restore run as `manage.py` in a subprocess against a copy in tmp_path,
never against the test database. SQLite only: the suite's PostgreSQL run would repeat the same
SQLite check.
"""

import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

SNAPSHOT = Path(__file__).parent / "data" / "main-a63d718-demo.sqlite3.gz"

# Old table → new table, the plan of the move. It must match what the migrations do (their
# AlterModelTable / db_table); correct it here together with them. A table of the snapshot that is
# missing after `migrate` is looked for under its new name; one still there under its old name is
# compared as it is (so the test also passes on a main where nothing has moved yet).
RENAMED = {
    # people
    "mentorship_organization": "people_organization",
    "mentorship_historicalorganization": "people_historicalorganization",
    "mentorship_person": "people_person",
    "mentorship_historicalperson": "people_historicalperson",
    "mentorship_position": "people_position",
    "mentorship_importbatch": "people_importbatch",
    "mentorship_exportlog": "people_exportlog",
    # records
    "mentorship_order": "records_order",
    "mentorship_historicalorder": "records_historicalorder",
    "mentorship_orderjournal": "records_orderjournal",
    "mentorship_historicalorderjournal": "records_historicalorderjournal",
    # The orders' m2m with pairs, if the field moves to Pairing (Pairing.orders). Not yet certain.
    "mentorship_order_pairings": "mentorship_pairing_orders",
}

# What `migrate` may legitimately add rows to (content types and permissions of new models, its
# own record); SQLite's counters follow the ids.
NOT_COMPARED = {"django_migrations", "sqlite_sequence", "django_content_type", "auth_permission"}

# Rebuilt with ids of their own by a restore (see core/backup.py): counted, ids not compared.
REBUILT_BY_RESTORE = {"django_content_type", "auth_permission"}

TIMEOUT = 120


def manage(*args: str, database: Path, work: Path) -> subprocess.CompletedProcess:
    """`manage.py <args>` on `database`, with media and backups in `work`, never the project's folders."""
    env = {
        **os.environ,
        "PYTHONUTF8": "1",
        "DATABASE_URL": f"sqlite:///{database}",
        # Without a secret key and with plain static storage, as on a first run.
        "DJANGO_DEBUG": "1",
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DJANGO_BACKUP_DIR": str(work / "backups"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} вернул {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    return result


def read(path: Path):
    """A read-only connection, closed after the block: the checks never change what they compare."""
    return closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True))


def tables(path: Path) -> dict[str, list[str]]:
    """Every table of the database with its primary key columns (rowid for a table without one)."""
    with read(path) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found = {}
        for name in names:
            columns = db.execute(f'PRAGMA table_info("{name}")').fetchall()
            # (cid, name, type, notnull, default, pk): pk is the column's place in the key, 0 if not in it.
            found[name] = [column[1] for column in sorted(columns, key=lambda c: c[5]) if column[5]] or ["rowid"]
    return found


def count(path: Path, table: str) -> int:
    with read(path) as db:
        return db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def select(path: Path, table: str, columns: list[str]) -> list[tuple]:
    listed = ", ".join(f'"{column}"' for column in columns)
    with read(path) as db:
        return db.execute(f'SELECT {listed} FROM "{table}"').fetchall()


def keys(path: Path, table: str, key: list[str]) -> set[tuple]:
    return set(select(path, table, key))


def rows(path: Path, table: str, columns: list[str]) -> Counter:
    return Counter(select(path, table, columns))


def columns_of(path: Path, table: str) -> list[str]:
    with read(path) as db:
        return [column[1] for column in db.execute(f'PRAGMA table_info("{table}")')]


def new_name(old: str, after: dict) -> str:
    """Where the rows of `old` are after the migrations: the same table, or its RENAMED one."""
    renamed = RENAMED.get(old)
    if old in after:
        assert renamed is None or renamed not in after, (
            f"{old} и {renamed} оба есть после миграций: строки не перенесены в новую таблицу"
        )
        return old
    assert renamed is not None, f"таблицы {old} нет после миграций, и в RENAMED для неё нет нового имени"
    assert renamed in after, f"таблицы {old} нет после миграций, нет и {renamed} (новое имя из RENAMED)"
    return renamed


def content_type_of(table: str) -> tuple[str, str]:
    """(app_label, model) a model's table is named by: `people_historicalperson` → ("people", "historicalperson")."""
    app_label, model = table.split("_", 1)
    return app_label, model


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(before, after, work folder): the snapshot as made, and a copy of it migrated to today."""
    if connection.vendor != "sqlite":
        pytest.skip("проверка миграций на снимке SQLite выполняется в прогоне на SQLite")
    work = tmp_path_factory.mktemp("migration")
    before, after = work / "before.sqlite3", work / "after.sqlite3"
    with gzip.open(SNAPSHOT, "rb") as packed, open(before, "wb") as plain:
        shutil.copyfileobj(packed, plain)
    shutil.copyfile(before, after)
    manage("migrate", "--noinput", database=after, work=work)
    return before, after, work


def test_every_table_keeps_its_rows_and_their_ids(migrated):
    before, after, _work = migrated
    old_tables, new_tables = tables(before), tables(after)
    assert count(before, "mentorship_person") > 0, "снимок без демо-данных"

    for old, old_key in old_tables.items():
        if old in NOT_COMPARED:
            continue
        new = new_name(old, new_tables)
        assert count(after, new) == count(before, old), f"{old} → {new}: число строк изменилось"
        # Same number but another row in place of one would pass the count: the keys must match.
        # A history table's key is history_id; `id` there repeats the object's id.
        assert old_key == new_tables[new], f"{old} → {new}: другой первичный ключ"
        lost = keys(before, old, old_key) - keys(after, new, old_key)
        assert not lost, f"{old} → {new}: пропали строки с ключами {sorted(lost)[:10]}"


def test_rows_keep_their_values_in_the_columns_both_tables_have(migrated):
    """The strictest check: nothing in a kept column was changed on the way. A migration that
    adds a column passes; one that rewrites values on purpose must leave its table out here."""
    before, after, _work = migrated
    new_tables = tables(after)
    for old in tables(before):
        if old in NOT_COMPARED:
            continue
        new = new_name(old, new_tables)
        shared = [column for column in columns_of(before, old) if column in set(columns_of(after, new))]
        old_rows, new_rows = rows(before, old, shared), rows(after, new, shared)
        assert old_rows == new_rows, (
            f"{old} → {new}: изменились значения строк; было, а теперь нет: "
            f"{list((old_rows - new_rows).elements())[:5]}; появилось: {list((new_rows - old_rows).elements())[:5]}"
        )


def test_moved_models_keep_their_content_type_ids(migrated):
    """Admin log entries, permissions and anything generic point at a content type by id: a
    moved model's content type must be the old row with a new app_label, not a new row.

    Written from RENAMED: app_label is the table's prefix, the model the rest. Tables without a
    content type of their own (m2m tables) are skipped. If the migrations name tables in a way this
    does not fit, adapt `content_type_of` or list the pairs here."""
    before, after, _work = migrated
    new_tables = tables(after)
    with read(before) as db:
        old_types = {
            (app, model): pk for pk, app, model in db.execute("SELECT id, app_label, model FROM django_content_type")
        }
    with read(after) as db:
        new_types = {
            pk: (app, model) for pk, app, model in db.execute("SELECT id, app_label, model FROM django_content_type")
        }

    checked = 0
    for old in RENAMED:
        old_type = content_type_of(old)
        if old_type not in old_types:
            continue
        new = new_name(old, new_tables)
        pk = old_types[old_type]
        assert new_types.get(pk) == content_type_of(new), (
            f"тип содержимого {'.'.join(old_type)} (id {pk}) после миграций — {new_types.get(pk)}, "
            f"а должен быть {'.'.join(content_type_of(new))} с тем же id"
        )
        checked += 1
    assert checked, "RENAMED не совпал ни с одним типом содержимого снимка"

    # Every old permission is still there, with its codename and content type.
    with read(before) as db:
        old_permissions = set(db.execute("SELECT id, content_type_id, codename FROM auth_permission"))
    with read(after) as db:
        new_permissions = set(db.execute("SELECT id, content_type_id, codename FROM auth_permission"))
    lost = old_permissions - new_permissions
    assert not lost, f"пропали или изменились права (id, content_type_id, codename): {sorted(lost)[:10]}"


def test_backup_and_restore_of_the_migrated_database_keep_every_row(migrated):
    _before, after, work = migrated
    database = work / "round-trip.sqlite3"
    shutil.copyfile(after, database)
    archive = work / "backups" / "копия.tar.gz"
    before_trip = tables(database)
    counts = {table: count(database, table) for table in before_trip if table != "sqlite_sequence"}
    ids = {
        table: keys(database, table, key)
        for table, key in before_trip.items()
        if table not in REBUILT_BY_RESTORE | {"sqlite_sequence"}
    }

    manage("backup", "--output", str(archive), database=database, work=work)
    # --yes: without a terminal restore refuses to ask and changes nothing.
    manage("restore", "--yes", str(archive), database=database, work=work)

    assert {table: count(database, table) for table in counts} == counts
    assert {table: keys(database, table, key) for table, key in before_trip.items() if table in ids} == ids
