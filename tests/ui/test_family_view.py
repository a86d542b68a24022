"""The Gezinsoverzicht: plain language on screen, and as a real PDF written by the worker."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import App


def test_family_view_and_pdf(make_app: Callable[..., App], tmp_path: Path) -> None:
    app = make_app(demo=True)
    window = app.window
    window.show_agenda(window.overview_view.meetings.item(0).data(Qt.ItemDataRole.UserRole))
    app.settle()
    window.agenda_view.family.click()
    app.settle()
    text = window.family_view.browser.toPlainText()
    for expected in ("Wat we samen hebben besproken", "Wie waren er bij?", "Femke de Wit",
                     "Wie is uw vaste contactpersoon?", "06-00000002"):
        assert expected in text
    assert "Bent u het er niet mee eens?" in text and "Hoe is dit besluit genomen?" in text
    view = window.family_view
    assert view.version.isVisible() and view.version.text() == "Versie voor Noor (jij)"
    view.version.click()  # the young person's own version
    app.settle()
    young = view.browser.toPlainText()
    assert "Dit is voor jou, Noor." in young and "Ben jij het er niet mee eens?" in young
    assert view.version.text() == "Versie voor de ouders"
    target = tmp_path / "gezinsoverzicht.pdf"
    window.family_view.pdf_requested.emit(target)
    app.qtbot.waitUntil(lambda: "Opgeslagen" in window.family_view.status.text(), timeout=15_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o077 == 0
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is installed by scripts/dev.py test"
    extracted = subprocess.run([pdftotext, "-layout", str(target), "-"], capture_output=True,
                               text=True, check=True).stdout
    words = " ".join(extracted.split())
    assert "Wat we samen hebben besproken, Noor" in words  # the version on screen is saved
    assert "Noor" in words and "Ben jij het er niet mee eens?" in words
