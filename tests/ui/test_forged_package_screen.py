"""On the chair's laptop a doctored ondertekenpakket opened on the screen (Pakket openen…) is
refused with a message naming what does not hold; the notulen stay in ondertekening and the
vault's content is unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tafelapp.domain.minutes import MinutesStatus
from tafelapp.services import meeting_service, minutes_service, package_service, vault_service
from tafelapp.services.demo_service import seed_demo
from tests.conftest import PASSPHRASE
from tests.sync.forgery import Keys, forge, vault_digest


def _chair_laptop(tmp_path: Path) -> tuple[Path, str, bytes, Keys]:
    """Notulen signed by the chair only; the package, and the keys a forger could hold."""
    path = tmp_path / "a.tafelapp"
    a = vault_service.create(path, PASSPHRASE, actor="voorzitter")
    meeting = meeting_service.get_meeting(a, seed_demo(a)["jbt_meeting"])
    assert meeting.secretary is not None
    minutes = minutes_service.draft_minutes(a, meeting.agenda[0].id)
    chair = minutes_service.create_local_identity(a, meeting.chair, "123456")
    secretary = minutes_service.create_local_identity(a, meeting.secretary, "654321")
    minutes_service.sign_minutes(a, minutes.id, chair.id, "123456", "CHAIR")
    keys = Keys(minutes_service.unlock_identity(a, chair.id, "123456"),
                minutes_service.unlock_identity(a, secretary.id, "654321"),
                meeting.chair, meeting.secretary)
    package = package_service.export_package(a, minutes.id)
    a.close()
    return path, minutes.id, package, keys


def _refusal(app: Any) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "package_refused"
                    and w.isVisible()]
        return bool(found)
    app.qtbot.waitUntil(shown, timeout=30_000)
    return found[0]


def test_forged_packages_are_refused_on_the_screen(make_app: Callable[..., Any],
                                                   tmp_path: Path) -> None:
    path, minutes_id, package, keys = _chair_laptop(tmp_path)
    app = make_app(path)
    app.unlock()
    app.settle()
    before = app.call(vault_digest)
    for variant in ("mallory", "status_typed", "rectifies_unknown"):
        forged, expected = forge(package, variant, keys)
        file = tmp_path / f"{variant}.json"
        file.write_bytes(forged)
        app.window.region.open_package(file)  # what the file dialog of Pakket openen… calls
        app.settle()
        box = _refusal(app)
        shown = " ".join((box.text() + " " + box.informativeText()).split())
        assert expected in shown, (variant, shown)
        assert "er is niets veranderd" in shown and "Er ging iets mis" not in shown
        assert "Pakket niet geopend" in app.window.statusBar().currentMessage()
        QTest.keyClick(box, Qt.Key.Key_Return)  # the person reads it and closes it
        app.qtbot.waitUntil(lambda b=box: not b.isVisible(), timeout=10_000)
        assert app.call(vault_digest) == before, variant
        status = app.call(lambda s: minutes_service.get_minutes(s, minutes_id).status)
        assert status is MinutesStatus.SIGNING
