from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = "Методическое объединение"

    def ready(self):
        """The council's protocol under a program's «СОГЛАСОВАНО», and the meetings in the menu."""
        from core import menu
        from programs.agreement import register_council_basis

        from .selectors import program_protocol_basis

        register_council_basis(program_protocol_basis)
        menu.register(menu.Entry("Заседания МО", "council:meeting-list", order=35))
