"""Who changed what and when, in words, read from django-simple-history's records — one layer for
every app: «Морозова И.А., 30.11.2026 14:05: должность «воспитатель» → «старший воспитатель»».

An app names the records a page shows as `Source`s (a subject and a queryset of history rows) and
the fields its reader may not see; `entries()` turns them into `Entry`s with `Change`s: choices by
their labels, related records by their names, dates as dd.mm.yyyy, a file as a word (its name is
not shown), a hidden field as «скрыто». The authors, the rows' many-to-many values and the names of
related records are looked up in bulk, so a history costs the same number of queries however long
it is.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from .text import decimal_text

HIDDEN = "скрыто"
ACTIONS = {"+": "Создание", "~": "Изменение", "-": "Удаление"}
EMPTY = "—"
FILE_ATTACHED = "файл загружен"
FILE_REPLACED = "загружен другой файл"


@dataclass(frozen=True)
class Source:
    """The history rows of one kind of record a page shows."""

    subject: str  # «Программа», «План»
    records: models.QuerySet  # the model's history rows (Model.history.filter(...))
    # Fields the reader may not see: their values read «скрыто» (that they changed still shows).
    hidden: frozenset = frozenset()
    # A JSON list of choices shown by their labels (field name → {value: label}).
    json_labels: dict = field(default_factory=dict)
    # Which record an entry is about, when the source holds several (history row → text).
    name_of: Callable | None = None
    # Fields not told at all: the link to the record the page is about (a plan item's program).
    omit: frozenset = frozenset()


@dataclass
class Change:
    label: str
    old: str
    new: str

    @property
    def words(self) -> str:
        """«должность «воспитатель» → «старший воспитатель»»; the history's own words (скрыто, файл
        загружен, —) are not quoted, since they are not what was typed."""
        if self.new == HIDDEN:
            return f"{self.label}: {HIDDEN}"
        if self.old == EMPTY:
            return f"{self.label}: {_quoted(self.new)}"
        return f"{self.label} {_quoted(self.old)} → {_quoted(self.new)}"


def _quoted(value: str) -> str:
    return value if value in (HIDDEN, EMPTY, FILE_ATTACHED, FILE_REPLACED) else f"«{value}»"


@dataclass
class Entry:
    when: datetime
    who: str
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


def who(user) -> str:
    """The author of a change by the short name of her person («Морозова И.А.»)."""
    if user is None:
        return "система"
    person = getattr(user, "person", None)
    return person.short_name if person else user.username


def entries(sources: Iterable[Source]) -> list[Entry]:
    """Every change in `sources`, newest first, in words. A row that changed nothing told here (saved
    as it was, or only in fields left out) is left out too."""
    raw = []  # (entry, [(field, old, new)], hidden, json_labels)
    for source in sources:
        raw.extend(_raw_entries(source))
    display = _Display()
    for _entry, fields, hidden, _labels in raw:
        for model_field, old, new in fields:
            if model_field.name not in hidden:
                display.want(model_field, old)
                display.want(model_field, new)
    display.fetch()
    result = []
    for entry, fields, hidden, labels in raw:
        for model_field, old, new in fields:
            label = str(model_field.verbose_name)
            if model_field.name in hidden:
                entry.changes.append(Change(label, EMPTY if entry.action == ACTIONS["+"] else HIDDEN, HIDDEN))
            elif isinstance(model_field, models.FileField) and old and new:
                entry.changes.append(Change(label, FILE_ATTACHED, FILE_REPLACED))
            else:
                entry.changes.append(
                    Change(label, display(model_field, old, labels), display(model_field, new, labels))
                )
        result.append(entry)
    result.sort(key=lambda entry: entry.when, reverse=True)
    return result


def _raw_entries(source: Source):
    historical = source.records.model
    model = historical.instance_type
    m2m = [f.name for f in historical._history_m2m_fields if f.name not in source.omit]
    tracked = [
        model._meta.get_field(f.name)
        for f in historical.tracked_fields
        if f.editable and not f.primary_key and f.name not in source.omit
    ]
    rows = list(source.records.select_related("history_user__person").order_by("history_date", "history_id"))
    chosen = {name: _m2m_values(historical, model, name, rows) for name in m2m}
    previous: dict = {}
    for row in rows:
        values = {f.name: getattr(row, f.attname) for f in tracked}
        for name in m2m:
            values[name] = sorted(chosen[name].get(row.history_id, []))
        before = previous.get(row.id)
        if row.history_type == "-":
            fields = []
        elif before is None:
            fields = [
                (model._meta.get_field(name), None, value)
                for name, value in values.items()
                if value not in (None, "", [], False)
            ]
        else:
            fields = [
                (model._meta.get_field(name), before[name], value)
                for name, value in values.items()
                if value != before[name]
            ]
        previous[row.id] = values
        subject = f"{source.subject}: {source.name_of(row)}" if source.name_of else source.subject
        entry = Entry(
            when=row.history_date,
            who=who(row.history_user),
            action=ACTIONS.get(row.history_type, row.history_type),
            subject=subject,
        )
        if fields or row.history_type != "~":
            yield entry, fields, source.hidden, source.json_labels


def _json_words(value) -> str:
    """A stored list (an order's clauses, a table's rows) as text: items by «; », a row's cells by «, »."""
    if isinstance(value, dict):
        return ", ".join(_json_words(item) for item in value.values() if item not in (None, "", []))
    if isinstance(value, list):
        return "; ".join(_json_words(item) for item in value if item not in (None, "", []))
    return str(value)


def _m2m_values(historical, model, name: str, rows) -> dict:
    """history_id → the ids chosen in the many-to-many field `name` at that row, in one query."""
    through = historical.__dict__[name].model  # simple-history's copy of the through table
    target = model._meta.get_field(name).m2m_reverse_field_name()
    chosen = defaultdict(list)
    pairs = through.objects.filter(history_id__in=[row.history_id for row in rows]).values_list(
        "history_id", f"{target}_id"
    )
    for history_id, pk in pairs:
        if pk is not None:
            chosen[history_id].append(pk)
    return chosen


class _Display:
    """Turns stored values into what a person reads; the names of related records are gathered
    first (`want`) and looked up in one query per model (`fetch`)."""

    def __init__(self):
        self._wanted: dict[type, set] = defaultdict(set)
        self._names: dict[tuple, str] = {}

    def want(self, model_field, value) -> None:
        if value in (None, "", []):
            return
        if isinstance(model_field, models.ForeignKey):
            self._wanted[model_field.related_model].add(value)
        elif isinstance(model_field, models.ManyToManyField):
            self._wanted[model_field.related_model].update(value)

    def fetch(self) -> None:
        user_model = get_user_model()
        for model, pks in self._wanted.items():
            if model is user_model:
                # A login reads as its person's short name, as the author of a change does.
                found, name = model._default_manager.select_related("person").in_bulk(pks), who
            else:
                # Their names may read their own related records (a mentor by her person): joined here.
                found, name = model._default_manager.select_related().in_bulk(pks), str
            for pk in pks:
                obj = found.get(pk)
                self._names[(model, pk)] = name(obj) if obj is not None else f"(удалено, № {pk})"
        self._wanted.clear()

    def __call__(self, model_field, value, json_labels=None) -> str:
        if value in (None, "", []):
            return EMPTY
        if isinstance(model_field, models.ForeignKey):
            return self._name(model_field.related_model, value)
        if isinstance(model_field, models.ManyToManyField):
            return ", ".join(sorted(self._name(model_field.related_model, pk) for pk in value))
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.BooleanField):
            return "да" if value else "нет"
        if isinstance(model_field, models.FileField):
            return FILE_ATTACHED
        if isinstance(model_field, models.JSONField) and model_field.name in (json_labels or {}):
            labels = json_labels[model_field.name]
            return ", ".join(str(labels.get(item, item)) for item in value)
        if isinstance(model_field, models.JSONField):
            return _json_words(value)
        if isinstance(value, datetime):
            return (
                timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
                if timezone.is_aware(value)
                else (value.strftime("%d.%m.%Y %H:%M"))
            )
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, Decimal):
            # A sum as «3 000,00», hours as «2» or «1,5» (core.text.decimal_text).
            return decimal_text(value, 2 if getattr(model_field, "decimal_places", None) == 2 else None)
        return str(value)

    def _name(self, model, pk) -> str:
        if (model, pk) not in self._names:
            self._wanted[model].add(pk)
            self.fetch()
        return self._names[(model, pk)]
