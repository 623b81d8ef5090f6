"""Backup and restore: an archive restored into an emptied database and media folder brings back
every record and file; a damaged archive changes nothing; nobody to confirm, no restore.

Tests that flush run in real transactions with serialized_rollback: the flush at their end
would otherwise leave later tests without the reference lists seeded by migration 0002.
"""

import builtins
import gzip
import hashlib
import importlib
import io
import json
import re
import shutil
import sys
import tarfile
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

import core.backup
from accounts.models import User
from core.backup import WORK_FOLDER_PREFIX, BackupError, backup_folder, make_backup, restore_backup
from core.tests.files import noisy_jpeg, tiny_pdf
from mentorship.models import Direction, Mentee, Mentor, Pairing, PublicationConsent
from mentorship.services.bank import mentor_save, publication_consent_save
from mentorship.tests.factories import PairingFactory, PersonFactory, UserFactory
from people.models import Person

PDF = tiny_pdf()
JPEG = noisy_jpeg()
PASSWORD = "Ёлка-2026!"

REAL_TRANSACTIONS = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _forget_content_types():
    # A restore rebuilds content types with ids of its own; the next test's database has the
    # original ones again.
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def kindergarten(world, media):
    """The shared world plus what a backup must carry: scans, history, m2m relations, a password,
    permissions by natural key, an admin log entry and a deleted user still named in history."""
    curator = world.users["curator"]
    world.mentor.consent_scan = SimpleUploadedFile("Петрова согласие.pdf", PDF)
    mentor_save(
        mentor=world.mentor,
        directions=Direction.objects.filter(name__in=["Режимные моменты", "ИКТ"]),
        actor=curator,
    )
    consent = PublicationConsent(
        person=world.other_person,
        data=["name", "position"],
        given_on=date(2026, 9, 1),
        scan=SimpleUploadedFile("Семёнова.jpg", JPEG),
    )
    publication_consent_save(consent=consent, actor=curator)
    # A file no record points at still belongs to the media folder.
    (media / "старое" / "ёлка").mkdir(parents=True)
    (media / "старое" / "ёлка" / "скан приказа № 5.pdf").write_bytes(PDF[::-1])

    user = UserFactory(username="ёжик", password=PASSWORD)
    group = Group.objects.create(name="Проверяющие")
    group.permissions.add(Permission.objects.get(codename="view_person"))
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="change_mentor"))
    LogEntry.objects.create(
        user=world.users["admin"],
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(world.other_person.pk),
        object_repr=str(world.other_person),
        action_flag=CHANGE,
        change_message="Изменено отчество",
    )
    # History keeps the id of a user deleted since: a dump naming users by username would fail.
    leaving = UserFactory(username="уволена")
    PersonFactory(user=leaving, last_name="Уволенная")
    leaving.delete()
    return world


def row_counts() -> dict[str, int]:
    """Rows of every model the backup carries (content types and permissions are rebuilt by
    migrate, sign-ins and lockouts are not backed up)."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in ("contenttypes", "sessions", "axes") and model is not Permission
    }


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


class _AppsOfToday:
    """The registry as the seeding migration saw it: posts were mentorship's then, people's now."""

    def get_model(self, app_label: str, model_name: str):
        return apps.get_model("people" if model_name == "Position" else app_label, model_name)


def empty_everything(media: Path, *, like_new_server: bool) -> None:
    call_command("flush", interactive=False, verbosity=0)
    if like_new_server:
        # A freshly migrated database already has the reference lists of migration 0002.
        seed = importlib.import_module("mentorship.migrations.0002_seed_reference_lists").seed
        seed(_AppsOfToday(), None)
    shutil.rmtree(media)
    media.mkdir()


@REAL_TRANSACTIONS
@pytest.mark.parametrize("like_new_server", [False, True], ids=["flushed", "freshly-migrated"])
def test_restore_into_an_empty_database_finds_every_record_and_file(kindergarten, media, tmp_path, like_new_server):
    counts, files = row_counts(), files_in(media)
    archive = tmp_path / "копия.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    empty_everything(media, like_new_server=like_new_server)
    assert Person.objects.count() == 0
    assert files_in(media) == {}

    output = io.StringIO()
    call_command("restore", str(archive), yes=True, stdout=output)

    assert row_counts() == counts
    assert files_in(media) == files
    assert "Восстановлено из архива" in output.getvalue()
    rows = sum(count for label, count in counts.items() if not apps.get_model(label)._meta.auto_created)
    assert f"Записей в базе данных: {rows}; файлов: 3" in output.getvalue()

    semyonova = Person.objects.get(last_name="Семёнова")
    assert semyonova.full_name == "Семёнова Дарья Игоревна"
    assert list(Person.objects.search("семенова")) == [semyonova]

    user = User.objects.get(username="ёжик")
    assert user.check_password(PASSWORD)
    assert user.has_perm("people.view_person")
    assert user.has_perm("mentorship.change_mentor")

    mentor = Mentor.objects.get(person__last_name="Петрова")
    assert set(mentor.directions.values_list("name", flat=True)) == {"Режимные моменты", "ИКТ"}
    with mentor.consent_scan.open("rb") as scan:
        assert scan.read() == PDF
    assert mentor.history.latest("history_date").history_user.username == "curator"
    assert PublicationConsent.objects.get(person=semyonova).scan.read() == JPEG

    log_entry = LogEntry.objects.get()
    assert log_entry.get_edited_object() == semyonova
    assert log_entry.user.username == "admin"

    # New rows take ids after the restored ones (on PostgreSQL, only if sequences were reset).
    curator = User.objects.get(username="curator")
    newcomer = PersonFactory(last_name="Новикова", first_name="Ёлена")
    mentor_save(mentor=Mentor(person=newcomer), directions=Direction.objects.filter(name="ИКТ"), actor=curator)
    PairingFactory(mentor=newcomer.mentor, mentees=[Mentee.objects.get(person__last_name="Иванова")])
    Direction.objects.create(name="Здоровьесбережение")
    UserFactory(username="новая")
    assert newcomer.pk > semyonova.pk
    assert Pairing.objects.count() == counts["mentorship.Pairing"] + 1


@pytest.mark.django_db
def test_backup_writes_one_private_archive_with_a_manifest_of_rows_and_files(kindergarten, media, tmp_path, settings):
    settings.BACKUP_DIR = tmp_path / "копии"
    (media / f"{WORK_FOLDER_PREFIX}left-over").mkdir()
    (media / f"{WORK_FOLDER_PREFIX}left-over" / "database.jsonl").write_text("{}")
    output = io.StringIO()

    call_command("backup", stdout=output)

    [archive] = list((tmp_path / "копии").iterdir())
    assert re.fullmatch(r"nastavnik-backup-\d{4}-\d{2}-\d{2}-\d{6}\.tar\.gz", archive.name)
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
        dump = [json.loads(line) for line in tar.extractfile("database.jsonl").read().splitlines()]

    media_files = files_in(media)
    del media_files[f"{WORK_FOLDER_PREFIX}left-over/database.jsonl"]
    assert sorted(names) == sorted(["database.jsonl", "manifest.json", *(f"media/{name}" for name in media_files)])
    assert {item["path"]: (item["size"], item["sha256"]) for item in manifest["files"]} == {
        name: (len(content), hashlib.sha256(content).hexdigest()) for name, content in media_files.items()
    }
    assert manifest["records"]["people.person"] == Person.objects.count()
    assert manifest["records"]["mentorship.historicalmentor_directions"] > 0
    assert sum(manifest["records"].values()) == len(dump)
    assert manifest["migrations"]["mentorship"][:2] == ["0001_initial", "0002_seed_reference_lists"]
    assert manifest["created_at"] and manifest["django_version"] and manifest["app_version"]

    models = {row["model"] for row in dump}
    assert not models & {"contenttypes.contenttype", "auth.permission", "sessions.session"}
    assert not any(model.startswith("axes.") for model in models)
    [log_entry] = [row for row in dump if row["model"] == "admin.logentry"]
    assert log_entry["fields"]["content_type"] == ["people", "person"]
    [user] = [row for row in dump if row["model"] == "accounts.user" and row["fields"]["username"] == "ёжик"]
    assert user["fields"]["user_permissions"] == [["change_mentor", "mentorship", "mentor"]]
    assert user["fields"]["groups"] == [Group.objects.get().pk]

    text = output.getvalue()
    assert f"Резервная копия записана: {archive}" in text
    assert f"записей в базе данных: {len(dump)}; файлов: 3" in text


def test_backup_folder_is_a_setting(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "копии"
    assert backup_folder() == tmp_path / "копии"


def test_backup_folder_comes_from_the_environment(monkeypatch, tmp_path):
    import importlib

    import config.settings as project_settings

    monkeypatch.setenv("DJANGO_BACKUP_DIR", str(tmp_path / "копии"))
    try:
        assert tmp_path / "копии" == importlib.reload(project_settings).BACKUP_DIR
    finally:
        monkeypatch.delenv("DJANGO_BACKUP_DIR")
        importlib.reload(project_settings)


def rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of `archive` whose members pass through `change(name, content)` (None drops one)."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            content = change(member.name, source.extractfile(member).read())
            if content is not None:
                member.size = len(content)
                copy.addfile(member, io.BytesIO(content))
    return target


def flip_a_byte(content: bytes) -> bytes:
    middle = len(content) // 2
    return content[:middle] + bytes([content[middle] ^ 0xFF]) + content[middle + 1 :]


def consent_scan_name(archive: Path) -> str:
    with tarfile.open(archive) as tar:
        return next(name for name in tar.getnames() if name.startswith("media/consents/"))


def change_member(which, how):
    def change(name, content):
        return how(content) if name == which else content

    return change


def with_extra_member(name: str, content: bytes):
    def change(archive: Path, target: Path) -> Path:
        rewrite(archive, target, lambda _name, data: data)
        with gzip.open(target, "rb") as compressed:
            plain = io.BytesIO(compressed.read())
        with tarfile.open(fileobj=plain, mode="a") as tar:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
        target.write_bytes(gzip.compress(plain.getvalue()))
        return target

    return change


def other_schema(content: bytes) -> bytes:
    manifest = json.loads(content)
    manifest["migrations"]["mentorship"].append("9999_from_the_future")
    return json.dumps(manifest).encode()


def damage_raw(how):
    def change(archive: Path, target: Path) -> Path:
        target.write_bytes(how(archive.read_bytes()))
        return target

    return change


DAMAGES = {
    "dump-byte-flipped": (
        lambda archive, target: rewrite(archive, target, change_member("database.jsonl", flip_a_byte)),
        "файл database.jsonl изменён",
    ),
    "scan-byte-flipped": (
        lambda archive, target: rewrite(archive, target, change_member(consent_scan_name(archive), flip_a_byte)),
        r"файл media/consents/\w+\.(pdf|jpg) изменён",
    ),
    "scan-removed": (
        lambda archive, target: rewrite(archive, target, change_member(consent_scan_name(archive), lambda _: None)),
        r"нет файла media/consents/",
    ),
    "stranger-file-added": (with_extra_member("media/чужой.pdf", PDF), "лишний файл media/чужой.pdf"),
    "path-out-of-the-folder": (with_extra_member("media/../../outside.pdf", PDF), "посторонний элемент"),
    "manifest-removed": (
        lambda archive, target: rewrite(archive, target, change_member("manifest.json", lambda _: None)),
        "нет описания",
    ),
    "other-schema": (
        lambda archive, target: rewrite(archive, target, change_member("manifest.json", other_schema)),
        "другой схеме базы данных",
    ),
    "compressed-byte-flipped": (damage_raw(flip_a_byte), "повреждён"),
    "cut-in-half": (damage_raw(lambda data: data[: len(data) // 2]), "повреждён"),
    "not-an-archive": (damage_raw(lambda _: "список сотрудников".encode()), "повреждён или это не архив"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_archive_is_refused_and_changes_nothing(kindergarten, media, tmp_path, damage):
    make_damaged, message = damage
    archive = tmp_path / "копия.tar.gz"
    make_backup(archive)
    damaged = make_damaged(archive, tmp_path / "повреждённая.tar.gz")
    PersonFactory(last_name="Добавленная", first_name="После", middle_name="Копии")
    (media / "новый.pdf").write_bytes(PDF)
    counts, files = row_counts(), files_in(media)

    with pytest.raises(BackupError, match=message) as error:
        restore_backup(damaged)

    assert "Ничего не изменено" in str(error.value)
    assert row_counts() == counts
    assert Person.objects.filter(last_name="Добавленная").exists()
    assert files_in(media) == files
    assert not list(media.glob(f"{WORK_FOLDER_PREFIX}*"))


def unloadable(archive: Path, target: Path) -> Path:
    """An archive that checks out, but whose dump points a mentor at a person who does not exist."""
    with tarfile.open(archive) as tar:
        lines = tar.extractfile("database.jsonl").read().decode().splitlines(keepends=True)
    for number, line in enumerate(lines):
        row = json.loads(line)
        if row["model"] == "mentorship.mentor":
            row["fields"]["person"] = 999_999
            lines[number] = json.dumps(row, ensure_ascii=False) + "\n"
            break
    dump = "".join(lines).encode()

    def change(name, content):
        if name == "database.jsonl":
            return dump
        if name == "manifest.json":
            manifest = json.loads(content)
            manifest["database"].update(size=len(dump), sha256=hashlib.sha256(dump).hexdigest())
            return json.dumps(manifest).encode()
        return content

    return rewrite(archive, target, change)


@REAL_TRANSACTIONS
@pytest.mark.parametrize("failure", ["unloadable-dump", "failure-after-the-files-moved"])
def test_a_restore_that_fails_half_way_puts_everything_back(kindergarten, media, tmp_path, monkeypatch, failure):
    archive = tmp_path / "копия.tar.gz"
    make_backup(archive)
    if failure == "unloadable-dump":
        archive = unloadable(archive, tmp_path / "не-загрузится.tar.gz")
        message = "Не удалось загрузить данные"
    else:
        swap = core.backup._swap_media

        def swap_then_fail(*args):
            swap(*args)
            raise OSError("диск отключён")

        monkeypatch.setattr(core.backup, "_swap_media", swap_then_fail)
        message = "диск отключён"
    Person.objects.filter(last_name="Семёнова").update(middle_name="Изменённая")
    (media / "новый.pdf").write_bytes(PDF)
    counts, files = row_counts(), files_in(media)

    with pytest.raises(BackupError, match=message) as error:
        restore_backup(archive)

    assert "остались прежними" in str(error.value)
    assert row_counts() == counts
    assert Person.objects.get(last_name="Семёнова").middle_name == "Изменённая"
    assert files_in(media) == files
    person_type = ContentType.objects.get_for_model(Person)
    assert ContentType.objects.filter(pk=person_type.pk, model="person").exists()


@pytest.mark.django_db
def test_restore_without_yes_and_without_a_terminal_refuses(kindergarten, media, tmp_path, monkeypatch):
    archive = tmp_path / "копия.tar.gz"
    make_backup(archive)
    Person.objects.filter(last_name="Семёнова").update(middle_name="Изменённая")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    with pytest.raises(CommandError, match="нет терминала"):
        call_command("restore", str(archive))

    assert Person.objects.get(last_name="Семёнова").middle_name == "Изменённая"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def answer(monkeypatch, reply: str) -> list[str]:
    prompts = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(builtins, "input", lambda prompt: prompts.append(prompt) or reply)
    return prompts


@pytest.mark.django_db
def test_restore_asks_at_a_terminal_and_no_means_nothing_changes(kindergarten, media, tmp_path, monkeypatch):
    archive = tmp_path / "копия.tar.gz"
    make_backup(archive)
    Person.objects.filter(last_name="Семёнова").update(middle_name="Изменённая")
    prompts = answer(monkeypatch, "нет")

    with pytest.raises(CommandError, match="отменено: ничего не изменено"):
        call_command("restore", str(archive), stdout=io.StringIO())

    assert prompts and prompts[0].startswith("Все текущие данные будут заменены")
    assert Person.objects.get(last_name="Семёнова").middle_name == "Изменённая"
    assert not list(media.glob(f"{WORK_FOLDER_PREFIX}*"))


@REAL_TRANSACTIONS
def test_restore_asks_at_a_terminal_and_yes_restores(kindergarten, media, tmp_path, monkeypatch):
    archive = tmp_path / "копия.tar.gz"
    make_backup(archive)
    Person.objects.filter(last_name="Семёнова").update(middle_name="Изменённая")
    answer(monkeypatch, "Да")
    output = io.StringIO()

    call_command("restore", str(archive), stdout=output)

    assert Person.objects.get(last_name="Семёнова").middle_name == "Игоревна"
    assert "Архив проверен" in output.getvalue()
    assert "Восстановлено из архива" in output.getvalue()
