"""`verify` judges every revision and every signer, with real PDFs: a forged certificate with a
known name, a page or an annotation slipped in between the two signatures, an update after the
last one, a signature cut off, a damaged file — and the visible blocks and the concept mark."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tafelapp.services import meeting_service, minutes_service, setup_service
from tafelapp.services.session import Session
from tafelapp.signing import identities, pades
from tests.signing.test_minutes import pdftext

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def signed(session: Session, demo: dict[str, str]) -> dict[str, Any]:
    """The demo notulen signed by the chair, and the two identities (linked to the book)."""
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    minutes = minutes_service.draft_minutes(session, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(session, meeting.chair, "123456")
    assert meeting.secretary is not None
    secretary = minutes_service.create_local_identity(session, meeting.secretary, "654321")
    assert chair.person_id and secretary.person_id  # exact names: linked to the demo's book
    minutes_service.sign_minutes(session, minutes.id, chair.id, "123456", "CHAIR")
    material = minutes_service.unlock_identity(session, secretary.id, "654321")
    return {"chair_pdf": minutes_service.signed_document(session, minutes.id),
            "minutes": minutes, "secretary": secretary, "secretary_key": material,
            "anchors": setup_service.trust_anchors(session), "meeting": meeting}


def _secretary_signs(s: dict[str, Any], pdf: bytes) -> bytes:
    cert, key = s["secretary_key"]
    return pades.sign(pdf, cert, key, "Secretaris", "B. Secretaris (fictief)", "r", "l",
                      "Secretaris")


def _cli(tmp: Path, data: bytes, *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp / "stuk.pdf"
    path.write_bytes(data)
    return subprocess.run([sys.executable, "-m", "tafelapp.cli", "verify", str(path), *extra],
                          capture_output=True, text=True, timeout=120)


def _with_annotation(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.root["/Pages"]["/Kids"][0]
    note = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Text"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.NumberObject(x)
                                                          for x in (100, 100, 120, 120)]),
        generic.NameObject("/Contents"): generic.TextStringObject("Besluit: geen onderzoek")}))
    annots = page.get("/Annots") or generic.ArrayObject()
    annots.append(note)
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_page(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    content = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 720 Td (Extra besluit) Tj ET")
    page = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Page"),
        generic.NameObject("/MediaBox"): generic.ArrayObject([generic.NumberObject(x)
                                                              for x in (0, 0, 595, 842)]),
        generic.NameObject("/Contents"): writer.add_object(content),
        generic.NameObject("/Resources"): generic.DictionaryObject()})
    writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_both_signed_by_known_signers_is_intact_complete_and_visible(
        signed: dict[str, Any], tmp_path: Path) -> None:
    final = _secretary_signs(signed, signed["chair_pdf"])
    report = minutes_service.verify_pdf(final, signed["anchors"])
    assert report.verdict == "intact en ondertekend door een bekende ondertekenaar"
    assert [s.known_as for s in report.signatures] == ["Mr. A. de Voorzitter (fictief)",
                                                       "B. Secretaris (fictief)"]
    assert all(s.verdict.startswith("intact, ondertekend door een bekende") for s in
               report.signatures)
    last_page = pdftext(final, tmp_path).split("\f")[-2]
    for expected in ("Ondertekening", "digitaal ondertekend", "Mr. A. de Voorzitter (fictief)",
                     "B. Secretaris (fictief)", "Voorzitter", "Secretaris"):
        assert expected in last_page, expected
    info = subprocess.run(["pdfinfo", "-meta", str(tmp_path / "doc.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert 'pdfaid:part="2"' in info
    fonts = subprocess.run(["pdffonts", str(tmp_path / "doc.pdf")], capture_output=True,
                           text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts)  # embedded: still PDF/A
    result = _cli(tmp_path, final)
    assert result.returncode == 5 and "ondertekenaar onbekend" in result.stdout  # no anchors


def test_a_self_made_certificate_with_the_chairs_name_is_unknown(
        signed: dict[str, Any], tmp_path: Path) -> None:
    forged = identities.create_local("Mr. A. de Voorzitter (fictief)", "000000", NOW)
    key = identities.unlock_key(forged.encrypted_key_der, "000000")
    pdf = pades.sign(signed["chair_pdf"], forged.certificate_der, key, "Secretaris",
                     "Mr. A. de Voorzitter (fictief)", "r", "l", "Secretaris")
    report = minutes_service.verify_pdf(pdf, signed["anchors"])
    assert report.intact and report.complete and not report.known
    assert report.verdict == "intact maar ondertekenaar onbekend"
    assert report.signatures[1].known_as == "" and "onbekend" in report.signatures[1].verdict


@pytest.mark.parametrize(("tamper", "named"), [
    (_with_annotation, "annotatie toegevoegd, gewijzigd of verwijderd op pagina 1"),
    (_with_page, "pagina's toegevoegd of verwijderd"),
])
def test_a_change_between_the_signatures_is_named_after_the_first(
        signed: dict[str, Any], tmp_path: Path, tamper: Any, named: str) -> None:
    pdf = _secretary_signs(signed, tamper(signed["chair_pdf"]))
    report = minutes_service.verify_pdf(pdf, signed["anchors"])
    chair, secretary = report.signatures
    assert chair.intact and chair.valid  # the bytes the chair signed are untouched …
    assert any(named in change for change in chair.changes_after), chair.changes_after
    assert chair.verdict.startswith("gewijzigd na deze")
    assert not secretary.changes_after  # … the change came before the secretary signed
    assert report.verdict == "gewijzigd" and not report.intact
    result = _cli(tmp_path, pdf)
    assert result.returncode == 4 and named in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_an_update_after_the_last_signature_is_a_change_not_a_traceback(
        signed: dict[str, Any], tmp_path: Path) -> None:
    pdf = _with_annotation(_secretary_signs(signed, signed["chair_pdf"]))
    report = minutes_service.verify_pdf(pdf, signed["anchors"])
    assert report.verdict == "gewijzigd"
    assert report.signatures[1].changes_after == (
        "annotatie toegevoegd, gewijzigd of verwijderd op pagina 1",)
    result = _cli(tmp_path, pdf)
    assert result.returncode == 4 and "Traceback" not in result.stdout + result.stderr
    assert "Secretaris" in result.stdout and "gewijzigd na deze handtekening" in result.stdout


def test_a_file_cut_back_to_the_chairs_revision_is_incomplete(
        signed: dict[str, Any], tmp_path: Path) -> None:
    report = minutes_service.verify_pdf(signed["chair_pdf"], signed["anchors"])
    assert report.intact and not report.complete
    assert report.verdict == "onvolledig: handtekening van de secretaris ontbreekt"
    result = _cli(tmp_path, signed["chair_pdf"])
    assert result.returncode == 4 and "ontbreekt" in result.stdout


@pytest.mark.parametrize("data", [b"", b"geen pdf maar tekst", b"%PDF-1.7\n1 0 obj\n<<>>\n",
                                  b"%PDF-1.7\n" + bytes(range(256)) * 20])
def test_damaged_or_non_pdf_files_get_a_sentence_and_exit_2(tmp_path: Path, data: bytes) -> None:
    result = _cli(tmp_path, data)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Niet te controleren" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr and not result.stderr.strip()


def test_the_concept_says_so_on_every_page(session: Session, demo: dict[str, str],
                                           tmp_path: Path) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    pages = pdftext(minutes_service.render_draft(session, minutes.id), tmp_path).split("\f")[:-1]
    assert len(pages) >= 2
    assert all("CONCEPT — niet ondertekend" in page for page in pages)


def test_region_file_certificates_make_signers_known_without_a_vault(
        session: Session, signed: dict[str, Any], tmp_path: Path) -> None:
    final = _secretary_signs(signed, signed["chair_pdf"])
    region = tmp_path / "regio.json"
    region.write_text(setup_service.export_region_json(session), "utf-8")
    assert "BEGIN CERTIFICATE" in region.read_text("utf-8")
    result = _cli(tmp_path, final, "--region", str(region))
    assert result.returncode == 0, result.stdout
    assert "intact en ondertekend door een bekende ondertekenaar" in result.stdout
    assert "= Mr. A. de Voorzitter (fictief)" in result.stdout
