"""What the region holds of one case (`regiodossier`): status history, resultaat, terms, notulen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tafelapp.domain.deadlines import TERMS
from tafelapp.domain.enums import DeadlineKind
from tafelapp.domain.region_worklist import RegionCase
from tafelapp.domain.worklist import LeadState

LEAD_NL = {LeadState.NONE: "nog geen casusregisseur", LeadState.PENDING: "gevraagd, niet aanvaard",
           LeadState.ACCEPTED: "aanvaard"}


def _day(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(text) if isinstance(text, str) and text else None


def expand(row: list[Any]) -> RegionCase:
    """A kept row (`region_worklist.compact`) back as a RegionCase."""
    (url, number, table_id, zaaktype, started, progress, lead, since, kind, disagreed,
     agreements, terms, *case_id) = row  # a copy kept before the case's id: 12 items
    return RegionCase(url, number, table_id, zaaktype, _day(started), _day(progress),
                      LeadState(lead), _day(since), kind, _day(disagreed),
                      tuple((r, dt.date.fromisoformat(d)) for r, d in agreements),
                      tuple((k, dt.date.fromisoformat(d)) for k, d in terms),
                      str(case_id[0]) if case_id else "")


def term_label(kind: str) -> str:
    """A term's kind (`DeadlineKind` code, as the zaak's kenmerk carries it) in Dutch."""
    try:
        return TERMS[DeadlineKind(kind)].label or kind
    except ValueError:
        return kind


@dataclass(frozen=True)
class RegionDocument:
    """One notulen linked to the zaak; `readable` False when this client may not read it."""

    title: str
    url: str
    content_url: str = ""
    readable: bool = True
    note: str = ""


@dataclass(frozen=True)
class RegionDetail:
    """Everything the region holds of one case, pseudonymous: no names exist there."""

    case: RegionCase
    table_name: str
    table_kind: str
    chair_organisation: str
    statuses: list[tuple[dt.datetime, str]] = field(default_factory=list)
    result: str = ""
    final_term: dt.date | None = None
    documents: list[RegionDocument] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be read, in Dutch

    def facts(self) -> list[str]:
        """The region's facts as Dutch lines (the detail panel, the CLI, an escalation)."""
        c = self.case
        lines = [f"Casus {c.case_number}, {self.table_name} ({self.table_kind})"
                 + (f", voorzitter van {self.chair_organisation}" if self.chair_organisation
                    else "")]
        if c.started:
            lines.append(f"Aangemeld op {c.started:%d-%m-%Y}")
        for when, name in self.statuses:
            lines.append(f"Status {name} sinds {when:%d-%m-%Y}")
        lines.append(f"Besluit: {self.result or 'nog geen besluit (resultaat)'}")
        lead = LEAD_NL[c.lead] + (f" sinds {c.lead_since:%d-%m-%Y}" if c.lead_since else "")
        lines.append(f"Casusregie: {lead}" + (f" ({c.lead_kind})" if c.lead_kind else ""))
        if c.progress_on:
            lines.append(f"Laatste voortgang: {c.progress_on:%d-%m-%Y}")
        if c.disagreed_on:
            lines.append(f"Gemeente niet eens met het besluit op {c.disagreed_on:%d-%m-%Y}")
        for kind, due in c.terms:
            lines.append(f"Termijn {term_label(kind)}: uiterlijk {due:%d-%m-%Y}")
        if self.final_term:
            lines.append(f"Uiterlijke einddatum afdoening: {self.final_term:%d-%m-%Y}")
        for _ref, due in c.agreements:
            lines.append(f"Open afspraak (inhoud niet gedeeld): uiterlijk {due:%d-%m-%Y}")
        return lines
