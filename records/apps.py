from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = "Делопроизводство"

    def ready(self):
        from core import menu
        from notices import decisions
        from people.roles import Role

        from .decisions import order_decisions
        from .models import Order

        decisions.register(Order, order_decisions)  # registered: its acquaintance sheet reads and signs it

        # The records office's list: a mentor or a mentee reaches the orders about them from the pair.
        menu.register(
            menu.Entry(
                "Приказы",
                "records:order-list",
                order=80,
                roles=frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL, Role.ADMIN}),
            )
        )
