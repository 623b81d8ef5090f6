"""Russian working days for notice periods (ТК РФ ст. 351.8: three working days' notice).

The calendar is the `holidays` package's Russia: the public holidays of ТК ст. 112, a holiday
on a weekend moved to the next working day, and the Government's yearly decree transferring
days off (31.12.2025 off, Saturday 01.11.2025 a working day). A decree is known only from the
`holidays` release that followed it — keep the package current; for a year whose decree is not
in it yet the weekend shifts of ст. 112 still apply but the January transfers are missing.
Regional holidays (Tatarstan, Bashkortostan) are not included.
"""

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("RU", years=year)


def is_working_day(day: date) -> bool:
    """False on Saturdays, Sundays, public holidays and transferred days off; True on a
    Saturday the decree made a working day."""
    return _calendar(day.year).is_working_day(day)


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day after `start`, counting from the day after it
    (`start` itself never counts, working or not); `count=0` gives `start`."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def notice_end_date(notice_on: date, working_days: int = 3) -> date:
    """The last day of a notice given on `notice_on`: its `working_days`-th working day,
    counted from the day after the notice and skipping weekends and public holidays."""
    return add_working_days(notice_on, working_days)
