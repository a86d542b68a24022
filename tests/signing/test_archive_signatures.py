"""Archive-grade signatures (PAdES B-LTA) against a certomancer PKI on loopback with an OCSP
responder, a CRL and a TSA: each verdict offline with the embedded data only, as of signing time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tafelapp.documents.pdf import render_pdf
from tafelapp.signing import ltv, pades

DAY = dt.timedelta(days=1)


def _signed(pki: Any, chair: str = "chair", timestamped: bool = True) -> bytes:
    pdf = pades.declare_signatures(render_pdf("<h1>Notulen</h1>" + "<p>Besproken.</p>" * 60),
                                   ["Voorzitter", "Secretaris"])
    tsa = pki.tsa_url if timestamped else None
    pdf = pades.sign(pdf, pki.certs[chair], pki.keys[chair], "Voorzitter", "Voorzitter",
                     "Notulen vastgesteld", "Duinstede", timestamp_url=tsa)
    return pades.sign(pdf, pki.certs["secretary"], pki.keys["secretary"], "Secretaris",
                      "Secretaris", "Notulen vastgesteld", "Duinstede", timestamp_url=tsa)


def _levels(pdf: bytes, pki: Any, at: dt.datetime | None = None) -> list[tuple[str, bool | None]]:
    return [(v.level, v.valid) for v in ltv.judge(pdf, [pki.root_der], at)]


def test_levels_b_b_b_t_and_b_lta_and_the_archive_keeps_the_signed_bytes(ltv_pki: Any) -> None:
    plain = _signed(ltv_pki, timestamped=False)
    assert _levels(plain, ltv_pki) == [("B-B", None), ("B-B", None)]
    signed = _signed(ltv_pki)
    assert _levels(signed, ltv_pki) == [("B-T", None), ("B-T", None)]
    archived = ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url)
    assert archived.startswith(signed) and len(archived) > len(signed)
    assert _levels(archived, ltv_pki) == [("B-LTA", True), ("B-LTA", True)]
    report = pades.verify(archived, {ltv_pki.root_der: "Test-CA"})
    assert report.intact and report.complete and report.known, report.verdict
    assert [s.level for s in report.signatures] == ["B-LTA", "B-LTA"]
    assert len(report.archive_timestamps) == 1 and report.archive_timestamps[0].intact
    # the archive version is no change to the notulen, a page edit after it is
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(archived))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    assert not pades.verify(out.getvalue(), {ltv_pki.root_der: "Test-CA"}).intact


def test_revoked_after_signing_still_valid_at_signing_time(ltv_pki: Any) -> None:
    signed = _signed(ltv_pki, chair="later")  # revoked two days after the test starts
    archived = ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url)
    revoked_since = ltv_pki.started + 2 * DAY
    verdicts = ltv.judge(archived, [ltv_pki.root_der], at=revoked_since + 3 * DAY)
    assert [v.valid for v in verdicts] == [True, True]
    assert "bewezen ondertekend op" in verdicts[0].sentence
    assert verdicts[0].sentence.startswith("niveau B-LTA: geldig op het moment van ondertekenen")


def test_expired_since_still_valid_at_signing_time_b_t_cannot_say(ltv_pki: Any) -> None:
    signed = _signed(ltv_pki, chair="short")  # valid ten days
    archived = ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url)
    later = ltv_pki.started + 60 * DAY
    assert _levels(archived, ltv_pki, later) == [("B-LTA", True), ("B-LTA", True)]
    plain = ltv.judge(signed, [ltv_pki.root_der], later)
    assert plain[0].valid is None and "niet meer te bewijzen" in plain[0].sentence
    # after the archive timestamp's own TSA certificate expired (never renewed): not provable
    expired = ltv.judge(archived, [ltv_pki.root_der], ltv_pki.started + 800 * DAY)
    assert expired[0].valid is False and "archieftijdstempel is verlopen" in expired[0].reason


def test_revoked_before_signing_is_not_valid(ltv_pki: Any) -> None:
    signed = _signed(ltv_pki, chair="revoked")  # revoked an hour before the test started
    with pytest.raises(ltv.CertificateRevoked) as refused:
        ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url)
    assert "ingetrokken" in str(refused.value) and "niet verzonden" in str(refused.value)
    candidate = refused.value.document
    assert candidate is not None  # the proof: the CA's answer, embedded
    verdict = ltv.judge(candidate, [ltv_pki.root_der])[0]
    assert verdict.valid is False and "al ingetrokken toen er werd ondertekend" in verdict.reason
    report = pades.verify(candidate, {ltv_pki.root_der: "Test-CA"})
    assert report.signatures[0].valid_when_signed is False
    assert report.verdict == "intact, maar een handtekening was niet geldig toen zij werd gezet"


def test_unreachable_validation_data_is_a_retry(ltv_pki: Any) -> None:
    signed = _signed(ltv_pki)
    ltv_pki.online = False
    try:
        with pytest.raises(ltv.ValidationDataUnreachable) as held:
            ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url, timeout=2.0)
    finally:
        ltv_pki.online = True
    assert held.value.retry and "later opnieuw" in str(held.value)


def test_renewal_adds_an_archive_timestamp_and_keeps_everything_before(ltv_pki: Any) -> None:
    archived = ltv.archive(_signed(ltv_pki), [ltv_pki.root_der], ltv_pki.tsa_url)
    renewed = ltv.renew(archived, [ltv_pki.root_der], ltv_pki.tsa_url)
    assert renewed.startswith(archived)
    report = pades.verify(renewed, {ltv_pki.root_der: "Test-CA"})
    assert report.intact and len(report.archive_timestamps) == 2
    assert [s.valid_when_signed for s in report.signatures] == [True, True]
    made, until = ltv.archive_state(renewed)
    assert made is not None and until is not None and until > made


HOUR = dt.timedelta(hours=1)


def _signed_before_revocation(pki: Any, timestamped: bool) -> bytes:
    """Signed with the certificate revoked an hour before the test started, twelve hours before
    that (the TSA answers as then): revoked after signing, before the first upload."""
    pki.at(pki.started - 12 * HOUR)
    try:
        return _signed(pki, chair="revoked", timestamped=timestamped)
    finally:
        pki.at(None)


def test_revoked_after_signing_before_upload_b_t_is_archived_valid_at_the_timestamp(
        ltv_pki: Any) -> None:
    signed = _signed_before_revocation(ltv_pki, timestamped=True)
    archived = ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url)  # OCSP: revoked now
    assert archived.startswith(signed)
    [chair, secretary] = ltv.judge(archived, [ltv_pki.root_der])
    assert (chair.level, chair.valid, secretary.valid) == ("B-LTA", True, True)
    assert chair.signed_at is not None and chair.signed_at < ltv_pki.started - 11 * HOUR
    assert "(tijdstempel), vóór de intrekking, ingetrokken op" in chair.reason
    # still so years later, offline, and the regional server's own check agrees it is intact
    later = ltv.judge(archived, [ltv_pki.root_der], at=ltv_pki.started + 300 * DAY)
    assert [v.valid for v in later] == [True, True]
    report = pades.verify(archived, {ltv_pki.root_der: "Test-CA"})
    assert report.intact and [s.valid_when_signed for s in report.signatures] == [True, True]


def test_revoked_after_signing_without_a_timestamp_is_refused_with_what_to_do(
        ltv_pki: Any) -> None:
    signed = _signed_before_revocation(ltv_pki, timestamped=False)
    with pytest.raises(ltv.CertificateRevoked) as refused:
        ltv.archive(signed, [ltv_pki.root_der], ltv_pki.tsa_url)
    message = str(refused.value)
    assert "geen tijdstempel" in message and "niet te bewijzen" in message
    assert "maak een rectificatie van deze notulen en onderteken die" in message
    assert not refused.value.retry
