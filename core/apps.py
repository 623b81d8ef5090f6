from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Общие службы"

    def ready(self):
        from . import lookups  # noqa: F401 — registers the lookups
