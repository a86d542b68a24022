"""The regiowerklijst screen on a ketenregisseur's vault without a table of her own, against the
real Open Zaak, driven by keys: the background refresh, a line's detail (statussen, besluit,
termijnen, the notulen opened as a PDF), Escape, Tab order, and an escalation from the line."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tafelapp.services import (
    escalation_service,
    outbox_service,
    settings_service,
    setup_service,
    vault_service,
)
from tafelapp.services.session import Session
from tests.conftest import PASSPHRASE
from tests.openzaak import course
from tests.openzaak.oz import OpenZaak
from tests.ui.conftest import App
from ui.views.region_detail_dialog import RegionDetailDialog


def _regie_vault(chair: Session, alive: OpenZaak, path: Path) -> None:
    """What the wizard's 'ketenregisseur zonder eigen tafel' leaves: the region file, the Zaken
    API, no case of her own."""
    regie = vault_service.create(path, PASSPHRASE, "kr")
    try:
        setup_service.import_region(regie, setup_service.export_region_json(chair).encode())
        outbox_service.update_region(regie, **alive.region())
        settings_service.update_settings(regie, region_only=True)
    finally:
        regie.close()


def test_the_ketenregisseur_opens_a_region_line_by_keys_and_escalates_it(
        alive: OpenZaak, session: Session, demo: dict[str, str], vault_path: Path,
        make_app: Callable[..., App], qtbot: QtBot) -> None:
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    course.drain_all(session)  # the chair's laptop publishes the case and its notulen
    path = vault_path.with_name("ketenregie.tafelapp")
    _regie_vault(session, alive, path)

    app = make_app(vault=path)
    window = app.window
    app.unlock()
    screen = window.region_worklist_view
    qtbot.waitUntil(lambda: window.stack.currentWidget() is screen, timeout=15_000)
    # her home is the region; the screens of a table of her own are not offered
    assert not window.bars.overview_action.isVisible()
    assert not window.bars.worklist_action.isVisible() and window.bars.region_action.isVisible()
    assert "zaken.lezen" in screen.rights.text() and "onzichtbaar" in screen.rights.text()
    qtbot.waitUntil(lambda: not window.region_worklist.refreshing, timeout=120_000)
    app.settle()
    assert "Laatst ververst:" in screen.when.text(), screen.message.text()
    rows = [r for r in range(screen.model.rowCount())
            if screen.model.item_at(r).case_number == number]
    assert rows, screen.message.text()
    index = screen.model.index(rows[0], 3)
    assert screen.model.data(index) == "JBT"  # the table kind on the line
    # ↓ from the first line to the case's line, Enter opens what the region holds
    screen.view.setFocus()
    screen.view.setCurrentIndex(screen.model.index(0, 0))
    for _ in range(rows[0]):
        QTest.keyClick(screen.view, Qt.Key.Key_Down)
    assert screen.selected().case_number == number  # type: ignore[union-attr]
    with qtbot.waitSignal(window.region_worklist.detail_shown, timeout=60_000) as shown:
        QTest.keyClick(screen.view, Qt.Key.Key_Return)
    dialog: RegionDetailDialog = shown.args[0]
    text = dialog.facts.toPlainText()
    assert "Statusgeschiedenis" in text and "Aangemeld" in text and "Besproken aan tafel" in text
    assert "Besluit: Uitgesteld raadsonderzoek" in text or "Besluit: " in text
    assert "Casusregie:" in text
    for personal in ("Van Dalen", "Sanne", course.BSN):
        assert personal.lower() not in text.lower()  # the region knows no names
    # Tab order: facts → notulen → open → opschalen → sluiten
    order = [dialog.facts, dialog.documents, dialog.open_pdf, dialog.escalate,
             dialog.close_button]
    for before, after in pairwise(order):
        assert before.nextInFocusChain() is after or _next_focus(before) is after
    # the notulen, opened as a real PDF (the system viewer replaced by a check)
    opened: list[Path] = []
    window.region_worklist.open_file = opened.append
    dialog.documents.setFocus()
    assert dialog.current_document() is not None and dialog.current_document().readable
    QTest.keyClick(dialog.documents, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    pdf = opened[0]
    assert pdf.read_bytes().startswith(b"%PDF-") and oct(pdf.stat().st_mode)[-3:] == "600"
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert number in words
    # Escape closes the detail, the line keeps the focus
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert window.region_worklist.dialog is None
    # Opschalen… from the line: the escalation starts from the region's facts only
    screen.escalate.click()
    esc = window.escalation_view
    qtbot.waitUntil(lambda: window.stack.currentWidget() is esc and esc.region is not None,
                    timeout=60_000)
    app.settle()
    assert not esc.names.isEnabled()  # no names exist at the region
    esc.question.setFocus()
    QTest.keyClicks(esc.question, "Kan de stuurgroep de wachttijd bij de aanbieder bespreken?")
    esc.stuck.setFocus()
    QTest.keyClicks(esc.stuck, " Het raadsonderzoek start niet.")
    esc.save.click()
    qtbot.waitUntil(lambda: number in esc.preview.toPlainText(), timeout=15_000)
    preview = esc.preview.toPlainText()
    assert "Wat de regio van deze casus weet" in preview and "Aangemeld op" in preview
    found = app.call(lambda s: escalation_service.escalations(s))
    assert len(found) == 1 and found[0].case_id is None
    assert found[0].region is not None and found[0].region.case_number == number
    esc.back.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is screen, timeout=15_000)
    # locking forgets the downloaded notulen and the lines
    window.lock()
    app.settle()
    assert not pdf.exists() and screen.model.rowCount() == 0
    app.unlock()  # her home again, refreshing in the background …
    assert window.region_worklist.refreshing or screen.model.rowCount() > 0
    window.lock()  # … locked while the region answers: the late answer is dropped unseen
    qtbot.waitUntil(lambda: window.region_worklist.network.idle, timeout=120_000)
    app.settle()
    assert screen.model.rowCount() == 0 and not screen.when.text()
    assert "mis" not in window.statusBar().currentMessage()
    app.unlock()


def _next_focus(widget: object) -> object:
    """The next widget Tab reaches (skipping the children of a compound widget)."""
    app = QApplication.instance()
    assert app is not None
    current = widget.nextInFocusChain()  # type: ignore[attr-defined]
    while current is not None and current.focusPolicy() == Qt.FocusPolicy.NoFocus:
        current = current.nextInFocusChain()
    return current
