"""`verify` says exactly what it knows: a signature in no declared field between the declared ones
is an unknown signer (exit 5); one after the last declared signature is a change to a final
document (exit 4); a signed PDF whose signatures were taken out is 'signed and then changed'
(exit 4), never 'never signed' (exit 2) — whether the fields were removed in an update, the file
was cut back to before the first signature, or the document was rewritten without them."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tafelapp.services import minutes_service
from tafelapp.signing import identities, pades
from tafelapp.signing.verify import CHANGED_AFTER_FINAL, SIGNED_THEN_CHANGED
from tests.signing.test_verify_attacks import NOW, _secretary_signs, signed  # noqa: F401


def _cli(tmp: Path, data: bytes, *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp / "stuk.pdf"
    path.write_bytes(data)
    return subprocess.run([sys.executable, "-m", "tafelapp.cli", "verify", str(path), *extra],
                          capture_output=True, text=True, timeout=120)


def _trust(tmp: Path, signed: dict[str, Any]) -> list[str]:  # noqa: F811
    """--trust for both signers' certificates: every signer is known to the command."""
    from tafelapp.signing.identities import certificate_pem

    paths = []
    for number, der in enumerate(signed["anchors"]):
        path = tmp / f"anker{number}.pem"
        path.write_text(certificate_pem(der), "ascii")
        paths += ["--trust", str(path)]
    return paths


def _chair_again(signed: dict[str, Any], pdf: bytes, field: str) -> bytes:  # noqa: F811
    chair_id = next(i.id for i in minutes_service.list_identities(signed["session"])
                    if i.owner_name == signed["meeting"].chair)
    cert, key = minutes_service.unlock_identity(signed["session"], chair_id, "123456")
    return pades.sign(pdf, cert, key, field, signed["meeting"].chair, "r", "l", field)


@pytest.fixture
def known(signed: dict[str, Any], session: Any) -> dict[str, Any]:  # noqa: F811
    return {**signed, "session": session}


def test_a_signature_after_the_last_declared_one_is_a_change_to_a_final_document(
        known: dict[str, Any], tmp_path: Path) -> None:
    final = _secretary_signs(known, known["chair_pdf"])
    for extra in (_chair_again(known, final, "Nog een keer"),  # a known signer …
                  pades.sign(final, *_mallory(), "Extra", "Mallory", "r", "l")):  # … or anyone
        report = minutes_service.verify_pdf(extra, known["anchors"])
        assert report.tampered == [CHANGED_AFTER_FINAL] and not report.intact
        assert report.verdict == "gewijzigd: " + CHANGED_AFTER_FINAL
        result = _cli(tmp_path, extra, *_trust(tmp_path, known))
        assert result.returncode == 4, result.stdout
        assert CHANGED_AFTER_FINAL in " ".join(result.stdout.split())


def _mallory() -> tuple[bytes, bytes]:
    made = identities.create_local("Mallory Aanvaller", "000000", NOW)
    return made.certificate_der, identities.unlock_key(made.encrypted_key_der, "000000")


def test_a_signature_in_no_declared_field_between_the_declared_ones_is_an_unknown_signer(
        known: dict[str, Any], tmp_path: Path) -> None:
    between = _chair_again(known, known["chair_pdf"], "Tussendoor")  # a known certificate
    final = _secretary_signs(known, between)
    report = minutes_service.verify_pdf(final, known["anchors"])
    assert report.intact and report.complete and not report.known and not report.tampered
    assert report.verdict == "intact maar ondertekenaar onbekend"
    assert "in geen van de gevraagde handtekeningvelden" in report.signatures[1].verdict
    result = _cli(tmp_path, final, *_trust(tmp_path, known))
    assert result.returncode == 5 and "ondertekenaar onbekend" in result.stdout, result.stdout
    both = minutes_service.verify_pdf(_secretary_signs(known, known["chair_pdf"]),
                                      known["anchors"])
    assert both.known and both.verdict.startswith("intact en ondertekend")  # the control


def _without_signature_fields(pdf: bytes) -> bytes:
    """An incremental update that drops the form and the signature widgets from every page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    del writer.root["/AcroForm"]
    writer.update_root()
    for page_ref in writer.root["/Pages"]["/Kids"]:
        page = page_ref.get_object()
        if "/Annots" in page:
            page[generic.NameObject("/Annots")] = generic.ArrayObject()
            writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cut_before_first_signature(pdf: bytes) -> bytes:
    """The file up to the revision before the first signature (the declared, empty fields)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    sig = next(iter(PdfFileReader(io.BytesIO(pdf)).embedded_signatures))
    start = int(sig.sig_object["/ByteRange"][1])  # inside the first signature's revision
    return pdf[:pdf.rindex(b"%%EOF", 0, start) + 5] + b"\n"


def _rewritten_without_signatures(pdf: bytes) -> bytes:
    """The whole document copied into a new file (one revision), without form and widgets."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(pdf)))
    root = writer.root
    if "/AcroForm" in root:
        del root["/AcroForm"]
    for page_ref in root["/Pages"]["/Kids"]:
        page = page_ref.get_object()
        if "/Annots" in page:
            page[generic.NameObject("/Annots")] = generic.ArrayObject()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("strip", [_without_signature_fields, _cut_before_first_signature,
                                   _rewritten_without_signatures])
def test_a_signed_pdf_whose_signatures_were_taken_out_was_signed_and_changed(
        known: dict[str, Any], tmp_path: Path, strip: Any) -> None:
    stripped = strip(_secretary_signs(known, known["chair_pdf"]))
    report = minutes_service.verify_pdf(stripped, known["anchors"])
    assert report.signatures == [] and report.error is None, report.error
    assert report.tampered and report.tampered[0].startswith(SIGNED_THEN_CHANGED)
    result = _cli(tmp_path, stripped)
    assert result.returncode == 4, result.stdout
    assert SIGNED_THEN_CHANGED in result.stdout and "Traceback" not in result.stderr


def test_a_pdf_that_was_never_signed_still_says_so(known: dict[str, Any],
                                                   tmp_path: Path) -> None:
    draft = minutes_service.render_draft(known["session"], known["minutes"].id)
    result = _cli(tmp_path, draft)
    assert result.returncode == 2 and "geen handtekening" in result.stdout


def test_a_document_signed_before_fields_were_declared_still_verifies_and_proves_final(
        known: dict[str, Any], tmp_path: Path) -> None:
    from tafelapp.documents.pdf import render_pdf
    from tafelapp.domain.minutes import MinutesStatus, SignerRole
    from tafelapp.services import signed_record_service

    session = known["session"]
    legacy = _secretary_signs(known, _chair_again(known, render_pdf("<p>Notulen</p>"),
                                                  "Voorzitter"))  # each field made as it signs
    report = minutes_service.verify_pdf(legacy, known["anchors"])
    assert report.declared == [] and report.known and report.complete and not report.tampered
    assert _cli(tmp_path, legacy, *_trust(tmp_path, known)).returncode == 0
    proof = signed_record_service.proof_of(session, legacy, known["meeting"])
    assert proof.status is MinutesStatus.FINAL, proof.problems
    assert [p.role for p in proof.signatures] == [SignerRole.CHAIR, SignerRole.SECRETARY]
    only_chair = _chair_again(known, render_pdf("<p>Notulen</p>"), "Voorzitter")
    assert signed_record_service.proof_of(session, only_chair, known["meeting"]).status is \
        MinutesStatus.SIGNING  # the table's order still asks for the secretary
