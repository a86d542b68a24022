"""Aanmelding, planning on the table's usual day, participants from what is known, a follow-up that
carries the previous participants, afspraken and scores, and the meeting header's guard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tafelapp.domain import labels
from tafelapp.domain.problems import InvalidInput
from tafelapp.services import (
    case_service,
    intake_service,
    meeting_service,
    minutes_service,
    roster_service,
)
from tafelapp.services.meeting_context_service import meeting_context
from tafelapp.services.session import Session
from tests.setup.region import set_up_region


def _intake(made: dict[str, Any], **changes: Any) -> dict[str, Any]:
    today = dt.date.today()
    fields: dict[str, Any] = {
        "table_id": made["table"].id, "route": "VTO", "referrer_id": made["people"]["melder"].id,
        "family": {"name": "Bos", "address": "Laan 1", "city": "Proefstad", "guardians": [
            {"name": "Anna Bos", "relation": "moeder", "has_custody": True,
             "email": "anna@example.org"},
            {"name": "Kees Bos", "relation": "vader", "has_custody": True}]},
        "children": [{"first_name": "Lotte", "last_name": "Bos",
                      "birth_date": today.replace(year=today.year - 13) - dt.timedelta(days=3)},
                     {"first_name": "Baby", "last_name": "Bos", "unborn": True,
                      "unborn_details": {"expected_date": today + dt.timedelta(days=90),
                                         "pregnancy_certain": True, "whereabouts_known": True}}],
        "question": "Is onderzoek nodig?",
        "criteria": {"development_threatened": True, "care_not_accepted": True},
        "preconditions": {"safety_plan_made": True, "help_in_place": True,
                          "choices_discussed": True, "registered_in_vir": True}}
    fields.update(changes)
    return fields


def test_aanmelding_plans_a_meeting_on_the_usual_day_with_the_usual_people(
        session: Session) -> None:
    made = set_up_region(session)
    scheduled = intake_service.register_and_schedule(session, **_intake(made))
    meeting = scheduled.meeting
    assert scheduled.planned_now and meeting.date.weekday() == 1 and meeting.date > dt.date.today()
    assert (meeting.chair_id, meeting.secretary_id) == (made["people"]["chair"].id,
                                                       made["people"]["secretary"].id)
    assert meeting.start == dt.time(9, 30) and meeting.location_text == "Stadskantoor, zaal 3"
    item = meeting_service.get_meeting(session, meeting.id).agenda[0]
    roles = sorted((p.role.value, p.name) for p in item.participants)
    assert roles == [("CHAIR", "Mr. A. de Voorzitter"), ("CHILD", "Lotte Bos"),
                     ("PARENT", "Anna Bos"), ("PARENT", "Kees Bos"),
                     ("REFERRER", "Ilse Jansen"), ("SECRETARY", "B. Secretaris")]
    case = case_service.get_case(session, item.case_id)
    assert case.referral is not None and case.referral.referrer_kind.value == "VEILIG_THUIS"
    assert case.referral.referrer_organisation == "Veilig Thuis Proefland"
    # The same aanmelding again is refused (nothing written) unless the user says it is a new
    # case; then it goes onto the same planned meeting.
    with pytest.raises(InvalidInput) as refused:
        intake_service.register_and_schedule(session, **_intake(made))
    assert refused.value.problems[0].code == "intake.duplicate"
    assert case.case_number in refused.value.problems[0].message
    assert len(case_service.list_cases(session)) == 1
    warned = intake_service.intake_problems(session, **_intake(made))
    assert [p.severity.value for p in warned if p.code == "intake.duplicate"] == ["warning"]
    again = intake_service.register_and_schedule(session, new_case=True, **_intake(made))
    assert not again.planned_now and again.meeting.id == meeting.id


@pytest.mark.parametrize(("change", "place"), [
    ({"children": [{"first_name": "Lotte", "last_name": "Bos", "birth_date": "31-02-2013"}]},
     "Kind 1, Geboortedatum"),
    ({"children": [{"first_name": "Baby", "last_name": "Bos", "unborn": True,
                    "unborn_details": {"expected_date": "2027-01-01", "pregnancy_certain": False,
                                       "whereabouts_known": True}}]},
     "Kind 1, Ongeboren kind, Zwangerschap zeker"),
    ({"route": "ZVT"}, "Aanmelding, Route"),
    ({"referrer_id": ""}, "Aanmelding, Melder"),
    ({"family": {"name": ""}}, "Gezin, Naam"),
    ({"children": []}, "Kinderen"),
])
def test_a_refused_aanmelding_names_the_field_and_stores_nothing(
        session: Session, change: dict[str, Any], place: str) -> None:
    made = set_up_region(session)
    fields = _intake(made, **change)
    live = [labels.field_place(p.field) for p in intake_service.intake_problems(session, **fields)
            if p.severity.value == "error"]
    assert any(x.startswith(place) for x in live), live
    with pytest.raises(InvalidInput):
        intake_service.register_and_schedule(session, **fields)
    assert case_service.list_cases(session) == []
    assert meeting_service.list_meetings(session) == []


def test_a_new_melder_is_added_to_the_address_book_on_the_spot(session: Session) -> None:
    made = set_up_region(session)
    fields = _intake(made, referrer_id="")
    case = intake_service.register_case(session, referrer_name="Nieuwe Melder",
                                        referrer_organisation_id=made["orgs"]["gi"].id, **fields)
    assert case.referral is not None and case.referral.referrer_kind.value == "GI"
    found = roster_service.directory_service.find_people(session, "nieuwe")
    assert [p.name for p in found] == ["Nieuwe Melder"]


def test_a_follow_up_starts_with_the_previous_people_afspraken_and_scores(
        session: Session) -> None:
    made = set_up_region(session)
    first = intake_service.register_and_schedule(session, **_intake(made))
    item_id = first.item.id
    roster_service.add_person(session, item_id, made["people"]["raad"].id)
    item = meeting_service.get_meeting(session, first.meeting.id).agenda[0]
    anna = next(p for p in item.participants if p.name == "Anna Bos")
    meeting_service.record_scaling_answer(session, item_id, anna.id, 4)
    meeting_service.add_agreement(session, item_id, text="Elke week gezinsgesprek.",
                                  owner="Ouders")
    later = roster_service.schedule_for_table(session, table_id=made["table"].id,
                                              date=first.meeting.date + dt.timedelta(days=28))
    roster_service.add_and_prefill(session, later.id, item.case_id)
    follow = meeting_service.get_meeting(session, later.id).agenda[0]
    carried = {p.name: p for p in follow.participants}
    assert set(carried) == {p.name for p in item.participants}
    assert not carried["Karim Bakker"].confirmed and carried["Mr. A. de Voorzitter"].confirmed
    ctx = meeting_context(session, follow.id)
    assert [e.agreement.text for e in ctx.earlier] == ["Elke week gezinsgesprek."]
    assert [(p.respondent, p.score) for p in ctx.score_history] == [("Anna Bos", 4)]
    all_problems = [p for problems in ctx.steps.values() for p in problems]
    assert any("bevestig of Karim Bakker aanwezig is" in p.message for p in all_problems)
    roster_service.confirm_attendance(session, follow.id, carried["Karim Bakker"].id, "EXCUSED")
    again = meeting_context(session, follow.id)
    assert not [p for problems in again.steps.values() for p in problems if "Karim" in p.message]
    assert again.item.participant(carried["Karim Bakker"].id).attendance.value == "EXCUSED"


def test_the_header_changes_until_signing_starts(session: Session, demo: dict[str, str]) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    changed = roster_service.update_header(session, meeting.id, location_text="Buurthuis")
    assert changed.location_text == "Buurthuis" and changed.agenda == meeting.agenda
    with pytest.raises(InvalidInput) as refused:
        roster_service.update_header(session, meeting.id, start=dt.time(12, 0),
                                     end=dt.time(11, 0))
    assert refused.value.problems[0].field == "end"
    item = meeting.agenda[0]
    minutes = minutes_service.draft_minutes(session, item.id)
    ident = minutes_service.create_local_identity(session, meeting.chair, "123456")
    minutes_service.sign_minutes(session, minutes.id, ident.id, "123456", "CHAIR")
    with pytest.raises(InvalidInput) as refused:
        roster_service.update_header(session, meeting.id, location_text="Elders")
    assert refused.value.problems[0].code == "record.signing"
    assert meeting_service.get_meeting(session, meeting.id).location_text == "Buurthuis"


def test_a_place_never_names_the_same_part_twice() -> None:
    """'Aanmelding, Voorwaarden vooraf, Voorwaarden vooraf: …' (a newcomer's screen) is said once."""
    from tafelapp.domain.labels import field_place

    assert field_place("referral.preconditions.help_in_place") == "Aanmelding, Voorwaarden vooraf"
    assert field_place("children.1.birth_date") == "Kind 2, Geboortedatum"
