"""`tafelapp check` against the region: read the audit anchors back and compare the local chain."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from tafelapp.domain.anchors import Anchor, compare, parse_anchor
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.store import audit_repo, outbox_repo
from tafelapp.sync.zgw_client import ZgwClient

MAX_PAGES = 1000


@dataclass(frozen=True)
class AnchorReport:
    """What the region holds for this vault, and where the local history differs from it."""

    checked: bool
    anchors: int = 0
    differences: list[str] = field(default_factory=list)
    note: str = ""


def region_anchors(client: ZgwClient, rsin: str) -> list[Anchor]:
    """Every anchor in the documents of this bronorganisatie (all pages)."""
    anchors: list[Anchor] = []
    reply = client.request("GET", "/enkelvoudiginformatieobjecten",
                           params={"bronorganisatie": rsin})
    for _ in range(MAX_PAGES):
        if reply.status != 200 or not isinstance(reply.body, dict):
            raise LookupError(f"HTTP {reply.status}")
        for doc in reply.body.get("results") or []:
            anchor = parse_anchor(str(doc.get("beschrijving") or ""),
                                  str(doc.get("identificatie") or ""),
                                  str(doc.get("beginRegistratie") or doc.get("creatiedatum") or ""))
            if anchor is not None:
                anchors.append(anchor)
        following = reply.body.get("next")
        if not following:
            break
        reply = client.request("GET", str(following))
    return anchors


def check_anchors(session: Session) -> AnchorReport:
    """Compare the local audit chain with the anchors the region keeps (network: not on the UI
    thread). Unreachable or not configured: not checked, with the reason."""
    settings = outbox_service.region_settings(session)
    if not settings.configured:
        return AnchorReport(False, note="geen regio ingesteld: ankers niet gecontroleerd")
    client = ZgwClient(settings, session.actor)
    try:
        anchors = region_anchors(client, settings.rsin)
    except (httpx.HTTPError, LookupError) as exc:
        return AnchorReport(False, note=f"ankers niet te controleren: de regionale server "
                                        f"antwoordt niet zoals verwacht ({exc or type(exc)})")
    finally:
        client.close()
    delivered = {item.identificatie for item in outbox_repo.all_items(session.conn)
                 if item.state in ("delivered", "unconfirmed") and item.kind != "case"}
    records = audit_repo.all_records(session.conn)
    return AnchorReport(True, len(anchors), compare(records, anchors, delivered))
