"""`tafelapp check` as a whole (command line and screen): the vault's own checks, every final
notulen proven from its PDF, and the audit chain against the region — saying exactly what was
compared, and when the region was last compared when it was not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tafelapp.services import signed_record_service, vault_service
from tafelapp.services.session import Session
from tafelapp.store import settings_repo
from tafelapp.sync.anchors import AnchorReport, check_anchors

LAST_COMPARED_KEY = "anchors_last_compared"
"""When `check` last compared the audit chain with the region's anchors (ISO, UTC)."""

ALL_WELL = "Alles in orde."
PROBLEM = "ER IS EEN PROBLEEM MET DE KLUIS."


@dataclass(frozen=True)
class CheckResult:
    """What `check` found, and the one sentence that sums it up."""

    vault: vault_service.CheckReport
    anchors: AnchorReport
    unproven: list[str] = field(default_factory=list)
    last_compared: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        """Nothing wrong found (locally, and with the region where it was compared)."""
        return self.vault.ok and not self.anchors.differences and not self.unproven

    @property
    def compared(self) -> bool:
        """The audit chain was compared with the region's anchors in this check."""
        return self.anchors.checked

    @property
    def sentence(self) -> str:
        """The verdict in one sentence, the same on the command line and on the screen."""
        if not self.ok:
            return PROBLEM
        if self.compared:
            return ALL_WELL
        when = (self.last_compared.astimezone().strftime("%d-%m-%Y %H:%M")
                if self.last_compared else "nog nooit")
        return f"lokaal in orde — niet vergeleken met de regio (laatst vergeleken: {when})"


def last_compared(session: Session) -> dt.datetime | None:
    """When the audit chain was last compared with the region (None: never)."""
    value = settings_repo.get(session.conn, LAST_COMPARED_KEY)
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def run_check(session: Session, offline: bool = False) -> CheckResult:
    """Every check; with the region reachable (and not `offline`) the anchors are compared and
    the moment is kept, so a later check that cannot reach the region can name it."""
    report = vault_service.check(session)
    unproven = signed_record_service.status_mismatches(session)
    anchors = AnchorReport(False, note="niet gevraagd (--offline)") if offline else \
        check_anchors(session)
    if anchors.checked:
        now = session.now().astimezone(dt.UTC).replace(microsecond=0)
        with session.change("check.anchors_compared", "settings", LAST_COMPARED_KEY,
                            fields=["compared_at"]) as conn:
            settings_repo.put(conn, LAST_COMPARED_KEY, now.isoformat())
        return CheckResult(report, anchors, unproven, now)
    return CheckResult(report, anchors, unproven, last_compared(session))
