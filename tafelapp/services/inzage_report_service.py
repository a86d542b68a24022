"""What the vault holds about one person, gathered record by record (the inzage's content)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain import labels
from tafelapp.domain.directory import name_key, same_person
from tafelapp.domain.inzage import (
    AgreementLine,
    Candidate,
    CaseRecord,
    DistributionLine,
    InzageExport,
    InzageRequest,
    LogLine,
    MeetingRecord,
    MinutesLine,
    OwnDetails,
    PersonLine,
    RectificationLine,
    RegionLine,
    ScoreLine,
    Standing,
    VoiceLine,
)
from tafelapp.domain.inzage_privacy import FAMILY_ROLES, Shield, shield_for
from tafelapp.domain.meeting import AgendaItem, Meeting, Participant
from tafelapp.domain.minutes import Minutes, MinutesKind
from tafelapp.domain.models import Case
from tafelapp.domain.problems import InvalidInput
from tafelapp.services.session import Session
from tafelapp.store import (
    case_repo,
    directory_repo,
    escalation_repo,
    inzage_repo,
    meeting_repo,
    minutes_repo,
    outbox_repo,
    table_repo,
)

_STATUS = {"DRAFT": "concept", "SIGNING": "in ondertekening", "FINAL": "vastgesteld"}
_CASE_STATUS = {"OPEN": "lopend", "CLOSED": "afgesloten"}
_OUTBOX = {"queued": "wacht op verzending", "sending": "wordt verzonden",
           "delivered": "afgeleverd bij de regio", "unconfirmed": "afgeleverd, niet bevestigd",
           "rejected": "geweigerd door de regio"}
_ACTIONS = {
    "case.open": "dossier geopend", "case.import": "dossier ingelezen",
    "case.assign_case_lead": "vaste contactpersoon gekozen", "case.update_family":
    "gezinsgegevens bijgewerkt", "case.deadlines_from_decision": "termijnen gezet",
    "case.close": "dossier gesloten", "meeting.schedule": "bespreking gepland",
    "meeting.header": "bespreking aangepast", "agenda.add": "op de agenda gezet",
    "agenda.opening": "bespreking geopend", "participant.add": "deelnemer toegevoegd",
    "safety_plan.update": "veiligheidsplan bijgewerkt", "scaling.record": "cijfer vastgelegd",
    "agreement.add": "afspraak vastgelegd", "agreement.status": "stand van een afspraak gewijzigd",
    "agreement.followup": "afspraak opgevolgd", "family_voice.record": "stem van het gezin "
    "vastgelegd", "decision.take": "besluit vastgelegd", "agenda.next_moment": "volgende keer "
    "gepland", "minutes.draft": "verslag gemaakt", "minutes.text": "verslag bijgewerkt",
    "minutes.sign": "verslag ondertekend", "minutes.distribute": "e-mails met verslag klaargezet",
    "minutes.rectify": "correctie gemaakt", "minutes.receive": "verslag ingelezen",
    "escalation.start": "opschaling begonnen", "escalation.submit": "opschaling verstuurd",
}


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _action(code: str) -> str:
    """The audit code in words (`participant.add` -> `deelnemer toegevoegd`)."""
    return _ACTIONS.get(code, f"wijziging ({code})")


def _log(rows: list[tuple[str, str, str, str]], actor_is: str | None) -> list[LogLine]:
    """The audit records as lines, the same action by the same person on one day counted once."""
    lines: list[LogLine] = []
    counts: list[int] = []
    for at, actor, action, _e in rows:
        if actor_is is not None and not same_person(actor, actor_is):
            continue
        moment = _moment(at)
        if lines and lines[-1].actor == actor and lines[-1].action == _action(action) and \
                lines[-1].at.date() == moment.date():
            counts[-1] += 1
            continue
        lines.append(LogLine(at=moment, actor=actor, action=_action(action)))
        counts.append(1)
    return [line.model_copy(update={"times": n}) for line, n in zip(lines, counts, strict=True)]


def _family_members(case: Case, key: str) -> list[tuple[str, str, str]]:
    """(name, label, relation) of every private person of the case except the requester."""
    out, n = [], 0
    for guardian in case.family.guardians:
        if name_key(guardian.name) != key:
            n += 1
            out.append((guardian.name, f"ouder {chr(64 + n)}", guardian.relation or "ouder"))
    for i, child in enumerate(case.children, start=1):
        name = f"{child.first_name} {child.last_name}".strip()
        if name_key(name) != key:
            out.append((name, f"kind {i}", "kind" if not child.unborn else "ongeboren kind"))
    return out


def _shield(case: Case, meetings: list[Meeting], who: Candidate) -> Shield:
    members = _family_members(case, who.key)
    others = [(name, label) for name, label, _ in members]
    known = {name_key(n) for n, _ in others}
    extra = 0
    for meeting in meetings:
        for p in meeting.agenda[0].participants:
            if p.role in FAMILY_ROLES and name_key(p.name) not in known and \
                    name_key(p.name) != who.key:
                extra += 1
                known.add(name_key(p.name))
                others.append((p.name, f"{labels.ROLE[p.role.value]} {extra}"))
    contacts, addresses = [], []
    for g in case.family.guardians:
        if name_key(g.name) != who.key:
            contacts += [g.phone or "", g.email or ""]
            addresses.append(g.address or "")
    family = who_is_family(case, meetings, who)
    if not family:  # the family's address is not a professional's data
        addresses += [case.family.address or "", case.family.postcode or ""]
    return shield_for([who.name, *_spellings(case, meetings, who.key)], others, contacts,
                      addresses)


def _spellings(case: Case, meetings: list[Meeting], key: str) -> list[str]:
    names = [g.name for g in case.family.guardians] + \
        [f"{c.first_name} {c.last_name}" for c in case.children] + \
        [p.name for m in meetings for p in m.agenda[0].participants] + \
        [m.chair for m in meetings] + [m.secretary or "" for m in meetings]
    return sorted({n for n in names if n and name_key(n) == key})


def who_is_family(case: Case, meetings: list[Meeting], who: Candidate) -> bool:
    """Whether the requester is family in this case (else they appear in a professional role)."""
    return any(a.case_id == case.id and a.standing is Standing.FAMILY for a in who.appearances)


def _own(case: Case, who: Candidate, family: bool) -> OwnDetails:
    guardian = next((g for g in case.family.guardians if name_key(g.name) == who.key), None)
    if guardian is not None:
        return OwnDetails(name=guardian.name, as_what=f"ouder ({guardian.relation})"
                          if guardian.relation else "ouder", phone=guardian.phone,
                          email=guardian.email, has_custody=guardian.has_custody,
                          address=guardian.address or ", ".join(
                              x for x in (case.family.address, case.family.postcode,
                                          case.family.city) if x) or None)
    child = next((c for c in case.children
                  if name_key(f"{c.first_name} {c.last_name}") == who.key), None)
    if child is not None:
        return OwnDetails(name=f"{child.first_name} {child.last_name}", as_what="jeugdige",
                          birth_date=child.birth_date)
    roles = sorted({a.as_what for a in who.appearances if a.case_id == case.id})
    return OwnDetails(name=who.name, as_what=", ".join(roles) or "genoemd")


def _person_line(p: Participant, shield: Shield) -> PersonLine:
    family = p.role in FAMILY_ROLES and not shield.is_own(p.name)
    return PersonLine(name=shield.name(p.name) if family else p.name,
                      role=labels.ROLE.get(p.role.value, p.role.value),
                      organisation=None if family else p.organisation,
                      attendance=labels.ATTENDANCE.get(p.attendance.value),
                      pseudonymised=family)


def _region_lines(session: Session, kind: str, ref_id: str, what: str) -> list[RegionLine]:
    out = []
    for item in outbox_repo.all_items(session.conn):
        if item.kind != kind or item.ref_id != ref_id:
            continue
        delivered = [at for at, outcome, _s, _m in outbox_repo.history(session.conn, item.id)
                     if outcome in ("delivered", "unconfirmed", "found")]
        out.append(RegionLine(what=what, state=_OUTBOX.get(item.state, item.state),
                              queued_at=_moment(item.created_at),
                              delivered_at=_moment(delivered[-1]) if delivered else None,
                              attempts=item.attempts))
    return out


def _minutes_line(session: Session, m: Minutes, shield: Shield, family: bool,
                  table: str) -> MinutesLine:
    from tafelapp.services.distribution_service import distribution

    recipients = []
    try:
        for r in distribution(session, m.id).included:
            other = shield.label_of(r.name)
            if family or shield.is_own(r.name):
                recipients.append(DistributionLine(
                    recipient=other or r.name, role=labels.ROLE.get(r.role, r.role),
                    pseudonymised=other is not None))
    except InvalidInput:  # an old record without its context still shows the rest
        recipients = []
    drafts = [_moment(at) for at, _actor, action, _e in inzage_repo.audit_for(session.conn, [m.id])
              if action == "minutes.distribute"]
    original = minutes_repo.get(session.conn, m.rectifies) if m.rectifies else None
    kind = "rectificatie" if m.kind is MinutesKind.RECTIFICATION else "notulen"
    return MinutesLine(id=m.id, number=m.number, kind=kind,
                       status=_STATUS.get(m.status.value, m.status.value),
                       finalised_at=m.finalised_at,
                       signed_by=[f"{s.signer_name} ({labels.ROLE.get(s.role.value, '')}, "
                                  f"{labels.nl_moment(s.signed_at)})" for s in m.signatures],
                       rectifies=original.number if original else None,
                       correction=shield.text(m.text.correction) if family else None,
                       recipients=recipients, drafts_made_at=drafts,
                       region=_region_lines(session, "minutes", m.id,
                                            f"{kind} {m.number} ({table})"))


def _meeting(session: Session, case: Case, meeting: Meeting, shield: Shield, family: bool,
             table: str) -> MeetingRecord | None:
    item: AgendaItem = meeting.agenda[0]
    mine = [p for p in item.participants if shield.is_own(p.name)]
    chair_or_sec = shield.is_own(meeting.chair) or shield.is_own(meeting.secretary)
    if not family and not mine and not chair_or_sec:
        return None  # a professional's inzage holds the meetings they took part in
    you_as = (labels.ROLE.get(mine[0].role.value) if mine else
              "voorzitter" if shield.is_own(meeting.chair) else
              "secretaris" if chair_or_sec else None)
    plan = item.safety_plan
    by_id = {p.id: p for p in item.participants}
    scores = []
    for answer in item.scaling_answers:
        p = by_id.get(answer.participant_id)
        if p is None:
            continue
        if shield.is_own(p.name):
            scores.append(ScoreLine(by=f"{p.name} (u)", score=answer.score))
        elif family and p.role not in FAMILY_ROLES:
            scores.append(ScoreLine(by=f"{p.name} ({labels.ROLE[p.role.value]})",
                                    score=answer.score))
    own_voice = next((v for v in item.family_voices
                      if (p := by_id.get(v.participant_id)) and shield.is_own(p.name)), None)
    others = sum(1 for v in item.family_voices if v is not own_voice)
    dissents = [f"{by_id[d.participant_id].name}: {shield.text(d.reason)}"
                for d in item.dissents if d.participant_id in by_id and
                (family or shield.is_own(by_id[d.participant_id].name))]
    agreements = [AgreementLine(kind=labels.AGREEMENT_KIND[a.kind.value], text=shield.text(a.text),
                                owner=shield.name(a.owner),
                                consequence=shield.text(a.consequence) or None,
                                due_date=a.due_date,
                                status=labels.AGREEMENT_STATUS.get(a.status.value, ""))
                  for a in item.agreements
                  if family or same_person(a.owner, shield.own[0]) or
                  name_key(shield.own[0]) in name_key(a.owner)]
    decision = item.decision
    minutes = [_minutes_line(session, m, shield, family, table)
               for m in minutes_repo.for_item(session.conn, item.id)
               if family or chair_or_sec or any(shield.is_own(s.signer_name)
                                                for s in m.signatures) or mine]
    text = shield.text if family else (lambda _t: "")
    return MeetingRecord(
        date=meeting.date, table=table,
        place=labels.LOCATION.get(meeting.location_kind.value, "") +
        (f", {shield.text(meeting.location_text)}" if meeting.location_text else ""),
        chair=meeting.chair, secretary=meeting.secretary, you_as=you_as,
        your_attendance=labels.ATTENDANCE.get(mine[0].attendance.value) if mine else None,
        participants=[_person_line(p, shield) for p in item.participants],
        strengths=text(plan.strengths), worries=text(plan.worries),
        must_happen_now=text(plan.must_happen_now), danger_statement=text(plan.danger_statement),
        family_view=text(plan.family_view), scores=scores,
        your_voice=VoiceLine(view=shield.text(own_voice.view),
                             own_words=shield.text(own_voice.own_words),
                             stance=labels.FAMILY_STANCE.get(own_voice.stance.value)
                             if own_voice.stance else None,
                             not_asked_reason=shield.text(own_voice.not_asked_reason) or None)
        if own_voice else None,
        others_voices_left_out=others if family else 0,
        decision=labels.DECISION[decision.kind.value] if decision else None,
        decision_motivation=text(decision.motivation) if decision else "",
        evaluation_date=decision.evaluation_date if decision else None,
        dissents=dissents, agreements=agreements, next_moment=item.next_moment,
        minutes=minutes)


def _case(session: Session, case: Case, who: Candidate) -> CaseRecord:
    meetings = meeting_repo.meetings_for_case(session.conn, case.id)
    family = who_is_family(case, meetings, who)
    shield = _shield(case, meetings, who)
    table = table_repo.get(session.conn, case.table_id)
    table_name = table.name if table else ""
    records = [r for m in meetings if (r := _meeting(session, case, m, shield, family,
                                                     table_name)) is not None]
    leads = [PersonLine(name=lead.person, role="casusregisseur", organisation=lead.organisation)
             for lead in case.case_leads if family or shield.is_own(lead.person)]
    members = [PersonLine(name=label, role=relation, pseudonymised=True)
               for _n, label, relation in _family_members(case, who.key)]
    ref = case.referral
    referral = (f"{labels.ROUTE.get(ref.route.value, ref.route.value)} op "
                f"{labels.nl_date(ref.date)} door {ref.referrer_person} "
                f"({ref.referrer_organisation})") if ref and (
        family or shield.is_own(ref.referrer_person)) else None
    region = _region_lines(session, "case", case.id, f"zaak {case.case_number}")
    escalations = escalation_repo.all_escalations(session.conn, case_id=case.id)
    if family:
        for e in escalations:
            region += _region_lines(session, "escalation", e.id,
                                    f"opschaling naar de stuurgroep ({case.case_number})")
    entity_ids = [case.id, *(m.id for m in meetings), *(m.agenda[0].id for m in meetings),
                  *(x.id for m in meetings for x in minutes_repo.for_item(session.conn,
                                                                          m.agenda[0].id)),
                  *(e.id for e in escalations)]
    log = _log(inzage_repo.audit_for(session.conn, entity_ids), None if family else who.name)
    return CaseRecord(case_number=case.case_number, table=table_name,
                      status=_CASE_STATUS.get(case.status.value, case.status.value),
                      opened_on=case.opened_on,
                      standing=Standing.FAMILY if family else Standing.PROFESSIONAL,
                      you=_own(case, who, family), family=members, referral=referral,
                      referral_summary=shield.text(ref.summary) if ref and family else "",
                      case_leads=leads, meetings=records, region=region, log=log)


def build_export(session: Session, request: InzageRequest, who: Candidate) -> InzageExport:
    """Everything the vault holds that names the person of `request`."""
    case_ids = sorted({a.case_id for a in who.appearances})
    cases = case_repo.get_many(session.conn, case_ids)
    records = sorted((_case(session, cases[i], who) for i in case_ids if i in cases),
                     key=lambda r: (r.opened_on, r.case_number))
    book = []
    orgs = {o.id: o for o in directory_repo.organisations(session.conn)}
    for p in directory_repo.people(session.conn):
        if name_key(p.name) == who.key:
            org = orgs.get(p.organisation_id or "")
            book.append(", ".join(x for x in (p.name, p.function, org.name if org else "",
                                              p.email, p.phone) if x))
    asked = inzage_repo.requests(session.conn, who.key)
    rects = []
    for request_id, rect_id, original_id, at in inzage_repo.rectifications(
            session.conn, [r.id for r in asked]):
        rect, original = (minutes_repo.get(session.conn, rect_id),
                          minutes_repo.get(session.conn, original_id))
        if rect and original:
            rects.append(RectificationLine(
                request_id=request_id, rectification_number=rect.number,
                original_number=original.number, created_at=_moment(at),
                status=_STATUS.get(rect.status.value, rect.status.value)))
    labelled = sorted({line.name for r in records for line in r.family})
    return InzageExport(request_id=request.id, person=who.name, received_on=request.received_on,
                        made_at=session.now(), made_by=session.actor, cases=records,
                        address_book=book,
                        requests=[f"{labels.nl_date(r.received_on)} (vastgelegd "
                                  f"{labels.nl_moment(r.created_at)} door {r.created_by})"
                                  for r in asked],
                        rectifications=rects, pseudonymised=labelled)
