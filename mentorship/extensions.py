"""What mentorship adds to the pages and records of the staff registry (people), registered from
the app config: its reference lists, the mentors and cooperation agreements of each organization,
the bank's badges and card on a person's pages, the bank's records in a person's
history, the warning when a mentor leaves, and who may read a mentee's difficulties."""

from django.db.models import Count, Q

from core import extensions
from people import history, services
from people.references import register_reference_list
from people.roles import roles_of

from .access import can_see_mentee_difficulties
from .models import Direction, Mentee, MenteeCategory, Mentor, MentoringForm, PublicationConsent, PublishableData
from .roles import BANK_KEEPERS, COOPERATION_RECORDERS
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


def _organization_cells(request, organization) -> dict:
    return {"can_record_cooperation": bool(roles_of(request.user) & COOPERATION_RECORDERS)}


def _with_mentors_and_agreements(organizations):
    return organizations.annotate(
        mentors=Count("people__mentor", filter=Q(people__mentor__is_active=True), distinct=True)
    ).prefetch_related("cooperation_agreements")


def register() -> None:
    register_reference_list("directions", Direction, order=10)
    register_reference_list("forms", MentoringForm, order=20)
    register_reference_list("mentee-categories", MenteeCategory, order=30)
    extensions.register(
        extensions.Extension(
            slot="people.organization.headers", template="mentorship/snippets/organization_headers.html"
        )
    )
    extensions.register(
        extensions.Extension(
            slot="people.organization.cells",
            template="mentorship/snippets/organization_cells.html",
            context=_organization_cells,
            queryset=_with_mentors_and_agreements,
        )
    )

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
    history.register_sensitive_reader(_may_read_difficulties)
    services.register_person_warnings(person_warnings)
