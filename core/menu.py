"""The site's menu. Each app puts its own pages in it from AppConfig.ready(); an entry is shown to the
roles its view lets in — read from the view itself (`allowed_roles` of people.access), so the menu
never offers a page that answers 403 and never hides one a role may open, and no template lists
roles. dashboard's context processor picks the entries for the user on every page.

Two places: MAIN, the bar (with an optional count, the head's queue), and MORE, the «Ещё» list.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.urls import resolve, reverse

MAIN, MORE = "main", "more"


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    place: str = MORE
    order: int = 100
    url_args: tuple = ()
    # Who sees it: by default the roles the page's view lets in; a narrower set where the menu
    # offers the page to fewer (a mentor reaches his own orders from his pair, not from the menu).
    roles: frozenset | None = None
    # Shown to anyone with a staff card, whatever their roles (their own achievements).
    for_every_employee: bool = False
    # The path that marks a MAIN entry as the current section.
    section: str = ""
    # A number after a MAIN entry (what waits for the head), asked only of those who see it.
    count: Callable[[], int] | None = None
    divider_before: bool = False

    @property
    def url(self) -> str:
        return reverse(self.url_name, args=self.url_args)

    def shown_to(self, roles: frozenset, has_card: bool) -> bool:
        if self.for_every_employee:
            return has_card
        return bool(roles & (self.roles if self.roles is not None else _view_roles(self.url_name, self.url_args)))


_ENTRIES: dict[str, Entry] = {}


def register(*entries: Entry) -> None:
    """Add entries; registering the same page again replaces its entry."""
    for entry in entries:
        _ENTRIES[f"{entry.url_name}{entry.url_args}"] = entry


def entries(place: str) -> list[Entry]:
    return sorted((entry for entry in _ENTRIES.values() if entry.place == place), key=lambda entry: entry.order)


def visible(roles: frozenset, *, has_card: bool) -> dict[str, list[Entry]]:
    return {place: [entry for entry in entries(place) if entry.shown_to(roles, has_card)] for place in (MAIN, MORE)}


@cache
def _view_roles(url_name: str, url_args: tuple) -> frozenset:
    view = getattr(resolve(reverse(url_name, args=url_args)).func, "view_class", None)
    allowed = getattr(view, "allowed_roles", None)
    if not allowed:
        raise LookupError(f"{url_name}: the view names no allowed_roles; give the menu entry its roles.")
    return frozenset(allowed)
