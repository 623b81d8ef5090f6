"""The head's queue: requests for release from duty (1.4) waiting for a decision.

Registered from ProgramsConfig.ready; the section's forms post to programs:release-approve /
release-refuse, which come back to mentorship:approval-queue.
"""

from mentorship import queue
from people.models import Organization, Person

from .models import ReleaseRequest


def release_queue_items() -> list[dict]:
    """Pending requests, oldest event first, each with the staff the head may name as substitute
    (one list for all of them: two queries in all)."""
    releases = list(
        ReleaseRequest.objects.filter(status=ReleaseRequest.Status.REQUESTED)
        .select_related(
            "person__position", "substitute__position", "item", "program__pairing__mentor__person", "requested_by"
        )
        .order_by("date", "pk")
    )
    if not releases:
        return []
    own = Organization.own()
    staff = list(
        Person.objects.working()
        .filter(organization=own)
        .select_related("position")
        .order_by("last_name", "first_name", "middle_name", "pk")
    )
    return [
        {"release": release, "substitutes": [person for person in staff if person.pk != release.person_id]}
        for release in releases
    ]


def pending_releases():
    return ReleaseRequest.objects.filter(status=ReleaseRequest.Status.REQUESTED)


def register() -> None:
    queue.register(
        queue.QueueSection(
            key="releases",
            title="Освобождение от работы",
            template="programs/log/queue_releases.html",
            items=release_queue_items,
            pending=pending_releases,
            order=40,
        )
    )
