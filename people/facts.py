"""A person's facts as of a day: post, qualification category and teaching experience as they
stood on the date of a document (an order, an agreement, a program), not as they stand today.

Every document asks these helpers, so an order of 01.09.2025 prints the experience of 01.09.2025
however late it is read, and a category assigned after it never appears in it.

What the records tell:
- experience grows from `teaching_since` (a correction of that date is a correction of the past
  too) and stops on dismissal;
- a post holds from `position_since`, a category from `category_assigned_on`; the card's history
  (simple-history) keeps the earlier ones. A change saved with no new date of its own counts from
  the day it was saved; the oldest known value is taken to have held before (records entered late
  describe the past too). A category assigned after the day with nothing known before it is
  unknown (None): a document then prints no category rather than a wrong one.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from core.dates import years_and_months

from .models import Person, Position, QualificationCategory

NO_EXPERIENCE = "—"


@dataclass(frozen=True)
class Facts:
    """What a document prints about a person on `day`."""

    day: date
    position: Position
    category: str | None  # a QualificationCategory value, None when the records do not tell
    teaching_months: int | None

    @property
    def experience(self) -> str:
        """«2 года 1 мес.», or «—» when the start of the experience is not recorded."""
        return NO_EXPERIENCE if self.teaching_months is None else years_and_months(self.teaching_months)

    @property
    def category_label(self) -> str:
        """«первая категория», «высшая категория», «без категории», «соответствие занимаемой
        должности», «педагог-наставник»; empty when unknown."""
        return category_label(self.category)


def category_label(value: str | None) -> str:
    """How a document names a category in a sentence or a table cell (lower case)."""
    if not value:
        return ""
    label = QualificationCategory(value).label.lower()
    if value in (QualificationCategory.FIRST, QualificationCategory.HIGHEST):
        return f"{label} категория"
    return label


def _versions(rows, value, since) -> list[tuple]:
    """(value, the day it holds from or None) for each change of `value`, oldest first.

    `rows` are the card's history rows, oldest first. A run of rows with the same value is one
    version, dated by its last stated date (a later row may correct it); a version whose date did
    not change from the previous one counts from the day it was saved.
    """
    versions: list[list] = []
    for row in rows:
        current, stated = value(row), since(row)
        if versions and versions[-1][0] == current:
            if stated is not None:
                versions[-1][1] = stated
            continue
        if versions and (stated is None or stated == versions[-1][1]):
            stated = timezone.localdate(row.history_date)
        versions.append([current, stated])
    return [tuple(version) for version in versions]


def _on(versions: list[tuple], day: date):
    """The newest version in force on `day`; the oldest known one when it has no date."""
    for index in range(len(versions) - 1, -1, -1):
        value, since = versions[index]
        if since is None or since <= day:
            return value, True
    return (versions[0][0], False) if versions else (None, False)


def _history(person: Person) -> list:
    rows = list(person.history.filter(id=person.pk).order_by("history_id"))
    if not rows or any(
        getattr(rows[-1], name) != getattr(person, name)
        for name in ("position_id", "position_since", "qualification_category", "category_assigned_on")
    ):
        # A card saved without history (bulk writers) or not yet saved: the card itself is the newest.
        rows.append(_CardAsRow(person))
    return rows


class _CardAsRow:
    def __init__(self, person: Person):
        self.position_id = person.position_id
        self.position_since = person.position_since
        self.qualification_category = person.qualification_category
        self.category_assigned_on = person.category_assigned_on
        self.history_date = timezone.now()


def facts_on(person: Person, day: date) -> Facts:
    """The person's post, category and experience on `day` (one query for the card's history)."""
    rows = _history(person)
    position_id, _ = _on(_versions(rows, lambda r: r.position_id, lambda r: r.position_since), day)
    category, known = _on(_versions(rows, lambda r: r.qualification_category, lambda r: r.category_assigned_on), day)
    position = person.position if position_id in (None, person.position_id) else Position.objects.get(pk=position_id)
    return Facts(
        day=day,
        position=position,
        category=category if known else None,
        teaching_months=person.teaching_months(day),
    )


def experience_on(person: Person, day: date) -> str:
    """Teaching experience on `day`: «2 года 1 мес.» (or «—» when not recorded)."""
    months = person.teaching_months(day)
    return NO_EXPERIENCE if months is None else years_and_months(months)


def position_on(person: Person, day: date) -> Position:
    """The post the person held on `day`."""
    return facts_on(person, day).position


def category_on(person: Person, day: date) -> str | None:
    """The qualification category in force on `day` (a QualificationCategory value) or None."""
    return facts_on(person, day).category
