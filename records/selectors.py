"""Reads of the records office, scoped to the user."""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from people.roles import STAFF_READERS, person_of, roles_of

from .models import Order

# Beyond the register's readers, who else reads an order: each returns the lookups of the orders
# about that user (a mentor's and a mentee's own pairs), registered by the issuing apps.
_AUDIENCES: list[Callable] = []


def register_audience(orders_about: Callable) -> None:
    """`orders_about(user)` -> filter keyword arguments selecting the orders about that user."""
    if orders_about not in _AUDIENCES:
        _AUDIENCES.append(orders_about)


def orders_for(user) -> QuerySet:
    """Orders: the register's readers see all; anyone else the orders about them and the registered
    orders they acquaint themselves with under signature."""
    base = Order.objects.select_related("organization", "created_by__person").order_by("-date", "-number", "-pk")
    if roles_of(user) & STAFF_READERS:
        return base
    person = person_of(user)
    registered = Q(status__in=[Order.Status.REGISTERED, Order.Status.SIGNED])
    about = Q(acquainted=person) & registered if person is not None else Q()
    for orders_about in _AUDIENCES:
        about |= Q(**orders_about(user))
    if not about:
        return base.none()
    return base.filter(about).distinct()
