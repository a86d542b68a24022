"""Deelnemers by keyboard (issue 18.2): ↓ + Enter on a suggestion fills the row with the person's
usual role and organisation and adds nothing; Alt+T adds; the chosen participant's role and
organisation change in place; 'Verwijderen' asks. Asserted on what is stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import directory_service, meeting_service, vault_service
from tests.conftest import PASSPHRASE
from tests.ui.conftest import App
from ui.views.steps.participants import ParticipantsPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def book_vault(jbt_vault: dict[str, Any]) -> dict[str, Any]:
    """The JBT vault with a wijkteam worker and a raadsonderzoeker in the address book."""
    s = vault_service.unlock(jbt_vault["path"], PASSPHRASE, actor="t")
    team = directory_service.save_organisation(s, name="Wijkteam Teststad", kind="CARE_PROVIDER")
    raad = directory_service.save_organisation(s, name="Raad voor de Kinderbescherming",
                                               kind="RVDK")
    directory_service.save_person(s, name="G. Visser", function="wijkteammedewerker",
                                  organisation_id=team.id, phone="070-1234567",
                                  email="g.visser@wijkteam.nl")
    directory_service.save_person(s, name="R. Onderzoeker", function="raadsonderzoeker",
                                  organisation_id=raad.id, email="r.onderzoeker@raad.nl")
    s.close()
    return jbt_vault


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key where Qt sends it: the open suggestion list, else the widget with focus."""
    QTest.keyClick(QApplication.activePopupWidget() or focus(), k, modifier)


def pick(app: App, page: ParticipantsPage, typed: str) -> None:
    """Type a few letters into the name field, ↓ to the first suggestion, Enter."""
    key(Qt.Key.Key_N, ALT)
    assert focus() is page.name
    QTest.keyClicks(page.name, typed)
    popup = page.name.completer().popup()
    assert popup is not None
    app.qtbot.waitUntil(popup.isVisible, timeout=5_000)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)
    app.settle()
    back_to_window(app)
    assert focus() is page.name and not popup.isVisible()


def back_to_window(app: App) -> None:
    """The offscreen platform leaves the closed suggestion list the active window (a window
    manager gives activation back to the main window); give it back as one would."""
    if QApplication.activeWindow() is not app.window:
        app.window.activateWindow()
        app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=5_000)


def press(app: App, button: QAbstractButton, letter: Qt.Key) -> None:
    """Alt+letter of a button: Qt presses it and lets go a moment later (animateClick)."""
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    key(letter, ALT)
    app.qtbot.waitUntil(lambda: bool(clicked), timeout=5_000)
    app.settle()
    back_to_window(app)  # after a question box, too


def stored(app: App, item_id: str) -> dict[str, tuple[str, str | None]]:
    item = app.call(lambda s: meeting_service.locate_item(s, item_id)[1])
    return {p.name: (p.role.value, p.organisation) for p in item.participants}


def open_participants(app: App, meeting_id: str) -> ParticipantsPage:
    app.unlock()
    app.window.show_agenda(meeting_id)
    app.settle()
    QTest.keyClick(app.window.agenda_view.add, Qt.Key.Key_Space)
    app.settle()
    QTest.keyClick(app.window.agenda_view.start, Qt.Key.Key_Space)
    app.settle()
    view = app.window.meeting_view
    QTest.keyClick(view, Qt.Key.Key_2, ALT)
    app.settle()
    page = view.pages[MeetingStep.PARTICIPANTS]
    assert isinstance(page, ParticipantsPage) and view.current_step is MeetingStep.PARTICIPANTS
    return page


def test_enter_on_a_suggestion_fills_the_row_and_alt_t_adds_with_the_usual_role(
        make_app: Callable[..., App], book_vault: dict[str, Any]) -> None:
    app = make_app(book_vault["path"])
    page = open_participants(app, book_vault["meeting"].id)
    item_id = app.window.meeting_view.env.item_id
    before = stored(app, item_id)

    pick(app, page, "onderz")
    assert page.name.text() == "R. Onderzoeker"
    assert stored(app, item_id) == before  # Enter on the suggestion added nobody
    assert page.role.currentData() == "RVDK"
    press(app, page.add, Qt.Key.Key_T)
    app.settle()
    assert page.form_message.text() == ""
    assert stored(app, item_id)["R. Onderzoeker"] == ("RVDK", "Raad voor de Kinderbescherming")

    # The next one does not inherit the Raad's role: the wijkteam worker's own role comes along.
    pick(app, page, "viss")
    assert (page.name.text(), page.role.currentData(), page.organisation.text(),
            page.email.text()) == ("G. Visser", "CARE_PROVIDER", "Wijkteam Teststad",
                                   "g.visser@wijkteam.nl")
    assert "G. Visser" not in stored(app, item_id)
    press(app, page.add, Qt.Key.Key_T)
    assert stored(app, item_id)["G. Visser"] == ("CARE_PROVIDER", "Wijkteam Teststad")
    assert page.role.currentData() is None and focus() is page.name

    # A typed new name and Enter: on to the role, nothing added; Alt+T without a role refuses.
    QTest.keyClicks(page.name, "T. Nieuw")
    key(Qt.Key.Key_Return)
    assert focus() is page.role
    spots = {w: w.mapTo(page, QPoint(0, 0)) for w in (page.add, page.involvement_box)}
    press(app, page.add, Qt.Key.Key_T)
    assert "Kies de rol van T. Nieuw" in page.form_message.text()
    assert {w: w.mapTo(page, QPoint(0, 0)) for w in spots} == spots  # the message moved nothing
    assert "T. Nieuw" not in stored(app, item_id)


def test_role_and_organisation_change_in_place_and_removing_asks(
        make_app: Callable[..., App], book_vault: dict[str, Any]) -> None:
    app = make_app(book_vault["path"])
    page = open_participants(app, book_vault["meeting"].id)
    item_id = app.window.meeting_view.env.item_id
    pick(app, page, "viss")
    press(app, page.add, Qt.Key.Key_T)
    rows = [cell.text() for r in range(page.table.rowCount())
            if (cell := page.table.item(r, 0)) is not None]

    key(Qt.Key.Key_D, ALT)  # the list of participants
    assert focus() is page.table
    spots = {w: w.mapTo(page, QPoint(0, 0)) for w in (page.chosen_role, page.add, page.name)}
    for _ in rows:  # to the top (the first key press chooses the first row)
        key(Qt.Key.Key_Up)
    for _ in range(rows.index("G. Visser")):
        key(Qt.Key.Key_Down)
    app.settle()
    assert page.chosen_role.accessibleName() == "Rol van G. Visser"
    assert page.chosen_organisation.accessibleName() == "Organisatie van G. Visser"
    assert page.remove.accessibleName() == "G. Visser verwijderen"
    assert {w: w.mapTo(page, QPoint(0, 0)) for w in spots} == spots  # choosing moved nothing

    key(Qt.Key.Key_L, ALT)
    assert focus() is page.chosen_role
    QTest.keyClicks(page.chosen_role, "school")  # keyboard search in the closed list
    app.settle()
    assert stored(app, item_id)["G. Visser"] == ("SCHOOL", "Wijkteam Teststad")
    key(Qt.Key.Key_G, ALT)
    assert focus() is page.chosen_organisation
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(page.chosen_organisation, "Basisschool De Linde")
    key(Qt.Key.Key_Tab)
    app.settle()
    assert stored(app, item_id)["G. Visser"] == ("SCHOOL", "Basisschool De Linde")

    def answer(keys: list[tuple[Qt.Key, Qt.KeyboardModifier]]) -> None:
        """Keys for the question box once it is open (a box left open after 5 s is closed,
        so the test fails instead of hanging)."""
        def press(tries: int = 0) -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(20, lambda: press(tries + 1))
                return
            box.activateWindow()  # as a window manager does with a new dialog
            QApplication.processEvents()
            for k, m in keys:
                QTest.keyClick(QApplication.focusWidget() or box, k, m)
            QTimer.singleShot(5_000, box, lambda: box.close() if box.isVisible() else None)
        QTimer.singleShot(20, press)

    answer([(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)])
    press(app, page.remove, Qt.Key.Key_V)
    assert "G. Visser" in stored(app, item_id)  # Escape kept them
    answer([(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)])
    press(app, page.remove, Qt.Key.Key_V)
    assert "G. Visser" in stored(app, item_id)  # Enter is 'Niet verwijderen'
    answer([(Qt.Key.Key_V, ALT)])
    press(app, page.remove, Qt.Key.Key_V)
    assert "G. Visser" not in stored(app, item_id)


def test_a_reload_while_a_reason_is_typed_keeps_the_field_its_focus_and_the_words(
        make_app: Callable[..., App]) -> None:
    """A reload (after a save elsewhere) used to rebuild the 12+ involvement rows: the reason
    being typed lost its field and its focus, and the next keys went nowhere."""
    app = make_app(demo=True)
    window = app.window
    meetings = window.overview_view.meetings
    zvt = next(meetings.item(i) for i in range(meetings.count())
               if "Zorg- en Veiligheidstafel" in meetings.item(i).text())
    window.show_agenda(zvt.data(Qt.ItemDataRole.UserRole))
    app.settle()
    window.agenda_view.start.click()
    app.settle()
    window.meeting_view.go_to(MeetingStep.PARTICIPANTS)
    app.settle()
    page = window.meeting_view.pages[MeetingStep.PARTICIPANTS]
    assert isinstance(page, ParticipantsPage)
    [(child_id, combo)] = page.involvement_combos.items()
    reason = page.involvement_reasons[child_id]
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == "NOT_INVOLVED":
            break
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "NOT_INVOLVED" and reason.isEnabled()
    QTest.keyClick(combo, Qt.Key.Key_Tab)
    assert focus() is reason
    QTest.keyClicks(reason, "Jayden is op kamp")
    window.meeting_view.request_refresh()
    app.settle()
    assert page.involvement_reasons[child_id] is reason and focus() is reason
    QTest.keyClicks(reason, " met school.")
    app.settle()
    item = app.call(lambda s: meeting_service.locate_item(
        s, page.env.ctx.item.id)[1])
    [stored] = [i for i in item.involvement if i.child_id == child_id]
    assert (stored.kind.value, stored.reason) == ("NOT_INVOLVED", "Jayden is op kamp met school.")
    assert reason.text() == "Jayden is op kamp met school."
