"""A signer revoked after signing: the signature timestamp is the proof of existence before the
revocation, so the signature is judged as of that timestamp with the embedded revocation data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TimestampVerdict:
    """Valid as of the signature timestamp? With when it was made and when it was revoked."""

    valid: bool
    stamped_at: dt.datetime | None
    revoked_at: dt.datetime | None
    reason: str


def signature_timestamp_time(sig: Any) -> dt.datetime | None:
    """The gen_time of a signature's own timestamp (B-T), or None (B-B)."""
    from pyhanko.sign.validation.generic_cms import extract_tst_data_iter

    tst = next(extract_tst_data_iter(sig.signer_info, signed=False), None)
    if tst is None:
        return None
    moment: dt.datetime = tst["encap_content_info"]["content"].parsed["gen_time"].native
    return moment


def _revoked_at(status: Any) -> dt.datetime | None:
    details = getattr(status, "revocation_details", None)
    return getattr(details, "revocation_date", None)


def judge_at_timestamp(reader: Any, sig: Any, roots: list[Any],
                       revoked_at: dt.datetime | None) -> TimestampVerdict:
    """Judge `sig` offline (the document security store only, nothing fetched) as of its
    signature timestamp, accepting revocation data issued later (pyHanko `moment` with
    `retroactive_revinfo`): revoked after that moment is valid, revoked before is not. The
    timestamp's own chain is judged the same way. Without a timestamp there is no proof."""
    from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature
    from pyhanko.sign.validation.errors import NoDSSFoundError

    stamped_at = signature_timestamp_time(sig)
    if stamped_at is None:
        return TimestampVerdict(False, None, revoked_at,
                                "zonder tijdstempel is niet te bewijzen dat er vóór de "
                                "intrekking werd ondertekend")
    if revoked_at is not None and revoked_at <= stamped_at:
        return TimestampVerdict(False, stamped_at, revoked_at,
                                "het certificaat was al ingetrokken toen er werd ondertekend")
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return TimestampVerdict(False, stamped_at, revoked_at, "geen validatiegegevens")
    context = dss.as_validation_context({
        "trust_roots": roots, "moment": stamped_at, "retroactive_revinfo": True,
        "allow_fetching": False, "revocation_mode": "hard-fail"})
    try:
        status = validate_pdf_signature(sig, signer_validation_context=context,
                                        ts_validation_context=context)
    except Exception as exc:
        return TimestampVerdict(False, stamped_at, revoked_at,
                                f"niet te controleren ({type(exc).__name__})")
    stamp = status.timestamp_validity
    good = (status.intact and status.valid and status.trusted and not status.revoked
            and stamp is not None and stamp.intact and stamp.valid and stamp.trusted)
    when = f"{stamped_at.astimezone(dt.UTC):%d-%m-%Y %H:%M} UTC"
    if not good:
        return TimestampVerdict(False, stamped_at, revoked_at,
                                f"niet geldig op het moment van de tijdstempel ({when})")
    since = (f", ingetrokken op {revoked_at.astimezone(dt.UTC):%d-%m-%Y %H:%M} UTC"
             if revoked_at else "")
    return TimestampVerdict(True, stamped_at, revoked_at,
                            f"bewezen ondertekend op {when} (tijdstempel), vóór de "
                            f"intrekking{since}; met de ingesloten gegevens")


def revocation_date(result: Any) -> dt.datetime | None:
    """The revocation date an AdES result names, if any."""
    return _revoked_at(getattr(result, "api_status", None))
