from django.apps import AppConfig


class MentorshipConfig(AppConfig):
    name = "mentorship"
    verbose_name = "Банк наставничества"

    def ready(self):
        """What mentorship puts into the layers below it: the rules of its roles (people.roles), its
        parts of the staff registry's pages and history (extensions.py), its kinds of orders
        (order_kinds.py), and the pairs' section of the head's queue."""
        from . import extensions, order_kinds, queue, roles
        from .models import Pairing
        from .views.queue import pairing_queue_items

        roles.register_rules()
        extensions.register()
        order_kinds.register()
        queue.register(
            queue.QueueSection(
                key="pairings",
                title="Пары и группы",
                template="mentorship/queue/pairings.html",
                items=pairing_queue_items,
                count=lambda: Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL).count(),
                order=10,
            )
        )
