"""The notulen screen by keyboard only (issue 18, items 8–10): a new identity's PIN asked twice
(a mismatch said in the dialog, nothing made), Alt+1…3 for the tabs, Enter in the PIN field
signs after 'Na ondertekening kan niets meer worden gewijzigd' (Nee first), names per control."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service, minutes_service
from tests.ui.conftest import App
from tests.ui.modal_keys import answer_dialogs, enter, pressed, typed
from ui.views.minutes_view import MinutesView
from ui.widgets.keyboard import visual_chain

ALT = Qt.KeyboardModifier.AltModifier


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _back_in_window(app: App) -> None:
    """After a dialog the window manager gives the window its focus back (offscreen: we do)."""
    if QApplication.activeWindow() is not app.window:
        app.window.activateWindow()
        app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=5_000)


def _alt(app: App, key: Qt.Key) -> None:
    _back_in_window(app)
    QTest.keyClick(_focus() or app.window, key, ALT)
    app.qtbot.wait(200)  # a button's mnemonic 'animates' its click
    app.settle()


def _open_minutes(app: App) -> tuple[str, MinutesView]:
    meeting = app.call(lambda s: min(meeting_service.list_meetings(s), key=lambda m: m.date))
    item_id = app.call(lambda s: meeting_service.get_meeting(s, meeting.id)).agenda[0].id
    app.window.open_item(item_id, MeetingStep.CLOSING)
    app.settle()
    app.window.meeting_view.pages[MeetingStep.CLOSING].minutes.setFocus()
    _alt(app, Qt.Key.Key_N)  # &Notulen…
    view = app.window.minutes_view
    app.qtbot.waitUntil(lambda: app.window.stack.currentWidget() is view and
                        view.minutes is not None, timeout=15_000)
    app.settle()
    return item_id, view


def test_a_new_pin_is_asked_twice_and_signing_is_confirmed_first(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    item_id, view = _open_minutes(app)
    assert view.tabs.currentIndex() == 0
    _alt(app, Qt.Key.Key_2)  # &2. Ondertekenen
    assert view.tabs.currentIndex() == 1
    seen = answer_dialogs(enter,  # for whom: the chair, preselected
                          typed("123456"), typed("999999"),  # not the same twice
                          typed("123456"), typed("123456"))
    _alt(app, Qt.Key.Key_N)  # &Nieuwe lokale identiteit…
    app.qtbot.waitUntil(lambda: len(seen) == 5, timeout=15_000)
    app.settle()
    assert "niet gelijk" in seen[3] and "er is niets gemaakt" in seen[3]
    assert "nog een keer" in seen[2]
    [made] = app.call(minutes_service.list_identities)  # one, made once the two matched
    assert view.identity.currentData() == made.id

    _alt(app, Qt.Key.Key_P)  # &Pincode
    assert _focus() is view.pin
    QTest.keyClicks(view.pin, "123456")
    asked = answer_dialogs(enter)  # Enter on the question: Nee, the default
    QTest.keyClick(view.pin, Qt.Key.Key_Return)  # Enter in the PIN field signs …
    app.settle()
    _back_in_window(app)
    assert "Na ondertekening kan niets meer worden gewijzigd" in asked[0]
    [minutes] = app.call(lambda s: minutes_service.minutes_for_item(s, item_id))
    assert not minutes.signatures and "Niet ondertekend" in view.message.text()
    assert view.pin.text() == "123456" and _focus() is view.pin  # nothing to type again
    answer_dialogs(pressed(QMessageBox.StandardButton.Yes))
    QTest.keyClick(view.pin, Qt.Key.Key_Return)  # … after 'Ja'
    app.settle()
    [minutes] = app.call(lambda s: minutes_service.minutes_for_item(s, item_id))
    assert [s.role.value for s in minutes.signatures] == ["CHAIR"]
    assert "in ondertekening" in view.header.text()


def test_the_notulen_tabs_and_their_controls_by_keyboard_each_with_a_name(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    _item_id, view = _open_minutes(app)
    total = 0
    for key, index in ((Qt.Key.Key_3, 2), (Qt.Key.Key_2, 1), (Qt.Key.Key_1, 0)):
        _alt(app, key)
        assert view.tabs.currentIndex() == index
        page = view.tabs.currentWidget()
        inner = page.widget()  # type: ignore[attr-defined]
        names = [w.accessibleName() or getattr(w, "text", lambda: "")()
                 for w in visual_chain(inner)]
        assert all(n.strip() for n in names) and len(names) == len(set(names)), names
        total += len(names)
    assert total >= 10
    _alt(app, Qt.Key.Key_V)  # &Verslag van de bespreking, on the text tab
    assert _focus() is view.texts["discussion"]
    QTest.keyClicks(view.texts["discussion"], "Kort verslag.")
    _alt(app, Qt.Key.Key_X)  # no shortcut: nothing typed
    QTest.keyClick(view.texts["discussion"], Qt.Key.Key_Tab)  # Tab moves on, types no tab
    assert _focus() is view.texts["closing_remarks"]
    app.settle()
    assert view.texts["discussion"].toPlainText() == "Kort verslag."
