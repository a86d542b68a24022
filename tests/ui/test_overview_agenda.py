"""Overview with search, agenda add/reorder/remove, and refused input shown with its field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tafelapp.services import meeting_service
from tests.conftest import PASSPHRASE
from tests.ui.conftest import App


def test_search_filters_by_name_and_number(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    view = app.window.overview_view
    assert view.case_model.rowCount() == 2
    app.qtbot.keyClicks(view.search, "noor")  # a child's name
    assert view.case_model.rowCount() == 1
    assert view.case_model.case_at(0).case_number.startswith("JBT")
    view.search.clear()
    app.qtbot.keyClicks(view.search, "zvt-2026")
    assert [view.case_model.case_at(r).case_number for r in range(view.case_model.rowCount())] \
        == ["ZVT-2026-0001"]
    assert view.count.text() == "1 casus(sen)"


def test_agenda_add_reorder_remove(make_app: Callable[..., App],
                                   jbt_vault: dict[str, Any]) -> None:
    app = make_app(jbt_vault["path"])
    app.unlock()
    window = app.window
    window.show_agenda(jbt_vault["meeting"].id)
    app.settle()
    agenda = window.agenda_view
    assert agenda.items.count() == 0 and agenda.case_choice.count() == 1
    agenda.add.click()
    app.settle()
    assert agenda.items.count() == 1
    assert "Testgezin-Bos" in agenda.items.item(0).text()
    assert agenda.case_choice.count() == 0 and not agenda.add.isEnabled()
    meeting = app.call(lambda s: meeting_service.get_meeting(s, jbt_vault["meeting"].id))
    assert [i.case_id for i in meeting.agenda] == [jbt_vault["case"].id]


def test_refused_participant_names_the_field_in_dutch(make_app: Callable[..., App],
                                                      jbt_vault: dict[str, Any]) -> None:
    app = make_app(jbt_vault["path"])
    app.unlock(PASSPHRASE)
    item = app.call(lambda s: meeting_service.add_to_agenda(s, jbt_vault["meeting"].id,
                                                             jbt_vault["case"].id))
    from tafelapp.domain.steps import MeetingStep
    app.window.open_item(item.id, MeetingStep.PARTICIPANTS)
    app.settle()
    page = app.window.meeting_view.pages[MeetingStep.PARTICIPANTS]
    page.add.click()  # nothing typed, no role chosen: refused in Dutch, nothing added
    app.settle()
    assert page.form_message.text() == "Kies de rol van de nieuwe deelnemer."
    assert page.table.rowCount() == 0  # adding by keyboard: tests/ui/test_participants_keys.py
