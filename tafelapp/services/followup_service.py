"""Use cases of the opvolging of afspraken: in the next discussion of the case, or from the
werklijst between meetings; audited, outside the signed record of the meeting that made them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tafelapp.domain.followup import AgreementFollowUp, followup_problems
from tafelapp.domain.meeting import Agreement
from tafelapp.domain.problems import InvalidInput, Problem
from tafelapp.services.meeting_service import locate_item, meetings_for_case, refuse_if_signed
from tafelapp.services.session import Session, build, refuse_errors
from tafelapp.store import followup_repo


@dataclass(frozen=True)
class EarlierAgreement:
    """An afspraak of an earlier discussion of the case, with the follow-up that counts."""

    agreement: Agreement
    made_on: dt.date
    meeting_id: str
    item_id: str
    followup: AgreementFollowUp | None


def case_followups(session: Session, case_id: str) -> list[AgreementFollowUp]:
    """Every follow-up of the case, oldest first."""
    return followup_repo.for_case(session.conn, case_id)


def earlier_agreements(session: Session, case_id: str, before: dt.date | None = None,
                       followups: list[AgreementFollowUp] | None = None
                       ) -> list[EarlierAgreement]:
    """Every afspraak of the case's discussions (before `before`, when given), oldest first,
    each with the follow-up that counts (`followups`: already read, else read here)."""
    latest = followup_repo.latest(followups if followups is not None
                                  else case_followups(session, case_id))
    found = []
    for meeting in sorted(meetings_for_case(session, case_id), key=lambda m: m.date):
        if before is not None and meeting.date >= before:
            continue
        item = meeting.item_for_case(case_id)
        for agreement in item.agreements if item else []:
            found.append(EarlierAgreement(agreement, meeting.date, meeting.id,
                                          item.id if item else "", latest.get(agreement.id)))
    return found


def for_item(session: Session, item_id: str) -> list[EarlierAgreement]:
    """What the discussion `item_id` has to evaluate: the afspraken of the earlier ones."""
    meeting, item = locate_item(session, item_id)
    return earlier_agreements(session, item.case_id, before=meeting.date)


def recorded_in(session: Session, item_id: str) -> list[AgreementFollowUp]:
    """The follow-ups recorded in this discussion (for its notulen)."""
    _meeting, item = locate_item(session, item_id)
    return [f for f in case_followups(session, item.case_id) if f.agenda_item_id == item_id]


def record_followup(session: Session, agreement_id: str, *, item_id: str | None = None,
                    **fields: Any) -> AgreementFollowUp:
    """Record how an afspraak turned out (nagekomen, deels, niet nagekomen, vervallen), with the
    date, who said so and a note; in the later discussion `item_id`, or from the werklijst."""
    later_on = None
    case_id = None
    if item_id is not None:
        refuse_if_signed(session, item_id)
        later_meeting, later_item = locate_item(session, item_id)
        later_on, case_id = later_meeting.date, later_item.case_id
    origin = _origin(session, agreement_id, case_id)
    followup = build(AgreementFollowUp, "followup", agreement_id=agreement_id,
                     case_id=origin.agreement_case, agenda_item_id=item_id,
                     recorded_at=session.now(), **fields)
    refuse_errors(followup_problems(followup, origin.made_on, session.today(), later_on))
    with session.change("agreement.followup", "agreement", agreement_id, after=followup,
                        fields=["status", "on", "said_by", "note"]) as conn:
        followup_repo.add(conn, followup)
    return followup


@dataclass(frozen=True)
class _Origin:
    agreement_case: str
    made_on: dt.date


def _origin(session: Session, agreement_id: str, case_id: str | None) -> _Origin:
    found = followup_repo.agreement_origin(session.conn, agreement_id)
    if found is None or (case_id is not None and found[0] != case_id):
        raise InvalidInput([Problem("followup.unknown_agreement", "agreement_id",
                                    "deze afspraak hoort niet bij deze casus")])
    return _Origin(*found)
