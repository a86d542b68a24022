"""PAdES signatures with pyHanko: sign as an incremental update, and verify every signature."""

from __future__ import annotations

import datetime as dt
import io
import logging
from pathlib import Path
from typing import Any

from tafelapp.domain.labels import nl_moment
from tafelapp.signing.verify import SignatureReport, VerifyReport, verify

# The visible signature blocks: side by side near the top of the notulen's last page (the
# "Ondertekening" page), in PDF points from the bottom-left of an A4 page.
SIGNATURE_BOXES = [(56, 560, 286, 650), (309, 560, 539, 650)]
_FONTS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/TTF/DejaVuSans.ttf", "C:/Windows/Fonts/arial.ttf"]


def declare_signatures(pdf: bytes, fields: list[str]) -> bytes:
    """Declare the signatures the document needs, in order, as empty visible fields on its last
    page; the first signature covers the declaration, so a missing one is always noticed."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    for name, box in zip(fields, SIGNATURE_BOXES, strict=False):
        append_signature_field(writer, SigFieldSpec(sig_field_name=name, on_page=-1, box=box))
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def _stamp_font() -> str | None:
    """An embeddable font for the signature blocks, prepared once and cached.

    pyHanko writes a TrueType font's glyph widths unscaled, which is right only for fonts of
    1000 units per em (DejaVu has 2048: every letter would stand apart). So the font is cut to
    the Latin ranges names use and rescaled to 1000 units once, then kept in the user's cache.
    """
    import hashlib

    import platformdirs

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # subsetting notes are not for users
    source = next((Path(f) for f in _FONTS if Path(f).exists()), None)
    if source is None:
        return None
    key = hashlib.sha256(f"{source}:{source.stat().st_size}:v1".encode()).hexdigest()[:16]
    cached = Path(platformdirs.user_cache_dir("tafelapp", "Tafelapp")) / f"stempel-{key}.ttf"
    if not cached.exists():
        from fontTools import subset
        from fontTools.ttLib import TTFont
        from fontTools.ttLib.scaleUpem import scale_upem

        font = TTFont(str(source))
        subsetter = subset.Subsetter(subset.Options())
        subsetter.populate(unicodes=[*range(0x20, 0x250), *range(0x2000, 0x2070), 0x20AC])
        subsetter.subset(font)
        scale_upem(font, 1000)
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{key}.tmp")
        font.save(str(partial))
        partial.replace(cached)
    return str(cached)


def _stamp_style(role_label: str) -> Any:
    """Name, role, date and time and 'digitaal ondertekend', in an embedded font (PDF/A)."""
    from pyhanko import stamp
    from pyhanko.pdf_utils import text
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    font = _stamp_font()
    box = text.TextBoxStyle(font=GlyphAccumulatorFactory(font), font_size=9) if font \
        else text.TextBoxStyle(font_size=9)
    return stamp.TextStampStyle(
        stamp_text=f"%(signer)s\n{role_label}\n%(when)s\ndigitaal ondertekend",
        timestamp_format="%d-%m-%Y %H:%M %Z", text_box_style=box, border_width=1,
        background=None)


def sign(pdf: bytes, certificate_der: bytes, private_key_der: bytes, field_name: str,
         signer_name: str, reason: str, location: str, role_label: str = "",
         timestamp_url: str | None = None) -> bytes:
    """Sign with a key in memory (PKCS#12 or local identity); see `sign_with`."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = asn1_x509.Certificate.load(certificate_der)
    signer = _key_in_memory_signer()(
        signing_cert=cert, signing_key=asn1_keys.PrivateKeyInfo.load(private_key_der),
        cert_registry=SimpleCertificateStore.from_certs([cert]))  # type: ignore[no-untyped-call]
    return sign_with(pdf, signer, field_name, signer_name, reason, location, role_label,
                     timestamp_url)


def _key_in_memory_signer() -> Any:
    """pyHanko's SimpleSigner, with the private key parsed once per signature instead of twice.

    pyHanko parses the key (with cryptography's RSA consistency check, ~0.14 s for RSA 3072) for
    the size estimate and again for the signature. The estimate only needs the length; the key
    comes from this vault, where it was checked when it was made or imported.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign import signers
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class KeyInMemorySigner(signers.SimpleSigner):
        async def async_sign_raw(self, data: bytes, digest_algorithm: str,
                                 dry_run: bool = False) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            if mechanism != "rsassa_pkcs1v15":
                return bytes(super().sign_raw(data, digest_algorithm))
            key = serialization.load_der_private_key(self.signing_key.dump(), password=None,
                                                     unsafe_skip_rsa_key_validation=True)
            assert isinstance(key, RSAPrivateKey)
            if dry_run:
                return bytes(key.key_size // 8)
            return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
    return KeyInMemorySigner


def sign_pkcs11(pdf: bytes, module: str, token_label: str, key_label: str, pin: str,
                field_name: str, signer_name: str, reason: str, location: str,
                role_label: str = "", timestamp_url: str | None = None) -> bytes:
    """Sign with the key on a smartcard or token (pyHanko's PKCS#11 signer); the PIN is only
    used for this signature."""
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from tafelapp.signing.token import signing_session

    with signing_session(module, token_label, pin) as session:
        signer = PKCS11Signer(session, cert_label=key_label, key_label=key_label)
        return sign_with(pdf, signer, field_name, signer_name, reason, location, role_label,
                         timestamp_url)


class Timestamped(bytes):
    """Signed PDF bytes that say whether the signature carries an RFC 3161 timestamp."""

    timestamped: bool = False


def sign_with(pdf: bytes, signer: Any, field_name: str, signer_name: str, reason: str,
              location: str, role_label: str = "", timestamp_url: str | None = None
              ) -> Timestamped:
    """Append a PAdES signature as an incremental update (earlier ones stay valid).

    A declared field of that name is filled, with its visible block; otherwise a new, invisible
    field is made (escalation dossiers, older documents). With a timestamp authority that
    answers, the signature carries its timestamp; offline, it is signed without one.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    from tafelapp.signing.tsa import http_timestamper

    meta = signers.PdfSignatureMetadata(field_name=field_name,
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=reason, location=location,
                                        name=signer_name)

    def attempt(timestamper: Any) -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper,
                                       stamp_style=_stamp_style(role_label or field_name))
        out: bytes = pdf_signer.sign_pdf(
            writer, appearance_text_params={  # the time in Dutch local time, with its zone
                "signer": signer_name, "when": nl_moment(dt.datetime.now(dt.UTC))}).getvalue()
        return out
    if timestamp_url:
        try:
            stamped = Timestamped(attempt(http_timestamper(timestamp_url)))
            stamped.timestamped = True
            return stamped
        except (TimestampRequestError, OSError):
            pass  # offline: sign without a timestamp, and say so
    return Timestamped(attempt(None))


__all__ = ["SignatureReport", "VerifyReport", "declare_signatures", "sign", "verify"]
