"""Who may sign notulen, when, and with what (`001 §2.6 c`: documents travel as signed PDF)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.meeting import Meeting
from tafelapp.domain.minutes import CertificateInfo, Minutes, MinutesStatus, SignerRole
from tafelapp.domain.problems import Problem

ROLE_NL = {SignerRole.CHAIR: "voorzitter", SignerRole.SECRETARY: "secretaris"}


def _same_person(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).lower().split()) == " ".join(str(b).lower().split())


def certificate_problems(cert: CertificateInfo, now: dt.datetime) -> list[Problem]:
    """Whether a certificate may sign now: valid from, valid until, and signing key usage."""
    problems: list[Problem] = []
    if now < cert.not_before:
        problems.append(Problem("signing.cert_not_yet_valid", "identity",
                                f"het certificaat is pas geldig vanaf "
                                f"{cert.not_before:%d-%m-%Y %H:%M}"))
    if now > cert.not_after:
        problems.append(Problem("signing.cert_expired", "identity",
                                f"het certificaat is verlopen op {cert.not_after:%d-%m-%Y}"))
    if not cert.can_sign:
        problems.append(Problem("signing.cert_no_signing_usage", "identity",
                                "dit certificaat mag niet ondertekenen (geen sleutelgebruik "
                                "'digitale handtekening' of 'onweerlegbaarheid')"))
    return problems


def signing_problems(minutes: Minutes, role: SignerRole, signer_name: str, meeting: Meeting,
                     cert: CertificateInfo, now: dt.datetime,
                     record_problems: list[Problem], signer_person_id: str | None = None
                     ) -> list[Problem]:
    """Every reason this signature cannot be placed now; the record's open points are listed.

    An identity linked to a person of the address book signs for that person: it matches the
    meeting's chair or secretary by the person's id (or, for a meeting planned with a typed name,
    by the person's name). An identity without a link must carry the holder's name exactly.
    """
    problems: list[Problem] = []
    if minutes.status is MinutesStatus.FINAL:
        return [Problem("signing.final", "minutes", "deze notulen zijn al vastgesteld")]
    expected = minutes.next_role
    if role is not expected:
        who = ROLE_NL[expected] if expected else "niemand meer"
        problems.append(Problem("signing.order", "role",
                                f"nu tekent eerst de {who}, niet de {ROLE_NL[role]}"))
    holder = meeting.chair if role is SignerRole.CHAIR else meeting.secretary
    holder_id = meeting.chair_id if role is SignerRole.CHAIR else meeting.secretary_id
    if signer_person_id and holder_id:
        matches = signer_person_id == holder_id
    else:
        matches = _same_person(signer_name, holder)
    if not matches:
        problems.append(Problem("signing.not_holder", "identity",
                                f"{signer_name} is niet de {ROLE_NL[role]} van deze bespreking "
                                f"({holder or 'niet ingevuld'})"
                                + ("" if signer_person_id else "; is dit certificaat van die "
                                   "persoon, koppel het dan eerst aan de persoon uit het "
                                   "adresboek")))
    problems += certificate_problems(cert, now)
    for p in record_problems:
        problems.append(Problem("signing.record_incomplete", p.field,
                                f"het verslag is niet compleet: {p.message}"))
    return problems


def record_locked_problem(status: str, meeting_label: str = "") -> Problem:
    """Why a change to a signed record is refused (one sentence for every write path)."""
    where = f" ({meeting_label})" if meeting_label else ""
    if status == MinutesStatus.FINAL.value:
        return Problem("record.final", "agenda_item",
                       f"de notulen van deze bespreking{where} zijn vastgesteld; het verslag is "
                       "alleen-lezen. Een correctie gaat via een rectificatie")
    return Problem("record.signing", "agenda_item",
                   f"de notulen van deze bespreking{where} worden ondertekend; trek de "
                   "ondertekening in om het verslag nog te wijzigen")
