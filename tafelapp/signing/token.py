"""Smartcards and tokens through PKCS#11 (python-pkcs11, as pyHanko uses it): list what is on a
token, read its certificate, and open a session to sign; the PIN is used and never kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class TokenError(Exception):
    """Something about the token, in Dutch (`str()`), fit for a user."""


class WrongTokenPin(TokenError):
    """The PIN does not open the token."""


def _lib(module: str) -> Any:
    import pkcs11

    try:
        return pkcs11.lib(module)
    except Exception:
        raise TokenError(f"de smartcard-module {module} kan niet worden geladen") from None


def tokens(module: str) -> list[str]:
    """The labels of the initialised tokens (cards) present for this PKCS#11 module."""
    import pkcs11.exceptions as errors

    try:
        return [label for t in _lib(module).get_tokens() if (label := str(t.label).strip())]
    except errors.PKCS11Error as exc:
        raise TokenError(f"de kaartlezer antwoordt niet ({type(exc).__name__})") from None


def _token(module: str, token_label: str) -> Any:
    found = [t for t in _lib(module).get_tokens() if str(t.label).strip() == token_label]
    if not found:
        raise TokenError(f"de smartcard '{token_label}' is niet gevonden (zit hij in de lezer?)")
    return found[0]


def certificate_labels(module: str, token_label: str) -> list[str]:
    """The labels of the certificates on a token (readable without the PIN)."""
    import pkcs11.exceptions as errors
    from pkcs11 import Attribute, ObjectClass

    try:
        with _token(module, token_label).open() as session:
            return sorted({str(obj[Attribute.LABEL]) for obj in session.get_objects(
                {Attribute.CLASS: ObjectClass.CERTIFICATE})})
    except errors.PKCS11Error as exc:
        raise TokenError(f"de smartcard '{token_label}' is niet te lezen "
                         f"({type(exc).__name__})") from None


@contextmanager
def signing_session(module: str, token_label: str, pin: str) -> Iterator[Any]:
    """A logged-in session on the token; a wrong or locked PIN is a TokenError in words."""
    import pkcs11.exceptions as errors

    try:
        session = _token(module, token_label).open(user_pin=pin)
    except (errors.PinIncorrect, errors.PinInvalid, errors.PinLenRange):
        raise WrongTokenPin("de pincode van de smartcard is onjuist") from None
    except errors.PinLocked:
        raise TokenError("de smartcard is geblokkeerd na te veel foute pincodes") from None
    except errors.PKCS11Error as exc:
        raise TokenError(f"de smartcard antwoordt niet ({type(exc).__name__})") from None
    with session:
        yield session


def read_certificate(module: str, token_label: str, key_label: str, pin: str) -> bytes:
    """The certificate (DER) belonging to a key on the token; the PIN proves the key is usable."""
    from pkcs11 import Attribute, ObjectClass

    with signing_session(module, token_label, pin) as session:
        certs = list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE,
                                          Attribute.LABEL: key_label}))
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY,
                                         Attribute.LABEL: key_label}))
        if not certs or not keys:
            raise TokenError(f"op de smartcard staat geen sleutel met certificaat '{key_label}'")
        return bytes(certs[0][Attribute.VALUE])
