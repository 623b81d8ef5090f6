"""The head's queue: everything that waits for the head's decision, gathered from every app.

Pairs register here; the roadmap, programs and releases register their own sections from their
AppConfig.ready, so this app never imports them. A section brings a template (included with
`section` and `items` in the context), the items it shows and one cheap count for the menu badge.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class QueueSection:
    key: str
    title: str
    template: str
    items: Callable[[], list]
    pending: Callable[[], QuerySet]
    order: int = 100


SECTIONS: dict[str, QueueSection] = {}


def register(section: QueueSection) -> None:
    SECTIONS[section.key] = section


def sections() -> list[QueueSection]:
    return sorted(SECTIONS.values(), key=lambda section: (section.order, section.key))


def pending_count() -> int:
    """What waits for the head in all sections: one query, a count over the sections' ids together."""
    querysets = [section.pending().order_by().values("pk") for section in sections()]
    if not querysets:
        return 0
    first, *rest = querysets
    return first.union(*rest, all=True).count() if rest else first.count()
