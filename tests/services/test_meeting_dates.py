"""Dates and moments of a discussion come from the meeting, not the computer's clock (issue 18.4):
an afspraak is not due before its meeting, the next moment's day, time and place are the same in
the calendar invitation and the Gezinsoverzicht, and a new PIN is typed twice the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import distribution_service, meeting_service, minutes_service
from tafelapp.services.session import Session
from tests.signing.test_minutes import setup, sign_both  # noqa: F401 (fixture)


def test_an_afspraak_due_before_its_meeting_is_refused_and_not_stored(
        session: Session, demo: dict[str, str]) -> None:
    meeting = meeting_service.get_meeting(session, demo["jbt_meeting"])
    item = meeting.agenda[0]
    before = meeting.date - dt.timedelta(days=1)
    with pytest.raises(InvalidInput) as refused:
        meeting_service.add_agreement(session, item.id, text="Bellen", owner="Moeder",
                                      due_date=before)
    assert refused.value.problems[0].message.startswith(f"{before:%d-%m-%Y} ligt vóór de "
                                                        f"bespreking van {meeting.date:%d-%m-%Y}")
    assert meeting_service.get_meeting(session, meeting.id).agenda[0].agreements == \
        item.agreements
    on_the_day = meeting_service.add_agreement(session, item.id, text="Bellen", owner="Moeder",
                                               due_date=meeting.date)
    with pytest.raises(InvalidInput):
        meeting_service.update_agreement(session, item.id, on_the_day.id, due_date=before)


def test_the_next_moment_is_one_planned_moment_in_the_ics_and_the_gezinsoverzicht(
        session: Session, setup: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    item_id = setup["minutes"].agenda_item_id
    meeting = meeting_service.get_meeting(session, setup["jbt_meeting"])
    day = meeting.date + dt.timedelta(days=35)
    meeting_service.set_next_moment(session, item_id, day, "14:30", " Dorpsstraat 1, Teststad ")
    page = distribution_service.family_page(session, item_id)
    assert "om 14.30 uur, Dorpsstraat 1, Teststad" in page
    final = sign_both(session, setup)
    files = distribution_service.write_distribution(session, final.id, tmp_path / "uit")
    [ics] = [p.read_text() for p in files if p.suffix == ".ics"]
    assert f"DTSTART:{day:%Y%m%d}T143000" in ics and "VALUE=DATE" not in ics
    assert "LOCATION:Dorpsstraat 1\\, Teststad" in ics
    with pytest.raises(InvalidInput) as refused:  # signed: the moment can no longer change
        meeting_service.set_next_moment(session, item_id, day, "15:00", "elders")
    assert refused.value.problems


def test_without_a_day_no_time_or_place_is_kept(session: Session, demo: dict[str, str]) -> None:
    item = meeting_service.get_meeting(session, demo["jbt_meeting"]).agenda[0]
    with pytest.raises(InvalidInput) as refused:
        meeting_service.set_next_moment(session, item.id, dt.date(2030, 1, 1), "25:00", "")
    assert "UU:MM" in refused.value.problems[0].message
    after = meeting_service.set_next_moment(session, item.id, None, "14:00", "thuis")
    assert (after.next_moment, after.next_moment_start, after.next_moment_place) == \
        (None, None, None)


def test_a_new_pin_typed_twice_differently_makes_nothing(session: Session) -> None:
    with pytest.raises(InvalidInput) as refused:
        minutes_service.create_local_identity(session, "A. Test", "123456", "123465")
    assert "niet gelijk" in refused.value.problems[0].message
    assert minutes_service.list_identities(session) == []
    made = minutes_service.create_local_identity(session, "A. Test", "123456", "123456")
    assert [i.id for i in minutes_service.list_identities(session)] == [made.id]
