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
