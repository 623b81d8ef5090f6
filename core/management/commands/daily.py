import logging

from django.core.management.base import BaseCommand, CommandError

from core import daily

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Ежедневные дела приложений: пары начинаются в дату начала, уходят письма с уведомлениями и др."

    def handle(self, *args, **options):
        failed = []
        for job in daily.jobs():
            # One job's failure is logged and the others still run; the command then fails, so the
            # systemd unit is marked failed and the job runs again tomorrow.
            try:
                self.stdout.write(job.run())
            except Exception:
                logger.exception("Ежедневное дело «%s» не выполнено", job.name)
                failed.append(job.name)
        if failed:
            raise CommandError(f"Не выполнены: {', '.join(failed)}.")
