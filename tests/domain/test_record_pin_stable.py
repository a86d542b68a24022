"""A record signed by an earlier version keeps its pin: fields added to the meeting model later
(and left empty) do not change the canonical JSON that `check` recomputes."""

from __future__ import annotations

import json
from pathlib import Path

from tafelapp.domain.meeting import Meeting
from tafelapp.domain.minutes import MinutesText, record_sha256

SAVED = Path(__file__).with_name("pinned_record.json")  # written with the version of 2026-11-25


def test_a_pin_made_before_new_fields_existed_still_matches() -> None:
    saved = json.loads(SAVED.read_text(encoding="utf-8"))
    meeting = Meeting.model_validate(saved["meeting"])
    pin = record_sha256(meeting, meeting.agenda[0], MinutesText.model_validate(saved["text"]))
    assert pin == saved["sha256"]
