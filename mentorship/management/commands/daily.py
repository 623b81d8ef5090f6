from django.core.management.base import BaseCommand

from mentorship.services.pair_orders import pairings_activate_due


class Command(BaseCommand):
    help = "Ежедневные дела: пары, закреплённые приказом, начинаются в дату начала."

    def handle(self, *args, **options):
        started = pairings_activate_due()
        self.stdout.write(f"Начались пары: {started}.")
