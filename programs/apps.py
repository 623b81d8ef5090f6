from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = "Программы наставничества"

    def ready(self):
        """Programs' sections of the head's queue, the forms of plan activities among the reference
        lists, the order of release from duty, a pair's programs on the pair's page, and the person's
        plan, log and meetings in their calendar feed."""
        from core import extensions
        from people.references import register_reference_list
        from records import kinds

        from . import signals  # noqa: F401 — programs end with their pair
        from .journal import pair_journal
        from .models import ActivityForm, Program
        from .queue_programs import register_queue
        from .queue_releases import register as register_releases_queue
        from .reminders import register_sources
        from .selectors import pair_programs
        from .services.releases import RELEASE_ORDER, release_appointed_by, release_back_from, release_granted_by

        register_sources()  # what mentors, mentees and the curator are told (notices)
        from notices import decisions

        from .decisions import program_decisions

        decisions.register(Program, program_decisions)  # approved, returned with a comment
        register_queue()  # programs awaiting the head's approval (order 30)
        register_releases_queue()  # requests for release from duty, 1.4 (order 40)
        register_reference_list("activity-forms", ActivityForm, order=50)
        # The release takes effect when its order is registered (services.releases), not on approval.
        kinds.register(
            kinds.OrderKind(
                RELEASE_ORDER,
                "Об освобождении от работы для участия в мероприятии",
                order=90,
                appointments=release_appointed_by,
                on_register=release_granted_by,
                on_void=release_back_from,  # a withdrawn project's request is back in the queue
            )
        )
        extensions.register(
            extensions.Extension(
                slot="mentorship.pairing.side", template="programs/snippets/pair_programs.html", context=pair_programs
            )
        )
        extensions.register(
            extensions.Extension(
                slot="mentorship.pairing.side", template="programs/snippets/pair_journal.html", context=pair_journal
            )
        )
        from core import menu
        from feeds import sources

        from .calendar import program_events

        sources.register("programs", program_events)  # plan deadlines, end dates, the log in «Мой календарь»
        menu.register(
            menu.Entry("Программы", "programs:program-list", place=menu.MAIN, order=60, section="/programs/"),
            menu.Entry("Разовые встречи", "programs:meeting-list", order=30),
            menu.Entry("Освобождение от работы", "programs:release-list", order=40),
        )
