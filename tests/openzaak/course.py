"""A JBT case's whole course in a test vault: referral, meeting, decision, casusregie, signed
notulen, a second decision (raadsonderzoek) and closing — with a case number no other test uses."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from tafelapp.domain.models import CaseLead
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import case_service, meeting_service, outbox_service
from tafelapp.services.session import Session
from tafelapp.store.transaction import transaction
from tafelapp.sync.outbox import Outcome
from tests.sync.conftest import signed_documents

BSN = "123456782"  # a BSN-shaped number written into free text: it must never travel


def unique_number(session: Session, case_id: str, number: str | None = None) -> str:
    """Give the case a number of its own (Open Zaak keeps every earlier run's zaken)."""
    number = number or f"JBT-T{secrets.token_hex(5).upper()}"
    with transaction(session.conn) as conn:
        conn.execute("UPDATE cases SET case_number = ?, search_key = ? WHERE id = ?",
                     (number, number.lower(), case_id))
    return number


def start(session: Session, demo: dict[str, str], number: str | None = None) -> str:
    """The demo's JBT case with its own number, a BSN in its referral text, and signed notulen
    of its first meeting (queued); returns the case number."""
    number = unique_number(session, demo["jbt_case"], number)
    case = case_service.get_case(session, demo["jbt_case"])
    assert case.referral is not None
    referral = case.referral.model_dump()
    referral["summary"] = f"{referral['summary']} BSN {BSN}."
    case_service.register_referral(session, case.id, referral)
    signed_documents(session, demo, 1)
    return number


def second_decision(session: Session, demo: dict[str, str]) -> None:
    """At the evaluation today: raadsonderzoek after all."""
    item = meeting_service.get_meeting(session, demo["jbt_evaluation"]).agenda[0]
    meeting_service.take_decision(session, item.id, kind="INVESTIGATION",
                                  motivation="De voorwaarden zijn niet nagekomen door "
                                             "Sanne van Dalen (fictief).")


def close(session: Session, demo: dict[str, str]) -> None:
    """The case is closed (afgerond)."""
    case_service.close_case(session, demo["jbt_case"])


def drain_all(session: Session, rounds: int = 12, between: Callable[[], None] | None = None,
              **clients: object) -> list[Outcome]:
    """Drain until nothing is due (retries made due at once), at most `rounds` times;
    `between` runs before each round (to bring a killed server back)."""
    outcomes: list[Outcome] = []
    for _ in range(rounds):
        if between:
            between()
        outbox_service.send_now(session)
        done = drain_once(session, **clients)  # type: ignore[arg-type]
        outcomes += done
        if not any(o.kind == "retry" for o in done):
            break
    return outcomes


def personal_values(session: Session, demo: dict[str, str]) -> list[str]:
    """Every personal value of the case and its meetings: names, birth dates, address, phone,
    e-mail, the BSN in its text, and the people's own words."""
    case = case_service.get_case(session, demo["jbt_case"])
    values = [case.family.name, case.family.address or "", case.family.postcode or "", BSN]
    for g in case.family.guardians:
        values += [g.name, g.phone or "", g.email or "", g.address or ""]
    for c in case.children:
        values += [c.first_name, c.last_name, f"{c.first_name} {c.last_name}"]
        if c.birth_date:
            values += [c.birth_date.isoformat(), c.birth_date.strftime("%d-%m-%Y")]
    if case.referral:
        values += [case.referral.referrer_person, case.referral.summary or ""]
    for lead in case.case_leads:
        values += [lead.person, lead.phone or "", lead.email or ""]
    for key in ("jbt_meeting", "jbt_evaluation"):
        for item in meeting_service.get_meeting(session, demo[key]).agenda:
            for p in item.participants:
                values += [p.name, p.email or "", p.phone or ""]
            values += [a.owner for a in item.agreements] + [a.text for a in item.agreements]
            if item.decision:
                values += [item.decision.motivation, item.decision.conditions or ""]
    return sorted({v for v in values if v and len(v) >= 4}, key=len)


def case_leads(session: Session, demo: dict[str, str]) -> list[CaseLead]:
    """The case's active casusregie."""
    return case_service.get_case(session, demo["jbt_case"]).active_case_leads()


def today() -> dt.date:
    """Today (local)."""
    return dt.date.today()
