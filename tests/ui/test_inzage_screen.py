"""The inzage screen by keyboard: Ctrl+I, type a few letters of the parent's name, ↓ + Enter,
record the request (Alt+V), export into a typed folder (Alt+E) — written on the worker, read back
with pdftotext — then a rectificatie of the signed notulen (Alt+R), linked to the request."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from tafelapp.domain.minutes import MinutesKind
from tafelapp.services import identity_service, meeting_service, minutes_service
from tafelapp.store import inzage_repo
from tests.ui.conftest import App
from tests.ui.test_participants_keys import ALT, back_to_window, focus, key

CTRL = Qt.KeyboardModifier.ControlModifier


def _sign_first(s: object) -> str:
    first = min(meeting_service.list_meetings(s), key=lambda m: m.date)  # type: ignore[arg-type]
    item = meeting_service.get_meeting(s, first.id).agenda[0]  # type: ignore[arg-type]
    minutes = minutes_service.draft_minutes(s, item.id)  # type: ignore[arg-type]
    chair = identity_service.create_local_identity(s, "Mr. A. de Voorzitter (fictief)",  # type: ignore[arg-type]
                                                   "123456")
    sec = identity_service.create_local_identity(s, "B. Secretaris (fictief)", "654321")  # type: ignore[arg-type]
    minutes_service.sign_minutes(s, minutes.id, chair.id, "123456", "CHAIR")  # type: ignore[arg-type]
    minutes_service.sign_minutes(s, minutes.id, sec.id, "654321", "SECRETARY")  # type: ignore[arg-type]
    return minutes.id


def _press(app: App, button: QAbstractButton, letter: Qt.Key) -> None:
    """Alt+letter of a button; Qt presses it and lets go a moment later (animateClick)."""
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    key(letter, ALT)
    app.qtbot.waitUntil(lambda: bool(clicked), timeout=5_000)
    app.settle()
    back_to_window(app)


def test_inzage_of_a_parent_by_keyboard(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(demo=True)
    minutes_id = app.call(_sign_first)
    view = app.window.inzage_view
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=5_000)
    QTest.keyClick(app.window, Qt.Key.Key_I, CTRL)
    app.settle()
    assert app.window.stack.currentWidget() is view and focus() is view.person
    _press(app, view.record, Qt.Key.Key_V)  # nobody picked yet: a Dutch sentence, nothing recorded
    assert view.message.text().startswith("Kies eerst een persoon uit de lijst")
    assert app.call(lambda s: inzage_repo.requests(s.conn)) == []
    QTest.keyClicks(view.person, "sanne")
    popup = view.person.completer().popup()
    app.qtbot.waitUntil(popup.isVisible, timeout=5_000)
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)
    back_to_window(app)
    assert view.person.text() == "Sanne van Dalen (fictief)"
    assert "ouder (moeder) in JBT-2026-0001" in view.found.text()
    key(Qt.Key.Key_N, ALT)
    QTest.keyClicks(focus(), "paspoort gezien")
    _press(app, view.record, Qt.Key.Key_V)
    app.qtbot.waitUntil(lambda: view.request_id is not None, timeout=20_000)
    assert "Wat wij over u bewaren" in view.preview.toPlainText()
    assert "Noor" not in view.preview.toPlainText()
    out = tmp_path / "uitvoer"
    out.mkdir()
    key(Qt.Key.Key_M, ALT)
    assert focus() is view.folder
    view.folder.selectAll()
    QTest.keyClicks(view.folder, str(tmp_path / "bestaat-niet"))
    _press(app, view.export, Qt.Key.Key_E)
    app.qtbot.waitUntil(lambda: "bestaat niet" in view.message.text(), timeout=20_000)
    assert view.message.text() == "Map: de map ‘bestaat-niet’ bestaat niet; kies een bestaande map"
    key(Qt.Key.Key_M, ALT)
    view.folder.selectAll()
    QTest.keyClicks(view.folder, str(out))
    _press(app, view.export, Qt.Key.Key_E)
    app.qtbot.waitUntil(lambda: view.message.text().startswith("Geschreven"), timeout=30_000)
    pdf = next(out.glob("*.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Sanne van Dalen (fictief)" in text and "Mehmet" not in text
    assert next(out.glob("*.json")).stat().st_size > 0
    assert view.minutes.currentData() == minutes_id
    key(Qt.Key.Key_C, ALT)
    assert focus() is view.correction
    QTest.keyClicks(view.correction, "Moeder kwam om 09:30, niet om 09:45.")
    _press(app, view.rectify, Qt.Key.Key_R)
    app.qtbot.waitUntil(lambda: view.message.text().startswith("Rectificatie"), timeout=20_000)
    links = app.call(lambda s: inzage_repo.rectifications(s.conn, [view.request_id]))
    assert len(links) == 1 and links[0][2] == minutes_id
    rect = app.call(lambda s: minutes_service.get_minutes(s, links[0][1]))
    assert rect.kind is MinutesKind.RECTIFICATION and rect.rectifies == minutes_id
    assert "Correctie" in view.preview.toPlainText() and rect.number in view.preview.toPlainText()
