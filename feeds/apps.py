from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "Календарь"

    def ready(self):
        """«Мой календарь» in the menu of every employee; the events come from the apps above, which
        register their sources (feeds.sources) from their own ready()."""
        from core import menu

        menu.register(menu.Entry("Мой календарь", "feeds:calendar", order=12, for_every_employee=True))
