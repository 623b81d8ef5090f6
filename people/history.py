"""The history of a person's records as the curator reads it: who, when, what changed.

The person's card is this app's; the records other apps keep about a person (the banks of mentors
and mentees, publication consents) come as registered sources (`register_source`), so this app
names none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import models

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


HIDDEN = "скрыто"
ACTIONS = {"+": "Создание", "~": "Изменение", "-": "Удаление"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: str
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


class _Display:
    """Turns stored values into what a person reads; related names are looked up once each."""

    def __init__(self, json_labels: dict | None = None):
        self._names: dict[tuple, str] = {}
        self.json_labels = json_labels or {}

    def __call__(self, model_field, value) -> str:
        if value in (None, "", []):
            return "—"
        if isinstance(model_field, models.ForeignKey):
            return self._related(model_field.related_model, value)
        if isinstance(model_field, models.ManyToManyField):
            target = model_field.related_model._meta.model_name
            ids = [row[target] for row in value if target in row]
            return ", ".join(sorted(self._related(model_field.related_model, pk) for pk in ids)) or "—"
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.BooleanField):
            return "да" if value else "нет"
        if isinstance(model_field, models.FileField):
            return "файл загружен"
        if isinstance(model_field, models.JSONField) and model_field.name in self.json_labels:
            labels = self.json_labels[model_field.name]
            return ", ".join(str(labels.get(item, item)) for item in value)
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y")
        return str(value)

    def _related(self, model, pk) -> str:
        key = (model, pk)
        if key not in self._names:
            obj = model._default_manager.filter(pk=pk).first()
            self._names[key] = str(obj) if obj is not None else f"(удалено, № {pk})"
        return self._names[key]


def readable_sources(roles) -> list[HistorySource]:
    """The sources the holder of `roles` reads on a person's history page."""
    held = {str(role) for role in roles}
    return [source for source in _SOURCES if source.readers is None or {str(role) for role in source.readers} & held]


def person_history(person: Person, *, show_sensitive: bool, roles=frozenset()) -> list[Entry]:
    """Every change of the person's card and of the records registered about them that the holder
    of `roles` reads (a source with its own readers: only for them), newest first."""
    sources = readable_sources(roles)
    labels = {name: choices for source in sources for name, choices in source.json_labels.items()}
    display = _Display(labels)
    entries = []
    for source in sources:
        model, records = source.model, source.records(person)
        hidden = set() if show_sensitive else set(source.sensitive)
        previous = {}
        for record in records.select_related("history_user__person").order_by("history_date", "history_id"):
            entries.append(
                Entry(
                    when=record.history_date,
                    who=_who(record.history_user),
                    action=ACTIONS.get(record.history_type, record.history_type),
                    subject=f"{source.subject}: {source.name_of(record)}" if source.name_of else source.subject,
                    changes=_changes(model, record, previous.get(record.id), hidden, display),
                )
            )
            previous[record.id] = record
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def _who(user) -> str:
    if user is None:
        return "система"
    person = getattr(user, "person", None)
    return person.short_name if person else user.username


def _changes(model, record, previous, hidden, display) -> list[Change]:
    if record.history_type == "-":
        return []
    if previous is None:
        names = [f.name for f in record.tracked_fields if f.editable and not f.primary_key]
        names += [f.name for f in record._history_m2m_fields]
        changes = []
        for name in names:
            model_field = model._meta.get_field(name)
            value = _value(record, model_field)
            if value in (None, "", [], False):
                continue
            new = HIDDEN if name in hidden else display(model_field, value)
            changes.append(Change(str(model_field.verbose_name), "—", new))
        return changes
    delta = record.diff_against(previous, excluded_fields=["id"])
    changes = []
    for change in delta.changes:
        model_field = model._meta.get_field(change.field)
        if change.field in hidden:
            changes.append(Change(str(model_field.verbose_name), HIDDEN, HIDDEN))
        else:
            changes.append(
                Change(
                    str(model_field.verbose_name), display(model_field, change.old), display(model_field, change.new)
                )
            )
    return changes


def _value(record, model_field):
    if isinstance(model_field, models.ManyToManyField):
        through = getattr(record, model_field.name)
        target = model_field.related_model._meta.model_name
        return [{target: row} for row in through.values_list(target, flat=True)]
    return getattr(record, model_field.attname)
