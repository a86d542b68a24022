"""Use cases for signing identities: a local pilot identity, a PKCS#12 file, a smartcard
(PKCS#11), the link to a person of the address book, and placing a signature with any of them."""

from __future__ import annotations

from tafelapp.domain.minutes import SigningIdentity, TokenRef
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services.session import Session, not_found
from tafelapp.services.settings_service import get_region_tsa
from tafelapp.signing import identities, pades, token
from tafelapp.store import directory_repo, minutes_repo

MIN_PIN = 6


def get_identity(session: Session, identity_id: str) -> SigningIdentity:
    """A signing identity of this vault; an unknown id is invalid input."""
    identity = next((i for i in minutes_repo.identities(session.conn) if i.id == identity_id),
                    None)
    if identity is None:
        raise not_found("identity", "identity", identity_id)
    return identity


def unlock_identity(session: Session, identity_id: str, pin: str) -> tuple[bytes, bytes]:
    """(certificate DER, private key DER) of an identity; a wrong PIN is invalid input."""
    material = minutes_repo.identity_material(session.conn, identity_id)
    if material is None:
        raise not_found("identity", "identity", identity_id)
    try:
        return material[0], identities.unlock_key(material[1], pin)
    except identities.WrongPin:
        raise InvalidInput([Problem("signing.wrong_pin", "pin", "de pincode is onjuist")]) \
            from None


def _pin_problems(pin: str) -> list[Problem]:
    if len(pin) < MIN_PIN:
        return [Problem("identity.pin_too_short", "pin",
                        f"de pincode moet minstens {MIN_PIN} tekens hebben")]
    return []


def new_pin_problems(pin: str, pin_again: str | None) -> list[Problem]:
    """A new PIN is long enough and typed twice the same (`pin_again` None: not asked twice,
    as from a script that gives it once)."""
    problems = _pin_problems(pin)
    if pin_again is not None and pin_again != pin:
        problems.append(Problem("identity.pin_mismatch", "pin",
                                "de twee pincodes zijn niet gelijk; er is niets gemaakt"))
    return problems


def create_local_identity(session: Session, owner_name: str, pin: str,
                          pin_again: str | None = None) -> SigningIdentity:
    """A self-signed identity for a pilot; its certificate says it is local, not PKIoverheid.
    The screen asks the PIN twice and passes both (`pin_again`)."""
    problems = new_pin_problems(pin, pin_again)
    if not owner_name.strip():
        problems.append(Problem("identity.name_missing", "owner_name", "naam ontbreekt"))
    if problems:
        raise InvalidInput(problems)
    material = identities.create_local(owner_name.strip(), pin, session.now())
    identity = _store_identity(session, owner_name.strip(), "Lokale identiteit (pilot)", material)
    same = [p for p in directory_repo.people(session.conn)
            if " ".join(p.name.lower().split()) == " ".join(owner_name.lower().split())]
    return link_identity(session, identity.id, same[0].id) if len(same) == 1 else identity


def import_identity(session: Session, data: bytes, pin: str, label: str = "PKCS#12") \
        -> SigningIdentity:
    """Import a PKCS#12 file with its PIN; the owner is the certificate's common name."""
    try:
        material = identities.import_pkcs12(data, pin)
    except identities.WrongPin:
        raise InvalidInput([Problem("identity.wrong_pin", "pin",
                                    "de pincode past niet bij dit PKCS#12-bestand")]) from None
    except identities.UnusableIdentity:
        raise InvalidInput([Problem("identity.unusable", "file",
                                    "dit bestand bevat geen sleutel met certificaat")]) from None
    info = identities.certificate_info(material.certificate_der)
    return _store_identity(session, info.common_name, label, material)


def _store_identity(session: Session, owner: str, label: str,
                    material: identities.KeyMaterial, token_ref: TokenRef | None = None
                    ) -> SigningIdentity:
    identity = SigningIdentity(owner_name=owner, label=label,
                               certificate=identities.certificate_info(
                                   material.certificate_der), created_at=session.now(),
                               token=token_ref)
    with session.change("identity.add", "signing_identity", identity.id,
                        fields=["certificate", "smartcard" if token_ref else "private_key"]
                        ) as conn:
        minutes_repo.save_identity(conn, identity, material.certificate_der,
                                   material.encrypted_key_der)
    return identity


def list_identities(session: Session) -> list[SigningIdentity]:
    """The signing identities in this vault."""
    return minutes_repo.identities(session.conn)


def link_identity(session: Session, identity_id: str, person_id: str,
                  confirm: bool = False) -> SigningIdentity:
    """Link a signing identity to the person of the address book it belongs to.

    When the certificate's name is written differently from the person ("A. de Voorzitter" for
    "Mr. A. de Voorzitter"), the user confirms the link once (`confirm=True`); it is audited.
    """
    identity = get_identity(session, identity_id)
    person = directory_repo.person(session.conn, person_id)
    if person is None:
        raise not_found("person", "person_id", person_id)
    exact = " ".join(person.name.lower().split()) == " ".join(
        identity.certificate.common_name.lower().split())
    if not exact and not confirm:
        raise InvalidInput([Problem(
            "identity.confirm_link", "identity",
            f"het certificaat staat op naam van '{identity.certificate.common_name}' en de persoon "
            f"heet '{person.name}'; bevestig dat dit dezelfde persoon is")])
    after = identity.model_copy(update={"person_id": person.id,
                                        "link_confirmed_by": None if exact else session.actor})
    with session.change("identity.link", "identity", identity_id, before=identity,
                        after=after) as conn:
        minutes_repo.link_identity(conn, identity_id, person.id, after.link_confirmed_by)
    return after




def register_token_identity(session: Session, module: str, token_label: str, key_label: str,
                            pin: str) -> SigningIdentity:
    """A smartcard (PKIoverheid, UZI) as signing identity: its certificate is read from the card
    with the PIN, which proves the key is there; the PIN is not kept."""
    try:
        certificate_der = token.read_certificate(module, token_label, key_label, pin)
    except token.TokenError as exc:
        raise InvalidInput([Problem("identity.token", "pin" if isinstance(
            exc, token.WrongTokenPin) else "identity", str(exc))]) from None
    info = identities.certificate_info(certificate_der)
    material = identities.KeyMaterial(certificate_der, b"")
    return _store_identity(session, info.common_name, f"Smartcard {token_label}", material,
                           TokenRef(module=module, token_label=token_label, key_label=key_label))


def place_signature(session: Session, identity: SigningIdentity, pin: str, pdf: bytes, *,
                    field_name: str, signer_name: str, reason: str, location: str,
                    role_label: str) -> bytes:
    """Sign `pdf` with an identity: on its smartcard, or with its key unlocked by the PIN; with
    a timestamp when the region's timestamp authority answers."""
    tsa = get_region_tsa(session) or None
    if identity.token is not None:
        ref = identity.token
        try:
            return pades.sign_pkcs11(pdf, ref.module, ref.token_label, ref.key_label, pin,
                                     field_name, signer_name, reason, location, role_label, tsa)
        except token.TokenError as exc:
            raise InvalidInput([Problem("signing.token", "pin" if isinstance(
                exc, token.WrongTokenPin) else "identity", str(exc))]) from None
    certificate_der, key = unlock_identity(session, identity.id, pin)
    return pades.sign(pdf, certificate_der, key, field_name, signer_name, reason, location,
                      role_label, tsa)


KNOWN_MODULES = [
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so",
    "/usr/lib/libaetpkss.so", "/usr/lib/softhsm/libsofthsm2.so",
    "C:/Windows/System32/aetpkss1.dll", "C:/Windows/System32/opensc-pkcs11.dll",
]
"""Where smartcard software usually puts its PKCS#11 module (OpenSC, SafeSign for UZI and
PKIoverheid cards, SoftHSM for tests)."""


def smartcard_modules() -> list[str]:
    """The PKCS#11 modules present on this computer."""
    from pathlib import Path

    return [m for m in KNOWN_MODULES if Path(m).exists()]


def smartcard_contents(module: str) -> dict[str, list[str]]:
    """Per card in a reader: the labels of its certificates (nothing needs the PIN yet)."""
    try:
        return {label: token.certificate_labels(module, label) for label in token.tokens(module)}
    except token.TokenError as exc:
        raise InvalidInput([Problem("identity.token", "identity", str(exc))]) from None
