"""Werklijst (work list) of the ketenregisseur: what needs attention per case, and why (`003`, `000`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from tafelapp.domain.calendar import add_working_days, working_days_between
from tafelapp.domain.deadlines import TERMS

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


@dataclass(slots=True)
class CaseFacts:
    """The few facts of one case the work list needs (read in bulk, not as whole aggregates)."""

    case_id: str
    case_number: str
    table_name: str
    open_agreements: list[tuple[dt.date, str]] = field(default_factory=list)  # (due, owner)
    open_deadlines: list[tuple[dt.date, str]] = field(default_factory=list)  # (due, kind)
    lead_since: dt.date | None = None
    lead_accepted: bool = True
    has_lead: bool = True
    last_progress: dt.date | None = None
    opened_on: dt.date | None = None
    disagreed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One line of the work list: a case, what needs attention, why, and by when."""

    case_id: str
    case_number: str
    table_name: str
    kind: Attention
    reason: str
    due: dt.date | None
    working_days_left: int | None

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Most urgent first: by working days left (overdue first), then by kind."""
        left = self.working_days_left if self.working_days_left is not None else 10_000
        return (left, _ORDER[self.kind], self.case_number)


def _due_item(facts: CaseFacts, today: dt.date, due: dt.date, overdue: Attention,
              soon: Attention, what: str) -> WorkItem | None:
    left = working_days_between(today, due)
    if left < 0:
        return WorkItem(facts.case_id, facts.case_number, facts.table_name, overdue,
                        f"{what} verliep op {due:%d-%m-%Y} ({-left} werkdagen geleden)", due, left)
    if left <= SOON_WORKING_DAYS:
        return WorkItem(facts.case_id, facts.case_number, facts.table_name, soon,
                        f"{what} verloopt op {due:%d-%m-%Y} (nog {left} werkdagen)", due, left)
    return None


def work_items(facts: CaseFacts, today: dt.date, stale_weeks: int) -> list[WorkItem]:
    """Everything about one case that needs the ketenregisseur's attention."""
    items: list[WorkItem] = []
    for due, owner in facts.open_agreements:
        item = _due_item(facts, today, due, Attention.AGREEMENT_OVERDUE,
                         Attention.AGREEMENT_DUE_SOON, f"afspraak van {owner}")
        if item:
            items.append(item)
    for due, kind in facts.open_deadlines:
        label = _TERM_LABEL.get(kind, kind)
        item = _due_item(facts, today, due, Attention.DEADLINE_OVERDUE,
                         Attention.DEADLINE_DUE_SOON, f"termijn '{label}'")
        if item:
            items.append(item)
    if not facts.has_lead:
        items.append(WorkItem(facts.case_id, facts.case_number, facts.table_name,
                              Attention.NO_CASE_LEAD, "er is geen casusregie (1 gezin, 1 plan, "
                              "1 regisseur; 004 §3.1)", None, None))
    elif not facts.lead_accepted and facts.lead_since is not None:
        deadline = add_working_days(facts.lead_since, CASE_LEAD_ACCEPT_WORKING_DAYS)
        if today > deadline:
            items.append(WorkItem(
                facts.case_id, facts.case_number, facts.table_name,
                Attention.CASE_LEAD_NOT_ACCEPTED,
                f"casusregie sinds {facts.lead_since:%d-%m-%Y} niet aanvaard binnen "
                f"{CASE_LEAD_ACCEPT_WORKING_DAYS} werkdagen", deadline,
                working_days_between(today, deadline)))
    last = facts.last_progress or facts.opened_on
    if last is not None and (today - last).days > stale_weeks * 7:
        items.append(WorkItem(facts.case_id, facts.case_number, facts.table_name,
                              Attention.NO_PROGRESS,
                              f"geen voortgang sinds {last:%d-%m-%Y} (meer dan {stale_weeks} "
                              "weken: geen bespreking, afgeronde afspraak of besluit)", None,
                              None))
    if facts.disagreed_on is not None:
        items.append(WorkItem(facts.case_id, facts.case_number, facts.table_name,
                              Attention.MUNICIPALITY_DISAGREED,
                              f"de gemeente was het op {facts.disagreed_on:%d-%m-%Y} oneens met "
                              "'geen raadsonderzoek' (001 §2.1.4)", None, None))
    return items


def worklist(all_facts: list[CaseFacts], today: dt.date, stale_weeks: int) -> list[WorkItem]:
    """The whole work list, most urgent first."""
    items = [item for facts in all_facts for item in work_items(facts, today, stale_weeks)]
    items.sort(key=WorkItem.sort_key.fget)  # type: ignore[attr-defined]
    return items
