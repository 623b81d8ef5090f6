from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = "Методические материалы"

    def ready(self):
        """The library in the menu, for everyone who may read it (the view's roles); its new materials
        on a mentor's and a mentee's home page."""
        from core import extensions, menu

        from .selectors import home_news

        extensions.register(
            extensions.Extension(
                slot="dashboard.home.tasks", template="materials/snippets/home_news.html", context=home_news, order=90
            )
        )

        menu.register(menu.Entry("Методические материалы", "materials:list", order=40))
