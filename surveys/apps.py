from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = "Анкеты"

    def ready(self):
        """The survey card on a program's page and in its PDF, the end surveys among what completion
        needs, the user's surveys on the home page, and the needs survey on the bank refresh page."""
        from core import extensions
        from programs.completion import register_condition

        from .selectors import home_tasks, missing_end_surveys, program_card, program_pdf, refresh_needs

        register_condition("surveys.end", missing_end_surveys, order=50)
        for slot, template, context in (
            ("programs.program.main", "surveys/snippets/program_card.html", program_card),
            ("programs.program.pdf", "surveys/snippets/program_pdf.html", program_pdf),
            ("dashboard.home.tasks", "surveys/snippets/home_tasks.html", home_tasks),
            ("mentorship.refresh.main", "surveys/snippets/refresh_needs.html", refresh_needs),
        ):
            extensions.register(extensions.Extension(slot=slot, template=template, context=context, order=50))
        from core import menu

        menu.register(
            menu.Entry("Анкеты", "surveys:list", order=60),
            menu.Entry("Итоги анкетирования", "surveys:summary", order=70),
        )
        from .reminders import register_sources

        register_sources()  # what its people are told (notices: the bell and the e-mail digest)
