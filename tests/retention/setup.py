"""A demo vault whose first JBT case is closed, signed final and confirmed by the region."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tafelapp.services import case_service, meeting_service, minutes_service, setup_service
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tafelapp.store.transaction import transaction

# What the demo's Van Dalen case holds and no other record of the vault does (the address
# book's professionals stay: they are the region's, not the family's).
FAMILY_VALUES = [
    "Fictief-Van Dalen", "Sanne van Dalen", "Mehmet Yilmaz", "Noor van Dalen", "Voorbeeldlaan 1",
    "06-00000001", "9999 ZZ", "Herhaalde zorgen over huiselijk geweld",
    "twee politiemeldingen van huiselijk geweld", "Oma is betrokken en biedt opvang",
    "Ik wil dat papa en mama stoppen met schreeuwen", "niet weer dezelfde mensen als vroeger",
    "Hulp onder voorwaarden krijgt eerst een kans", "Wekelijkse gezinsbehandeling",
    "Ouders werken mee aan de gezinsbehandeling", "of Daan daar kan logeren",
    "bij het gezin thuis", "06-00000002",
]
TERM_WEEKS = 8


def region_terms(session: Session, weeks: int | None = TERM_WEEKS) -> None:
    """Read a region file that sets the local term and the archive terms."""
    data = {"format": "tafelapp.region", "version": 1,
            "exported_at": session.now().isoformat(), "region": "Regio Haaglanden (fictief)",
            "retention": {"local_weeks": weeks,
                          "archive": {"notulen": {"nominatie": "vernietigen", "years": 20},
                                      "zaak": {"nominatie": "vernietigen", "years": 20}}}}
    setup_service.import_region(session, json.dumps(data).encode())


def sign_final(session: Session, meeting_id: str) -> tuple[str, str]:
    """Sign the meeting's first item by chair and secretary: (item id, minutes id)."""
    meeting = meeting_service.get_meeting(session, meeting_id)
    item = meeting.agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    minutes_service.update_text(session, minutes.id,
                                discussion="Sanne van Dalen vertelt over de nachten van Noor.")
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    assert meeting.secretary is not None
    sec = minutes_service.create_local_identity(session, meeting.secretary, "654321")
    minutes_service.sign_minutes(session, minutes.id, sec.id, "654321", "SECRETARY")
    return item.id, minutes.id


def confirm_all(session: Session, at: dt.datetime) -> None:
    """What the outbox drain records when the region confirms each document it holds."""
    with transaction(session.conn) as conn:
        for item in outbox_repo.all_items(conn):
            if item.state != "delivered":
                outbox_repo.set_state(conn, item.id, "delivered",
                                      server_url=f"https://regio.example/doc/{item.identificatie}")
                outbox_repo.log_attempt(conn, item.id, at, "delivered", 201, None)


def closed_case(session: Session, confirm: bool = True) -> dict[str, Any]:
    """The demo, its Van Dalen case signed, closed and (when `confirm`) confirmed."""
    ids: dict[str, Any] = dict(seed_demo(session))
    ids["item"], ids["minutes"] = sign_final(session, ids["jbt_meeting"])
    ids["pdf"] = minutes_service.signed_document(session, ids["minutes"])
    case_service.close_case(session, ids["jbt_case"])
    if confirm:
        confirm_all(session, session.now())
    region_terms(session)
    return ids


def later(session: Session, weeks: int) -> None:
    """Move the session's clock `weeks` ahead."""
    start = session.now()
    session.clock = lambda: start + dt.timedelta(weeks=weeks)
