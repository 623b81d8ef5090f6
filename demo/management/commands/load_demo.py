from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.kindergarten import load_demo


class Command(BaseCommand):
    help = "Загружает демонстрационный детский сад «Ласточка» (повторный запуск ничего не дублирует)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Демонстрационные данные с паролем «demo» загружаются только в режиме разработки (DJANGO_DEBUG=1)."
            )
        added = load_demo()
        if any(added.values()):
            details = ", ".join(f"{name}: {count}" for name, count in added.items() if count)
            self.stdout.write(self.style.SUCCESS(f"Демо-детский сад «Ласточка» загружен ({details})."))
        else:
            self.stdout.write("Демо-детский сад «Ласточка» уже загружен: ничего не добавлено.")
