"""The meeting screen by keyboard only (issue 18, items 4, 5, 9, 10, 11): Alt+1…8 put the cursor in
the step, Alt+letter in a text field types nothing stray, Tab runs to the step's action, a score
of 11 is refused at the field, dates default from the meeting's own day, nothing jumps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import case_service, meeting_service, table_service, vault_service
from tafelapp.services.demo_service import HAAGLANDEN_GIS
from tafelapp.services.meeting_context_service import meeting_context
from tests.conftest import PASSPHRASE
from tests.ui.conftest import App
from ui.views.meeting_view import MeetingView
from ui.views.steps.agreements import AgreementsPage
from ui.views.steps.base import StepPage
from ui.views.steps.closing import ClosingPage
from ui.views.steps.opening import OpeningPage
from ui.views.steps.scaling import ScalingPage
from ui.widgets.keyboard import visual_chain

ALT = Qt.KeyboardModifier.AltModifier
LATER = 30  # the meeting is a month ahead: no default may come from the computer's today


@pytest.fixture
def later_meeting(tmp_path: Path) -> dict[str, Any]:
    """A JBT vault with one case on the agenda of a meeting 30 days from now, five people at it."""
    path = tmp_path / "kluis.tafelapp"
    s = vault_service.create(path, PASSPHRASE, actor="voorzitter")
    today = dt.date.today()
    table = table_service.create_table(s, kind="JBT", name="JBT Teststad", region="Haaglanden",
                                       municipality="Teststad", institutions=HAAGLANDEN_GIS)
    case = case_service.open_case(
        s, table_id=table.id, family={"name": "Testgezin-Bos"},
        children=[{"first_name": "Lotte", "last_name": "Bos",
                   "birth_date": today.replace(year=today.year - 13) - dt.timedelta(days=2)}],
        referral={"route": "VTO", "date": today - dt.timedelta(days=20),
                  "referrer_kind": "VEILIG_THUIS", "referrer_organisation": "Veilig Thuis",
                  "referrer_person": "M. Melder",
                  "criteria": {"development_threatened": True, "care_not_effective": True},
                  "preconditions": {"safety_plan_made": True, "help_in_place": True,
                                    "choices_discussed": True, "registered_in_vir": True}})
    meeting = meeting_service.schedule_meeting(
        s, table_id=table.id, date=today + dt.timedelta(days=LATER), start=dt.time(10, 0),
        end=dt.time(11, 30), location_kind="FAMILY_HOME", location_text="Bij het gezin",
        chair="V. Voorzitter", secretary="S. Secretaris")
    item = meeting_service.add_to_agenda(s, meeting.id, case.id)
    meeting_service.add_participant(s, item.id, name="Anna Bos", role="PARENT")
    meeting_service.add_participant(s, item.id, name="J. Beschermer", role="JB",
                                    organisation="Jeugdbescherming West")
    meeting_service.add_participant(s, item.id, name="R. Onderzoeker", role="RVDK",
                                    organisation="Raad voor de Kinderbescherming")
    s.close()
    return {"path": path, "item": item.id, "day": meeting.date}


def _open(make_app: Callable[..., App], vault: dict[str, Any],
          step: MeetingStep = MeetingStep.OPENING) -> tuple[App, MeetingView]:
    app = make_app(vault["path"])
    app.unlock()
    app.window.open_item(vault["item"], step)
    app.settle()
    view = app.window.meeting_view
    view.steps.setFocus()
    return app, view


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _alt(app: App, key: Qt.Key) -> None:
    """Alt+key to whatever has focus, as the keyboard sends it; a button's click 'animates'."""
    QTest.keyClick(_focus() or app.window, key, ALT)
    app.qtbot.wait(200)
    app.settle()


def _item(app: App, item_id: str) -> Any:
    return app.call(lambda s: meeting_context(s, item_id)).item


def test_alt_number_puts_the_cursor_in_the_steps_first_field(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    for number, step in ((3, MeetingStep.SAFETY_PLAN), (4, MeetingStep.SCALING),
                         (7, MeetingStep.AGREEMENTS), (8, MeetingStep.CLOSING),
                         (1, MeetingStep.OPENING)):
        _alt(app, getattr(Qt.Key, f"Key_{number}"))
        page = view.pages[step]
        assert view.current_step is step
        assert _focus() is page.first_field() and _focus() is not None, (step, _focus())
    opening = view.pages[MeetingStep.OPENING]
    assert isinstance(opening, OpeningPage)
    QTest.keyClick(_focus() or view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(_focus() or view, " Getypt na Alt+1.")  # where the cursor is: the purpose
    app.settle()
    assert _item(app, later_meeting["item"]).purpose.endswith(" Getypt na Alt+1.")


def test_alt_letter_in_a_text_field_types_nothing_and_mnemonics_still_work(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    _alt(app, Qt.Key.Key_7)
    page = view.pages[MeetingStep.AGREEMENTS]
    assert isinstance(page, AgreementsPage) and _focus() is page.text
    QTest.keyClicks(page.text, "Wekelijks")
    _alt(app, Qt.Key.Key_X)  # no shortcut: no stray 'x' in the afspraak
    _alt(app, Qt.Key.Key_Q)
    assert page.text.toPlainText() == "Wekelijks"
    _alt(app, Qt.Key.Key_I)  # W&ie, from inside the multi-line field
    assert _focus() is page.owner
    QTest.keyClick(page.owner, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(_focus() or view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is page.text  # Tab leaves a multi-line field instead of typing a tab
    assert "\t" not in page.text.toPlainText()


def test_tab_after_the_last_score_goes_on_to_the_next_step_not_back_to_the_agenda(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    _alt(app, Qt.Key.Key_4)
    page = view.pages[MeetingStep.SCALING]
    assert isinstance(page, ScalingPage) and len(page.spins) >= 3
    spins = list(page.spins.values())
    assert _focus() is spins[0]
    visited = [spins[0]]
    for _ in spins[1:]:
        QTest.keyClick(_focus() or view, Qt.Key.Key_Tab)
        visited.append(_focus())  # type: ignore[arg-type]
    assert visited == spins  # top to bottom, one score after the other
    QTest.keyClick(_focus() or view, Qt.Key.Key_Tab)
    assert _focus() is view.next and _focus() is not view.back


def test_a_score_of_11_is_refused_at_the_field_and_the_last_valid_score_stays(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    _alt(app, Qt.Key.Key_4)
    page = view.pages[MeetingStep.SCALING]
    assert isinstance(page, ScalingPage)
    pid, spin = next(iter(page.spins.items()))

    def stored() -> int | None:
        answers = _item(app, later_meeting["item"]).scaling_answers
        return next((a.score for a in answers if a.participant_id == pid), None)
    QTest.keyClicks(spin, "6")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    app.settle()
    assert stored() == 6 and spin.message.text() == ""
    for typed in ("11", "-1", "7,5"):
        QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(spin, typed)
        assert spin.lineEdit().text() == typed  # typed as typed, not swallowed to '1'
        QTest.keyClick(spin, Qt.Key.Key_Return)
        app.settle()
        assert f"‘{typed}’ kan niet" in spin.message.text(), spin.message.text()
        assert "Opgeslagen blijft 6" in spin.message.text()
        assert spin.value() == 6 and stored() == 6  # nothing stored for it
    QTest.keyClicks(spin, "8")  # typing 11 and leaving the field is refused as well
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, "11")
    QTest.keyClick(spin, Qt.Key.Key_Tab)
    app.settle()
    assert "‘11’ kan niet" in spin.message.text() and stored() == 6
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, "7")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    app.settle()
    assert stored() == 7 and spin.message.text() == ""


def test_an_afspraak_by_keyboard_is_due_from_the_meetings_day_never_before_it(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    day: dt.date = later_meeting["day"]
    _alt(app, Qt.Key.Key_7)
    page = view.pages[MeetingStep.AGREEMENTS]
    assert isinstance(page, AgreementsPage)
    expected = day + dt.timedelta(days=14)  # the meeting's day, not the computer's
    assert page.due.date() == QDate(expected.year, expected.month, expected.day)
    QTest.keyClicks(page.text, "Moeder belt de huisarts")
    _alt(app, Qt.Key.Key_I)
    QTest.keyClicks(page.owner, "Anna Bos")
    _alt(app, Qt.Key.Key_D)  # met &datum: a checkbox mnemonic toggles it
    assert page.has_due.isChecked()
    _alt(app, Qt.Key.Key_T)  # Afspraak &toevoegen
    [added] = _item(app, later_meeting["item"]).agreements
    assert added.due_date == expected and added.owner == "Anna Bos"
    assert _focus() is page.text  # ready for the next one

    QTest.keyClicks(page.text, "Te vroeg")
    _alt(app, Qt.Key.Key_I)
    QTest.keyClicks(page.owner, "Anna Bos")
    _alt(app, Qt.Key.Key_U)  # &Uiterlijk: the date field, its day section first
    assert _focus() is page.due
    before = day - dt.timedelta(days=3)
    QTest.keyClicks(page.due, f"{before:%d%m%Y}")
    assert page.due.date() == QDate(before.year, before.month, before.day)
    y_add = page.add.mapTo(page.inner, page.add.rect().topLeft()).y()
    _alt(app, Qt.Key.Key_T)
    assert f"{before:%d-%m-%Y} ligt vóór de bespreking van {day:%d-%m-%Y}" in page.message.text()
    assert "Uiterlijk" in page.message.text()  # the field as the user knows it
    assert len(_item(app, later_meeting["item"]).agreements) == 1  # nothing stored
    assert page.add.mapTo(page.inner, page.add.rect().topLeft()).y() == y_add


def test_schorsen_and_the_next_moment_default_from_the_meetings_day(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    day: dt.date = later_meeting["day"]
    _alt(app, Qt.Key.Key_8)
    page = view.pages[MeetingStep.CLOSING]
    assert isinstance(page, ClosingPage) and _focus() is page.has_next
    resume, again = day + dt.timedelta(days=7), day + dt.timedelta(days=42)
    assert page.continue_on.date() == QDate(resume.year, resume.month, resume.day)
    assert page.next_moment.date() == QDate(again.year, again.month, again.day)
    QTest.keyClick(page.has_next, Qt.Key.Key_Space)
    app.settle()
    assert _item(app, later_meeting["item"]).next_moment == again
    _alt(app, Qt.Key.Key_M)  # o&m: the time of the next moment
    assert _focus() is page.next_time
    QTest.keyClicks(page.next_time, "25:00")
    QTest.keyClick(page.next_time, Qt.Key.Key_Return)
    app.settle()
    assert "geen geldige tijd (verwacht UU:MM)" in page.next_message.text()  # at the field
    QTest.keyClick(page.next_time, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(page.next_time, "14:30")
    _alt(app, Qt.Key.Key_W)  # &Waar
    QTest.keyClicks(page.next_place, "Bij het gezin thuis")
    QTest.keyClick(page.next_place, Qt.Key.Key_Tab)
    app.settle()
    planned = _item(app, later_meeting["item"])
    assert (planned.next_moment, planned.next_moment_start, planned.next_moment_place) == \
        (again, dt.time(14, 30), "Bij het gezin thuis")
    assert page.next_message.text() == ""
    _alt(app, Qt.Key.Key_O)  # voortzetten &op
    assert _focus() is page.continue_on
    QTest.keyClicks(page.continue_on, f"{day:%d%m%Y}")  # the meeting's own day: not later
    _alt(app, Qt.Key.Key_R)
    QTest.keyClicks(page.continue_reason, "De Raad moest weg.")
    _alt(app, Qt.Key.Key_H)
    assert f"na {day:%d-%m-%Y}" in page.pause_message.text(), page.pause_message.text()
    assert not _item(app, later_meeting["item"]).continuations
    _alt(app, Qt.Key.Key_N)  # &Notulen… opens the notulen
    app.qtbot.waitUntil(lambda: app.window.stack.currentWidget() is app.window.minutes_view,
                        timeout=15_000)


def test_a_warning_coming_or_going_moves_no_control(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    _alt(app, Qt.Key.Key_4)
    page = view.pages[MeetingStep.SCALING]
    assert isinstance(page, ScalingPage)
    spins = list(page.spins.values())
    top = spins[0].mapTo(page.inner, spins[0].rect().topLeft()).y()
    before = page.problems.text()
    for spin in spins:
        spin.setFocus()
        QTest.keyClicks(spin, "5")
        QTest.keyClick(spin, Qt.Key.Key_Return)
        app.settle()
    assert page.problems.text() != before  # the warnings changed …
    assert spins[0].mapTo(page.inner, spins[0].rect().topLeft()).y() == top  # … nothing moved


def _names(page: StepPage) -> list[str]:
    """What a screen reader says for each widget Tab reaches on a page."""
    return [w.accessibleName() or getattr(w, "text", lambda: "")() for w in
            visual_chain(page.inner)]


def test_every_control_of_my_steps_has_a_name_of_its_own(
        make_app: Callable[..., App], later_meeting: dict[str, Any]) -> None:
    app, view = _open(make_app, later_meeting)
    total = 0
    for number, step in enumerate(MeetingStep, start=1):
        if step in (MeetingStep.PARTICIPANTS, MeetingStep.CASE_LEAD):
            continue  # another helper's screens, checked there
        _alt(app, getattr(Qt.Key, f"Key_{number}"))
        names = _names(view.pages[step])
        assert all(n.strip() for n in names), (step, names)
        assert len(names) == len(set(names)), (step, names)  # no two alike ('Vastleggen')
        total += len(names)
    assert total >= 40
