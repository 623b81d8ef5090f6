"""The history of one growth record, as its readers see it on the record's page: who, when, what —
added, confirmed, returned with the curator's comment, corrected and sent again — and which fields
changed from what to what. Read from the record's own history (django-simple-history), which every
write fills with its author: the services save through core.services.validated_save and move through
core.lifecycle.move.

The same rows are a source of the person's history page (people.history), for the head and the curator
only: that page is read by the system administrator too, whom growth/roles.py keeps out of the staff's
achievements; the person and her mentor, who read the record, read its history on the record's page.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from core.history import Change, who
from people import history
from programs.models import Program

from .models import KIND_FIELDS, GrowthRecord, Kind
from .roles import READERS

S = GrowthRecord.Status
# What a change of state means, in the past tense (the table's labels are the buttons' imperatives).
MOVES = {
    S.CONFIRMED: "Подтверждена",
    S.RETURNED: "Возвращена с комментарием",
    S.PROPOSED: "Исправлена и снова отправлена куратору",
}
EDITED = "Исправлена"
# A correction saved and the move it makes come as two rows a moment apart: shown as one step.
SAME_STEP = timedelta(seconds=5)


@dataclass
class Step:
    when: datetime
    who: str
    what: str
    comment: str = ""
    changes: list[Change] = field(default_factory=list)
    user_id: int | None = None
    # The step's row, to compare the next one with.
    row: object = None


def _fields(kind: str) -> list[str]:
    """The fields a reader of this kind of record sees, in the order of the form."""
    used = KIND_FIELDS[Kind(kind)] if kind in Kind.values else ()
    return [*used, "date", "program"]


class _Display:
    """A stored value as the record's page prints it; programs looked up once for all rows."""

    def __init__(self, rows):
        ids = {row.program_id for row in rows if row.program_id}
        self.programs = (
            Program.objects.select_related("pairing__mentor__person", "pairing__direction")
            .prefetch_related("pairing__mentees__person")
            .in_bulk(ids)
            if ids
            else {}
        )

    def __call__(self, name: str, row) -> str:
        if name == "program":
            program = self.programs.get(row.program_id)
            return str(program) if program else ("—" if row.program_id is None else f"(удалена, № {row.program_id})")
        value = getattr(row, name)
        if value in (None, ""):
            return "—"
        model_field = GrowthRecord._meta.get_field(name)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, date):
            return f"{value:%d.%m.%Y}"
        return str(value)


def _first_step(record: GrowthRecord, row, display) -> Step:
    if row.order_id is not None:
        what = "Внесена приказом о поощрении"
    elif row.status == S.CONFIRMED:
        what = "Внесена куратором и сразу подтверждена"
    else:
        what = "Внесена и отправлена куратору на подтверждение"
    values = [(record.label(name), display(name, row)) for name in _fields(row.kind)]
    changes = [Change(label, "—", value) for label, value in values if value != "—"]
    return Step(row.history_date, who(row.history_user), what, changes=changes, user_id=row.history_user_id, row=row)


def _changes(record: GrowthRecord, previous, row, display) -> list[Change]:
    changes = []
    for name in _fields(row.kind):
        old, new = display(name, previous), display(name, row)
        if old != new:
            changes.append(Change(record.label(name), old, new))
    return changes


def _is_correction_by(step: Step, row) -> bool:
    """`step` is a correction the author of `row` saved a moment before it."""
    return step.what == EDITED and step.user_id == row.history_user_id and row.history_date - step.when <= SAME_STEP


def record_history(record: GrowthRecord) -> list[Step]:
    """The record's steps, the first one first."""
    rows = list(record.history.select_related("history_user__person").order_by("history_date", "history_id"))
    display = _Display(rows)
    steps: list[Step] = []
    for row in rows:
        if not steps:
            steps.append(_first_step(record, row, display))
            continue
        last = steps[-1]
        previous = last.row
        changes = _changes(record, previous, row, display)
        moved = row.status != previous.status
        if not moved and not changes:
            continue  # saved as it was (a new scan: the history keeps no files)
        what = MOVES[row.status] if moved else EDITED
        comment = row.review_comment if moved and row.status == S.RETURNED else ""
        if moved and _is_correction_by(last, row):
            # The person's correction of a returned record, then the move it makes: one step.
            last.what, last.changes, last.row = what, [*last.changes, *changes], row
            continue
        steps.append(
            Step(
                row.history_date,
                who(row.history_user),
                what,
                comment=comment,
                changes=changes,
                user_id=row.history_user_id,
                row=row,
            )
        )
    return steps


def register_person_history() -> None:
    """The person's records in her history page, named one by one, for the record's readers of
    everyone's records (the head and the curator)."""
    history.register_source(
        history.HistorySource(
            "Достижения",
            GrowthRecord,
            lambda person: GrowthRecord.history.filter(person_id=person.pk),
            readers=READERS,
            name_of=lambda row: f"{row.get_kind_display().lower()} «{row.instance.summary}»",
            order=40,
        )
    )
