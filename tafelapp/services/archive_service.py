"""Archive-grade notulen (PAdES B-LTA, ETSI EN 319 142): the upgrade before the first upload, its
renewal before the timestamp authority's certificate expires, and what screen and CLI say of it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from tafelapp.services.minutes_service import get_minutes
from tafelapp.services.session import Session
from tafelapp.services.settings_service import get_region_tsa, get_settings
from tafelapp.signing import ltv, pades
from tafelapp.store import minutes_repo, outbox_repo, settings_repo
from tafelapp.store.transaction import transaction

LOCAL_NOTE = ("ondertekend met een lokale identiteit (zonder certificaatautoriteit): daarvoor "
              "bestaan geen intrekkingsgegevens, dus de notulen blijven op niveau {level} en "
              "worden zo verzonden; na het verlopen van dat certificaat is de handtekening niet "
              "meer te bewijzen")
NO_TSA_NOTE = ("er is geen tijdstempeldienst van de regio ingesteld: de notulen blijven op "
               "niveau {level} en worden zo verzonden (stel de tijdstempeldienst in met "
               "tafelapp region set --tsa-url)")
NO_SIGNATURE_TIMESTAMP_NOTE = (
    "ondertekend zonder tijdstempel: de notulen blijven op niveau B-B. Bij het verzenden zijn de "
    "certificaten, de intrekkingsgegevens en een archieftijdstempel toegevoegd, maar zonder "
    "tijdstempel bij de handtekening is na het verlopen of intrekken van een certificaat niet "
    "te bewijzen dat er daarvóór werd ondertekend")
_RENEWAL_KEY = "archive_renewal"


@dataclass(frozen=True)
class ArchiveStep:
    """Before an upload: 'ready' (send the stored bytes), 'hold' (retry later) or 'refused'."""

    kind: str
    message: str | None = None


def _anchors(session: Session) -> dict[bytes, str]:
    from tafelapp.services.setup_service import trust_anchors

    return trust_anchors(session)


def _honest_level(minutes_timestamped: bool) -> str:
    return "B-T" if minutes_timestamped else "B-B"


def _check_upgrade(before: bytes, after: bytes, anchors: dict[bytes, str],
                   signatures: int, untimestamped: bool = False) -> str | None:
    """Why `after` is not exactly an archive upgrade of `before` (None: it is): the signed bytes
    are its prefix, the same signatures are intact, only validation data and archive timestamps
    follow them, and each is B-LTA and valid when it was made, judged offline."""
    if not after.startswith(before) or len(after) <= len(before):
        return "de archiefversie bouwt niet voort op de ondertekende bytes"
    report = pades.verify(after, anchors)
    if not report.intact or len(report.signatures) != signatures:
        return f"de archiefversie is niet intact ({report.verdict})"
    wrong = [s for s in report.signatures
             if not (s.level == "B-LTA" and s.valid_when_signed)
             and not (untimestamped and s.level == "B-B")]  # B-B stays B-B, said in the note
    if wrong:
        return "; ".join(f"{s.field}: {s.level}, {s.ltv_reason or 'niet te bewijzen'}"
                         for s in wrong)
    return None


def before_upload(session: Session, minutes_id: str) -> ArchiveStep:
    """Make final notulen B-LTA before their first upload, once; the local copy becomes the very
    bytes that are sent. Notulen signed with a local identity, or without a timestamp authority,
    keep their honest level and say so. Unreachable OCSP/CRL/TSA: hold (the outbox retries);
    a revoked certificate: refused, nothing is uploaded."""
    minutes = get_minutes(session, minutes_id)
    level, _at, note = minutes_repo.archive_info(session.conn, minutes_id)
    if level == "B-LTA" or note:
        return ArchiveStep("ready", note)
    honest = _honest_level(all(s.timestamped for s in minutes.signatures))
    tsa = get_region_tsa(session)
    if any(s.local_identity for s in minutes.signatures) or not tsa:
        why = (LOCAL_NOTE if any(s.local_identity for s in minutes.signatures)
               else NO_TSA_NOTE).format(level=honest)
        with session.change("minutes.archive_level", "minutes", minutes_id,
                            fields=[f"archive_level={honest}", "archive_note"]) as conn:
            minutes_repo.save_archive_version(conn, minutes_id, None, None, honest, None, why)
        return ArchiveStep("ready", why)
    pdf = minutes_repo.document(session.conn, minutes_id)
    assert pdf is not None
    anchors = _anchors(session)
    try:
        archived = ltv.archive(pdf, list(anchors), tsa)
    except ltv.ArchiveProblem as exc:
        return ArchiveStep("hold" if exc.retry else "refused",
                           f"Archiefversie niet gemaakt: {exc}.")
    untimestamped = honest == "B-B"  # no signature timestamp: checked, but B-LT is not possible
    problem = _check_upgrade(pdf, archived, anchors, len(minutes.signatures), untimestamped)
    if problem:
        return ArchiveStep("refused", f"Archiefversie niet gemaakt: {problem}. De notulen "
                                      "worden niet verzonden.")
    sha = hashlib.sha256(archived).hexdigest()
    level, note = ("B-B", NO_SIGNATURE_TIMESTAMP_NOTE) if untimestamped else ("B-LTA", None)
    with session.change("minutes.archive", "minutes", minutes_id,
                        fields=["document", f"document_sha256={sha}",
                                f"archive_level={level}"]) as conn:
        minutes_repo.save_archive_version(conn, minutes_id, archived, sha, level,
                                          session.now().isoformat(), note)
    return ArchiveStep("ready", note)


@dataclass(frozen=True)
class RenewalStatus:
    """When the renewal job last ran, what it renewed, what failed, and the next due date."""

    last_run: str | None
    renewed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    next_due: dt.datetime | None = None
    next_number: str | None = None
    last_renewed_at: str | None = None

    @property
    def sentence(self) -> str:
        """In Dutch, for the screen and `tafelapp archive status`."""
        if self.last_run is None:
            text = "De archieftijdstempels zijn nog niet gecontroleerd."
        else:
            text = f"Archieftijdstempels laatst gecontroleerd op {self.last_run}"
            text += f"; vernieuwd: {', '.join(self.renewed)}." if self.renewed else \
                "; niets te vernieuwen."
        if self.last_renewed_at:
            text += f" Laatst vernieuwd op {self.last_renewed_at}."
        if self.problems:
            text += " Niet gelukt: " + "; ".join(self.problems) + "."
        if self.next_due and self.next_number:
            text += (f" Volgende vernieuwing: notulen {self.next_number} vóór "
                     f"{self.next_due:%d-%m-%Y}.")
        return text


def _due(session: Session) -> list[tuple[str, str, dt.datetime]]:
    """(id, number, renew-by) of every B-LTA notulen, soonest first."""
    margin = dt.timedelta(days=get_settings(session).archive_renew_margin_days)
    found = []
    for minutes_id, number, _at in minutes_repo.archived(session.conn):
        pdf = minutes_repo.document(session.conn, minutes_id)
        _made, until = ltv.archive_state(pdf) if pdf else (None, None)
        if until is not None:
            found.append((minutes_id, number, until - margin))
    return sorted(found, key=lambda f: f[2])


def renew_due(session: Session) -> RenewalStatus:
    """The scheduled job: a new archive timestamp for every notulen whose newest one's TSA
    certificate expires within the margin (settings: archive_renew_margin_days). Each renewal is
    an incremental update the database's guard checks like the first upgrade, and is queued in
    the outbox as a new versie of the document at the region."""
    now = session.now()
    tsa = get_region_tsa(session)
    renewed, problems = [], []
    anchors = _anchors(session)
    for minutes_id, number, renew_by in _due(session):
        if renew_by > now:
            continue
        if not tsa:
            problems.append(f"notulen {number}: geen tijdstempeldienst ingesteld")
            continue
        pdf = minutes_repo.document(session.conn, minutes_id)
        assert pdf is not None
        try:
            new = ltv.renew(pdf, list(anchors), tsa)
        except ltv.ArchiveProblem as exc:
            problems.append(f"notulen {number}: {exc}")
            continue
        problem = _check_upgrade(pdf, new, anchors, len(get_minutes(session, minutes_id).signatures))
        if problem:
            problems.append(f"notulen {number}: {problem}")
            continue
        sha = hashlib.sha256(new).hexdigest()
        with session.change("minutes.archive_renew", "minutes", minutes_id,
                            fields=["document", f"document_sha256={sha}"]) as conn:
            minutes_repo.save_archive_version(conn, minutes_id, new, sha, "B-LTA",
                                              now.isoformat(), None)
            first = outbox_repo.item_of(conn, "minutes", minutes_id)
            if first is not None:  # the region gets it as a new versie (sync.renewal)
                outbox_repo.queue_renewal(conn, minutes_id, first.identificatie, now)
        renewed.append(number)
    previous = settings_repo.get(session.conn, _RENEWAL_KEY) or {}
    due = _due(session)
    record = {"last_run": now.isoformat(timespec="seconds"), "renewed": renewed,
              "problems": problems,
              "last_renewed_at": now.isoformat(timespec="seconds") if renewed
              else previous.get("last_renewed_at"),
              "next_due": due[0][2].isoformat() if due else None,
              "next_number": due[0][1] if due else None}
    with transaction(session.conn) as conn:
        settings_repo.put(conn, _RENEWAL_KEY, record)
    return renewal_status(session)


def renewal_status(session: Session) -> RenewalStatus:
    """What the renewal job last did, and which notulen was due next then (read, not computed:
    cheap enough for every status refresh)."""
    stored = settings_repo.get(session.conn, _RENEWAL_KEY) or {}
    next_due = stored.get("next_due")
    return RenewalStatus(stored.get("last_run"), list(stored.get("renewed", [])),
                         list(stored.get("problems", [])),
                         dt.datetime.fromisoformat(next_due) if next_due else None,
                         stored.get("next_number"), stored.get("last_renewed_at"))


def level_of_minutes(session: Session, minutes_id: str) -> tuple[str | None, str | None]:
    """(level, note) as stored for the screen; None before the first upload was prepared."""
    level, _at, note = minutes_repo.archive_info(session.conn, minutes_id)
    return level, note


def signature_lines(session: Session, minutes_id: str) -> list[str]:
    """Per signature of signed notulen, in Dutch: its level and, for B-LT/B-LTA, the offline
    verdict as of signing time with the embedded data only (for the notulen screen)."""
    minutes = get_minutes(session, minutes_id)
    pdf = minutes_repo.document(session.conn, minutes_id) if minutes.signatures else None
    if pdf is None:
        return []
    report = pades.verify(pdf, _anchors(session))
    lines = []
    for sig in report.signatures:
        line = f"{sig.field}: {ltv.LEVEL_NL.get(sig.level, sig.level)}"
        if sig.valid_when_signed is True:
            line += " — geldig op het moment van ondertekenen (offline gecontroleerd)"
        elif sig.valid_when_signed is False:
            line += f" — niet geldig: {sig.ltv_reason}"
        lines.append(line)
    _level, _at, note = minutes_repo.archive_info(session.conn, minutes_id)
    if note:
        lines.append(f"Let op: {note}.")
    elif minutes.status.value == "FINAL" and report.signatures and \
            report.signatures[0].level in ("B-B", "B-T"):
        lines.append("Bij het verzenden worden de validatiegegevens en een archieftijdstempel "
                     "toegevoegd (B-LTA)." if report.signatures[0].level == "B-T" else
                     "Bij het verzenden worden de validatiegegevens en een archieftijdstempel "
                     "toegevoegd; zonder tijdstempel bij de handtekening blijft het niveau B-B.")
    return lines
