"""`tafelapp verify FILE`, `notulen verify`, `check` and `audit verify`: is what we hold intact.

Exit codes of verify: 0 intact, complete and every signer known · 5 intact and complete but a
signer is not known (no trusted certificate, or a signature in no declared field) · 4 changed or
incomplete (also: a signature after the last declared one, signatures taken out) · 2 not a
(readable) PDF or never signed. Of check: 0 in order and compared with the region · 1 a problem
· 6 locally in order, not compared with the region.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tafelapp.cli.common import print_json
from tafelapp.domain.labels import nl_moment
from tafelapp.services import minutes_service, setup_service, vault_service
from tafelapp.services.session import Session
from tafelapp.signing.ltv import LEVEL_NL
from tafelapp.signing.verify import VerifyReport

EXIT_OK, EXIT_ERROR, EXIT_INVALID, EXIT_TAMPERED, EXIT_UNKNOWN_SIGNER = 0, 1, 2, 4, 5
EXIT_NOT_COMPARED = 6
"""`check`: locally in order, but not compared with the region's anchors."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of both verify commands."""
    parser.add_argument("file")
    parser.add_argument("--region", help="regiobestand met de certificaten van de ondertekenaars")
    parser.add_argument("--trust", action="append", default=[],
                        help="vertrouwd stamcertificaat (PEM), bijvoorbeeld PKIoverheid of UZI")


def _anchors(args: argparse.Namespace, session: Session | None) -> dict[bytes, str]:
    from tafelapp.signing.identities import certificate_from_pem

    anchors = setup_service.trust_anchors(session) if session is not None else {}
    if args.region:
        anchors.update(setup_service.anchors_from_region_file(Path(args.region).read_bytes()))
    for path in args.trust:
        der = certificate_from_pem(Path(path).read_text("ascii", errors="replace"))
        if der is None:
            raise SystemExit(f"{path}: geen leesbaar certificaat (PEM)")
        anchors.setdefault(der, "vertrouwd stamcertificaat")
    return anchors


def _when(value: Any) -> str:
    return nl_moment(value) if value else "onbekend"  # Dutch local time with its zone


def print_report(report: VerifyReport) -> int:
    """The report in Dutch, per signature and as a whole; returns the exit code."""
    if report.error and not report.signatures:
        print(f"Niet te controleren: {report.error}.")
        return EXIT_INVALID
    for number, sig in enumerate(report.signatures, start=1):
        who = f"{sig.signer}" + (f" = {sig.known_as}" if sig.known_as else "")
        stamp = f"; tijdstempel {_when(sig.timestamp)}" if sig.timestamp else \
            "; zonder tijdstempel"
        covered = ("het hele bestand" if sig.covers_whole_file else
                   "alles tot de validatiegegevens en archieftijdstempels"
                   if sig.ends_document else
                   f"bytes {sig.byte_range[0]}–{sig.byte_range[-2] + sig.byte_range[-1]}"
                   if len(sig.byte_range) == 4 else "onbekend")
        print(f"{number}. {sig.field}: {who}")
        print(f"   getekend {_when(sig.signed_at)}{stamp}; dekt {covered}")
        print(f"   oordeel: {sig.verdict}")
        print(f"   niveau: {LEVEL_NL.get(sig.level, sig.level)}")
        if sig.valid_when_signed is not None or sig.ltv_reason:
            word = {True: "geldig op het moment van ondertekenen", False: "niet geldig",
                    None: "niet offline te beoordelen"}[sig.valid_when_signed]
            print(f"   offline, met de ingesloten gegevens: {word} ({sig.ltv_reason})")
    for archive in report.archive_timestamps:
        state = "intact" if archive.intact else "NIET intact"
        until = f"; tijdstempeldienst geldig tot {_when(archive.tsa_valid_until)}" \
            if archive.tsa_valid_until else ""
        print(f"Archieftijdstempel {archive.field}: {_when(archive.at)}, {state}{until}")
    for missing in report.missing:
        print(f"Ontbreekt: de handtekening van de {missing}.")
    print(f"Oordeel: {report.verdict}.")
    if not report.intact or not report.complete:
        return EXIT_TAMPERED
    return EXIT_OK if report.known else EXIT_UNKNOWN_SIGNER


def cmd_verify(args: argparse.Namespace, session: Session | None = None) -> int:
    """Verify a signed PDF; inside a vault its region's people are the known signers."""
    path = Path(args.file)
    if not path.is_file():
        print(f"Niet te controleren: {path} is geen bestand.")
        return EXIT_INVALID
    return print_report(minutes_service.verify_pdf(path.read_bytes(), _anchors(args, session)))


def cmd_check(args: argparse.Namespace, session: Session) -> int:
    """The vault's own checks, every final notulen proven from its PDF, then the audit chain
    against the anchors the region keeps. Exit 0 all in order (compared with the region), 1 a
    problem, 6 locally in order but not compared with the region (offline, unreachable, none)."""
    from tafelapp.sync.check import run_check

    result = run_check(session, offline=args.offline)
    report, anchors = result.vault, result.anchors
    code = EXIT_ERROR if not result.ok else EXIT_OK if result.compared else EXIT_NOT_COMPARED
    if args.json:
        print_json({"path": report.path, "cipher_version": report.cipher_version,
                     "schema_version": report.schema_version,
                     "latest_schema": report.latest_schema, "integrity": report.integrity,
                     "audit_records": report.audit_records,
                     "audit_problems": report.audit_problems,
                     "watch_mismatches": report.watch_mismatches,
                     "record_mismatches": report.record_mismatches,
                     "unproven_minutes": result.unproven,
                     "anchors": {"checked": anchors.checked, "count": anchors.anchors,
                                 "differences": anchors.differences, "note": anchors.note,
                                 "last_compared": result.last_compared.isoformat()
                                 if result.last_compared else None},
                     "ok": result.ok, "compared": result.compared, "verdict": result.sentence})
        return code
    print(f"Kluis:                    {report.path}")
    print(f"SQLCipher (cipher_version): {report.cipher_version}")
    print(f"Schemaversie:             {report.schema_version} (nieuwste: {report.latest_schema})")
    cipher = report.integrity["cipher_integrity_check"]
    print(f"cipher_integrity_check:   {'ok' if not cipher else '; '.join(cipher)}")
    print(f"integrity_check:          {'; '.join(report.integrity['integrity_check'])}")
    fk = report.integrity["foreign_key_check"]
    print(f"foreign_key_check:        {'ok' if not fk else '; '.join(fk)}")
    audit = "ok" if not report.audit_problems else "; ".join(report.audit_problems)
    print(f"Auditlog:                 {report.audit_records} records, {audit}")
    watch = ("ok" if not report.watch_mismatches else
             f"wijkt af bij {', '.join(report.watch_mismatches)}")
    print(f"Werklijst (case_watch):   {watch}")
    pinned = ("ok" if not report.record_mismatches else
              "GEWIJZIGD na ondertekening: " + "; ".join(report.record_mismatches))
    print(f"Ondertekende verslagen:   {pinned}")
    proven = "ok" if not result.unproven else "KLOPT NIET: " + "; ".join(result.unproven)
    print(f"Vastgestelde notulen:     {proven}")
    if anchors.differences:
        print("Ankers bij de regio:      WIJKT AF: " + "; ".join(anchors.differences))
    else:
        print(f"Ankers bij de regio:      "
              f"{f'{anchors.anchors} gecontroleerd, ok' if anchors.checked else anchors.note}")
    print(result.sentence)
    return code


def cmd_audit(args: argparse.Namespace, session: Session) -> int:
    """audit verify: the local hash chain."""
    count, problems = vault_service.verify_audit(session)
    if problems:
        for problem in problems:
            print(f"auditlog: {problem}", file=sys.stderr)
        print(f"Auditlog NIET intact: {len(problems)} afwijking(en) in {count} records.")
        return EXIT_ERROR
    print(f"Auditlog intact: {count} records, keten klopt.")
    return EXIT_OK
