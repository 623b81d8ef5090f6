from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = "Уведомления"

    def ready(self):
        """The daily letter with new notices is one of the daily run's jobs (core.daily); decisions about
        a person are stored when a life cycle moves (core.lifecycle.moved) and shown as a source."""
        from core import daily
        from core.lifecycle import moved
        from people.roles import EVERYONE

        from . import decisions, sources
        from .selectors import stored
        from .services import digests_send

        daily.register(daily.Job("notices-digest", lambda: str(digests_send()), order=50))
        moved.connect(decisions.record, dispatch_uid="notices-decisions")
        about_you = decisions.DECISIONS
        sources.register(sources.Source(about_you, "Решения о вас", EVERYONE, stored(about_you), order=5))
