"""The head's queue: requests for release from duty (1.4) waiting for a decision.

Registered from ProgramsConfig.ready; the section's forms post to programs:release-approve /
release-refuse, which come back to mentorship:approval-queue.
"""

from mentorship import queue

from .models import ReleaseRequest


def release_queue_items() -> list[dict]:
    """Pending requests, oldest event first, in one query. The staff the head may name as substitute
    are not listed here: a kindergarten's whole staff under every request made the queue grow with
    both; the head picks another substitute on the request's own page (programs:release-approve)."""
    releases = ReleaseRequest.objects.filter(status=ReleaseRequest.Status.REQUESTED).select_related(
        "person__position", "substitute__position", "item", "program__pairing__mentor__person", "requested_by", "order"
    )
    return [{"release": release} for release in releases.order_by("date", "pk")]


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
