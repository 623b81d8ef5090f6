"""Backup and restore of everything the kindergarten keeps: database rows and uploaded files.

One archive (tar.gz) holds:

    database.jsonl   every row, written by Django's dumpdata;
    media/...        every file under MEDIA_ROOT (scans of consents);
    manifest.json    when and by which version it was made, rows per model, every file's size
                     and sha256, and the migrations the rows belong to.

Why dumpdata and not pg_dump: the dump does not depend on the database, so a SQLite
installation's archive restores into PostgreSQL and the other way round, no database client
programs are needed on the server, and CI can check the round trip on both databases.

Rows keep their primary keys. History rows, the admin's log entries and the files' names all
refer to rows by id, and a restore must bring back the same ids. Only content types and
permissions stay out of the dump: `migrate` builds them for every database and their ids
differ from one database to the next. The dump refers to them by natural key (see
`Serializer`).

A restore reads the whole archive and checks it against the manifest before it touches
anything: a damaged archive changes nothing. The database is then replaced in one
transaction, and the media folder inside that transaction, last, so that any failure leaves
the database and the files as they were.

This module is also the serialization format that dumpdata writes the dump in (Django finds
a format by a module that has `Serializer` and `Deserializer`).
"""

import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import tomllib
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.serializers import jsonl
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import m2m_changed
from django.utils import timezone

ARCHIVE_FORMAT = "nastavnik-backup"
ARCHIVE_FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DUMP_NAME = "database.jsonl"
MEDIA_FOLDER = "media"
# dumpdata's name for the format defined at the bottom of this module.
DUMP_FORMAT = "nastavnik-jsonl"
# Where a restore unpacks the archive: inside MEDIA_ROOT, so that putting the files in place
# is a rename on the same disk. A backup skips such folders left by an interrupted restore.
WORK_FOLDER_PREFIX = ".nastavnik-restore-"
BACKUP_FILE_PREFIX = "nastavnik-backup-"

# What the dump leaves out, and why. Everything else is the kindergarten's record, including
# admin.logentry: the admin's own log of who changed what is part of the audit trail, and its
# object ids stay valid because rows keep their ids.
EXCLUDED = (
    # Built by `migrate` for this very database; the dump refers to them by natural key.
    "contenttypes",
    "auth.permission",
    # Sign-ins of the moment: after a restore everybody signs in again.
    "sessions",
    # django-axes' sign-in attempts and lockouts: protection state of the moment, not records.
    "axes",
)

CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something the person running the command must read: the message is Russian."""


@dataclass(frozen=True)
class FileRecord:
    path: str
    size: int
    sha256: str


@dataclass
class Manifest:
    """What an archive holds; written into it as manifest.json."""

    created_at: str
    django_version: str
    app_version: str | None
    database_vendor: str
    # Applied migrations by app: the schema the rows were dumped from.
    migrations: dict[str, list[str]]
    # Rows per model label ("mentorship.person"), counted in the dump itself.
    records: dict[str, int]
    database: FileRecord
    # Paths relative to MEDIA_ROOT, with "/".
    files: list[FileRecord]

    @property
    def total_records(self) -> int:
        return sum(self.records.values())

    @property
    def total_file_bytes(self) -> int:
        return sum(record.size for record in self.files)

    @property
    def created(self) -> datetime:
        return timezone.localtime(datetime.fromisoformat(self.created_at))

    def to_json(self) -> str:
        data = {"format": ARCHIVE_FORMAT, "format_version": ARCHIVE_FORMAT_VERSION, **asdict(self)}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        try:
            data = json.loads(text)
            if data.get("format") != ARCHIVE_FORMAT:
                raise BackupError(
                    "В архиве чужое описание (manifest.json): это не резервная копия Наставника. Ничего не изменено."
                )
            if data.get("format_version") != ARCHIVE_FORMAT_VERSION:
                raise BackupError(
                    f"Архив записан в формате версии {data.get('format_version')}, а эта версия программы "
                    f"читает только версию {ARCHIVE_FORMAT_VERSION}. Ничего не изменено."
                )
            # A date that does not parse is damage too.
            datetime.fromisoformat(data["created_at"])
            return cls(
                created_at=data["created_at"],
                django_version=str(data["django_version"]),
                app_version=data["app_version"],
                database_vendor=str(data["database_vendor"]),
                migrations={str(app): [str(name) for name in names] for app, names in data["migrations"].items()},
                records={str(label): int(count) for label, count in data["records"].items()},
                database=FileRecord(**data["database"]),
                files=[FileRecord(**item) for item in data["files"]],
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BackupError(f"Описание архива (manifest.json) повреждено: {error!r}. Ничего не изменено.") from error


# ---------------------------------------------------------------------------------------------
# Backup


def backup_folder() -> Path:
    """Where archives go by default: settings.BACKUP_DIR (DJANGO_BACKUP_DIR in the environment)."""
    return Path(settings.BACKUP_DIR)


def default_backup_name(moment: datetime | None = None) -> str:
    moment = timezone.localtime(moment)
    return f"{BACKUP_FILE_PREFIX}{moment:%Y-%m-%d-%H%M%S}.tar.gz"


def backup_path(output: str | os.PathLike | None = None) -> Path:
    """The archive `manage.py backup --output` writes: a file, or a default name in a folder."""
    if output is None:
        return backup_folder() / default_backup_name()
    path = Path(output)
    return path / default_backup_name() if path.is_dir() else path


def make_backup(path: str | os.PathLike, *, using: str = DEFAULT_DB_ALIAS) -> Manifest:
    """Write one archive with the database, every uploaded file and a manifest.

    The archive appears under its name only when complete (it is written as `<name>.part`
    first), readable by its owner alone: it holds personal data. Files are streamed into the
    archive and hashed on the way, so a large media folder is read once and never held in
    memory.
    """
    path = Path(path)
    try:
        return _write_archive(path, using)
    except OSError as error:
        raise BackupError(f"Не удалось записать резервную копию {path}: {error}") from error
    except DatabaseError as error:
        raise BackupError(f"Не удалось прочитать базу данных: {error}") from error


def _write_archive(path: Path, using: str) -> Manifest:
    _make_private_folder(path.parent)
    partial = path.with_name(path.name + ".part")
    created_at = timezone.localtime().isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".nastavnik-backup-") as work:
        dump = Path(work) / DUMP_NAME
        with _consistent_read(using):
            _dump_database(dump, using)
            migrations = _applied_migrations(using)
        records, dump_record = _describe_dump(dump)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw:
                # Scans are already compressed: a middle level saves time, not space.
                with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
                    _add_file(archive, dump, DUMP_NAME)
                    files = [
                        FileRecord(relative, *_add_file(archive, full, f"{MEDIA_FOLDER}/{relative}"))
                        for full, relative in _media_files(Path(settings.MEDIA_ROOT))
                    ]
                    manifest = Manifest(
                        created_at=created_at,
                        django_version=django.get_version(),
                        app_version=_app_version(),
                        database_vendor=connections[using].vendor,
                        migrations=migrations,
                        records=records,
                        database=dump_record,
                        files=files,
                    )
                    _add_bytes(archive, MANIFEST_NAME, manifest.to_json().encode())
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return manifest


def _make_private_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)


@contextmanager
def _consistent_read(using: str) -> Iterator[None]:
    """One snapshot for the whole dump: a pair saved while the dump runs must not appear
    without its mentor. PostgreSQL's default (READ COMMITTED) gives each query its own
    snapshot, so the transaction asks for REPEATABLE READ; SQLite's transaction is already
    one snapshot. Inside a caller's transaction (tests) that transaction decides."""
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _excluded_labels() -> list[str]:
    """EXCLUDED, less what this installation does not have (dumpdata refuses unknown labels)."""
    labels = []
    for label in EXCLUDED:
        try:
            apps.get_model(label) if "." in label else apps.get_app_config(label)
        except LookupError:
            continue
        labels.append(label)
    return labels


def _excluded_models() -> set:
    models = set()
    for label in _excluded_labels():
        if "." in label:
            models.add(apps.get_model(label))
        else:
            models.update(apps.get_app_config(label).get_models(include_auto_created=True))
    return models


def _dump_database(path: Path, using: str) -> None:
    serializers.register_serializer(DUMP_FORMAT, __name__)
    # Our own UTF-8 stream: dumpdata's --output would use the locale's encoding.
    with open(path, "w", encoding="utf-8") as stream:
        try:
            call_command(
                "dumpdata",
                format=DUMP_FORMAT,
                exclude=_excluded_labels(),
                # The base manager: a default manager that hides rows must not drop them.
                use_base_manager=True,
                database=using,
                stdout=stream,
                verbosity=0,
            )
        except CommandError as error:
            raise BackupError(f"Не удалось выгрузить базу данных: {error}") from error


def _dumped_app_labels() -> set[str]:
    whole_apps = {label for label in EXCLUDED if "." not in label}
    return {config.label for config in apps.get_app_configs()} - whole_apps


def _applied_migrations(using: str) -> dict[str, list[str]]:
    by_app = defaultdict(list)
    labels = _dumped_app_labels()
    for app_label, name in sorted(MigrationRecorder(connections[using]).applied_migrations()):
        if app_label in labels:
            by_app[app_label].append(name)
    return dict(by_app)


def _describe_dump(path: Path) -> tuple[dict[str, int], FileRecord]:
    """Rows per model as they are in the dump (not a second count that could differ), and its hash."""
    counts = Counter()
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as dump:
        for line in dump:
            digest.update(line)
            size += len(line)
            if line.strip():
                counts[json.loads(line)["model"]] += 1
    return dict(sorted(counts.items())), FileRecord(DUMP_NAME, size, digest.hexdigest())


def _media_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file under MEDIA_ROOT, in a stable order. Symbolic links are not uploads
    and are left out; so are the working folders of an interrupted restore."""
    if not root.is_dir():
        return
    for folder, subfolders, names in os.walk(root):
        folder_path = Path(folder)
        if folder_path == root:
            subfolders[:] = [name for name in subfolders if not name.startswith(WORK_FOLDER_PREFIX)]
        subfolders.sort()
        for name in sorted(names):
            full = folder_path / name
            if full.is_file() and not full.is_symlink():
                yield full, full.relative_to(root).as_posix()


class _HashingReader:
    """Hashes a file while tarfile (or a copy) reads it, so that each file is read once."""

    def __init__(self, raw):
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


def _add_file(archive: tarfile.TarFile, full: Path, name: str) -> tuple[int, str]:
    with open(full, "rb") as source:
        info = tarfile.TarInfo(name)
        stat = os.fstat(source.fileno())
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = 0o600
        reader = _HashingReader(source)
        archive.addfile(info, reader)
    return reader.size, reader.digest.hexdigest()


def _add_bytes(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(content))


def _app_version() -> str | None:
    try:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as pyproject:
            return tomllib.load(pyproject).get("project", {}).get("version")
    except (OSError, tomllib.TOMLDecodeError):
        return None


# ---------------------------------------------------------------------------------------------
# Restore


def restore_backup(
    path: str | os.PathLike,
    *,
    confirm: Callable[[Manifest], bool] | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> Manifest:
    """Replace all data and uploaded files with an archive's.

    The archive is unpacked next to the media folder and checked against its manifest first;
    `confirm` (if given) is then asked with the manifest in hand. Only after that the database
    is flushed and loaded in one transaction (sequences reset, row counts checked against the
    manifest) and the media folder's contents are swapped for the archive's. Any failure
    rolls the database back and puts the files back: a restore happens whole or not at all.
    Run `migrate` before; the archive must come from the same migrations.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Архив {path} не найден. Ничего не изменено.")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=media_root, prefix=WORK_FOLDER_PREFIX))
    try:
        unpacked = _unpack(path, work)
        manifest = _verify(unpacked, work, using)
        if confirm is not None and not confirm(manifest):
            raise BackupError("Восстановление отменено: ничего не изменено.")
        _replace_everything(manifest, work, media_root, using)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return manifest


def _unpack(path: Path, work: Path) -> dict[str, FileRecord]:
    """Unpack every member into `work`, hashing on the way; nothing else is written."""
    unpacked = {}
    try:
        with gzip.open(path, "rb") as compressed:
            # Stream mode: members are read in order, each once.
            with tarfile.open(fileobj=compressed, mode="r|") as archive:
                for member in archive:
                    if member.isdir():
                        continue
                    name = _checked_member_name(member)
                    if name in unpacked:
                        raise BackupError(f"Файл {name} встречается в архиве дважды. Ничего не изменено.")
                    target = work.joinpath(*PurePosixPath(name).parts)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    reader = _HashingReader(archive.extractfile(member))
                    with open(target, "wb") as out:
                        shutil.copyfileobj(reader, out, CHUNK)
                    os.utime(target, (member.mtime, member.mtime))
                    unpacked[name] = FileRecord(name, reader.size, reader.digest.hexdigest())
            # Read to the end: gzip checks its CRC only there.
            while compressed.read(CHUNK):
                pass
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(
            f"Архив {path} повреждён или это не архив резервной копии ({error}). Ничего не изменено."
        ) from error
    except OSError as error:
        raise BackupError(f"Не удалось распаковать архив {path}: {error}. Ничего не изменено.") from error
    return unpacked


def _checked_member_name(member: tarfile.TarInfo) -> str:
    """Only the manifest, the dump and regular files under media/, with no way out of the folder."""
    path = PurePosixPath(member.name)
    parts = path.parts
    safe = not path.is_absolute() and ".." not in parts and "\\" not in member.name
    expected = str(path) in (MANIFEST_NAME, DUMP_NAME) or (
        len(parts) > 1 and parts[0] == MEDIA_FOLDER and not parts[1].startswith(WORK_FOLDER_PREFIX)
    )
    if not (safe and expected and member.isfile()):
        raise BackupError(
            f"В архиве посторонний элемент «{member.name}»: это не резервная копия Наставника. Ничего не изменено."
        )
    return str(path)


def _verify(unpacked: dict[str, FileRecord], work: Path, using: str) -> Manifest:
    if MANIFEST_NAME not in unpacked:
        raise BackupError("В архиве нет описания (manifest.json): архив неполный или чужой. Ничего не изменено.")
    manifest = Manifest.from_json((work / MANIFEST_NAME).read_text(encoding="utf-8"))
    expected = {DUMP_NAME: manifest.database}
    expected.update({f"{MEDIA_FOLDER}/{record.path}": record for record in manifest.files})
    problems = []
    for name, record in sorted(expected.items()):
        found = unpacked.get(name)
        if found is None:
            problems.append(f"нет файла {name}")
        elif (found.size, found.sha256) != (record.size, record.sha256):
            problems.append(f"файл {name} изменён (не совпадает контрольная сумма)")
    problems += [f"лишний файл {name}" for name in sorted(unpacked.keys() - expected.keys() - {MANIFEST_NAME})]
    if problems:
        shown = "; ".join(problems[:10]) + (f" и ещё {len(problems) - 10}" if len(problems) > 10 else "")
        raise BackupError(f"Архив повреждён: {shown}. Ничего не изменено.")
    _check_migrations(manifest, using)
    return manifest


def _check_migrations(manifest: Manifest, using: str) -> None:
    """Rows load only into the schema they were dumped from; and flushing a newer schema would
    wipe rows its data migrations seeded, which an older dump does not have."""
    here = _applied_migrations(using)
    differences = []
    for app_label in sorted(here.keys() | manifest.migrations.keys()):
        theirs, ours = manifest.migrations.get(app_label, []), here.get(app_label, [])
        if set(theirs) != set(ours):
            differences.append(
                f"{app_label}: в архиве {theirs[-1] if theirs else 'нет миграций'}, "
                f"здесь {ours[-1] if ours else 'нет миграций'}"
            )
    if differences:
        raise BackupError(
            "Архив сделан при другой схеме базы данных (" + "; ".join(differences) + "). "
            "Восстанавливайте его той версией программы, которой он сделан, или сначала приведите "
            "схему к архиву (manage.py migrate <приложение> <миграция>), а после восстановления "
            "выполните manage.py migrate. Ничего не изменено."
        )


def _replace_everything(manifest: Manifest, work: Path, media_root: Path, using: str) -> None:
    moves: list[tuple[Path, Path]] = []
    try:
        with transaction.atomic(using=using):
            # All rows go, the reference lists seeded by migrations included: the dump has them.
            # flush's post_migrate rebuilds content types and permissions for the natural keys.
            call_command("flush", interactive=False, verbosity=0, database=using)
            # loaddata saves rows "raw", so post_save handlers know to keep quiet; m2m_changed
            # has no such flag, and django-simple-history would record every restored m2m
            # relation as a fresh change. The dump already holds the history.
            with _silenced(m2m_changed):
                call_command("loaddata", str(work / DUMP_NAME), verbosity=0, database=using)
            _reset_sequences(using)
            _check_counts(manifest, using)
            _swap_media(work / MEDIA_FOLDER, media_root, work / "previous", moves)
    except BaseException as error:
        for now_at, came_from in reversed(moves):
            now_at.rename(came_from)
        if isinstance(error, BackupError) or not isinstance(error, Exception):
            raise
        raise BackupError(
            f"Не удалось загрузить данные из архива: {error}. База данных и файлы остались прежними."
        ) from error
    finally:
        _forget_cached_content_types()


@contextmanager
def _silenced(signal) -> Iterator[None]:
    """No receiver hears `signal` inside the block (a management command runs alone)."""
    with signal.lock:
        receivers, signal.receivers = signal.receivers, []
        signal.sender_receivers_cache.clear()
    try:
        yield
    finally:
        with signal.lock:
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def _reset_sequences(using: str) -> None:
    """Next ids start after the restored ones (what `sqlsequencereset` prints, for every app,
    m2m tables included). PostgreSQL needs it; SQLite's AUTOINCREMENT follows by itself."""
    connection = connections[using]
    models = [model for config in apps.get_app_configs() for model in config.get_models(include_auto_created=True)]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _check_counts(manifest: Manifest, using: str) -> None:
    wrong = []
    for label, expected in manifest.records.items():
        found = apps.get_model(label)._base_manager.using(using).count()
        if found != expected:
            wrong.append(f"{label}: {found} вместо {expected}")
    if wrong:
        raise BackupError(
            "После загрузки число записей не совпало с архивом (" + "; ".join(wrong) + "). "
            "База данных и файлы остались прежними."
        )


def _swap_media(incoming: Path, media_root: Path, aside: Path, moves: list[tuple[Path, Path]]) -> None:
    """Swap the media folder's contents, not the folder: it may be a mount point. Every move
    is a rename on one disk and is recorded, so a failure can put everything back."""
    aside.mkdir()
    for entry in sorted(media_root.iterdir()):
        if not entry.name.startswith(WORK_FOLDER_PREFIX):
            entry.rename(aside / entry.name)
            moves.append((aside / entry.name, entry))
    if incoming.is_dir():
        for entry in sorted(incoming.iterdir()):
            entry.rename(media_root / entry.name)
            moves.append((media_root / entry.name, entry))


def _forget_cached_content_types() -> None:
    """ContentType's cache may hold ids of rows a rolled-back flush created."""
    if apps.is_installed("django.contrib.contenttypes"):
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


# ---------------------------------------------------------------------------------------------
# The dump's serialization format


class Serializer(jsonl.Serializer):
    """dumpdata's JSON Lines, with natural keys only for the rows the dump leaves out.

    Content types and permissions are rebuilt by `migrate` with ids of their own, so the rows
    that point at them (admin log entries, users' and groups' permissions) name them by natural
    key. Everything else keeps plain ids: `--natural-foreign` for all models would also name
    users by username, and a history row whose user was deleted since (history keeps the old
    id) would stop the whole dump with "User matching query does not exist".
    """

    def start_serialization(self):
        self._by_natural_key = {model for model in _excluded_models() if hasattr(model, "natural_key")}
        super().start_serialization()

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self._by_natural_key
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in self._by_natural_key
        super().handle_m2m_field(obj, field)


Deserializer = jsonl.Deserializer
