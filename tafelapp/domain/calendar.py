"""Dutch working days and ages: the arithmetic behind every term (`001`, table of terms)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays_for(year: int) -> frozenset[dt.date]:
    """Dutch public holidays of one year from the maintained `holidays` package."""
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def holiday_name(day: dt.date) -> str | None:
    """The Dutch name of the public holiday on this day, if it is one."""
    names = holidays.country_holidays("NL", years=day.year, language="nl")
    name = names.get(day)
    return str(name) if name else None


def is_working_day(day: dt.date) -> bool:
    """Werkdag: Monday to Friday and not a Dutch public holiday."""
    return day.weekday() < 5 and day not in _holidays_for(day.year)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date `count` working days after `start` (before it when negative); start itself not counted."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    day = start
    while remaining:
        day += dt.timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


@lru_cache(maxsize=64)
def _weekday_holidays(year: int) -> tuple[dt.date, ...]:
    return tuple(sorted(d for d in _holidays_for(year) if d.weekday() < 5))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie after `start` up to and including `end` (negative if end < start).

    Arithmetic on whole weeks plus the public holidays that fall on a weekday in between, so the
    work list over tens of thousands of cases stays fast.
    """
    if end < start:
        return -working_days_between(end, start)
    full_weeks, extra = divmod((end - start).days, 7)
    weekday = start.weekday()
    count = full_weeks * 5 + sum(1 for i in range(1, extra + 1) if (weekday + i) % 7 < 5)
    for year in range(start.year, end.year + 1):
        count -= sum(1 for h in _weekday_holidays(year) if start < h <= end)
    return count


def next_working_day_on_or_after(day: dt.date) -> dt.date:
    """Roll a due date that falls on a weekend or holiday forward (as the Algemene termijnenwet does)."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months later, clamped to the last day of a shorter month."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on a day."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def typed_date(text: str) -> str | None:
    """A date as people type it (14-3-2013, 14-03-2013, 14/3/2013 or 2013-03-14) as ISO text;
    anything else is returned as typed, so validation names the field and says what is wrong."""
    text = text.strip()
    if not text:
        return None
    found = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if found:
        try:
            return dt.date(int(found[3]), int(found[2]), int(found[1])).isoformat()
        except ValueError:
            return text
    return text


def typed_time(text: str) -> str:
    """A time as people type it (9:30, 9.30, 09:30) as HH:MM; anything else as typed."""
    text = text.strip()
    found = re.fullmatch(r"(\d{1,2})[.:](\d{2})", text)
    return f"{int(found[1]):02d}:{found[2]}" if found else text
