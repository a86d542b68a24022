"""`tafelapp verify FILE` and `tafelapp notulen verify FILE`: who signed, what changed, what is missing.

Exit codes: 0 intact, complete and every signer known · 5 intact and complete but a signer is not
known (no trusted certificate) · 4 changed or incomplete · 2 not a (readable) PDF or no signature.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tafelapp.services import minutes_service, setup_service
from tafelapp.services.session import Session
from tafelapp.signing.verify import VerifyReport

EXIT_OK, EXIT_INVALID, EXIT_TAMPERED, EXIT_UNKNOWN_SIGNER = 0, 2, 4, 5


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
    return value.astimezone().strftime("%d-%m-%Y %H:%M") if value else "onbekend"


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
                   f"bytes {sig.byte_range[0]}–{sig.byte_range[-2] + sig.byte_range[-1]}"
                   if len(sig.byte_range) == 4 else "onbekend")
        print(f"{number}. {sig.field}: {who}")
        print(f"   getekend {_when(sig.signed_at)}{stamp}; dekt {covered}")
        print(f"   oordeel: {sig.verdict}")
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
