from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Методическое объединение"

    def ready(self):
        """The council's protocol under a program's «СОГЛАСОВАНО», its reviews on the program's page, the
        programs a member reads, and the meetings and reviews in the menu."""
        from core import extensions, menu
        from people.roles import Role
        from programs.agreement import register_council_basis
        from programs.selectors import register_scope

        from .selectors import council_program_scope, program_protocol_basis, program_reviews

        register_council_basis(program_protocol_basis)
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
        menu.register(
            menu.Entry("Заседания МО", "council:meeting-list", order=35),
            menu.Entry("Рецензии на программы", "council:review-list", order=36),
        )
