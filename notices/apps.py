from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Уведомления"

    def ready(self):
        """The daily letter with new notices is one of the daily run's jobs (core.daily)."""
        from core import daily

        from .services import digests_send

        daily.register(daily.Job("notices-digest", lambda: str(digests_send()), order=50))
