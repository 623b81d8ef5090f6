"""The history of a person's records as the curator reads it: who, when, what changed.

The words (who, when, «old» → «new») are core.history's. The person's card is this app's; the
records other apps keep about a person (the banks of mentors and mentees, publication consents) come
as registered sources (`register_source`), so this app names none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from core import history as core_history

from .models import Person


@dataclass(frozen=True)
class HistorySource:
    subject: str  # «Банк наставников»
    model: type
    records: Callable  # (person) -> the model's history records of that person
    # Fields shown as «скрыто» unless the reader may see them (e.g. a mentee's difficulties).
    sensitive: tuple = ()
    # A JSON list of choices shown by their labels (field name → {value: label}).
    json_labels: dict = field(default_factory=dict)
    order: int = 100
    # The roles that read this source (None: whoever reads the page). A source about records the page's
    # other readers must not see (a person's achievements: not the system administrator) names them.
    readers: frozenset | None = None
    # Which of the person's records an entry is about, when they have several (history row → text):
    # «Достижения: Курсы… — Наставничество в ДОО».
    name_of: Callable | None = None


_SOURCES: list[HistorySource] = [
    HistorySource("Карточка сотрудника", Person, lambda person: Person.history.filter(id=person.pk), order=0)
]


# Who may read the sensitive fields of a person's records (a mentee's difficulties), registered by
# the app that keeps them: (user, person) -> bool; every rule must allow it.
_SENSITIVE_READERS: list[Callable] = []


def register_sensitive_reader(may_read: Callable) -> None:
    if may_read not in _SENSITIVE_READERS:
        _SENSITIVE_READERS.append(may_read)


def may_read_sensitive(user, person) -> bool:
    return all(may_read(user, person) for may_read in _SENSITIVE_READERS)


def register_source(source: HistorySource) -> None:
    """Add a source of a person's history; the same model registered again replaces it."""
    _SOURCES[:] = sorted(
        [*(item for item in _SOURCES if item.model is not source.model), source], key=lambda item: item.order
    )


# The words of the history, kept here for the apps and tests that read a person's history.
HIDDEN = core_history.HIDDEN
ACTIONS = core_history.ACTIONS
Change = core_history.Change
Entry = core_history.Entry


def readable_sources(roles) -> list[HistorySource]:
    """The sources the holder of `roles` reads on a person's history page."""
    held = {str(role) for role in roles}
    return [source for source in _SOURCES if source.readers is None or {str(role) for role in source.readers} & held]


def person_history(person: Person, *, show_sensitive: bool, roles=frozenset()) -> list[Entry]:
    """Every change of the person's card and of the records registered about them that the holder
    of `roles` reads (a source with its own readers: only for them), newest first."""
    return core_history.entries(
        core_history.Source(
            source.subject,
            source.records(person),
            hidden=frozenset() if show_sensitive else frozenset(source.sensitive),
            json_labels=source.json_labels,
            name_of=source.name_of,
        )
        for source in readable_sources(roles)
    )
