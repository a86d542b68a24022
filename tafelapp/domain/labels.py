"""Dutch labels for the domain's vocabularies, shared by the CLI, the desktop app and documents."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any

ROLE = {
    "CHAIR": "voorzitter", "SECRETARY": "secretaris", "PARENT": "ouder", "CHILD": "jeugdige",
    "REFERRER": "melder", "RVDK": "Raad voor de Kinderbescherming", "JB": "jeugdbeschermer",
    "CASE_LEAD": "casusregisseur", "POLICE": "politie", "CARE_PROVIDER": "jeugdhulp",
    "SCHOOL": "school", "CONFIDANT": "vertrouwenspersoon", "LAWYER": "advocaat",
    "BEHAVIOURAL_SCIENTIST": "gedragswetenschapper", "OTHER_PROFESSIONAL": "andere professional",
}
ATTENDANCE = {"PRESENT": "aanwezig", "EXCUSED": "afgemeld", "ABSENT": "afwezig",
              "INFORMED": "alleen geïnformeerd"}
DECISION = {"INVESTIGATION": "raadsonderzoek",
            "POSTPONED_INVESTIGATION": "uitgesteld raadsonderzoek",
            "NO_INVESTIGATION": "geen raadsonderzoek"}
AGREEMENT_KIND = {"GOAL": "doel", "CONDITION": "voorwaarde", "ARRANGEMENT": "afspraak"}
AGREEMENT_STATUS = {"OPEN": "open", "DONE": "gedaan", "NOT_MET": "niet nagekomen",
                    "CANCELLED": "vervallen"}
LOCATION = {"OFFICE": "kantoor", "FAMILY_HOME": "bij het gezin thuis", "OTHER": "elders",
            "VIDEO": "video"}
ROUTE = {"VTO": "verzoek tot onderzoek (VTO)", "VTH": "verzoek tot hulpverlening (VTH)",
         "SPOED_VOTS": "spoed (VOTS) naar JBT", "VTO_GM": "VTO gezagsbeëindigende maatregel",
         "HERSTEL_GEZAG": "herstel ouderlijk gezag", "ZVT": "aanmelding Zorg- en Veiligheidstafel"}
PARTNER_KIND = {"MUNICIPALITY": "gemeente", "GI": "gecertificeerde instelling (GI)",
                "CARE_PROVIDER": "jeugdhulpaanbieder", "POLICE": "politie",
                "YOUTH_WORK": "jongerenwerk", "SCHOOL": "school", "VEILIG_THUIS": "Veilig Thuis",
                "RVDK": "Raad voor de Kinderbescherming", "OTHER": "andere partner"}
INVOLVEMENT = {"PRESENT": "aanwezig", "INFORMED": "geïnformeerd", "NOT_INVOLVED": "niet betrokken"}
TABLE_KIND = {"JBT": "Jeugdbeschermingstafel", "ZVT": "Zorg- en Veiligheidstafel"}


def nl_date(value: object) -> str:
    """A date as Dutch people write it: 22-11-2026 (empty for None)."""
    return value.strftime("%d-%m-%Y") if hasattr(value, "strftime") else ""


def dutch_time(moment: dt.datetime) -> dt.datetime:
    """A moment in Dutch local time (Europe/Amsterdam; the machine's zone if that is unknown)."""
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    except (ImportError, KeyError, OSError):
        return moment.astimezone()


def nl_moment(moment: dt.datetime) -> str:
    """A moment as Dutch people read it, in Dutch local time with its zone: 02-12-2026 14:05
    (CET); a moment without a zone is taken as UTC (how the vault stores times)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = dutch_time(moment)
    return f"{local:%d-%m-%Y %H:%M} ({local.tzname() or 'lokale tijd'})"

FIELD = {
    "name": "Naam", "role": "Rol", "organisation": "Organisatie", "attendance": "Aanwezigheid",
    "child_id": "Kind", "score": "Score", "participant_id": "Respondent", "question": "Vraag",
    "text": "Wat", "owner": "Wie", "due_date": "Uiterlijk", "kind": "Soort",
    "consequence": "Als het niet lukt", "status": "Status", "motivation": "Motivering",
    "evaluation_date": "Evaluatiedatum", "conditions": "Voorwaarden",
    "institution_id": "Gecertificeerde instelling", "parents_preference": "Voorkeur ouders",
    "decided_on": "Besluitdatum", "organisation_kind": "Soort organisatie",
    "person": "Casusregisseur", "contact": "Bereikbaar via", "since": "Sinds",
    "purpose": "Doel", "plan_of_approach": "Plan van aanpak", "strengths": "Krachten",
    "worries": "Zorgen", "must_happen_now": "Wat moet er nu gebeuren",
    "danger_statement": "Grootste zorg", "family_view": "Visie van het gezin",
    "safety_goals": "Veiligheidsdoelen", "reason": "Reden", "next_moment": "Volgende moment",
    "date": "Datum", "start": "Begin", "end": "Einde", "chair": "Voorzitter",
    "secretary": "Secretaris", "location_text": "Adres of zaal", "table_id": "Tafel",
    "case_id": "Casus", "agenda": "Agenda", "auto_lock_minutes": "Vergrendelen na (minuten)",
    "wachtwoordzin": "Wachtwoordzin", "case_leads": "Casusregie", "participants": "Deelnemers",
    "agreements": "Afspraken", "scaling_answers": "Schaalvragen", "involvement": "Betrokkenheid",
    "case_number": "Casusnummer", "pin": "Pincode", "identity": "Identiteit",
    "minutes": "Notulen", "document": "Document", "correction": "Correctie", "file": "Bestand",
    "owner_name": "Naam", "agenda_item": "Bespreking", "region": "Regio",
    "email": "E-mailadres", "phone": "Telefoon", "function": "Functie",
    "organisation_id": "Organisatie", "person_id": "Persoon", "place": "Vaste plek",
    "weekday": "Vaste dag", "usual_start": "Vaste begintijd", "municipality": "Gemeente",
    "default_chair_id": "Vaste voorzitter", "default_secretary_id": "Vaste secretaris",
    "first_name": "Voornaam", "last_name": "Achternaam", "birth_date": "Geboortedatum",
    "expected_date": "Uitgerekende datum", "pregnancy_certain": "Zwangerschap zeker",
    "whereabouts_known": "Verblijfplaats zwangere bekend", "unknown_reason": "Reden onbekend",
    "answer": "Antwoord", "route": "Route", "referrer_person": "Melder",
    "referrer_organisation": "Organisatie van de melder", "referrer_kind": "Soort melder",
    "summary": "Vraag aan de tafel", "criteria": "Criteria", "preconditions": "Voorwaarden vooraf",
    "development_threatened": "Ontwikkeling ernstig bedreigd", "guardians": "Ouders",
    "family": "Gezin", "children": "Kinderen", "relation": "Relatie", "address": "Adres",
    "postcode": "Postcode", "city": "Woonplaats", "has_custody": "Gezag",
    "referral": "Aanmelding", "opened_on": "Datum aanmelding", "unborn_details": "Ongeboren kind",
    "checklist": "Checklist ongeboren kind", "other_household": "Ander huishouden",
    "meeting_id": "Bespreking", "minutes_id": "Notulen", "agenda_item_id": "Agendapunt",
    "case": "Casus", "table": "Tafel", "decision": "Besluit", "meetings": "Besprekingen",
    "meeting": "Bespreking", "reported_to_secretary": "Gemeld bij de secretaris",
    "due_on": "Uiterste datum", "started_on": "Begonnen op", "id": "Id",
    "opened_by_chair": "Geopend door de voorzitter", "safety_plan": "Veiligheidsplan",
    "on": "Datum opvolging", "said_by": "Wie zegt dit", "note": "Toelichting",
    "agreement_id": "Afspraak",
    "family_voices": "Stem van het gezin", "dissents": "Afwijkend standpunt",
    "view": "Hoe ziet u de zorgen", "stance": "Eens met het besluit",
    "own_words": "In eigen woorden", "not_asked_reason": "Waarom niet gevraagd",
    "arrived": "Vanaf", "left_at": "Tot", "given": "Hoe gegeven",
    "decided_at": "Tijd van het besluit", "continuations": "Voortzetting",
    "accepted_on": "Aanvaard op", "contact_note": "Bereikbaarheid",
}

FAMILY_STANCE = {"AGREES": "eens", "PARTLY": "deels eens", "DISAGREES": "oneens",
                 "NOT_ASKED": "niet gevraagd"}
SCORE_GIVEN = {"IN_WRITING": "schriftelijk", "BY_PHONE": "telefonisch"}


CHECKLIST = {
    "WORRIES": "Zorgen voor en na de geboorte (of: geen zorgen)",
    "PREGNANCY_COURSE": "Verloop zwangerschap, verloskundige of gynaecoloog",
    "BIRTH_PLACE_AND_DATE": "Waar en wanneer de bevalling is",
    "PREPARATIONS": "Voorbereidingen en kraamzorg",
    "FATHER_AND_NETWORK": "Rol van de vader, plannen en netwerk",
    "PARENTING_SKILLS": "Pedagogische vaardigheden",
    "PARENTAL_PROBLEMS": "Problemen van ouders (middelen, huisvesting, geld, beperking, psychiatrie)",
    "HELP": "Huidige hulp en hulp die nodig is voor en na de geboorte",
    "TRUST_IN_SEEKING_HELP": "Vertrouwen dat ouders hulp inschakelen",
    "BABY_HOME_AFTER_BIRTH": "Kan de baby na de geboorte naar huis; zo niet, waarheen",
}
_PLACES = {"children": "Kind", "guardians": "Ouder", "participants": "Deelnemer",
           "agreements": "Afspraak", "checklist": "Vraag", "scaling_answers": "Schaalvraag",
           "case_leads": "Casusregie", "deadlines": "Termijn", "agenda": "Agendapunt",
           "meetings": "Bespreking", "institutions": "Instelling",
           "family_voices": "Stem", "dissents": "Afwijkend standpunt",
           "continuations": "Voortzetting"}


_CONTAINERS = {"family": "Gezin", "referral": "Aanmelding", "decision": "Besluit",
               "safety_plan": "Veiligheidsplan", "unborn_details": "Ongeboren kind",
               "criteria": "Criteria", "preconditions": "Voorwaarden vooraf"}


def field_place(path: str) -> str:
    """Where a problem is, in words: `children.1.birth_date` -> `Kind 2, Geboortedatum`,
    `meetings.1.agenda.0.decision.kind` -> `Bespreking 2, Agendapunt 1, Besluit, Soort`."""
    parts = path.split(".")
    where = []
    for part, following in pairwise(parts):
        if part in _PLACES and following.isdigit():
            where.append(f"{_PLACES[part]} {int(following) + 1}")
        elif part in _CONTAINERS:
            where.append(_CONTAINERS[part])
    label = field_label(path)
    return ", ".join(where if where and where[-1] == label else [*where, label])


def field_label(path: str) -> str:
    """The Dutch name of the field a problem concerns (`agreement.owner` -> `Wie`)."""
    for part in reversed(path.split(".")):
        if part in FIELD:
            return FIELD[part]
    return path


def attendance_times(participant: Any) -> str:
    """' (vanaf 10:15, tot 11:00)' for someone who came later or left before the end."""
    parts = ([f"vanaf {participant.arrived:%H:%M}"] if participant.arrived else []) + (
        [f"tot {participant.left_at:%H:%M}"] if participant.left_at else [])
    return f" ({', '.join(parts)})" if parts and participant.attendance == "PRESENT" else ""
