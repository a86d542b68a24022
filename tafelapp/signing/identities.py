"""Signing identities: import a PKCS#12 file with its PIN, or create a local pilot identity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tafelapp.domain.minutes import CertificateInfo

LOCAL_ORGANISATION = "Tafelapp lokale identiteit (pilot, niet PKIoverheid)"


class WrongPin(Exception):
    """The PIN does not open the key."""


class UnusableIdentity(Exception):
    """The file holds no private key with a certificate."""


@dataclass(frozen=True)
class KeyMaterial:
    """A certificate (DER) and its private key (PKCS#8 DER, encrypted with the PIN)."""

    certificate_der: bytes
    encrypted_key_der: bytes


def certificate_info(cert_der: bytes) -> CertificateInfo:
    """What the rules need of a certificate: name, validity, whether it may sign."""
    cert = x509.load_der_x509_certificate(cert_der)
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        can_sign = bool(usage.digital_signature or usage.content_commitment)
    except x509.ExtensionNotFound:
        can_sign = True  # no restriction stated
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return CertificateInfo(
        subject=cert.subject.rfc4514_string()[:500],
        common_name=str(names[0].value) if names else cert.subject.rfc4514_string()[:200],
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc,
        can_sign=can_sign, fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        local=bool(orgs) and str(orgs[0].value) == LOCAL_ORGANISATION)


def certificate_from_pem(pem: str) -> bytes | None:
    """The DER bytes of a PEM certificate, or None when the text is not one."""
    try:
        return x509.load_pem_x509_certificate(pem.encode("ascii", "strict")).public_bytes(
            serialization.Encoding.DER)
    except (ValueError, UnicodeEncodeError):
        return None


def certificate_pem(cert_der: bytes) -> str:
    """A DER certificate as PEM text (what the region file carries)."""
    return x509.load_der_x509_certificate(cert_der).public_bytes(
        serialization.Encoding.PEM).decode("ascii")


def _protect(key: PrivateKeyTypes, pin: str) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(pin.encode("utf-8")))


def create_local(owner_name: str, pin: str, now: dt.datetime,
                 valid_days: int = 730) -> KeyMaterial:
    """A self-signed identity for a pilot, clearly labelled as local in its subject.

    RSA rather than ECDSA: an ECDSA signature makes pyHanko declare PDF 2.0 (ISO 32002), and the
    notulen must stay PDF/A-2 (PDF 1.7).
    """
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, owner_name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, LOCAL_ORGANISATION)])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=valid_days))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return KeyMaterial(cert.public_bytes(serialization.Encoding.DER), _protect(key, pin))


def import_pkcs12(data: bytes, pin: str) -> KeyMaterial:
    """Read a PKCS#12 file (how PKIoverheid certificates arrive) and keep its key under the PIN."""
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(data, pin.encode("utf-8"))
    except ValueError as exc:
        if "password" in str(exc).lower() or "mac" in str(exc).lower():
            raise WrongPin() from None
        raise UnusableIdentity() from None
    if key is None or cert is None:
        raise UnusableIdentity()
    return KeyMaterial(cert.public_bytes(serialization.Encoding.DER), _protect(key, pin))


def unlock_key(encrypted_key_der: bytes, pin: str) -> bytes:
    """The private key as unencrypted PKCS#8 DER (in memory only), or WrongPin."""
    try:
        key = serialization.load_der_private_key(encrypted_key_der, pin.encode("utf-8"))
    except (ValueError, TypeError):
        raise WrongPin() from None
    return key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
