"""The one way every app writes a record: validate it, save it, and name its author in the history
(django-simple-history reads `_history_user`). Services return an `Outcome`, so that a view shows
the warnings without a second query."""

from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Outcome:
    """A saved object and the warnings the user should read (warnings never block)."""

    obj: object
    warnings: list[str] = field(default_factory=list)


@contextmanager
def authored(obj, actor):
    """Name the author of the history records written inside the block, and only those:
    a later save of the same object elsewhere must not inherit them. `actor` None: the system."""
    obj._history_user = actor
    try:
        yield
    finally:
        del obj._history_user


@contextmanager
def unrecorded(obj):
    """Changes made inside the block (a many-to-many set) write no history row of their own: the
    save that follows writes one row with them and the rest, so a correction reads as one entry."""
    obj.skip_history_when_saving = True
    try:
        yield
    finally:
        del obj.skip_history_when_saving


def validated_save(obj, *, actor, exclude=None, **save_kwargs) -> None:
    """`full_clean()` (all but `exclude`), then save with `actor` as the author."""
    obj.full_clean(exclude=exclude)
    with authored(obj, actor):
        obj.save(**save_kwargs)
