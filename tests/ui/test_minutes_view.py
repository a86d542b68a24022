"""The notulen screen: free text with live preview, signing in order, final, refused input shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tafelapp.domain.steps import MeetingStep
from tafelapp.services import meeting_service, minutes_service
from tests.ui.conftest import App
from tests.ui.modal_keys import answer_dialogs, pressed
from ui.views.steps.closing import ClosingPage


def _sign(app: App) -> None:
    """Enter in the PIN field, then 'Ja' to 'Na ondertekening kan niets meer worden gewijzigd'."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    asked = answer_dialogs(pressed(QMessageBox.StandardButton.Yes))
    QTest.keyClick(app.window.minutes_view.pin, Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    app.settle()
    app.window.activateWindow()


def test_secretary_edits_with_preview_and_both_sign(make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    window = app.window
    first = window.overview_view.meetings.item(0)  # oldest first: the JBT of three months ago
    assert first.text().startswith((meeting_date := app.call(
        lambda s: min(m.date for m in meeting_service.list_meetings(s)))).strftime("%d-%m-%Y"))
    meeting = app.call(lambda s: meeting_service.get_meeting(
        s, first.data(Qt.ItemDataRole.UserRole)))
    assert meeting.date == meeting_date
    item_id = meeting.agenda[0].id
    window.open_item(item_id, MeetingStep.CLOSING)
    app.settle()
    closing = window.meeting_view.pages[MeetingStep.CLOSING]
    assert isinstance(closing, ClosingPage)
    closing.minutes.click()
    app.settle()
    view = window.minutes_view
    assert window.stack.currentWidget() is view
    assert "concept" in view.header.text()
    app.qtbot.keyClicks(view.texts["discussion"], "Moeder vertelt over de eerste weken.")
    app.settle()
    app.qtbot.waitUntil(lambda: "Moeder vertelt over de eerste weken."
                        in view.preview.toPlainText(), timeout=10_000)
    assert "vertrouwenspersoon" not in view.recipients.summary.text()
    assert "Noor van Dalen: kinderen onder de 16 jaar" in view.recipients.summary.text()

    app.call(lambda s: minutes_service.create_local_identity(
        s, "Mr. A. de Voorzitter (fictief)", "123456"))
    app.call(lambda s: minutes_service.create_local_identity(
        s, "B. Secretaris (fictief)", "654321"))
    view.reload()
    app.settle()
    view.identity.setCurrentIndex(view.identity.findText("B. Secretaris", Qt.MatchFlag.MatchStartsWith))
    view.role.setCurrentIndex(view.role.findData("SECRETARY"))
    app.qtbot.keyClicks(view.pin, "654321")
    _sign(app)
    app.settle()
    assert "nu tekent eerst de voorzitter" in view.message.text()
    view.identity.setCurrentIndex(view.identity.findText("Mr. A.", Qt.MatchFlag.MatchStartsWith))
    view.role.setCurrentIndex(view.role.findData("CHAIR"))
    app.qtbot.keyClicks(view.pin, "000000")
    _sign(app)
    app.settle()
    assert view.message.text() == "Pincode: de pincode is onjuist"
    app.qtbot.keyClicks(view.pin, "123456")
    _sign(app)
    app.settle()
    assert "in ondertekening" in view.header.text()
    assert view.texts["discussion"].isReadOnly()
    assert view.role.currentData() == "SECRETARY"  # the next role is preselected
    view.identity.setCurrentIndex(view.identity.findText("B. Secretaris", Qt.MatchFlag.MatchStartsWith))
    app.qtbot.keyClicks(view.pin, "654321")
    _sign(app)
    app.settle()
    assert "vastgesteld" in view.header.text()
    assert view.send.isEnabled() and view.save_pdf.isEnabled() and not view.sign.isEnabled()
    [minutes] = app.call(lambda s: minutes_service.minutes_for_item(s, item_id))
    assert minutes.text.discussion == "Moeder vertelt over de eerste weken."
    assert minutes_service.verify_pdf(app.call(
        lambda s: minutes_service.signed_document(s, minutes.id))).intact
    # The final notulen travel by themselves to the demo's regional server on loopback.
    app.qtbot.waitUntil(lambda: "0 wachtend" in window.outbox_state.text()
                        and "nog niet" not in window.outbox_state.text(), timeout=20_000)
    from regional.store import SqliteStore  # the demo's server runs as its own process
    assert window.demo_server.process.poll() is None
    assert SqliteStore(str(window.demo_server.store)).count() == 1
    window.chain.show_outbox()
    app.settle()
    assert "afgeleverd" in window.outbox_view.list.toPlainText()
    window.lock()
    app.settle()
    assert view.preview.toPlainText() == "" and view.header.text() == ""
    assert window.outbox_view.list.toPlainText() == "" and window.outbox_state.text() == ""


def test_the_secretary_opens_a_package_from_the_chairs_laptop_and_signs(
        make_app: Callable[..., Any], tmp_path: Path) -> None:
    from tafelapp.services import package_service, setup_service, vault_service
    from tafelapp.services.demo_service import seed_demo
    from tests.conftest import PASSPHRASE

    chair_laptop = vault_service.create(tmp_path / "a.tafelapp", PASSPHRASE, actor="voorzitter")
    ids = seed_demo(chair_laptop)
    meeting = meeting_service.get_meeting(chair_laptop, ids["jbt_meeting"])
    minutes = minutes_service.draft_minutes(chair_laptop, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(chair_laptop, meeting.chair, "123456")
    minutes_service.sign_minutes(chair_laptop, minutes.id, chair.id, "123456", "CHAIR")
    package = tmp_path / "pakket.json"
    package.write_bytes(package_service.export_package(chair_laptop, minutes.id))
    second = vault_service.create(tmp_path / "b.tafelapp", PASSPHRASE, actor="secretaris")
    setup_service.import_region(  # the region file carries the chair's certificate
        second, setup_service.export_region_json(chair_laptop).encode())
    chair_laptop.close()
    assert meeting.secretary is not None
    own = minutes_service.create_local_identity(second, meeting.secretary, "654321")
    second.close()
    app = make_app(tmp_path / "b.tafelapp")
    app.unlock()
    app.window.region.open_package(package)
    app.settle()
    view = app.window.minutes_view
    assert app.window.stack.currentWidget() is view
    assert "in ondertekening" in view.header.text() and view.role.currentData() == "SECRETARY"
    assert "ondertekenpakket" in app.window.statusBar().currentMessage().lower()
    view.identity.setCurrentIndex(view.identity.findData(own.id))
    app.qtbot.keyClicks(view.pin, "654321")
    _sign(app)
    app.settle()
    assert "vastgesteld" in view.header.text()
    assert view.tabs.currentIndex() == 2 and view.export_package.isEnabled()


def test_a_smartcard_is_added_and_signs_with_the_pin_asked_in_the_screen(
        make_app: Callable[..., Any], jbt_vault: dict[str, Any], softhsm: str,
        monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    from tests.signing.pki import KEY_LABEL, TOKEN_LABEL, TOKEN_PIN

    answers = iter([(softhsm, True), (f"{TOKEN_LABEL} — {KEY_LABEL}", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: next(answers))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (TOKEN_PIN, True))
    app = make_app(jbt_vault["path"])
    app.unlock()
    item = app.call(lambda s: meeting_service.add_to_agenda(s, jbt_vault["meeting"].id,
                                                            jbt_vault["case"].id))
    app.window.show_minutes(item.id)
    app.settle()
    view = app.window.minutes_view
    view.smartcard.click()
    app.settle()
    assert "Smartcard toegevoegd" in view.message.text(), view.message.text()
    cards = [view.identity.itemText(i) for i in range(view.identity.count())]
    assert any("smartcard" in text and "Voorzitter" in text for text in cards), cards
    assert TOKEN_PIN.encode() not in (jbt_vault["path"]).read_bytes()  # the PIN is not kept
