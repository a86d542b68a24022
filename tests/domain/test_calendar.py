"""Working days across Easter, King's Day and Christmas; ages and month arithmetic."""

import datetime as dt

from tafelapp.domain.calendar import (
    add_months,
    add_working_days,
    age_on,
    is_working_day,
    working_days_between,
)
from tafelapp.domain.deadlines import due_date
from tafelapp.domain.enums import DeadlineKind

D = dt.date


def test_easter_2026_skips_good_friday_and_easter_monday() -> None:
    # Thu 2 April 2026 + 1 working day: Good Friday (3), weekend, Easter Monday (6) -> Tue 7 April.
    assert not is_working_day(D(2026, 4, 6))
    assert add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)


def test_kings_day_2026_is_not_a_working_day() -> None:
    assert not is_working_day(D(2026, 4, 27))  # Monday
    assert add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)


def test_kings_day_on_sunday_moves_to_saturday() -> None:
    # In 2025 King's Day was Saturday 26 April (27 April was a Sunday); Friday 25 is worked.
    assert is_working_day(D(2025, 4, 25))
    assert add_working_days(D(2025, 4, 24), 2) == D(2025, 4, 28)


def test_christmas_2026_five_working_days() -> None:
    # Wed 23 Dec 2026 + 5 working days: 24, (25 Christmas, 26 Boxing day Sat, 27 Sun), 28, 29, 30, 31
    assert add_working_days(D(2026, 12, 23), 5) == D(2026, 12, 31)
    # ... and over New Year: 31 Dec + 1 working day skips 1 Jan 2027 (Friday) -> Mon 4 Jan.
    assert add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_working_days_between_and_backwards() -> None:
    assert working_days_between(D(2026, 12, 23), D(2026, 12, 31)) == 5
    assert working_days_between(D(2026, 12, 31), D(2026, 12, 23)) == -5
    assert add_working_days(D(2026, 12, 31), -5) == D(2026, 12, 23)


def test_verleningsbesluit_term_over_easter() -> None:
    # Request on Wed 1 April 2026: 5 working days = 2, 7, 8, 9, 10 April.
    assert due_date(DeadlineKind.GRANT_DECISION, D(2026, 4, 1)) == D(2026, 4, 10)


def test_month_term_rolls_past_weekend_and_clamps() -> None:
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    # 3 months after 25 Sept 2026 is Fri 25 Dec (Christmas) -> Mon 28 Dec.
    assert due_date(DeadlineKind.REREFERRAL_WINDOW, D(2026, 9, 25)) == D(2026, 12, 28)


def test_age_on_birthday_boundary() -> None:
    assert age_on(D(2014, 11, 22), D(2026, 11, 21)) == 11
    assert age_on(D(2014, 11, 22), D(2026, 11, 22)) == 12


def test_fast_working_day_count_equals_counting_day_by_day() -> None:
    import random

    def by_day(a: dt.date, b: dt.date) -> int:
        if b < a:
            return -by_day(b, a)
        return sum(is_working_day(a + dt.timedelta(days=n)) for n in range(1, (b - a).days + 1))

    rng = random.Random(1)
    for _ in range(3000):
        a = D(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))
        b = a + dt.timedelta(days=rng.randint(-400, 400))
        assert working_days_between(a, b) == by_day(a, b), (a, b)
