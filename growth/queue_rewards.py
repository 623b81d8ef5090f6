"""The rewards' section of the head's queue (mentorship/queue.py): the curator's proposals to reward
mentors, waiting for the head. He approves one by the order «О поощрении наставников» (a project he
then registers; the queue shows it waiting for the registration) or returns it with a comment; the
buttons post to growth:proposal-approve and growth:proposal-move."""

from django.db.models import QuerySet

from mentorship import queue

from .models import RewardProposal


def awaiting_approval() -> QuerySet:
    return RewardProposal.objects.filter(status=RewardProposal.Status.PROPOSED)


def reward_queue_items() -> list:
    return list(
        awaiting_approval()
        .select_related("proposed_by__person", "order")
        .prefetch_related("mentors__person__position", "programs")
        .order_by("proposed_at", "pk")
    )


def register_queue() -> None:
    queue.register(
        queue.QueueSection(
            key="rewards",
            title="Поощрение наставников",
            template="growth/queue_rewards.html",
            items=reward_queue_items,
            pending=awaiting_approval,
            order=60,
        )
    )
