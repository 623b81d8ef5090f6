import sys

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from core.backup import BackupError, Manifest, restore_backup

YES = {"да", "д", "yes", "y"}


class Command(BaseCommand):
    help = (
        "Восстанавливает базу данных и загруженные файлы из архива команды backup. Все текущие данные "
        "заменяются. Архив сначала проверяется целиком: повреждённый ничего не меняет."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", metavar="АРХИВ", help="архив .tar.gz, записанный командой backup")
        parser.add_argument(
            "--yes", action="store_true", help="не спрашивать подтверждения (для сценариев, где нет терминала)"
        )

    def handle(self, *args, archive, yes=False, **options):
        # Without a terminal nobody can answer the question: replacing everything by accident
        # (a script, a timer, CI) is worse than refusing.
        if not yes and not (sys.stdin is not None and sys.stdin.isatty()):
            raise CommandError(
                "Восстановление заменяет все данные, а подтвердить его некому (нет терминала). "
                "Если так и задумано, запустите с --yes. Ничего не изменено."
            )
        try:
            manifest = restore_backup(archive, confirm=None if yes else self.confirm)
        except BackupError as error:
            raise CommandError(str(error)) from error
        made = f"{manifest.created:%d.%m.%Y %H:%M}"
        self.stdout.write(self.style.SUCCESS(f"Восстановлено из архива {archive} от {made}."))
        self.stdout.write(
            f"Записей в базе данных: {manifest.total_records}; файлов: {len(manifest.files)} "
            f"({filesizeformat(manifest.total_file_bytes)}). Все сеансы закрыты: пользователи входят заново."
        )

    def confirm(self, manifest: Manifest) -> bool:
        self.stdout.write(
            f"Архив проверен: сделан {manifest.created:%d.%m.%Y %H:%M}, записей {manifest.total_records}, "
            f"файлов {len(manifest.files)} ({filesizeformat(manifest.total_file_bytes)})."
        )
        answer = input(
            "Все текущие данные будут заменены данными из архива: записи базы данных и загруженные файлы. "
            "Продолжить? Введите «да»: "
        )
        return answer.strip().lower() in YES
