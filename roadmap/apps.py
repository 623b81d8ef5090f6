from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = "Дорожная карта"

    def ready(self):
        from mentorship import queue

        from .selectors import awaiting_approval, queue_items

        queue.register(
            queue.QueueSection(
                key="roadmap",
                title="Дорожная карта",
                template="roadmap/queue.html",
                items=queue_items,
                count=lambda: awaiting_approval().count(),
                order=20,
            )
        )
        from core import extensions
        from records import kinds

        from .selectors import order_annex
        from .services import ROADMAP_ORDER

        kinds.register(kinds.OrderKind(ROADMAP_ORDER, "Об утверждении дорожной карты", order=80))
        # The approved roadmap is the annex of its order: linked from the order's page.
        extensions.register(
            extensions.Extension(
                slot="records.order.side", template="roadmap/snippets/order_annex.html", context=order_annex, order=20
            )
        )
