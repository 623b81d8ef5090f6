from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = "Итоги программ"

    def ready(self):
        """Both reports among what completion needs; the reports' card on a program's page, its PDF and
        its completion page; the reports a user owes on the home page."""
        from core import extensions
        from programs.completion import register_condition

        from .selectors import completion_reports, home_tasks, program_card, program_pdf
        from .services import missing_reports

        register_condition("results.reports", missing_reports, order=70)
        for slot, template, context in (
            ("programs.program.main", "results/snippets/program_card.html", program_card),
            ("programs.program.pdf", "results/snippets/program_pdf.html", program_pdf),
            ("programs.program.complete", "results/snippets/complete.html", completion_reports),
            ("dashboard.home.tasks", "results/snippets/home_tasks.html", home_tasks),
        ):
            extensions.register(extensions.Extension(slot=slot, template=template, context=context, order=60))
        from .reminders import register_sources

        register_sources()  # what its people are told (notices: the bell and the e-mail digest)
