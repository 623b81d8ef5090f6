from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = "Портфолио наставника"

    def ready(self):
        """«Моё портфолио» in a mentor's menu; for the head and the curator a link on a mentor's card
        and in the bank of mentors (lower pages name no portfolio: they declare the slots)."""
        from core import extensions, menu

        from .selectors import mentor_row, person_card

        menu.register(menu.Entry("Моё портфолио", "portfolio:mine", order=12))
        card = extensions.Extension(
            slot="people.person.card", template="portfolio/snippets/person_card.html", context=person_card, order=110
        )
        extensions.register(card)
        for slot, template in (
            ("mentorship.mentor.row", "portfolio/snippets/mentor_row.html"),
            ("mentorship.mentor.actions", "portfolio/snippets/mentor_actions.html"),
        ):
            extensions.register(extensions.Extension(slot=slot, template=template, context=mentor_row))
