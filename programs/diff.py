"""What changed between two versions of a program: the text field by field, the plan row by row.

A version keeps the program as `services.program.program_snapshot` wrote it; plan rows carry the id
of their line, so a row that moved or was reworded is «changed», not «removed and added».
"""

from dataclasses import dataclass, field
from datetime import date

from .models import PlanItem, Program

FIELD_LABELS = {
    name: str(Program._meta.get_field(name).verbose_name).capitalize()
    for name in ("starts_on", "ends_on", "difficulties", "strengths", "goal", "tasks", "expected_results")
}
ITEM_LABELS = {
    name: str(PlanItem._meta.get_field(name).verbose_name).capitalize()
    for name in ("position", "direction", "activity", "form", "deadline", "responsible", "expected_result")
}
DATE_FIELDS = {"starts_on", "ends_on", "deadline"}


def _shown(name: str, value) -> str:
    if value in (None, ""):
        return "—"
    if name in DATE_FIELDS:
        return f"{date.fromisoformat(value):%d.%m.%Y}"
    return str(value)


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Row:
    """A plan row as shown: its cells in ITEM_LABELS order, and which of them changed."""

    cells: list[tuple[str, str, bool]]  # (field name, shown value, changed)
    old_cells: dict[str, str] = field(default_factory=dict)  # field name → the value before, if changed


@dataclass
class Comparison:
    fields: list[FieldChange]
    added: list[Row]
    removed: list[Row]
    changed: list[Row]

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.added or self.removed or self.changed)


def _row(item: dict, changed: set[str] = frozenset(), old: dict | None = None) -> Row:
    return Row(
        cells=[(name, _shown(name, item.get(name)), name in changed) for name in ITEM_LABELS],
        old_cells={name: _shown(name, old.get(name)) for name in changed} if old else {},
    )


def _key(item: dict, index: int):
    return item.get("id") or ("position", item.get("position", index))


def compare(old: dict, new: dict) -> Comparison:
    """The changes from `old` to `new` (two versions' data)."""
    fields = [
        FieldChange(label, _shown(name, old.get(name)), _shown(name, new.get(name)))
        for name, label in FIELD_LABELS.items()
        if old.get(name) != new.get(name)
    ]
    old_items = {_key(item, i): item for i, item in enumerate(old.get("items", []))}
    new_items = {_key(item, i): item for i, item in enumerate(new.get("items", []))}
    added = [_row(item) for key, item in new_items.items() if key not in old_items]
    removed = [_row(item) for key, item in old_items.items() if key not in new_items]
    changed = []
    for key, item in new_items.items():
        before = old_items.get(key)
        if before is None:
            continue
        # Renumbering after a removal is not a change of the row itself.
        differs = {name for name in ITEM_LABELS if name != "position" and before.get(name) != item.get(name)}
        if differs:
            changed.append(_row(item, differs, before))
    return Comparison(fields=fields, added=added, removed=removed, changed=changed)
