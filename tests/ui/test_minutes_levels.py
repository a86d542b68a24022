"""The notulen screen names each signature's level and, once archive-grade, the offline verdict
as of signing time (reached by keys: Alt+N from the closing step, Alt+2 for Ondertekenen); the
outbox screen says when the archive timestamps were last renewed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from regional.server import Config, Faults, RegionalServer
from regional.store import SqliteStore
from tafelapp.services import (
    archive_service,
    meeting_service,
    minutes_service,
    outbox_service,
    settings_service,
    setup_service,
)
from tafelapp.signing.identities import certificate_pem
from tests.sync.conftest import CLIENT, IOT, RSIN, SECRET
from tests.ui.conftest import App
from tests.ui.test_keyboard_minutes import _alt, _open_minutes

B_T = "B-T (met tijdstempel)"
B_LTA = "B-LTA (archiefwaardig: validatiegegevens en archieftijdstempel)"
VALID = "— geldig op het moment van ondertekenen (offline gecontroleerd)"


@pytest.fixture
def region(tmp_path: Path) -> Iterator[RegionalServer]:
    server = RegionalServer(SqliteStore(str(tmp_path / "regio.sqlite3")),
                            Config({CLIENT: SECRET}, {IOT}, faults=Faults())).start()
    yield server
    server.stop()


def _sign(s: Any, pki: Any) -> str:
    """The first meeting's first item signed by chair and secretary with CA certificates."""
    setup_service.add_trust_root(s, certificate_pem(pki.root_der))
    meeting = min(meeting_service.list_meetings(s), key=lambda m: m.date)
    item_id = meeting_service.get_meeting(s, meeting.id).agenda[0].id
    minutes = minutes_service.draft_minutes(s, item_id)
    first = minutes_service.import_identity(s, pki.pkcs12("chair", "1357"), "1357")
    second = minutes_service.import_identity(s, pki.pkcs12("secretary", "2468"), "2468")
    minutes_service.sign_minutes(s, minutes.id, first.id, "1357", "CHAIR")
    minutes_service.sign_minutes(s, minutes.id, second.id, "2468", "SECRETARY")
    return minutes.id


def _header_lines(app: App) -> list[str]:
    _item_id, view = _open_minutes(app)
    _alt(app, Qt.Key.Key_2)  # &2. Ondertekenen
    assert view.tabs.currentIndex() == 1 and view.header.isVisible()
    return view.header.text().splitlines()


def test_the_notulen_screen_shows_levels_then_the_verdict_and_the_outbox_the_renewal(
        make_app: Callable[..., App], ltv_pki: Any, region: RegionalServer) -> None:
    app = make_app(demo=True)
    app.call(lambda s: outbox_service.update_region(
        s, base_url=region.url, client_id=CLIENT, secret=SECRET, rsin=RSIN,
        informatieobjecttype=IOT, timeout_seconds=20.0, tsa_url=ltv_pki.tsa_url))
    minutes_id = app.call(lambda s: _sign(s, ltv_pki))  # B-T: the region's TSA when signing
    ltv_pki.online = False  # no OCSP/CRL/TSA: a drain now keeps them B-T (and queued)
    try:
        lines = _header_lines(app)
    finally:
        ltv_pki.online = True
    levels = [line for line in lines if ": B-" in line]
    assert len(levels) == 2 and all(line.endswith(B_T) for line in levels), lines
    assert lines[-1] == ("Bij het verzenden worden de validatiegegevens en een "
                         "archieftijdstempel toegevoegd (B-LTA).")

    app.call(outbox_service.send_now)  # due now, also after a drain that waited
    app.window.outbox.drain()  # what the app's timer does once a region is set
    app.settle(timeout=60_000)
    assert app.call(lambda s: archive_service.level_of_minutes(s, minutes_id)) == ("B-LTA", None)
    _escape(app)
    lines = _header_lines(app)
    levels = [line for line in lines if ": B-" in line]
    assert len(levels) == 2, lines
    assert all(line.endswith(f"{B_LTA} {VALID}") for line in levels), lines
    assert not any("Bij het verzenden" in line for line in lines)

    # the renewal job (within its margin) and what the outbox screen says of it
    number = app.call(lambda s: minutes_service.get_minutes(s, minutes_id).number)

    def renew(s: Any) -> Any:
        settings_service.update_settings(s, archive_renew_margin_days=730)
        return archive_service.renew_due(s)
    assert app.call(renew).renewed == [number]
    app.window.bars.outbox_action.trigger()  # the toolbar's Outbox (no shortcut of its own)
    app.settle(timeout=60_000)
    summary = app.window.outbox_view.summary.text()
    assert app.window.stack.currentWidget() is app.window.outbox_view
    assert f"vernieuwd: {number}." in summary and "Laatst vernieuwd op" in summary, summary


def _escape(app: App) -> None:
    """Escape: back from the notulen screen to where it was opened."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_Escape)
    app.settle()
