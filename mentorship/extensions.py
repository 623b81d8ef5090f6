"""What mentorship adds to the pages and records of the staff registry (people), registered from
the app config: the bank's badges and card on a person's pages, the bank's records in a person's
history, the warning when a mentor leaves, and who may read a mentee's difficulties."""

from core import extensions
from people import history, services, views
from people.roles import roles_of

from .access import can_see_mentee_difficulties
from .roles import BANK_KEEPERS
from .selectors import publication_consents_of
from .services.bank import mentor_warnings, person_warnings


def _person_card(request, person) -> dict:
    mentor = getattr(person, "mentor", None)
    mentee = getattr(person, "mentee", None)
    return {
        "mentor": mentor,
        "mentee": mentee,
        "mentor_warnings": mentor_warnings(mentor) if mentor else [],
        "show_difficulties": mentee is not None and can_see_mentee_difficulties(request.user, mentee),
        "publication_consents": publication_consents_of(person),
        "can_edit": bool(roles_of(request.user) & BANK_KEEPERS),
    }


def _may_read_difficulties(user, person) -> bool:
    mentee = getattr(person, "mentee", None)
    return mentee is None or can_see_mentee_difficulties(user, mentee)


def register() -> None:
    from .models import Mentee, Mentor, PublicationConsent, PublishableData

    extensions.register(
        extensions.Extension(
            slot="people.person.badges",
            template="mentorship/snippets/person_badges.html",
            queryset=lambda people: people.select_related("mentor", "mentee"),
        )
    )
    extensions.register(
        extensions.Extension(
            slot="people.person.card", template="mentorship/snippets/person_bank.html", context=_person_card
        )
    )
    history.register_source(
        history.HistorySource(
            "Банк наставников", Mentor, lambda person: Mentor.history.filter(person_id=person.pk), order=10
        )
    )
    history.register_source(
        history.HistorySource(
            "Банк наставляемых",
            Mentee,
            lambda person: Mentee.history.filter(person_id=person.pk),
            sensitive=Mentee.SENSITIVE_FIELDS,
            order=20,
        )
    )
    history.register_source(
        history.HistorySource(
            "Согласие на публикацию",
            PublicationConsent,
            lambda person: PublicationConsent.history.filter(person_id=person.pk),
            json_labels={"data": dict(PublishableData.choices)},
            order=30,
        )
    )
    views.register_sensitive_reader(_may_read_difficulties)
    services.register_person_warnings(person_warnings)
