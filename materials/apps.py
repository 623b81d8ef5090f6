from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "materials"
    verbose_name = "Методические материалы"

    def ready(self):
        """The library in the menu, for everyone who may read it (the view's roles)."""
        from core import menu

        menu.register(menu.Entry("Методические материалы", "materials:list", order=40))
