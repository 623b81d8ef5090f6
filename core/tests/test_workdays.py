"""core.workdays against the production calendars for 2025 and 2026: the Government's decrees
on transferring days off (as published on consultant.ru, which the holidays package cites) and
ТК РФ ст. 112."""

from datetime import date

import pytest

from core.workdays import add_working_days, is_working_day, notice_end_date


@pytest.mark.parametrize(
    "day",
    [
        *(date(2025, 1, d) for d in range(1, 9)),  # New Year holidays and Christmas
        date(2025, 2, 23),  # Sunday; its day off moved to 8 May
        date(2025, 3, 8),  # Saturday; its day off moved to 13 June
        date(2025, 5, 1),
        date(2025, 5, 2),  # from Saturday 4 January
        date(2025, 5, 8),  # from Sunday 23 February
        date(2025, 5, 9),
        date(2025, 6, 12),
        date(2025, 6, 13),  # from Saturday 8 March
        date(2025, 11, 3),  # from Saturday 1 November
        date(2025, 11, 4),
        date(2025, 12, 31),  # from Sunday 5 January
        *(date(2026, 1, d) for d in range(1, 12)),  # 9 January from Saturday 3 January
        date(2026, 2, 23),
        date(2026, 3, 9),  # 8 March falls on a Sunday
        date(2026, 5, 1),
        date(2026, 5, 11),  # 9 May falls on a Saturday
        date(2026, 6, 12),
        date(2026, 11, 4),
        date(2026, 12, 31),  # from Sunday 4 January
        date(2026, 11, 21),  # an ordinary Saturday
        date(2026, 11, 22),  # an ordinary Sunday
    ],
)
def test_days_off(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 1, 9),
        date(2025, 2, 24),  # not a substitute: 23 February 2025 went to 8 May
        date(2025, 3, 10),  # nor this: 8 March 2025 went to 13 June
        date(2025, 5, 5),
        date(2025, 11, 1),  # a working Saturday, traded for Monday 3 November
        date(2025, 12, 30),
        date(2026, 1, 12),
        date(2026, 11, 3),
        date(2026, 11, 5),
        date(2026, 12, 30),
    ],
)
def test_working_days(day):
    assert is_working_day(day)


@pytest.mark.parametrize(
    ("notice_on", "expected"),
    [
        (date(2026, 11, 18), date(2026, 11, 23)),  # Wednesday → Thu, Fri, Mon
        (date(2026, 11, 20), date(2026, 11, 25)),  # Friday → Mon, Tue, Wed
        (date(2026, 11, 21), date(2026, 11, 25)),  # given on a Saturday: counted from Monday
        (date(2025, 12, 29), date(2026, 1, 13)),  # Tue 30.12, then the holidays to 11.01, Mon 12, Tue 13
        (date(2026, 11, 2), date(2026, 11, 6)),  # Tue 3, (Wed 4 November), Thu 5, Fri 6
        (date(2025, 10, 31), date(2025, 11, 6)),  # Sat 1 works; 2–4 November off; Wed 5, Thu 6
        (date(2026, 11, 4), date(2026, 11, 9)),  # given on the holiday itself
        (date(2026, 4, 30), date(2026, 5, 6)),  # 1–3 May off; Mon 4, Tue 5, Wed 6
    ],
)
def test_three_working_days_notice(notice_on, expected):
    assert notice_end_date(notice_on) == expected


def test_the_notice_period_can_be_longer():
    assert notice_end_date(date(2026, 11, 20), working_days=5) == date(2026, 11, 27)


def test_add_working_days_counts_from_the_next_day():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1) == date(2026, 11, 23)
    assert add_working_days(date(2026, 11, 17), 1) == date(2026, 11, 18)
    assert add_working_days(friday, 0) == friday


def test_add_working_days_refuses_a_negative_count():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 11, 20), -1)
