"""Calendar arithmetic in whole months, as Russian HR documents count it."""

import calendar
from datetime import date

from core.text import plural as _plural


def academic_start_year(day: date) -> int:
    """The year the academic year holding `day` began: it runs 01.09–31.08 (24.11.2026 → 2026)."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_start(day: date) -> date:
    """01.09 of the academic year holding `day`."""
    return date(academic_start_year(day), 9, 1)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the 31st becomes the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def whole_months_between(start: date, end: date) -> int:
    """Complete months from `start` to `end` (0 when `end` is before `start`)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


def years_and_months(months: int) -> str:
    """«18 лет 2 мес.» — how experience is written in the bank."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(_plural(years, "год", "года", "лет"))
    if rest or not years:
        parts.append(f"{rest} мес.")
    return " ".join(parts)
