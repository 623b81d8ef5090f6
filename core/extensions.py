"""Places on a lower app's page that a higher app fills in, so the lower app names none of them
(the pattern of netbox's template extensions and of our head's queue).

A lower app declares a slot by its name («people.person.card») and renders it in its template with
`{% extensions "people.person.card" person %}`; a higher app registers what goes there from its
AppConfig.ready(). An extension brings a template and a function that returns the template's
context for the object on the page (None: nothing to show to this user), and, for slots on list
pages, the joins it needs (`queryset`) so that a long list keeps a constant number of queries.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Extension:
    slot: str
    template: str
    context: Callable | None = None  # (request, obj) -> dict | None
    queryset: Callable | None = None  # (QuerySet) -> QuerySet, for list slots
    order: int = 100


_SLOTS: dict[str, list[Extension]] = defaultdict(list)


def register(extension: Extension) -> None:
    """Put `extension` in its slot; registering the same template again replaces it."""
    slot = [item for item in _SLOTS[extension.slot] if item.template != extension.template]
    _SLOTS[extension.slot] = sorted([*slot, extension], key=lambda item: item.order)


def of(slot: str) -> list[Extension]:
    return list(_SLOTS.get(slot, ()))


def prepare(slot: str, queryset):
    """The queryset with the joins every extension of a list slot needs."""
    for extension in of(slot):
        if extension.queryset is not None:
            queryset = extension.queryset(queryset)
    return queryset


def unregister(extension: Extension) -> None:
    """Take `extension` out of its slot (an app that stops contributing, a test that added one)."""
    _SLOTS[extension.slot] = [item for item in _SLOTS[extension.slot] if item != extension]
