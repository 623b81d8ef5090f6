from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Мониторинг и отчёты"

    def ready(self):
        """Monitoring and the annual report in the menu; the annual report's section of the head's queue."""
        from core import menu
        from mentorship import queue

        from .models import AnnualReport

        menu.register(
            menu.Entry("Мониторинг", "reports:monitoring", order=80, divider_before=True),
            menu.Entry("Итоговые аналитические отчёты", "reports:annual-list", order=81),
        )

        def waiting():
            return AnnualReport.objects.filter(status=AnnualReport.Status.AWAITING_APPROVAL)

        queue.register(
            queue.QueueSection(
                key="annual_reports",
                title="Итоговый аналитический отчёт",
                template="reports/queue.html",
                items=lambda: [{"report": report} for report in waiting()],
                pending=waiting,
                order=60,
            )
        )
