"""Gezinsoverzicht: one plain-language page for parents and the young person, full-screen or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.widgets.fit import fit_to_screen


class FamilyView(QWidget):
    """A separate window: large print; 'Volledig scherm' uses a second screen when there is one."""

    pdf_requested = Signal(Path)
    version_requested = Signal(bool)  # True: the young person's version ("jij")
    young: bool = False

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Gezinsoverzicht — Tafelapp")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Gezinsoverzicht")
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.browser.setFont(font)
        layout.addWidget(self.browser, 1)
        row = QHBoxLayout()
        self.full = QPushButton("Volledig scherm")
        self.full.setIcon(icon("screen"))
        self.pdf = QPushButton("Opslaan als PDF…")
        self.pdf.setIcon(icon("pdf"))
        self.version = QPushButton("")
        self.version.setToolTip("Wissel tussen de versie voor de ouders en die voor de jongere")
        self.close_button = QPushButton("Sluiten")
        self.status = QLabel("")
        row.addWidget(self.full)
        row.addWidget(self.pdf)
        row.addWidget(self.version)
        row.addWidget(self.status, 1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.full.clicked.connect(self.toggle_full_screen)
        self.pdf.clicked.connect(self._on_pdf_clicked)
        self.version.clicked.connect(lambda: self.version_requested.emit(not self.young))
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Esc"), self, self._leave_full_screen)
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        self.html = ""
        self.item_id = ""
        self.young = False

    def show_html(self, html: str, item_id: str, young_person: str = "",
                  young: bool = False) -> None:
        """Show the page of an agenda item (and bring the window up); a young person of 12+ at
        the table has a version of their own."""
        self.html = html
        self.item_id = item_id
        self.young = young
        self.version.setVisible(bool(young_person))
        self.version.setText("Versie voor de ouders" if young else
                             f"Versie voor {young_person} (jij)")
        self.browser.setHtml(html)
        if not self.isVisible():
            fit_to_screen(self, 900, 700)  # never beyond a 1280×720 screen at 150 %
        self.show()
        self.raise_()

    def toggle_full_screen(self) -> None:
        """Full screen, on the second screen when one is connected (for the family to read)."""
        if self.isFullScreen():
            self._leave_full_screen()
            return
        screens = QGuiApplication.screens()
        target = screens[1] if len(screens) > 1 else screens[0]
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()

    def _leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def _on_pdf_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Gezinsoverzicht opslaan",
                                              str(Path.home() / "gezinsoverzicht.pdf"),
                                              "PDF (*.pdf)")
        if path:
            self.pdf_requested.emit(Path(path))

    def clear(self) -> None:
        """Forget the content and close (on lock)."""
        self.browser.clear()
        self.html = ""
        self.close()
