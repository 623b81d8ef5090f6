from django.apps import AppConfig


class MentorshipConfig(AppConfig):
    name = "mentorship"
    verbose_name = "Банк наставничества"

    def ready(self):
        from . import extensions, order_kinds, queue, roles

        roles.register_rules()
        extensions.register()
        order_kinds.register()
        from .models import Pairing
        from .views.queue import pairing_queue_items

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
