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


def saved_with(obj, *, actor, exclude=None, **many) -> None:
    """`validated_save()` of `obj` with its many-to-many fields (`many`: name → the values it now has),
    as one entry of its history whether it is new or corrected: a new group with its mentees, not a
    creation and then «наставляемые: …» by the same person a moment later.

    simple_history writes a row on each save and another on each set of a field it keeps. A correction
    sets the fields first, unrecorded, and the save's row carries them with the rest. A new record has
    no fields to set before its first save, so its creation's row is given them after it."""
    if not obj._state.adding:
        with unrecorded(obj):
            for name, values in many.items():
                getattr(obj, name).set(values)
        validated_save(obj, actor=actor, exclude=exclude)
        return
    validated_save(obj, actor=actor, exclude=exclude)
    with unrecorded(obj):
        for name, values in many.items():
            getattr(obj, name).set(values)
    _into_creation_row(obj, set(many))


def _into_creation_row(obj, names: set[str]) -> None:
    """The links of `obj`'s kept many-to-many fields among `names`, as they are now, written into its
    latest history row (its creation's), as simple_history itself writes them at a save."""
    manager = getattr(obj._meta, "simple_history_manager_attribute", None)
    if manager is None:
        return
    history = getattr(type(obj), manager).model
    kept = [many for many in history._history_m2m_fields if many.name in names]
    if not kept:
        return
    row = getattr(obj, manager).order_by("-history_id").first()
    for many in kept:
        links_model = history.__dict__[many.name].model  # the history's table of this field's links
        through = many.remote_field.through
        columns = [column.name for column in through._meta.fields]
        links = through.objects.filter(**{many.m2m_field_name(): obj})
        links_model.objects.bulk_create(
            links_model(history=row, **{column: getattr(link, column) for column in columns}) for link in links
        )
