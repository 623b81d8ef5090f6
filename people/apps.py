from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Сотрудники и организации"

    def ready(self):
        from .models import Position
        from .references import register_reference_list

        register_reference_list("positions", Position, order=40)
        from core import menu

        from .roles import Role

        menu.register(
            menu.Entry("Сотрудники", "people:person-list", place=menu.MAIN, order=10, section="/bank/people/"),
            menu.Entry("Организации", "people:organization-list", order=100),
            menu.Entry("Справочники", "people:reference-list", url_args=("directions",), order=110),
            menu.Entry("Загрузка списка сотрудников", "people:import", order=120),
            menu.Entry("Настройки организации", "people:organization-settings", order=160),
            # Django's admin is no view of ours: the system administrator alone is let in.
            menu.Entry(
                "Администрирование", "admin:index", order=900, roles=frozenset({Role.ADMIN}), divider_before=True
            ),
        )
