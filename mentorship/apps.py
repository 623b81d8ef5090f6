from django.apps import AppConfig


class MentorshipConfig(AppConfig):
    name = "mentorship"
    verbose_name = "Банк наставничества"

    def ready(self):
        """What mentorship puts into the layers below it: the rules of its roles (people.roles), its
        parts of the staff registry's pages and history (extensions.py), its kinds of orders
        (order_kinds.py), the pairs' section of the head's queue, the end of one's pairs in the calendar,
        and what the head and the curator are told."""
        from . import extensions, order_kinds, queue, reminders, roles
        from .models import Pairing
        from .views.queue import pairing_queue_items

        roles.register_rules()
        from feeds import sources

        from .calendar import pairing_events

        sources.register("mentorship", pairing_events)  # the end of the person's pairs in «Мой календарь»
        extensions.register()
        order_kinds.register()
        # The approval order fixes its pairs when it is registered, not when the head approves (pair_orders).
        from records import kinds

        from .services.orders import PAIRING
        from .services.pair_orders import pairings_appointed_by, pairings_fixed_by

        kinds.extend(PAIRING, appointments=pairings_appointed_by, on_register=pairings_fixed_by)
        from .services.order_projects import pairings_released_by

        kinds.extend(PAIRING, on_void=pairings_released_by)  # a withdrawn project's pairs go back to the queue
        # A replacement, an extension, an early end: the pair changes when the order is registered.
        from .services.orders import EXTENSION, REPLACEMENT, TERMINATION
        from .services.pair_orders import pair_change_registered, pair_change_withdrawn

        for kind in (REPLACEMENT, EXTENSION, TERMINATION):
            kinds.extend(kind, on_register=pair_change_registered, on_void=pair_change_withdrawn)
        # What the head and the curator are told (the notification centre and the e-mail digest).
        reminders.register_sources()
        from notices import decisions as told

        from .decisions import pairing_decisions

        told.register(Pairing, pairing_decisions)
        # The daily run (core.daily, `manage.py daily`): pairs fixed by an order start on their start date.
        from core import daily

        from .services.pair_orders import pairings_activate_due

        daily.register(daily.Job("pairs-start", lambda: f"Начались пары: {pairings_activate_due()}.", order=10))
        from django.utils import timezone

        from .payroll import payroll_prepare

        # After the day's changes of pairs: the pay lists of this month and the last one, written ahead.
        daily.register(daily.Job("payroll-pdf", lambda: payroll_prepare(timezone.localdate()), order=90))
        queue.register(
            queue.QueueSection(
                key="pairings",
                title="Пары и группы",
                template="mentorship/queue/pairings.html",
                items=pairing_queue_items,
                pending=lambda: Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL),
                order=10,
            )
        )
        from core import menu

        menu.register(
            menu.Entry("Наставники", "mentorship:mentor-list", place=menu.MAIN, order=20, section="/bank/mentors/"),
            menu.Entry("Наставляемые", "mentorship:mentee-list", place=menu.MAIN, order=30, section="/bank/mentees/"),
            menu.Entry(
                "На утверждение",
                "mentorship:approval-queue",
                place=menu.MAIN,
                order=40,
                section="/bank/queue/",
                count=queue.pending_count,
            ),
            menu.Entry("Пары", "mentorship:pairing-list", place=menu.MAIN, order=50, section="/bank/pairs/"),
            menu.Entry("Куратор и методическое объединение", "mentorship:governance", order=90),
            # Every employee reads the rules they work by.
            menu.Entry("Положение о наставничестве", "mentorship:regulation-list", order=95, for_every_employee=True),
            menu.Entry("Кому нужен наставник", "mentorship:refresh", order=130),
            menu.Entry("Выгрузка банка в Excel", "mentorship:export-log", order=140),
            menu.Entry("Доплата наставникам за месяц", "mentorship:payroll", order=150),
        )
