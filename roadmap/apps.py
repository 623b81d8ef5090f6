from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = "Дорожная карта"

    def ready(self):
        """The roadmap's section of the head's queue, its kind of order, and the annex on that
        order's page, and the activities in the calendar of those responsible."""
        from core import extensions
        from mentorship import queue
        from records import kinds

        from .selectors import awaiting_approval, order_annex, queue_items
        from .services import ROADMAP_ORDER, roadmap_approved_by, roadmap_back_from

        queue.register(
            queue.QueueSection(
                key="roadmap",
                title="Дорожная карта",
                template="roadmap/queue.html",
                items=queue_items,
                pending=awaiting_approval,
                order=20,
            )
        )
        # The roadmap is approved when its order is registered (services.roadmap_approved_by); a
        # withdrawn project leaves it awaiting approval again (services.roadmap_back_from).
        kinds.register(
            kinds.OrderKind(
                ROADMAP_ORDER,
                "Об утверждении дорожной карты",
                order=80,
                on_register=roadmap_approved_by,
                on_void=roadmap_back_from,
            )
        )
        extensions.register(
            extensions.Extension(
                slot="records.order.side", template="roadmap/snippets/order_annex.html", context=order_annex, order=20
            )
        )
        from feeds import sources

        from .calendar import activity_events

        sources.register("roadmap", activity_events)  # one's activities in «Мой календарь»
        from core import menu

        menu.register(menu.Entry("Дорожная карта", "roadmap:list", order=50))
        from .reminders import register_sources

        register_sources()  # what its people are told (notices: the bell and the e-mail digest)
