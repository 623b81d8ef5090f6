"""What the records office tells (notices.decisions): when an order is registered, each person on its
acquaintance sheet who reads orders in the application is asked to read it and sign the sheet."""

from notices.decisions import Told
from people.roles import roles_of

from .models import Order
from .roles import ORDER_READERS


def order_decisions(order: Order, source, target, comment) -> list[Told]:
    if target != Order.Status.REGISTERED:
        return []
    text = (
        f"Ознакомьтесь с приказом от {order.date:%d.%m.%Y} № {order.number_text} «{order.heading}» "
        "и распишитесь в листе ознакомления"
    )
    url = order.get_absolute_url()
    return [
        Told(person.user_id, text, url)
        for person in order.acquainted.select_related("user")
        if person.user_id is not None and person.user.is_active and roles_of(person.user) & ORDER_READERS
    ]
