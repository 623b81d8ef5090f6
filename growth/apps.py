from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "growth"
    verbose_name = "Профессиональный рост и поощрение"

    def ready(self):
        """The rewards' section of the head's queue, the order «О поощрении наставников», the growth
        section on a person's card and her records in her history, the tasks on the home page."""
        from core import extensions
        from records import kinds

        from .history import register_person_history
        from .queue_rewards import register_queue
        from .selectors import home_tasks, person_card
        from .services import REWARD_ORDER, rewards_back_from, rewards_granted_by, rewards_table_on_date

        register_queue()  # proposals to reward mentors (order 60)
        from .reminders import register_sources

        register_sources()  # records to confirm and returned ones (notices: the bell and the e-mail digest)
        register_person_history()  # the person's records on her history page, for the head and the curator
        kinds.register(
            kinds.OrderKind(
                REWARD_ORDER,
                "О поощрении наставников",
                table=kinds.OrderTable(
                    page_template="growth/orders/rewards_table_page.html",
                    pdf_template="growth/orders/rewards_table_pdf.html",
                    docx=rewards_table_docx,
                    rows=rewards_table_on_date,
                ),
                order=95,
                # A project first: the reward takes effect when the head registers it (services).
                on_register=rewards_granted_by,
                on_void=rewards_back_from,
            )
        )
        extensions.register(
            extensions.Extension(
                slot="people.person.card", template="growth/snippets/person_card.html", context=person_card, order=60
            )
        )
        extensions.register(
            extensions.Extension(
                slot="dashboard.home.tasks", template="growth/snippets/home_tasks.html", context=home_tasks, order=60
            )
        )
        from core import menu

        menu.register(
            menu.Entry("Мои достижения", "growth:my", order=10, for_every_employee=True),
            menu.Entry("Поощрение наставников", "growth:rewards", order=20),
        )


def rewards_table_docx(rows: list[dict]) -> tuple[list[str], list[list[str]], list[int]]:
    """The table of the order «О поощрении наставников», as the DOCX copy prints it."""
    headers = ["№ п/п", "ФИО наставника", "Должность", "Поощрение", "Основание"]
    cells = [
        [str(number), row["mentor"], row["position"], row["reward"], row["reason"]]
        for number, row in enumerate(rows, start=1)
    ]
    return headers, cells, [10, 40, 30, 35, 50]
