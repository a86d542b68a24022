"""What a signed notulen PDF proves by itself: which declared field each signature fills, whether
it is intact, and whether its certificate belongs to the person who must sign that field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tafelapp.domain.minutes import MinutesStatus, SignerRole
from tafelapp.domain.rules.signing import ROLE_NL
from tafelapp.signing.verify import SignatureReport, VerifyReport, verify

FIELD_ROLE = {ROLE_NL[role].capitalize(): role for role in SignerRole}
"""The signature field each role fills (as `minutes_service.sign_minutes` declares them)."""


@dataclass(frozen=True)
class Signer:
    """Whose a certificate is: a person of the address book (id and name) or a name only."""

    name: str
    person_id: str | None = None


@dataclass(frozen=True)
class ProvenSignature:
    """A signature the PDF proves: the role's field, the person it belongs to, when."""

    role: SignerRole
    signer: Signer
    report: SignatureReport

    @property
    def signed_at(self) -> dt.datetime | None:
        """The timestamp when there is one, else the time the signer's software wrote."""
        return self.report.timestamp or self.report.signed_at


@dataclass(frozen=True)
class Proof:
    """The signatures a PDF proves, the signing order it declares, and what does not hold."""

    order: list[SignerRole]
    signatures: list[ProvenSignature]
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> MinutesStatus | None:
        """FINAL when every declared field is proven, SIGNING when some are; None: not proven."""
        if self.problems or not self.signatures:
            return None
        return MinutesStatus.FINAL if len(self.signatures) == len(self.order) else \
            MinutesStatus.SIGNING

    @property
    def missing(self) -> list[SignerRole]:
        """The roles whose signature the PDF still lacks."""
        return self.order[len(self.signatures):]


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).lower().split()) == " ".join(str(b).lower().split())


def matches(signer: Signer, holder: Signer) -> bool:
    """The certificate's owner is the person who must sign: by address-book id when both have
    one, otherwise by name exactly (as `signing_problems` matches an unlinked identity)."""
    if signer.person_id and holder.person_id:
        return signer.person_id == holder.person_id
    return _same_name(signer.name, holder.name)


def _common_name(der: bytes) -> str:
    from tafelapp.signing.identities import certificate_info

    try:
        return certificate_info(der).common_name
    except ValueError:
        return ""


def prove(pdf: bytes, holders: dict[SignerRole, Signer], signers: dict[bytes, Signer],
          roots: list[bytes], undeclared_order: list[SignerRole]) -> Proof:
    """Judge `pdf` against who must sign each role (`holders`), the certificates this vault knows
    (`signers`: DER → whose) and trusted root certificates (PKIoverheid/UZI: their holders are
    matched by the certificate's name). Nothing is taken from outside the PDF, except for a
    document signed before signature fields were declared: its order is `undeclared_order` (the
    table's), and each signature must still be in the field named after its role."""
    anchors = {der: s.name for der, s in signers.items()}
    anchors.update({der: "vertrouwd stamcertificaat" for der in roots if der not in anchors})
    return judge(verify(pdf, anchors), holders, signers, undeclared_order)


def judge(report: VerifyReport, holders: dict[SignerRole, Signer],
          signers: dict[bytes, Signer], undeclared_order: list[SignerRole]) -> Proof:
    """The proof of a verification report (see `prove`)."""
    declared = report.declared or [ROLE_NL[r].capitalize() for r in undeclared_order]
    order = [FIELD_ROLE[name] for name in declared if name in FIELD_ROLE]
    if report.error:
        return Proof(order, [], [f"de PDF is niet te controleren: {report.error}"])
    problems = list(report.tampered)
    if not order or len(order) != len(declared):
        problems.append("de PDF vraagt niet om de handtekeningen van voorzitter en secretaris")
    proven: list[ProvenSignature] = []
    for number, sig in enumerate(report.signatures):
        role = FIELD_ROLE.get(sig.field)
        if role is None or not sig.declared or role not in order or \
                any(p.role is role for p in proven):
            problems.append(f"er staat een handtekening in een veld dat de notulen niet vragen "
                            f"('{sig.field}')")
            continue
        what = f"de handtekening van de {ROLE_NL[role]}"
        if number >= len(order) or order[number] is not role:
            problems.append(f"{what} staat niet op haar beurt in de volgorde van ondertekenen")
        if not sig.unchanged:
            problems.append(f"{what} is niet intact ({sig.verdict})")
        holder = holders.get(role)
        if holder is None:
            problems.append(f"de bespreking heeft geen {ROLE_NL[role]}")
            continue
        owner = signers.get(sig.certificate_der) or (
            Signer(_common_name(sig.certificate_der)) if sig.trusted else None)
        if owner is None or not matches(owner, holder):
            whose = (f"het is van {owner.name}" if owner is not None else
                     "deze kluis kent dit certificaat niet; lees het regiobestand met de "
                     "certificaten van de ondertekenaars in")
            problems.append(f"{what} is gezet met een certificaat dat niet bij {holder.name} "
                            f"hoort ({whose})")
            continue
        proven.append(ProvenSignature(role, owner, sig))
    if report.signatures and not report.signatures[-1].ends_document:
        problems.append("na de laatste handtekening is de PDF nog gewijzigd")
    if not report.signatures and not problems:
        problems.append("de PDF bevat geen handtekening")
    return Proof(order, proven, list(dict.fromkeys(problems)))
