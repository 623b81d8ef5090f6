"""What happens to the pairs of an approval order's project the head withdraws (records.services.
order_void, the kind's `on_void`).

The project held its pairs by its link alone (pair_orders.approval_projects reads the projects not yet
registered): the pairs stayed «на утверждении» while it waited, and once it is withdrawn they are back
in the head's queue, to be approved again into a new project, returned to the curator or left waiting.
Nothing of their state changes (their record is not saved again for nothing); each pair's log of
moves, which its page shows, says the project was withdrawn and why."""

from django.db import transaction

from accounts.models import User
from records.models import Order

from ..models import Pairing

__all__ = ["pairings_released_by"]


@transaction.atomic
def pairings_released_by(order: Order, actor: User) -> None:
    """The approval order's project is withdrawn: its pairs return to the head's approval queue."""
    pairings = Pairing.objects.select_for_update().filter(orders=order).order_by("pk")
    for pairing in pairings:
        pairing.log_transition(
            pairing.status,
            pairing.status,
            actor,
            f"Проект приказа от {order.date:%d.%m.%Y} отозван ({order.void_reason}): пара снова ждёт утверждения",
        )
