"""Werklijst (work list) of the ketenregisseur: what needs attention per case, and why (`003`, `000`)."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from tafelapp.domain.calendar import add_working_days, working_days_between
from tafelapp.domain.deadlines import TERMS
from tafelapp.domain.labels import nl_date

SOON_WORKING_DAYS = 5
CASE_LEAD_ACCEPT_WORKING_DAYS = 5


class Attention(StrEnum):
    """Why a case is on the work list; the order is the order of urgency within a day."""

    DEADLINE_OVERDUE = "DEADLINE_OVERDUE"
    AGREEMENT_OVERDUE = "AGREEMENT_OVERDUE"
    NO_CASE_LEAD = "NO_CASE_LEAD"
    CASE_LEAD_NOT_ACCEPTED = "CASE_LEAD_NOT_ACCEPTED"
    DEADLINE_DUE_SOON = "DEADLINE_DUE_SOON"
    AGREEMENT_DUE_SOON = "AGREEMENT_DUE_SOON"
    MUNICIPALITY_DISAGREED = "MUNICIPALITY_DISAGREED"
    NO_PROGRESS = "NO_PROGRESS"


ATTENTION_NL = {
    Attention.DEADLINE_OVERDUE: "termijn verstreken",
    Attention.AGREEMENT_OVERDUE: "afspraak over datum",
    Attention.NO_CASE_LEAD: "geen casusregie",
    Attention.CASE_LEAD_NOT_ACCEPTED: "casusregie niet aanvaard",
    Attention.DEADLINE_DUE_SOON: "termijn binnenkort",
    Attention.AGREEMENT_DUE_SOON: "afspraak binnenkort",
    Attention.MUNICIPALITY_DISAGREED: "gemeente oneens met besluit",
    Attention.NO_PROGRESS: "geen voortgang",
}

_ORDER = {kind: n for n, kind in enumerate(Attention)}
_TERM_LABEL = {kind.value: term.label for kind, term in TERMS.items()}
_NO_DATE = 10_000  # items without a date sort after every dated one


class LeadState(StrEnum):
    """State of the case's active casusregie (`004 §3.1`)."""

    NONE = "NONE"
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"


class CaseWatch(NamedTuple):
    """What the work list knows of one case: the facts that do not come with a due date."""

    case_id: str
    case_number: str
    table_name: str
    progress_on: dt.date  # last progress (meeting, agreement done, decision), else the opening date
    lead: LeadState
    lead_since: dt.date | None = None
    disagreed_on: dt.date | None = None


class OpenDue(NamedTuple):
    """An open agreement (with its owner) or an open term (with its kind) and its due date."""

    case_id: str
    case_number: str
    table_name: str
    due: dt.date
    what: str  # the agreement's owner, or the DeadlineKind of the term
    agreement: bool
    ref_id: str = ""  # the agreement's id (to follow it up from the werklijst)


class WorkItem(NamedTuple):
    """One line of the work list: a case, what needs attention, why, and by when."""

    case_id: str
    case_number: str
    table_name: str
    kind: Attention
    due: dt.date | None
    working_days_left: int | None
    on: dt.date | None  # the date the reason speaks of (last progress, lead since, decision)
    detail: str  # owner, term label or number of weeks, as the reason needs
    sort_key: tuple[int, int, str]  # most urgent first: working days left, kind, case number
    ref_id: str = ""  # the afspraak an AGREEMENT_* line is about

    @property
    def reason(self) -> str:
        """Why this case is on the list, in Dutch (built when shown, not for every line)."""
        return _REASONS[self.kind](self)

    @property
    def urgency(self) -> str:
        """Working days left as the list shows them: '3 wd te laat', 'vandaag', 'nog 2 wd'."""
        left = self.working_days_left
        if left is None:
            return "—"
        return f"{-left} wd te laat" if left < 0 else "vandaag" if left == 0 else f"nog {left} wd"


# A few hundred distinct dates recur across thousands of lines: format each once.
_nl = lru_cache(maxsize=4096)(nl_date)


def _working_days(count: int) -> str:
    return f"{count} werkdag" if count == 1 else f"{count} werkdagen"


def _due_reason(what: str, overdue: bool) -> Callable[[WorkItem], str]:
    def reason(item: WorkItem) -> str:
        left, due = item.working_days_left or 0, item.due
        subject = what.format(item.detail)
        if overdue:
            return f"{subject} verliep op {_nl(due)} ({_working_days(-left)} geleden)"
        if left == 0:
            return f"{subject} verloopt op {_nl(due)} (vandaag)"
        return f"{subject} verloopt op {_nl(due)} (nog {_working_days(left)})"
    return reason


_REASONS: dict[Attention, Callable[[WorkItem], str]] = {
    Attention.AGREEMENT_OVERDUE: _due_reason("afspraak van {}", overdue=True),
    Attention.AGREEMENT_DUE_SOON: _due_reason("afspraak van {}", overdue=False),
    Attention.DEADLINE_OVERDUE: _due_reason("termijn '{}'", overdue=True),
    Attention.DEADLINE_DUE_SOON: _due_reason("termijn '{}'", overdue=False),
    Attention.NO_CASE_LEAD: lambda i: "er is geen casusregie (1 gezin, 1 plan, 1 regisseur; 004 §3.1)",
    Attention.CASE_LEAD_NOT_ACCEPTED: lambda i: (
        f"casusregie sinds {_nl(i.on)} niet aanvaard binnen {CASE_LEAD_ACCEPT_WORKING_DAYS} "
        "werkdagen"),
    Attention.NO_PROGRESS: lambda i: (
        f"geen voortgang sinds {_nl(i.on)} (meer dan {i.detail} weken: geen bespreking, "
        "afgeronde afspraak of besluit)"),
    Attention.MUNICIPALITY_DISAGREED: lambda i: (
        f"de gemeente was het op {_nl(i.on)} oneens met 'geen raadsonderzoek' (001 §2.1.4)"),
}


@dataclass(frozen=True)
class Horizon:
    """The dates that bound what can be on today's list, so the store reads nothing else.

    Each is exact or on the safe side; the rules below make the final decision.
    """

    today: dt.date
    stale_weeks: int
    due_before: dt.date  # a due date before this is overdue or due within SOON_WORKING_DAYS
    quiet_before: dt.date  # progress before this is more than stale_weeks ago
    lead_since_before: dt.date  # a lead pending since before this may be late to accept

    @classmethod
    def of(cls, today: dt.date, stale_weeks: int) -> Horizon:
        """The horizon of a work list built on `today`."""
        return cls(today, stale_weeks,
                   due_before=add_working_days(today, SOON_WORKING_DAYS + 1),
                   quiet_before=today - dt.timedelta(weeks=stale_weeks),
                   # n working days always span at least n calendar days
                   lead_since_before=today - dt.timedelta(days=CASE_LEAD_ACCEPT_WORKING_DAYS))


_DUE_KINDS = {(agreement, overdue): (kind, _ORDER[kind]) for agreement, overdue, kind in (
    (True, True, Attention.AGREEMENT_OVERDUE), (True, False, Attention.AGREEMENT_DUE_SOON),
    (False, True, Attention.DEADLINE_OVERDUE), (False, False, Attention.DEADLINE_DUE_SOON))}


def due_items(dues: Iterable[OpenDue], today: dt.date) -> list[WorkItem]:
    """Agreements and terms that are past their date or due within SOON_WORKING_DAYS."""
    items: list[WorkItem] = []
    left_of: dict[dt.date, int] = {}  # a few hundred distinct dates among thousands of dues
    for case_id, number, table, due, what, agreement, ref in dues:
        left = left_of.get(due)
        if left is None:
            left = left_of[due] = working_days_between(today, due)
        if left > SOON_WORKING_DAYS:
            continue
        kind, rank = _DUE_KINDS[agreement, left < 0]
        detail = what if agreement else _TERM_LABEL.get(what, what)
        items.append(WorkItem(case_id, number, table, kind, due, left, None, detail,
                              (left, rank, number), ref))
    return items


def case_items(cases: Iterable[CaseWatch], horizon: Horizon) -> list[WorkItem]:
    """Cases without (accepted) casusregie, without progress, or with a disagreement on record."""
    items: list[WorkItem] = []
    today, weeks = horizon.today, str(horizon.stale_weeks)
    no_lead, late_lead = Attention.NO_CASE_LEAD, Attention.CASE_LEAD_NOT_ACCEPTED
    stale, disagreed = Attention.NO_PROGRESS, Attention.MUNICIPALITY_DISAGREED
    deadline_of: dict[dt.date, dt.date] = {}
    for case_id, number, table, progress_on, lead, lead_since, disagreed_on in cases:
        if lead == LeadState.NONE:
            items.append(WorkItem(case_id, number, table, no_lead, None, None, None, "",
                                  (_NO_DATE, _ORDER[no_lead], number)))
        elif lead == LeadState.PENDING and lead_since is not None:
            deadline = deadline_of.get(lead_since)
            if deadline is None:
                deadline = deadline_of[lead_since] = add_working_days(
                    lead_since, CASE_LEAD_ACCEPT_WORKING_DAYS)
            if today > deadline:
                left = working_days_between(today, deadline)
                items.append(WorkItem(case_id, number, table, late_lead, deadline, left,
                                      lead_since, "", (left, _ORDER[late_lead], number)))
        if progress_on < horizon.quiet_before:
            items.append(WorkItem(case_id, number, table, stale, None, None, progress_on, weeks,
                                  (_NO_DATE, _ORDER[stale], number)))
        if disagreed_on is not None:
            items.append(WorkItem(case_id, number, table, disagreed, None, None, disagreed_on,
                                  "", (_NO_DATE, _ORDER[disagreed], number)))
    return items


def worklist(cases: Iterable[CaseWatch], dues: Iterable[OpenDue], horizon: Horizon) -> list[WorkItem]:
    """The whole work list, most urgent first."""
    return _most_urgent_first(due_items(dues, horizon.today) + case_items(cases, horizon))


SORT_SLICE = 1000  # lines sorted at once; see _most_urgent_first


def _most_urgent_first(items: list[WorkItem]) -> list[WorkItem]:
    """Sorted by urgency, in slices merged after: one sort of 20,000 lines holds the interpreter
    lock 30–50 ms on a worker thread, all that time keeping the UI thread from running (measured,
    bench/region_screen.py); a slice holds it about 1 ms and the merge lets go between lines.
    The same order as one stable sort (heapq.merge keeps ties in slice order)."""
    key = attrgetter("sort_key")
    if len(items) <= SORT_SLICE:
        return sorted(items, key=key)
    runs = [sorted(items[i:i + SORT_SLICE], key=key) for i in range(0, len(items), SORT_SLICE)]
    return list(heapq.merge(*runs, key=key))
