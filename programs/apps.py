from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = "Программы наставничества"

    def ready(self):
        from people.references import register_reference_list

        from . import signals  # noqa: F401 — programs end with their pair
        from .models import ActivityForm
        from .queue_programs import register_queue
        from .queue_releases import register as register_releases_queue

        register_queue()  # programs awaiting the head's approval (order 30)
        register_releases_queue()  # requests for release from duty, 1.4 (order 40)
        # The curator extends the forms of plan activities like the other reference lists.
        register_reference_list("activity-forms", ActivityForm, order=50)

        from records import kinds

        from .services.releases import RELEASE_ORDER

        kinds.register(kinds.OrderKind(RELEASE_ORDER, "Об освобождении от работы для участия в мероприятии", order=90))

        from core import extensions

        from .selectors import pair_programs

        # A pair's page links its programs.
        extensions.register(
            extensions.Extension(
                slot="mentorship.pairing.side", template="programs/snippets/pair_programs.html", context=pair_programs
            )
        )
