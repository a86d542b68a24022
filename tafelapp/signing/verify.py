"""Verify a signed PDF: every signature, who signed (against trust anchors), and every revision.

pyHanko's modification analysis judges, per signature, whether what came after it is only a later
signature (allowed) or a change; a comparison of the revisions names the change (pages, page
content, annotations, form fields). Signature fields declared before the first signature and
still empty make the document incomplete. Nothing here raises or logs a traceback: a damaged or
non-PDF file is a verdict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass, field
from typing import Any

ALLOWED_AFTER = ("NONE", "LTA_UPDATES", "FORM_FILLING")


@dataclass(frozen=True)
class SignatureReport:
    """One signature: who, when, what it covers, and whether anything changed after it."""

    field: str
    signer: str
    signed_at: dt.datetime | None
    intact: bool
    valid: bool
    covers_whole_file: bool
    modification: str
    trusted: bool = False
    known_as: str = ""
    byte_range: tuple[int, ...] = ()
    changes_after: tuple[str, ...] = ()
    timestamp: dt.datetime | None = None
    certificate_der: bytes = b""
    declared: bool = True
    """It fills one of the signature fields the document declared (or the document declared none)."""
    level: str = "B-B"
    """PAdES level: B-B, B-T, B-LT or B-LTA (ETSI EN 319 142-1)."""
    valid_when_signed: bool | None = None
    """B-LT/B-LTA, judged offline with the embedded data: valid at signing time (None: B-B/B-T)."""
    ltv_reason: str = ""

    @property
    def ends_document(self) -> bool:
        """It covers the whole file, or only validation data and archive timestamps follow."""
        return self.covers_whole_file or self.modification == "LTA_UPDATES"

    @property
    def unchanged(self) -> bool:
        """Its bytes are unchanged, its mathematics hold, and nothing but signatures came after."""
        return self.intact and self.valid and not self.changes_after

    @property
    def verdict(self) -> str:
        """This signature in one Dutch phrase, consistent with the document's verdict."""
        if not (self.intact and self.valid):
            return "gewijzigd: de ondertekende bytes kloppen niet meer"
        if self.changes_after:
            return "gewijzigd na deze handtekening: " + "; ".join(self.changes_after)
        if not self.declared:
            return ("intact, maar in geen van de gevraagde handtekeningvelden: ondertekenaar "
                    "onbekend")
        if self.valid_when_signed is False:
            return f"intact, maar niet geldig: {self.ltv_reason}"
        if self.trusted:
            return f"intact, ondertekend door een bekende ondertekenaar ({self.known_as})"
        return "intact, maar de ondertekenaar is onbekend (geen vertrouwd certificaat)"


@dataclass(frozen=True)
class ArchiveTimestamp:
    """A document timestamp (archive timestamp of B-LTA): its field, time and whether it holds."""

    field: str
    at: dt.datetime | None
    intact: bool
    tsa: str
    tsa_valid_until: dt.datetime | None = None


CHANGED_AFTER_FINAL = ("het document is gewijzigd nadat het was vastgesteld: na de laatste "
                       "gevraagde handtekening is er een handtekening buiten de gevraagde velden "
                       "bijgezet")
SIGNED_THEN_CHANGED = "het document was ondertekend en is daarna gewijzigd"


@dataclass(frozen=True)
class VerifyReport:
    """All signatures of a document, the signatures it still lacks, and the verdict."""

    signatures: list[SignatureReport]
    error: str | None = None
    missing: list[str] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)
    """The signature fields the document declared before its first signature, in order (none
    in documents signed before declarations existed)."""
    tampered: list[str] = field(default_factory=list)
    """Why the document was changed although every signature may look intact (in Dutch)."""
    archive_timestamps: list[ArchiveTimestamp] = field(default_factory=list)
    """The document timestamps after the signatures (B-LTA), oldest first."""

    @property
    def valid_when_signed(self) -> bool:
        """No signature is proven invalid at its signing time by its embedded data."""
        return all(s.valid_when_signed is not False for s in self.signatures)

    @property
    def intact(self) -> bool:
        """Every signature unchanged and valid, and nothing after the last one."""
        return (self.error is None and bool(self.signatures) and not self.tampered
                and all(s.unchanged for s in self.signatures)
                and self.signatures[-1].ends_document
                and all(ts.intact for ts in self.archive_timestamps))

    @property
    def complete(self) -> bool:
        """Every signature the document declared is there."""
        return not self.missing

    @property
    def known(self) -> bool:
        """Every signer's certificate leads to a trust anchor (a region person, PKIoverheid/UZI)."""
        return bool(self.signatures) and all(s.trusted and s.declared for s in self.signatures)

    @property
    def verdict(self) -> str:
        """The document in one Dutch sentence."""
        if self.error:
            return f"niet te controleren: {self.error}"
        if self.tampered:
            return "gewijzigd: " + "; ".join(self.tampered)
        if not self.intact:
            return "gewijzigd"
        if self.missing:
            return "onvolledig: " + "; ".join(f"handtekening van de {m} ontbreekt"
                                              for m in self.missing)
        if not self.valid_when_signed:
            return "intact, maar een handtekening was niet geldig toen zij werd gezet"
        if self.known:
            return "intact en ondertekend door een bekende ondertekenaar"
        return "intact maar ondertekenaar onbekend"


def _deref(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def _pages(root: Any) -> list[Any]:
    found: list[Any] = []

    def walk(node: Any) -> None:
        if node.get("/Type") == "/Page" or "/Kids" not in node:
            found.append(node)
            return
        for kid in node["/Kids"]:
            walk(_deref(kid))
    walk(root["/Pages"])
    return found


def _digest(obj: Any) -> str:
    items = obj if isinstance(obj, list) else [obj]
    h = hashlib.sha256()
    for item in map(_deref, items):
        h.update(getattr(item, "data", b"") or repr(item).encode())
    return h.hexdigest()


def _fields(root: Any) -> dict[str, tuple[str, str]]:
    """Every form field by name: (type, digest of its value)."""
    found: dict[str, tuple[str, str]] = {}

    def walk(node: Any, prefix: str) -> None:
        name = prefix + str(node.get("/T", ""))
        kind = str(node.get("/FT", ""))
        if "/Kids" in node and "/T" in node and not kind:
            for kid in node["/Kids"]:
                walk(_deref(kid), name + ".")
            return
        value = node.get("/V")
        found[name] = (kind, "" if value is None else _digest(value))
    form = _deref(root.get("/AcroForm"))
    for top in (form.get("/Fields", []) if form is not None else []):
        walk(_deref(top), "")
    return found


def _snapshot(resolver: Any) -> dict[str, Any]:
    root = resolver.root
    pages = []
    for page in _pages(root):
        annots = []
        for annot in map(_deref, page.get("/Annots", [])):
            is_sig = annot.get("/FT") == "/Sig" or (
                "/Parent" in annot and _deref(annot["/Parent"]).get("/FT") == "/Sig")
            if not is_sig:
                annots.append(_digest(annot))
        pages.append((_digest(_deref(page.get("/Contents", b""))), tuple(sorted(annots))))
    return {"pages": pages, "fields": _fields(root)}


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changed between two revisions, in words; later signatures are not changes."""
    changes: list[str] = []
    if len(before["pages"]) != len(after["pages"]):
        changes.append(f"pagina's toegevoegd of verwijderd ({len(before['pages'])} → "
                       f"{len(after['pages'])})")
    for number, (old, new) in enumerate(zip(before["pages"], after["pages"], strict=False), 1):
        if old[0] != new[0]:
            changes.append(f"inhoud van pagina {number} gewijzigd")
        if old[1] != new[1]:
            changes.append(f"annotatie toegevoegd, gewijzigd of verwijderd op pagina {number}")
    for name, (kind, value) in after["fields"].items():
        old_field = before["fields"].get(name)
        if kind != "/Sig" and old_field != (kind, value):
            changes.append(f"formulierveld '{name}' toegevoegd of gewijzigd")
    for name, (kind, _value) in before["fields"].items():
        if name not in after["fields"]:
            what = "handtekeningveld" if kind == "/Sig" else "formulierveld"
            changes.append(f"{what} '{name}' verwijderd")
        elif kind == "/Sig" and before["fields"][name][1] and \
                after["fields"][name] != before["fields"][name]:
            changes.append(f"handtekening '{name}' vervangen")
    return changes


def verify(pdf: bytes, trust_roots: dict[bytes, str] | None = None) -> VerifyReport:
    """Every signature of `pdf`, judged against `trust_roots` (certificate DER → whose it is)."""
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL + 1)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL + 1)
    logging.getLogger("fontTools").setLevel(logging.CRITICAL + 1)
    try:
        return _verify(pdf, trust_roots or {})
    except Exception as exc:  # a damaged file is a verdict, never a crash
        return VerifyReport([], f"geen leesbare of geldige PDF ({type(exc).__name__})")


def _verify(pdf: bytes, trust_roots: dict[bytes, str]) -> VerifyReport:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    if not pdf.lstrip()[:5].startswith(b"%PDF-"):
        return VerifyReport([], "dit bestand is geen PDF")
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    embedded = sorted(reader.embedded_regular_signatures, key=lambda e: e.signed_revision)
    last = reader.xrefs.total_revisions - 1
    final = _snapshot(reader.get_historical_resolver(last))
    if not embedded:
        return VerifyReport([], None if (traces := _signature_traces(pdf, reader)) else
                            "het document bevat geen handtekening",
                            tampered=[f"{SIGNED_THEN_CHANGED} ({'; '.join(traces)})"]
                            if traces else [])
    before_first = embedded[0].signed_revision - 1  # the declaration, if the document has one
    declared = [] if before_first < 0 else [
        name for name, (kind, value) in _snapshot(reader.get_historical_resolver(
            before_first))["fields"].items() if kind == "/Sig" and not value]
    anchors = [asn1_x509.Certificate.load(der) for der in trust_roots]
    ltv = {v.field: v for v in _ltv_verdicts(pdf, list(trust_roots), reader)}
    reports = []
    for sig in embedded:
        cert = sig.signer_cert
        try:
            status = validate_pdf_signature(sig, ValidationContext(
                trust_roots=anchors, allow_fetching=False))
            level = status.modification_level.name if status.modification_level else "OTHER"
            changes = _changes(_snapshot(reader.get_historical_resolver(sig.signed_revision)),
                               final)
            if level not in ALLOWED_AFTER and not changes:
                changes = ["een wijziging die na een handtekening niet is toegestaan"]
            if not status.docmdp_ok and not changes:
                changes = ["een wijziging die de ondertekenaar niet toestond (DocMDP)"]
            known = trust_roots.get(cert.dump(), "") or (
                "PKIoverheid/UZI-certificaat" if status.trusted else "")
            ts = status.timestamp_validity.timestamp if status.timestamp_validity else None
            reports.append(SignatureReport(
                field=sig.field_name, signer=cert.subject.human_friendly,
                signed_at=status.signer_reported_dt, intact=bool(status.intact),
                valid=bool(status.valid),
                covers_whole_file=status.coverage is not None
                and status.coverage.name == "ENTIRE_FILE",
                modification=level, trusted=bool(status.trusted), known_as=known,
                byte_range=tuple(int(x) for x in sig.sig_object["/ByteRange"]),
                changes_after=tuple(changes), timestamp=ts, certificate_der=cert.dump(),
                declared=not declared or sig.field_name in declared,
                **_ltv_fields(ltv.get(sig.field_name))))
        except Exception as exc:
            reports.append(SignatureReport(sig.field_name, cert.subject.human_friendly, None,
                                           False, False, False, f"fout: {type(exc).__name__}",
                                           certificate_der=cert.dump(),
                                           declared=not declared or sig.field_name in declared))
    signed_fields = {sig.field_name for sig in embedded}
    missing = [name for name, (kind, value) in final["fields"].items()
               if kind == "/Sig" and not value and name not in signed_fields]
    return VerifyReport(reports, None, [m.lower() for m in missing], declared,
                        _after_final(reports, declared), _archive_timestamps(reader, anchors))


def _ltv_verdicts(pdf: bytes, roots: list[bytes], reader: Any) -> list[Any]:
    from tafelapp.signing.ltv import judge

    try:
        return judge(pdf, roots, reader=reader)
    except Exception:
        return []


def _ltv_fields(verdict: Any) -> dict[str, Any]:
    if verdict is None:
        return {}
    return {"level": verdict.level, "valid_when_signed": verdict.valid,
            "ltv_reason": verdict.reason}


def _archive_timestamps(reader: Any, anchors: list[Any]) -> list[ArchiveTimestamp]:
    """Every document timestamp, checked for integrity (its TSA is judged by `ltv.judge`)."""
    from pyhanko.sign.validation import validate_pdf_timestamp
    from pyhanko_certvalidator import ValidationContext

    found = []
    for ts in sorted(reader.embedded_timestamp_signatures, key=lambda e: e.signed_revision):
        cert = ts.signer_cert
        try:
            status = validate_pdf_timestamp(ts, ValidationContext(
                trust_roots=anchors, allow_fetching=False), skip_diff=True)
            intact = bool(status.intact and status.valid)
            at = status.timestamp
        except Exception:
            intact, at = False, None
        found.append(ArchiveTimestamp(
            ts.field_name, at, intact, cert.subject.human_friendly,
            cert["tbs_certificate"]["validity"]["not_after"].native))
    return found


def _after_final(reports: list[SignatureReport], declared: list[str]) -> list[str]:
    """A signature outside the declared fields, once every declared one was there, is a change
    to a final document (a signature in between is only an unknown signer)."""
    filled: set[str] = set()
    for report in reports:
        if report.declared:
            filled.add(report.field)
        elif declared and filled >= set(declared):
            return [CHANGED_AFTER_FINAL]
    return []


def _signature_traces(pdf: bytes, reader: Any) -> list[str]:
    """Signs that a document without a signature had one: an earlier revision with a signed
    field, a signature dictionary nothing refers to any more, declared signature fields, DocMDP
    permissions, or the record pin Tafelapp writes only into notulen it signs."""
    traces: list[str] = []
    revisions = reader.xrefs.total_revisions
    for revision in range(revisions):
        try:
            resolver = reader.get_historical_resolver(revision)
            fields = _fields(resolver.root)
        except Exception:
            continue
        if any(kind == "/Sig" and value for kind, value in fields.values()):
            traces.append(f"versie {revision + 1} van het bestand droeg een handtekening")
            break
    final_root = reader.get_historical_resolver(revisions - 1).root
    if any(kind == "/Sig" for kind, _v in _fields(final_root).values()):
        traces.append("er zijn handtekeningvelden, maar ze zijn leeg")
    if "/Perms" in final_root:
        traces.append("het bestand heeft ondertekeningsrechten (/Perms)")
    compact = pdf.replace(b" ", b"")
    if b"/ByteRange[" in compact and b"/Contents<" in compact:
        traces.append("er staat nog een handtekening in het bestand waar niets meer naar verwijst")
    for revision in range(revisions):
        try:
            info = _deref(reader.get_historical_resolver(revision).trailer_view.get("/Info"))
        except Exception:
            continue
        if info is not None and PIN_KEY in info:
            traces.append("het bestand draagt het kenmerk dat Tafelapp alleen in ondertekende "
                          "notulen zet")
            break
    return traces


PIN_KEY = "/tafelapprecordsha256"
"""Where the notulen's record pin is in the document information (see reports.minutes_html)."""


def pinned_hash(pdf: bytes) -> str | None:
    """The record pin as the first signature covered it (a later revision cannot move it)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_regular_signatures)
        revision = embedded[0].signed_revision if embedded else \
            reader.xrefs.total_revisions - 1
        info = _deref(reader.get_historical_resolver(revision).trailer_view.get("/Info"))
        value = info.get(PIN_KEY) if info is not None else None
        return str(value) if value is not None else None
    except Exception:
        return None
