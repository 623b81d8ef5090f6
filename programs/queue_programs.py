"""The programs' section of the head's queue (mentorship/queue.py): programs under review that every
required side has agreed — the curator, and the council where there is one. The head approves or
returns them from the queue; the buttons post to programs:program-move."""

from django.db.models import Exists, Q

from mentorship import queue
from mentorship.models import CouncilMembership

from .models import Program


def ready_for_approval():
    """Programs awaiting the head: agreed by the curator and, if a council exists, by the council."""
    no_council = ~Exists(CouncilMembership.objects.filter(status=CouncilMembership.Status.MEMBER).values("pk"))
    return Program.objects.filter(
        Q(council_agreed_at__isnull=False) | no_council,
        status=Program.Status.REVIEW,
        curator_agreed_at__isnull=False,
    )


def program_queue_items() -> list[dict]:
    programs = (
        ready_for_approval()
        .select_related("pairing__mentor__person", "pairing__direction", "curator_agreed_by", "council_agreed_by")
        .prefetch_related("pairing__mentees__person", "items")
        .order_by("curator_agreed_at", "pk")
    )
    return [{"program": program, "items_count": len(program.items.all())} for program in programs]


def register_queue() -> None:
    queue.register(
        queue.QueueSection(
            key="programs",
            title="Персонализированные программы",
            template="programs/queue_programs.html",
            items=program_queue_items,
            pending=ready_for_approval,
            order=30,
        )
    )
