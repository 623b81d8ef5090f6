from datetime import date, timedelta

import pytest

from core.dates import (
    academic_start_year,
    academic_year_start,
    add_months,
    whole_months_between,
    years_and_months,
)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 1, date(2026, 2, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 8, 31), 0, date(2026, 8, 31)),
        (date(2025, 9, 1), 12, date(2026, 9, 1)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2026, 11, 24), -(18 * 12 + 2), date(2008, 9, 24)),
        (date(2026, 1, 31), -13, date(2024, 12, 31)),
    ],
)
def test_add_months_goes_back_with_negative_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 9, 1), date(2026, 8, 31), 11),
        (date(2025, 9, 1), date(2026, 9, 1), 12),
        (date(2025, 9, 1), date(2025, 9, 30), 0),
        (date(2026, 1, 31), date(2026, 2, 28), 1),
        (date(2026, 1, 31), date(2026, 2, 27), 0),
        (date(2024, 2, 29), date(2025, 2, 28), 12),
        (date(2008, 9, 24), date(2026, 11, 24), 18 * 12 + 2),
        (date(2008, 9, 24), date(2026, 11, 23), 18 * 12 + 1),
    ],
)
def test_whole_months_between_counts_complete_months(start, end, expected):
    assert whole_months_between(start, end) == expected


@pytest.mark.parametrize("end", [date(2026, 9, 1), date(2025, 1, 1)])
def test_whole_months_between_is_zero_when_end_is_not_after_start(end):
    assert whole_months_between(date(2026, 9, 1), end) == 0


def test_going_back_n_months_gives_exactly_n_whole_months():
    # The person form stores «N мес. на дату» as add_months(date, -N) and shows it back
    # with whole_months_between: the round trip must hold on every day, month ends included.
    day = date(2023, 12, 1)
    while day < date(2025, 3, 1):
        for months in range(0, 40):
            assert whole_months_between(add_months(day, -months), day) == months, (day, months)
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (0, "0 мес."),
        (7, "7 мес."),
        (12, "1 год"),
        (14, "1 год 2 мес."),
        (24, "2 года"),
        (60, "5 лет"),
        (11 * 12, "11 лет"),
        (21 * 12, "21 год"),
        (18 * 12 + 2, "18 лет 2 мес."),
        (22 * 12 + 11, "22 года 11 мес."),
    ],
)
def test_years_and_months_writes_experience_as_the_bank_does(months, expected):
    assert years_and_months(months) == expected


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2026, 8, 31), 2025), (date(2026, 9, 1), 2026), (date(2026, 11, 24), 2026), (date(2027, 1, 1), 2026)],
)
def test_the_academic_year_runs_from_september_to_august(day, year):
    assert academic_start_year(day) == year
    assert academic_year_start(day) == date(year, 9, 1)
