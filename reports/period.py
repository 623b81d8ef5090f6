"""The period an indicator is measured over: an academic year (01.09–31.08) or any dates. An indicator
is measured on the period's last day (DOMAIN.md)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from core.dates import academic_start_year, add_months

YEAR = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$")


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def academic(cls, start_year: int) -> "Period":
        return cls(date(start_year, 9, 1), date(start_year + 1, 8, 31))

    @classmethod
    def current(cls, today: date) -> "Period":
        """The academic year holding `today`, up to `today` (the interim monitoring)."""
        return cls(date(academic_start_year(today), 9, 1), today)

    @classmethod
    def parse_year(cls, text: str) -> "Period | None":
        """«2025-2026» (or «2025/2026», «2025–2026») → the academic year; None for anything else."""
        match = YEAR.match(text or "")
        if not match:
            return None
        first, second = int(match.group(1)), int(match.group(2))
        if second != first + 1 or not 2000 <= first <= 2099:
            return None
        return cls.academic(first)

    @property
    def is_academic_year(self) -> bool:
        return self.start.month == 9 and self.start.day == 1 and self.end == date(self.start.year + 1, 8, 31)

    @property
    def label(self) -> str:
        if self.is_academic_year:
            return f"{self.start.year}/{self.start.year + 1} учебный год"
        return f"с {self.start:%d.%m.%Y} по {self.end:%d.%m.%Y}"

    def previous(self) -> "Period":
        """The same dates a year earlier (29.02 becomes 28.02)."""
        return Period(add_months(self.start, -12), add_months(self.end, -12))

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether a term [start, end] (either end open when None) shares a day with the period."""
        return (start is None or start <= self.end) and (end is None or end >= self.start)

    def holds(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start + timedelta(days=1)).days
