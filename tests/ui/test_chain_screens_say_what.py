"""Outbox, werklijst and toolbar say what they show: titles, an empty list, no server, own icons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage
from PySide6.QtTest import QTest

from tafelapp.domain.worklist import ATTENTION_NL
from tafelapp.services import (
    escalation_service,
    minutes_service,
    outbox_service,
    overview_service,
    vault_service,
)
from tests.conftest import PASSPHRASE
from tests.ui.conftest import App
from ui.controllers.outbox import NO_REGION


def _image(icon: QIcon) -> QImage:
    return icon.pixmap(32, 32).toImage()


def _press(app: App, widget: Any) -> None:
    """Focus a button and press Space, as a keyboard user does."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Space)


def test_every_toolbar_action_and_the_gezinsoverzicht_have_their_own_icon(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    vault_service.create(tmp_path / "kluis.tafelapp", PASSPHRASE).close()
    app = make_app()
    bars = app.window.bars
    images = [_image(a.icon()) for a in bars.actions]
    assert all(not image.isNull() for image in images)
    assert len({image.cacheKey() for image in images}) == len(images)
    assert all(images[i] != images[j] for i in range(len(images))
               for j in range(i + 1, len(images)))
    family = _image(app.window.agenda_view.family.icon())
    assert family not in images  # not the Overzicht house


def test_an_empty_werklijst_says_nothing_needs_attention_and_what_was_checked(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    vault_service.create(tmp_path / "kluis.tafelapp", PASSPHRASE).close()
    app = make_app()
    app.unlock()
    app.window.bars.worklist_action.trigger()
    app.settle()
    view = app.window.worklist_view
    assert app.window.stack.currentWidget() is view and view.model.rowCount() == 0
    text = view.count.text()
    assert text.startswith("Niets vraagt nu aandacht")
    assert all(label in text for label in ATTENTION_NL.values())
    assert view.count.isVisible()


def test_nu_verzenden_without_a_region_says_how_to_set_it_up(
        make_app: Callable[..., App], tmp_path: Path) -> None:
    vault_service.create(tmp_path / "kluis.tafelapp", PASSPHRASE).close()
    app = make_app()
    app.unlock()
    app.window.bars.outbox_action.trigger()
    app.settle()
    view = app.window.outbox_view
    assert app.window.stack.currentWidget() is view and view.notice.text() == ""
    _press(app, view.send)
    app.qtbot.waitUntil(lambda: bool(view.notice.text()), timeout=15_000)
    assert view.notice.text() == NO_REGION
    assert "Instellingen" in NO_REGION and "Regionale server" in NO_REGION
    assert view.notice.isVisible()


def test_outbox_items_show_case_and_title_not_only_the_identificatie(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)

    def submitted(s: Any) -> None:  # an escalation to the stuurgroep goes into the outbox
        case = overview_service.overview(s).cases[0]
        identity = minutes_service.create_local_identity(s, "K. Regisseur", "123456")
        escalation = escalation_service.start_escalation(
            s, case.id, stuck="Een plek", partners=["GI"], question="Helpen?",
            attempts=[{"on": s.today(), "description": "Overleg met de GI"}])
        escalation_service.submit(s, escalation.id, identity.id, "123456")
    app.call(submitted)
    app.window.bars.outbox_action.trigger()
    app.settle()
    view = app.window.outbox_view
    items = app.call(outbox_service.items)
    assert items, "the demo has documents in its outbox"
    titles = app.call(outbox_service.titles)
    text = view.list.toPlainText()
    for item, _history in items:
        title = titles[item.id]
        assert not title.startswith("TAFEL-") and title in text
        assert text.index(title) < text.index(item.identificatie)  # the title comes first
    _press(app, view.send)
    app.qtbot.waitUntil(lambda: bool(view.notice.text()), timeout=15_000)
    assert view.notice.text() != NO_REGION  # the demo has its own regional server


def test_the_werklijst_shows_the_current_reason_in_full_and_forgets_it_on_lock(
        make_app: Callable[..., App]) -> None:
    app = make_app(demo=True)
    app.window.bars.worklist_action.trigger()
    app.settle()
    view = app.window.worklist_view
    first = view.model.item_at(0)
    assert view.detail.text().endswith(first.reason) and first.case_number in view.detail.text()
    view.view.setFocus()
    QTest.keyClick(view.view, Qt.Key.Key_Down)
    second = view.model.item_at(1)
    assert view.detail.text().endswith(second.reason)
    QTest.keyClick(app.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    app.settle()
    assert view.detail.text() == "" and view.model.rowCount() == 0
