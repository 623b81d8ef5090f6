"""What each role sees on the home page, in a fixed number of queries whatever the bank's size."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from mentorship.models import CouncilMembership, Mentee, Mentor, Pairing, PairingTransition
from mentorship.selectors import last_refresh, mentees_for, mentors_for, refresh_is_due
from people.models import Organization, Person, employed_q, pedagogical_staff_q
from people.roles import Role, person_of, roles_of
from programs.progress import awaiting_confirmation, home_programs
from roadmap.selectors import home_context as roadmap_home_context

from .roles import ALL_PROGRAMS, PAIR_MAKERS

WITHOUT_MENTOR_SHOWN = 10


def bank_summary() -> dict:
    """Counts for the head, the curator and the council."""
    today = timezone.localdate()
    people = Person.objects.aggregate(
        staff=Count("pk", filter=Q(organization__kind="own") & employed_q(today)),
        pedagogical=Count("pk", filter=pedagogical_staff_q(today)),
    )
    mentors = Mentor.objects.filter(is_active=True).aggregate(
        total=Count("pk"), without_consent=Count("pk", filter=Q(consent_given_on__isnull=True))
    )
    # Mentees in a current pair, as one uncorrelated subquery: the database reads it once for the whole
    # bank (a correlated EXISTS per mentee cost PostgreSQL 70 ms for a municipality's 1,000 mentees).
    # The through table, so that no NULL (a pair without mentees) can enter the NOT IN.
    paired = Pairing.mentees.through.objects.filter(pairing__status__in=Pairing.CURRENT_STATUSES).values("mentee_id")
    mentees = Mentee.objects.filter(is_active=True).aggregate(
        total=Count("pk"),
        without_consent=Count("pk", filter=Q(consent_given_on__isnull=True)),
        without_mentor=Count("pk", filter=~Q(pk__in=paired)),
    )
    return {
        "staff": people["staff"],
        "pedagogical": people["pedagogical"],
        "mentors": mentors["total"],
        "mentors_without_consent": mentors["without_consent"],
        "mentees": mentees["total"],
        "mentees_without_consent": mentees["without_consent"],
        "mentees_without_mentor": mentees["without_mentor"],
        "pairs": Pairing.objects.in_force_on(today).count(),
    }


def home_context(user) -> dict:
    roles = roles_of(user)
    person = person_of(user)
    context = {
        "person": person,
        "roles": roles,
        # What the template shows, decided here from the role sets (dashboard/roles.py).
        "sections": {
            "all_programs": bool(roles & ALL_PROGRAMS),
            "waiting": bool(roles & PAIR_MAKERS),
            "waiting_title": "Куратор" if Role.CURATOR in roles else "Методическое объединение",
            "mentor": Role.MENTOR in roles,
            "mentee": Role.MENTEE in roles,
            "admin": Role.ADMIN in roles,
        },
    }
    if roles & {Role.HEAD, Role.CURATOR, Role.COUNCIL}:
        context["summary"] = bank_summary()
    if roles & {Role.CURATOR, Role.COUNCIL}:
        context["waiting_mentees"] = list(
            mentees_for(user).filter(is_active=True, has_mentor=False).order_by("added_on", "pk")[:WITHOUT_MENTOR_SHOWN]
        )
    if Role.CURATOR in roles and (own := Organization.own()) is not None:
        context["last_refresh"] = last_refresh(own)
        context["refresh_due"] = refresh_is_due(context["last_refresh"])
    if roles & {Role.CURATOR, Role.COUNCIL}:
        context["returned_pairs"] = list(
            Pairing.objects.filter(status=Pairing.Status.RETURNED)
            .select_related("mentor__person", "direction")
            .prefetch_related(
                "mentees__person",
                Prefetch(
                    "transitions",
                    queryset=PairingTransition.objects.filter(target=Pairing.Status.RETURNED).order_by("-at"),
                    to_attr="returns",
                ),
            )
        )
    if Role.HEAD in roles:
        context["council_proposals"] = CouncilMembership.objects.filter(
            status=CouncilMembership.Status.PROPOSED
        ).count()
    if Role.MENTOR in roles and person is not None:
        context["my_mentees"] = list(
            mentees_for(user)
            .filter(pairings__mentor__person=person, pairings__status__in=Pairing.CURRENT_STATUSES)
            .distinct()
        )
    if Role.MENTEE in roles and person is not None:
        context["my_mentors"] = list(mentors_for(user).exclude(person=person))
    if roles & {Role.HEAD, Role.CURATOR, Role.MENTOR, Role.MENTEE}:
        # Programs in work with their progress and overdue items: the head and the curator see the
        # first few and the counts of all (programs.progress.home_programs), in the same queries for any number.
        programs = home_programs(user)
        context["programs_all"] = programs["all"]
        context["programs_all_count"] = programs["all_count"]
        context["programs_overdue"] = programs["all_overdue"]
        context["programs_mine"] = programs["mine"]
        context["programs_as_mentee"] = programs["as_mentee"]
    if Role.MENTEE in roles and person is not None:
        context["awaiting_confirmation"] = awaiting_confirmation(user)
    context.update(roadmap_home_context(user))
    return context
