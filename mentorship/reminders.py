"""What the head and the curator are told about the bank and the pairs (notices.sources): the head's
queue (every section registered in mentorship/queue.py), the consents a pair still lacks before it
can go to the head, and the yearly refresh of the bank."""

import hashlib
from datetime import date

from django.urls import reverse
from django.utils import timezone

from core.text import plural
from notices.sources import Item, Source, register
from people.models import Organization
from people.roles import Role

from . import queue
from .models import Pairing
from .selectors import last_refresh, pairings_for, refresh_is_due
from .services.pairs import missing_consents


def head_queue(user, today: date) -> list[Item]:
    """One item per section of the head's queue with anything in it. The key names the waiting records,
    so a new record in a section is new (and comes by e-mail) while the same ones are not told twice."""
    url = reverse("mentorship:approval-queue")
    items = []
    for section in queue.sections():
        pks = sorted(section.pending().order_by().values_list("pk", flat=True))
        if not pks:
            continue
        digest = hashlib.sha1(",".join(map(str, pks)).encode()).hexdigest()[:12]
        items.append(
            Item(
                key=f"queue-{section.key}:{digest}",
                text=f"{section.title}: ждут вашего решения — {plural(len(pks), 'запись', 'записи', 'записей')}",
                url=url,
                kind="queue",
            )
        )
    return items


def missing_pair_consents(user, today: date) -> list[Item]:
    """Pairs proposed or gathering consents that cannot go to the head yet: whose consent is missing."""
    pairings = pairings_for(user).filter(status__in=[Pairing.Status.PROPOSED, Pairing.Status.AWAITING_CONSENTS])
    items = []
    for pairing in pairings:
        missing = missing_consents(pairing)
        if not missing:
            continue
        names = ", ".join(person.short_name for person in missing)
        items.append(
            Item(
                key=f"pair-consents:{pairing.pk}:{'-'.join(str(person.pk) for person in missing)}",
                text=f"{pairing.kind_label} {pairing.sides}: нет согласия на участие — {names}",
                url=pairing.get_absolute_url(),
                kind="consents",
            )
        )
    return items


def bank_refresh(user, today: date) -> list[Item]:
    """3.4: the list of staff who need a mentor is refreshed at least once a year."""
    own = Organization.own()
    if own is None:
        return []
    latest = last_refresh(own)
    if not refresh_is_due(latest, today=today):
        return []
    since = f" (последний раз — {timezone.localtime(latest.done_at):%d.%m.%Y})" if latest else ""
    return [
        Item(
            key=f"bank-refresh:{latest.pk if latest else 0}",
            text=f"Актуализируйте список педагогов, которым нужен наставник{since}: по Положению — раз в год",
            url=reverse("mentorship:refresh"),
            kind="bank-refresh",
        )
    ]


def register_sources() -> None:
    register(Source("queue", "Очередь «На утверждение»", frozenset({Role.HEAD}), head_queue, order=10))
    register(
        Source(
            "consents", "Согласия, без которых пару не отправить", frozenset({Role.CURATOR}), missing_pair_consents, 20
        )
    )
    register(Source("bank-refresh", "Ежегодная актуализация банка", frozenset({Role.CURATOR}), bank_refresh, 30))
