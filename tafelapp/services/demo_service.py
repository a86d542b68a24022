"""Use case: fill a vault with one JBT and one ZVT of realistic, clearly fictional demo data."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.calendar import add_working_days
from tafelapp.services import case_service as cases
from tafelapp.services import meeting_service as meetings
from tafelapp.services import table_service as tables
from tafelapp.services import voice_service
from tafelapp.services.session import Session

HAAGLANDEN_GIS = [
    {"name": "Jeugdbescherming West", "target_groups": ["alle doelgroepen behalve beperking"]},
    {"name": "William Schrikker Stichting",
     "target_groups": ["kind of ouder met een beperking", "chronisch ziek",
                       "risicokinderen onder 6 jaar"]},
    {"name": "Leger des Heils Jeugdbescherming & Reclassering",
     "target_groups": ["complexe multiprobleemgezinnen", "verhuizende gezinnen",
                       "zorgmijdende gezinnen"]},
]


def _demo_address(name: str) -> str:
    """A clearly fictional address (example.org is reserved for examples)."""
    local = "".join(ch for ch in name.lower().split("(")[0] if ch.isalnum() or ch == " ")
    return ".".join(local.split()) + "@example.org"


def seed_demo(session: Session) -> dict[str, str]:
    """Create the demo tables, cases and meetings through the normal services; returns their ids."""
    today = session.today()
    jbt = tables.create_table(session, kind="JBT", name="Jeugdbeschermingstafel Duinstede (demo)",
                              region="Regio Haaglanden (fictief)", municipality="Duinstede",
                              institutions=HAAGLANDEN_GIS)
    zvt = tables.create_table(session, kind="ZVT",
                              name="Zorg- en Veiligheidstafel Jeugd Duinstede (demo)",
                              region="Regio Haaglanden (fictief)", municipality="Duinstede")
    referral_day = today - dt.timedelta(days=120)
    case = cases.open_case(
        session, table_id=jbt.id, opened_on=referral_day,
        family={"name": "Fictief-Van Dalen", "address": "Voorbeeldlaan 1", "postcode": "9999 ZZ",
                "city": "Duinstede",
                "guardians": [{"name": "Sanne van Dalen (fictief)", "relation": "moeder",
                               "has_custody": True, "phone": "06-00000001"},
                              {"name": "Mehmet Yilmaz (fictief)", "relation": "vader",
                               "has_custody": True}]},
        children=[{"first_name": "Noor", "last_name": "van Dalen",
                   "birth_date": dt.date(today.year - 13, 3, 14)},
                  {"first_name": "Daan", "last_name": "van Dalen",
                   "birth_date": dt.date(today.year - 6, 9, 2)}],
        referral={"route": "VTO", "date": referral_day, "referrer_kind": "VEILIG_THUIS",
                  "referrer_organisation": "Veilig Thuis Duinstede (fictief)",
                  "referrer_person": "Ilse Jansen (fictief)",
                  "criteria": {"development_threatened": True, "care_not_accepted": True},
                  "preconditions": {"safety_plan_made": True, "help_in_place": True,
                                    "choices_discussed": True, "registered_in_vir": True},
                  "summary": "Herhaalde zorgen over huiselijk geweld en schoolverzuim van Noor; "
                             "ouders accepteren de ingezette hulp onvoldoende."})
    meeting_day = today - dt.timedelta(days=91)
    meeting = meetings.schedule_meeting(
        session, table_id=jbt.id, date=meeting_day, start=dt.time(9, 30), end=dt.time(11, 0),
        location_kind="FAMILY_HOME", location_text="Voorbeeldlaan 1, Duinstede",
        chair="Mr. A. de Voorzitter (fictief)", secretary="B. Secretaris (fictief)")
    item = meetings.add_to_agenda(session, meeting.id, case.id, planned_start=dt.time(9, 30))
    meetings.mark_reported(session, item.id)
    meetings.open_item(session, item.id)
    people = [
        ("Mr. A. de Voorzitter (fictief)", "CHAIR", "Gemeente Duinstede"),
        ("B. Secretaris (fictief)", "SECRETARY", "Gemeente Duinstede"),
        ("Sanne van Dalen (fictief)", "PARENT", None),
        ("Mehmet Yilmaz (fictief)", "PARENT", None),
        ("Ilse Jansen (fictief)", "REFERRER", "Veilig Thuis Duinstede (fictief)"),
        ("Karim Bakker (fictief)", "RVDK", "Raad voor de Kinderbescherming"),
        ("Femke de Wit (fictief)", "JB", "Jeugdbescherming West"),
    ]
    ids = {name: meetings.add_participant(session, item.id, name=name, role=role,
                                          organisation=org, email=_demo_address(name)).id
           for name, role, org in people}
    noor = case.children[0]
    meetings.add_participant(session, item.id, name="Noor van Dalen", role="CHILD",
                             child_id=noor.id, attendance="PRESENT")
    meetings.update_safety_plan(
        session, item.id,
        strengths="Moeder brengt Daan elke dag naar school. Oma is betrokken en biedt opvang.",
        worries="Er zijn in drie maanden twee politiemeldingen van huiselijk geweld geweest. "
                "Noor verzuimt veel en zegt thuis niet te kunnen slapen.",
        must_happen_now="Ouders maken met het netwerk een plan zodat de kinderen niet meer "
                        "getuige zijn van geweld; Noor gaat weer naar school.",
        danger_statement="De zorg is dat Noor en Daan opnieuw geweld tussen hun ouders "
                         "meemaken en daardoor emotioneel beschadigd raken.",
        family_view="Ouders zien dat de ruzies de kinderen raken en willen hulp, maar niet van "
                    "de instanties die er eerder waren.",
        family_shares_worries=True,
        safety_goals=["De kinderen zijn thuis veilig en weten bij wie ze terecht kunnen.",
                      "Noor gaat iedere schooldag naar school."])
    for (name, _, _), score in zip(people, (4, None, 6, 5, 3, 4, 4), strict=True):
        if score is not None:
            meetings.record_scaling_answer(session, item.id, ids[name], score)
    meetings.add_agreement(session, item.id, kind="GOAL", owner="Ouders",
                           text="Er is geen geweld meer in het bijzijn van de kinderen.")
    meetings.add_agreement(session, item.id, kind="CONDITION", owner="Ouders",
                           text="Ouders werken mee aan de gezinsbehandeling, elke week.",
                           consequence="Als ouders niet meewerken, start de Raad alsnog het "
                                       "raadsonderzoek.",
                           due_date=add_working_days(meeting_day, 10))
    meetings.add_agreement(session, item.id, kind="ARRANGEMENT", owner="Femke de Wit (JB)",
                           text="De JB zoekt met oma uit of Daan daar kan logeren bij spanning.",
                           due_date=add_working_days(meeting_day, 5))
    voices = meetings.get_meeting(session, meeting.id).agenda[0].participants
    by_name = {p.name: p.id for p in voices}
    for name, view, stance, words in (
            ("Sanne van Dalen (fictief)", "De ruzies zijn te veel geworden; Noor merkt alles.",
             "AGREES", "Ik wil dat het rustig wordt, en ik wil het zelf proberen met hulp."),
            ("Mehmet Yilmaz (fictief)", "Het valt mee, maar ik snap dat de kinderen het zien.",
             "PARTLY", "Hulp is goed, maar niet weer dezelfde mensen als vroeger."),
            ("Noor van Dalen", "Ik kan niet slapen als ze ruzie maken.", "AGREES",
             "Ik wil dat papa en mama stoppen met schreeuwen.")):
        voice_service.record_family_voice(session, item.id, by_name[name], view=view,
                                          stance=stance, own_words=words)
    meetings.take_decision(
        session, item.id, kind="POSTPONED_INVESTIGATION",
        motivation="Ouders delen de zorgen en willen meewerken. Hulp onder voorwaarden krijgt "
                   "eerst een kans; bij het niet nakomen start het onderzoek alsnog.",
        institution_id=jbt.institutions[0].id, parents_preference="Jeugdbescherming West",
        evaluation_date=today,
        conditions="Wekelijkse gezinsbehandeling; Noor gaat iedere schooldag naar school.")
    meetings.set_next_moment(session, item.id, today, "14:00", "bij het gezin thuis")
    cases.assign_case_lead(session, case.id, organisation="Jeugdbescherming West",
                           organisation_kind="GI", person="Femke de Wit (fictief)",
                           phone="06-00000002", since=meeting_day, accepted=True)
    done = meetings.get_meeting(session, meeting.id).agenda[0].agreements[2]
    meetings.set_agreement_status(session, item.id, done.id, "DONE",
                                  on=add_working_days(meeting_day, 4))

    # Today: the evaluation of the postponed investigation, at the family's home again.
    evaluation = meetings.schedule_meeting(
        session, table_id=jbt.id, date=today, start=dt.time(14, 0), end=dt.time(15, 30),
        location_kind="FAMILY_HOME", location_text="Voorbeeldlaan 1, Duinstede",
        chair="Mr. A. de Voorzitter (fictief)", secretary="B. Secretaris (fictief)")
    eval_item = meetings.add_to_agenda(session, evaluation.id, case.id,
                                       planned_start=dt.time(14, 0))
    for name, role, org in people:
        meetings.add_participant(session, eval_item.id, name=name, role=role, organisation=org,
                                 email=_demo_address(name))

    zvt_case = cases.open_case(
        session, table_id=zvt.id, opened_on=today - dt.timedelta(days=14),
        family={"name": "Fictief-Ramdin", "city": "Duinstede",
                "guardians": [{"name": "Anita Ramdin (fictief)", "relation": "moeder"}]},
        children=[{"first_name": "Jayden", "last_name": "Ramdin",
                   "birth_date": dt.date(today.year - 15, 1, 20)}])
    zvt_meeting = meetings.schedule_meeting(
        session, table_id=zvt.id, date=today + dt.timedelta(days=7), start=dt.time(13, 0),
        end=dt.time(16, 0), location_kind="OFFICE", location_text="Stadhuis, zaal 3",
        chair="C. Ketenregisseur (fictief)", secretary="D. Notulist (fictief)")
    zvt_item = meetings.add_to_agenda(session, zvt_meeting.id, zvt_case.id,
                                      planned_start=dt.time(13, 0))
    for name, role, org in (("C. Ketenregisseur (fictief)", "CHAIR", "Gemeente Duinstede"),
                            ("P. Verhoef (fictief)", "POLICE", "Politie Duinstede"),
                            ("L. Smit (fictief)", "CARE_PROVIDER", "Jeugdhulp Kust (fictief)"),
                            ("Anita Ramdin (fictief)", "PARENT", None)):
        meetings.add_participant(session, zvt_item.id, name=name, role=role, organisation=org,
                                 attendance="PRESENT" if role != "PARENT" else "INFORMED")
    cases.assign_case_lead(session, zvt_case.id, organisation="Jeugdhulp Kust (fictief)",
                           organisation_kind="CARE_PROVIDER", person="L. Smit (fictief)",
                           phone="06-00000003", since=today - dt.timedelta(days=10))
    _demo_address_book(session)
    return {"jbt": jbt.id, "zvt": zvt.id, "jbt_case": case.id, "zvt_case": zvt_case.id,
            "jbt_meeting": meeting.id, "zvt_meeting": zvt_meeting.id,
            "jbt_evaluation": evaluation.id}


_DEMO_BOOK = [  # organisation, kind, people (name, function)
    ("Gemeente Duinstede", "MUNICIPALITY", [("Mr. A. de Voorzitter (fictief)", "voorzitter JBT"),
                                            ("B. Secretaris (fictief)", "secretaris JBT"),
                                            ("C. Ketenregisseur (fictief)", "ketenregisseur"),
                                            ("D. Notulist (fictief)", "notulist ZVT")]),
    ("Veilig Thuis Duinstede (fictief)", "VEILIG_THUIS", [("Ilse Jansen (fictief)",
                                                           "aandachtsfunctionaris")]),
    ("Raad voor de Kinderbescherming", "RVDK", [("Karim Bakker (fictief)", "raadsonderzoeker")]),
    ("Jeugdbescherming West", "GI", [("Femke de Wit (fictief)", "jeugdbeschermer")]),
    ("Politie Duinstede", "POLICE", [("P. Verhoef (fictief)", "wijkagent")]),
    ("Jeugdhulp Kust (fictief)", "CARE_PROVIDER", [("L. Smit (fictief)", "jeugdhulpverlener")]),
]


def _demo_address_book(session: Session) -> None:
    """The demo's organisations and people in the address book, so the pickers have content."""
    from tafelapp.services import directory_service

    for org_name, kind, people in _DEMO_BOOK:
        org = directory_service.save_organisation(session, name=org_name, kind=kind)
        for name, function in people:
            directory_service.save_person(session, name=name, function=function,
                                          organisation_id=org.id, email=_demo_address(name))
