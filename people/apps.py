from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Сотрудники и организации"

    def ready(self):
        from .models import Position
        from .references import register_reference_list

        register_reference_list("positions", Position, order=40)
