from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Методическое объединение"

    def ready(self):
        """The council's protocol under a program's «СОГЛАСОВАНО», its reviews on the program's page, the
        programs a member reads, the meetings and reviews in the menu, the meetings in the calendar."""
        from core import extensions, menu
        from mentorship.order_bases import register_provider
        from people.roles import Role
        from programs.agreement import register_council_basis
        from programs.selectors import register_scope

        from .selectors import (
            appeal_order_bases,
            appeals_home,
            council_program_scope,
            pair_appeals,
            program_protocol_basis,
            program_reviews,
        )

        register_council_basis(program_protocol_basis)
        from feeds import sources

        from .calendar import meeting_events

        sources.register("council", meeting_events)  # the meetings in their readers' «Мой календарь»
        # A member reads the programs under their review and on the agenda of their meetings only.
        register_scope(Role.COUNCIL, council_program_scope)
        extensions.register(
            extensions.Extension(
                slot="programs.program.side",
                template="council/snippets/program_reviews.html",
                context=program_reviews,
                order=20,
            )
        )
        # Mediation: the council's decision to replace a mentor or end a pair waits on the pair's page
        # for the head's order; the sides write appeals from the pair's page.
        register_provider(appeal_order_bases)
        extensions.register(
            extensions.Extension(
                slot="mentorship.pairing.side",
                template="council/snippets/pair_appeals.html",
                context=pair_appeals,
                order=30,
            )
        )
        extensions.register(
            extensions.Extension(
                slot="dashboard.home.tasks",
                template="council/snippets/home_appeals.html",
                context=appeals_home,
                order=35,
            ),
        )
        menu.register(
            menu.Entry("Заседания МО", "council:meeting-list", order=35),
            menu.Entry("Рецензии на программы", "council:review-list", order=36),
            menu.Entry("Обращения в МО", "council:appeal-list", order=37),
        )
        from .reminders import register_sources

        register_sources()  # what its people are told (notices: the bell and the e-mail digest)
