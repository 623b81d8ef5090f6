"""The journal's rules: when registering an order departs from the journal and needs the head's reason.

Orders are numbered within the journal of their organization and year (records.models.OrderJournal),
so numbers and dates must run the same way and an order must not reach into the past unnoticed. The
head registers an order; when it breaks any of the rules below, the page of the order says so in
plain Russian before the button, and registration needs a reason typed by the head:

1. **Out of the journal's order.** The order's date is earlier than the date of the latest order
   already registered in the same journal (organization, year): 4-ОД of 28.08.2026 would stand after
   3-ОД of 30.11.2026. A clerk reading the paper journal sees a back-dated entry.
2. **A retroactive date.** The order's date is earlier than the day it is registered: the order
   takes effect from a day already past. (A project drafted on Friday and registered on Monday is
   caught too: the head either moves the date to today on the project or says why it keeps Friday.)
3. **A retroactive appointment.** Something the order appoints (a pair's start, the day of a release
   from duty…) falls before the order's date. Which dates an order appoints is said by its kind
   (records.kinds `appointments`); a kind that names none is never warned about here.

An order dated later than today is not warned about: the head may sign in advance. The reason is
stored on the order (`Order.journal_reason`), shown on its page and in the register, and kept by the
order's history. A registration that breaks no rule stores no reason, even if one was typed.

One helper, `retroactive_warnings(order)`, is the rule: the register form, the service and the
order's page all ask it. Another, `cited_documents_precede`, refuses an order that cites a
document dated after it (a notice, a consent, an agreement of the sides).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from . import kinds
from .models import Order

REASON_REQUIRED = "Приказ регистрируется с отступлением от журнала: укажите причину."


def latest_registered(order: Order) -> Order | None:
    """The order registered last by date in `order`'s journal (its organization, the year of its date)."""
    return (
        Order.objects.filter(organization_id=order.organization_id, year=order.date.year, number__isnull=False)
        .exclude(pk=order.pk)
        .order_by("-date", "-number")
        .first()
    )


def retroactive_warnings(order: Order, *, today: date | None = None) -> list[str]:
    """What in registering `order` today departs from the journal, each a Russian sentence; empty when nothing."""
    today = today or timezone.localdate()
    warnings = []
    latest = latest_registered(order)
    if latest is not None and latest.date > order.date:
        warnings.append(
            f"Дата приказа {order.date:%d.%m.%Y} раньше даты последнего зарегистрированного приказа "
            f"№ {latest.number_text} от {latest.date:%d.%m.%Y}: в журнале он встанет после него под следующим номером."
        )
    if order.date < today:
        warnings.append(f"Приказ датирован задним числом: {order.date:%d.%m.%Y}, а регистрируется {today:%d.%m.%Y}.")
    kind = kinds.get(order.kind)
    if kind is not None and kind.appointments is not None:
        for what, day in kind.appointments(order):
            if day < order.date:
                warnings.append(
                    f"{what} — {day:%d.%m.%Y}, раньше даты приказа ({order.date:%d.%m.%Y}): назначение задним числом."
                )
    return warnings


def cited_documents_precede(order_date: date | None, documents: list[tuple[str, date | None]]) -> None:
    """An order cites only documents that exist on its date (any order may ask): a notice, a consent,
    an agreement dated after it is refused, each named (`documents`: (Russian name, date) pairs; a
    missing date is skipped). The head dates the order later, or fixes the date typed. `order_date`
    None: the order is dated today."""
    order_on = order_date or timezone.localdate()
    later = [f"{what} от {on:%d.%m.%Y}" for what, on in documents if on is not None and on > order_on]
    if later:
        raise ValidationError(
            f"Приказ от {order_on:%d.%m.%Y} не может ссылаться на документы, датированные позже него: "
            + "; ".join(later)
            + "."
        )
