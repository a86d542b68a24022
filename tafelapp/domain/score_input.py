"""A schaalvraag score as a person types it: a whole number from 0 to 10, or nothing yet."""

from __future__ import annotations

from tafelapp.domain.problems import InvalidInput, Problem

LOWEST, HIGHEST = 0, 10
EMPTY = ("", "—", "-")  # a cleared field, or the sign the field shows for 'no score'


def score_problem(text: str) -> Problem | None:
    """Why `text` is no score (None when it is one, or empty)."""
    typed = text.strip()
    if typed in EMPTY:
        return None
    if typed.isascii() and typed.isdigit() and LOWEST <= int(typed) <= HIGHEST:
        return None
    return Problem("scaling.score_invalid", "score",
                   f"‘{typed}’ kan niet: een score is een heel getal van {LOWEST} tot en met "
                   f"{HIGHEST}")


def parse_score(text: str) -> int | None:
    """The score typed in `text` (None: no score); anything else is refused with the reason."""
    problem = score_problem(text)
    if problem is not None:
        raise InvalidInput([problem])
    typed = text.strip()
    return None if typed in EMPTY else int(typed)
