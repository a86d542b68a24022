"""Kengetallen (figures) per table and quarter, as the chain asks for them (`000`, `001 §1.5–1.6`)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter, e.g. 2026 Q4."""

    year: int
    number: int

    @property
    def start(self) -> dt.date:
        """The first day."""
        return dt.date(self.year, 3 * (self.number - 1) + 1, 1)

    @property
    def end(self) -> dt.date:
        """The last day."""
        nxt = Quarter(self.year + self.number // 4, self.number % 4 + 1).start
        return nxt - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        """`2026 K4` (kwartaal)."""
        return f"{self.year} K{self.number}"

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        """The quarter a day falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)


@dataclass
class Figures:
    """The figures of one table in one quarter; counts and medians only, no personal data."""

    table: str
    quarter: str
    inflow_by_route: dict[str, int] = field(default_factory=dict)
    decisions_by_type: dict[str, int] = field(default_factory=dict)
    referral_to_first_meeting_days: float | None = None
    meeting_to_signed_minutes_days: float | None = None
    agreements_due: int = 0
    agreements_kept_on_time: int = 0
    case_lead_changes: int = 0
    escalations_by_status: dict[str, int] = field(default_factory=dict)

    @property
    def kept_share(self) -> float | None:
        """Share of agreements due this quarter that were done on time."""
        return self.agreements_kept_on_time / self.agreements_due if self.agreements_due else None

    def rows(self) -> list[tuple[str, str, str]]:
        """(figure, key, value) rows for the CSV export."""
        out: list[tuple[str, str, str]] = []
        out += [("instroom_per_route", k, str(v)) for k, v in sorted(self.inflow_by_route.items())]
        out += [("besluiten_per_type", k, str(v))
                for k, v in sorted(self.decisions_by_type.items())]
        for name, value in (("doorlooptijd_aanmelding_eerste_bespreking_dagen",
                             self.referral_to_first_meeting_days),
                            ("doorlooptijd_bespreking_ondertekende_notulen_dagen",
                             self.meeting_to_signed_minutes_days),
                            ("aandeel_afspraken_op_tijd", self.kept_share)):
            out.append((name, "mediaan" if "dagen" in name else "aandeel",
                        "" if value is None else f"{value:.2f}"))
        out.append(("afspraken_met_datum_in_kwartaal", "aantal", str(self.agreements_due)))
        out.append(("wisselingen_casusregie", "aantal", str(self.case_lead_changes)))
        out += [("opschalingen", k, str(v)) for k, v in sorted(self.escalations_by_status.items())]
        return out


def median_days(pairs: list[tuple[dt.date, dt.date]]) -> float | None:
    """Median of the days from the first to the second date of each pair."""
    days = [(b - a).days for a, b in pairs if b >= a]
    return float(statistics.median(days)) if days else None
