from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from core.backup import BackupError, backup_path, make_backup


class Command(BaseCommand):
    help = (
        "Записывает резервную копию: базу данных и все загруженные файлы в один архив .tar.gz "
        "(по умолчанию в папку DJANGO_BACKUP_DIR, иначе backups/ в папке проекта)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            metavar="ПУТЬ",
            help="файл архива или папка для него (имя тогда nastavnik-backup-ГГГГ-ММ-ДД-ЧЧММСС.tar.gz)",
        )

    def handle(self, *args, output=None, verbosity=1, **options):
        path = backup_path(output)
        try:
            manifest = make_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Резервная копия записана: {path}"))
        self.stdout.write(
            f"Размер архива: {filesizeformat(path.stat().st_size)}; записей в базе данных: {manifest.total_records}; "
            f"файлов: {len(manifest.files)} ({filesizeformat(manifest.total_file_bytes)})."
        )
        if verbosity >= 2:
            for label, count in manifest.records.items():
                self.stdout.write(f"  {label}: {count}")
