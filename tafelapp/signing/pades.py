"""PAdES signatures with pyHanko: sign as an incremental update, and verify every signature."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass


def sign(pdf: bytes, certificate_der: bytes, private_key_der: bytes, field_name: str,
         signer_name: str, reason: str, location: str) -> bytes:
    """Append a PAdES baseline signature as an incremental update (earlier ones stay valid)."""
    # pyHanko is imported when it is needed: it costs ~0.5 s, which the CLI and the app's cold
    # start should not pay for commands that never sign.
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = asn1_x509.Certificate.load(certificate_der)
    signer = signers.SimpleSigner(signing_cert=cert,
                                  signing_key=asn1_keys.PrivateKeyInfo.load(private_key_der),
                                  cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                                      [cert]))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name=field_name,
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=reason, location=location,
                                        name=signer_name)
    out = signers.sign_pdf(writer, meta, signer=signer)
    signed: bytes = out.getvalue()
    return signed


@dataclass(frozen=True)
class SignatureReport:
    """One signature: who, when, and whether the bytes it covers are unchanged."""

    field: str
    signer: str
    signed_at: dt.datetime | None
    intact: bool
    valid: bool
    covers_whole_file: bool
    modification: str


@dataclass(frozen=True)
class VerifyReport:
    """All signatures of a document and the verdict on the whole file."""

    signatures: list[SignatureReport]
    error: str | None = None

    @property
    def intact(self) -> bool:
        """Every signature intact and valid, and the last one covers the whole file."""
        return (self.error is None and bool(self.signatures)
                and all(s.intact and s.valid for s in self.signatures)
                and self.signatures[-1].covers_whole_file)


def verify(pdf: bytes) -> VerifyReport:
    """Check each embedded signature's integrity and cryptographic validity.

    Each signer's own certificate is taken as its trust anchor, so the report says whether the
    document changed since signing and who signed; whether a certificate chains to PKIoverheid is
    a separate question (trust roots are not configured in this version).
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # a damaged file is a verdict too, not a crash
        return VerifyReport([], f"geen leesbare PDF ({type(exc).__name__})")
    reports = []
    for sig in embedded:
        try:
            status = validate_pdf_signature(sig, ValidationContext(trust_roots=[sig.signer_cert]))
            reports.append(SignatureReport(
                field=sig.field_name, signer=sig.signer_cert.subject.human_friendly,
                signed_at=status.signer_reported_dt, intact=bool(status.intact),
                valid=bool(status.valid),
                covers_whole_file=status.coverage is not None
                and status.coverage.name == "ENTIRE_FILE",
                modification=status.modification_level.name if status.modification_level
                else "UNKNOWN"))
        except Exception as exc:
            reports.append(SignatureReport(sig.field_name, "onbekend", None, False, False, False,
                                           f"fout: {type(exc).__name__}"))
    return VerifyReport(reports, None if reports else "het document bevat geen handtekening")
