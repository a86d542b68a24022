"""Zaak (`Zaak`): what the region's Zaken API holds of one case — codes, dates and pseudonyms only.

Nothing here carries a name, a birth date, an address, a BSN, a phone number, an e-mail address or
free text written by a person: the desired zaak is built from enum codes, dates, the case number,
the table's id and HMAC pseudonyms (`pseudonym`), so no field can leak what the vault keeps.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from tafelapp.domain.enums import CaseStatus, DecisionKind, TableKind

BRON = "tafelapp"
"""Prefix of every kenmerk's `bron` (at most 40 characters in ZGW)."""
CHANGED_BRON = f"{BRON}-gewijzigd"
"""The kenmerk that says on which day (JJJJ-MM-DD) Tafelapp last changed the zaak: Open Zaak has
no 'changed since' filter, but it filters on a kenmerk (`kenmerk=<bron>:<kenmerk>`, neither part
holding a colon, hence the hyphen), so a refresh reads the zaken changed on the last few days
instead of every open zaak."""
PSEUDONYM_LENGTH = 17  # anpIdentificatie holds at most 17 characters


class Step(StrEnum):
    """A case's course, each step one status in the Zaken API."""

    REGISTERED = "REGISTERED"  # aangemeld
    DISCUSSED = "DISCUSSED"  # besproken aan tafel
    DECIDED = "DECIDED"  # besluit genomen (JBT)
    INVESTIGATION = "INVESTIGATION"  # raadsonderzoek loopt (JBT, besluit raadsonderzoek)
    PLAN = "PLAN"  # plan van aanpak (ZVT)
    CLOSED = "CLOSED"  # afgerond (eindstatus)


DEFAULT_STATUS_NAMES: dict[str, str] = {
    Step.REGISTERED.value: "Aangemeld", Step.DISCUSSED.value: "Besproken aan tafel",
    Step.DECIDED.value: "Besluit genomen", Step.INVESTIGATION.value: "Raadsonderzoek loopt",
    Step.PLAN.value: "Plan van aanpak", Step.CLOSED.value: "Afgerond",
}
CASE_LEAD_ROLE = "CASE_LEAD"
DEFAULT_ROLE_NAMES = {CASE_LEAD_ROLE: "Casusregisseur"}
CLOSED_WITHOUT_DECISION = "CLOSED"  # the resultaat of a case closed without a JBT decision (ZVT)
DEFAULT_RESULT_NAMES = {
    DecisionKind.INVESTIGATION.value: "Raadsonderzoek",
    DecisionKind.POSTPONED_INVESTIGATION.value: "Uitgesteld raadsonderzoek",
    DecisionKind.NO_INVESTIGATION.value: "Geen raadsonderzoek",
    CLOSED_WITHOUT_DECISION: "Afgesloten",
}
STEP_NL = {Step.REGISTERED: "aangemeld", Step.DISCUSSED: "besproken",
           Step.DECIDED: "besluit", Step.INVESTIGATION: "raadsonderzoek",
           Step.PLAN: "plan van aanpak", Step.CLOSED: "afgerond"}


def names(defaults: dict[str, str], region: dict[str, str]) -> dict[str, str]:
    """The region's translation of our codes to the catalogus's omschrijvingen (defaults filled)."""
    return {**{str(k): v for k, v in defaults.items()}, **region}


def normalised(text: str) -> str:
    """The form of a name or id that the same person has on every laptop (case, accents, spaces)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(folded.lower().split())


def pseudonym(secret: str, kind: str, key: str) -> str:
    """A betrokkene's anpIdentificatie: HMAC-SHA256 of a stable key under the region's secret.

    The same person (same address-book id, or same name at the same organisation) gets the same
    pseudonym on every laptop of the region; without the secret (kept in the vault, never sent) it
    cannot be turned back into a name, not even by trying every name."""
    digest = hmac.new(secret.encode("utf-8"), f"{kind}\0{normalised(key)}".encode(),
                      hashlib.sha256).digest()
    return "t" + base64.b32encode(digest).decode("ascii").lower()[:PSEUDONYM_LENGTH - 1]


@dataclass(frozen=True)
class LeadFact:
    """The active casusregie: who (a stable key, made a pseudonym), accepted or not, since when."""

    person_key: str
    organisation_kind: str
    accepted: bool
    since: dt.date


@dataclass(frozen=True)
class CaseFacts:
    """What the vault knows of a case that may reach the region (gathered by the service)."""

    case_number: str
    table_id: str
    table_kind: TableKind
    start: dt.date  # the referral date, else the day the case was opened
    status: CaseStatus
    today: dt.date
    discussed_on: dt.date | None = None  # the first meeting held about the case
    decision: DecisionKind | None = None  # the latest JBT decision
    first_decided_on: dt.date | None = None
    investigation_on: dt.date | None = None  # the first decision 'raadsonderzoek'
    plan_on: dt.date | None = None  # ZVT: the first plan van aanpak
    closed_on: dt.date | None = None
    lead: LeadFact | None = None
    progress_on: dt.date | None = None
    disagreed_on: dt.date | None = None
    open_agreements: tuple[tuple[str, dt.date], ...] = ()  # (agreement id, due date)
    open_terms: tuple[tuple[str, dt.date], ...] = ()  # (DeadlineKind, due date)
    documents: tuple[tuple[str, str], ...] = ()  # (minutes id, document URL at the region)
    # the case's own random id (no personal data): the same case on two laptops has the same
    # id, another case that was given the same number on another laptop has not
    case_id: str = ""


@dataclass(frozen=True)
class ZaakPlan:
    """The zaak as it should be: fields, statuses in order, resultaat, rol, notulen links."""

    identificatie: str
    zaaktype_kind: TableKind
    startdatum: dt.date
    steps: tuple[tuple[Step, dt.date], ...]
    result: str | None  # a DecisionKind value, or CLOSED_WITHOUT_DECISION
    deadline: dt.date | None  # uiterlijkeEinddatumAfdoening: the next open legal term
    lead_pseudonym: str | None
    kenmerken: tuple[tuple[str, str], ...]  # (bron, kenmerk)
    documents: tuple[tuple[str, str], ...] = field(default=())
    archive: tuple[tuple[str, str], ...] = field(default=())  # archiefnominatie, -actiedatum

    @property
    def fields_digest(self) -> str:
        """A digest of what one PATCH of the zaak sets (sent again only when it changed)."""
        data: list[object] = [self.deadline.isoformat() if self.deadline else None,
                              list(self.kenmerken)]
        if self.archive:  # absent: the digest of zaken published before archive terms
            data.append(list(self.archive))
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:16]


def kenmerken(facts: CaseFacts, lead_pseudonym: str | None) -> tuple[tuple[str, str], ...]:
    """The werklijst's facts as kenmerken (read back in bulk with the zaak list, 100 a page)."""
    out: list[tuple[str, str]] = [(f"{BRON}:tafel", facts.table_id[:40])]
    if facts.case_id:
        out.append((f"{BRON}:casus", facts.case_id[:40]))
    if facts.progress_on:
        out.append((f"{BRON}:voortgang", facts.progress_on.isoformat()))
    lead = facts.lead
    if lead is None:
        out.append((f"{BRON}:casusregie", "NONE"))
    else:
        state = "ACCEPTED" if lead.accepted else "PENDING"
        out.append((f"{BRON}:casusregie", f"{state} {lead.since.isoformat()} "
                                            f"{lead.organisation_kind}"[:40]))
    if facts.disagreed_on:
        out.append((f"{BRON}:oneens", facts.disagreed_on.isoformat()))
    for agreement_id, due in sorted(facts.open_agreements, key=lambda a: (a[1], a[0])):
        out.append((f"{BRON}:afspraak", f"{due.isoformat()} {agreement_id[:12]}"))
    for kind, due in sorted(facts.open_terms, key=lambda t: (t[1], t[0])):
        out.append((f"{BRON}:termijn", f"{due.isoformat()} {kind}"[:40]))
    return tuple(out)


def _steps(facts: CaseFacts) -> list[tuple[Step, dt.date]]:
    steps = [(Step.REGISTERED, facts.start)]
    if facts.discussed_on:
        steps.append((Step.DISCUSSED, facts.discussed_on))
    if facts.table_kind is TableKind.JBT and facts.first_decided_on:
        steps.append((Step.DECIDED, facts.first_decided_on))
        if facts.investigation_on:
            steps.append((Step.INVESTIGATION, facts.investigation_on))
    if facts.table_kind is TableKind.ZVT and facts.plan_on:
        steps.append((Step.PLAN, facts.plan_on))
    if facts.status is CaseStatus.CLOSED:
        steps.append((Step.CLOSED, facts.closed_on or facts.today))
    latest = facts.start
    ordered = []
    for step, on in steps:  # a status is never dated before the one before it, nor in the future
        latest = min(max(latest, on), facts.today)
        ordered.append((step, latest))
    return ordered


def plan(facts: CaseFacts, secret: str) -> ZaakPlan:
    """The zaak this case should be at the region, from its facts and the region's secret."""
    lead_pseudonym = pseudonym(secret, "person", facts.lead.person_key) if facts.lead else None
    result = facts.decision.value if facts.decision else (
        CLOSED_WITHOUT_DECISION if facts.status is CaseStatus.CLOSED else None)
    terms = [due for _, due in facts.open_terms]
    return ZaakPlan(
        identificatie=facts.case_number, zaaktype_kind=facts.table_kind,
        startdatum=facts.start, steps=tuple(_steps(facts)), result=result,
        deadline=min(terms) if terms else None, lead_pseudonym=lead_pseudonym,
        kenmerken=kenmerken(facts, lead_pseudonym), documents=facts.documents)


def status_moment(on: dt.date, index: int) -> str:
    """`datumStatusGezet`: the step's day at midnight UTC plus its index in seconds, so steps of
    one day keep their order and none lies in the future."""
    return f"{on.isoformat()}T00:00:{index:02d}Z"
