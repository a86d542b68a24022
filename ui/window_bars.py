"""The main window's toolbar (navigation actions, DEMO banner) and status bar (outbox, saving)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QToolBar

from ui.icons import icon


class WindowBars:
    """The actions, the DEMO banner and the status-bar labels the main window and its
    controllers use; built once onto the window."""

    def __init__(self, window: QMainWindow) -> None:
        toolbar = QToolBar("Navigatie")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.addToolBar(toolbar)
        self.toolbar = toolbar
        self.overview_action = QAction(icon("overview"), "Overzicht", window)
        self.lock_action = QAction(icon("lock"), "Vergrendelen", window)
        self.lock_action.setToolTip("Vergrendelen (Ctrl+L)")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.settings_action = QAction(icon("settings"), "Instellingen", window)
        self.outbox_action = QAction(icon("outbox"), "Outbox", window)
        self.worklist_action = QAction(icon("worklist"), "Werklijst", window)
        self.figures_action = QAction(icon("figures"), "Kengetallen", window)
        self.region_action = QAction(icon("region"), "Regiowerklijst", window)
        self.region_action.setToolTip("Elke vastgelopen casus van elke tafel van de regio")
        # every toolbar button by keyboard too (the toolbar takes no Tab; it must not add seven
        # stops before each screen), the key in its tooltip
        for action, key in ((self.overview_action, "Ctrl+Home"),
                            (self.worklist_action, "Ctrl+Shift+W"),
                            (self.region_action, "Ctrl+Shift+R"),
                            (self.figures_action, "Ctrl+Shift+K"),
                            (self.outbox_action, "Ctrl+Shift+O"),
                            (self.settings_action, "Ctrl+,")):
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"{action.toolTip() or action.text()} ({key})")
        self.actions = (self.overview_action, self.worklist_action, self.region_action,
                        self.figures_action, self.outbox_action, self.lock_action,
                        self.settings_action)
        # what a ketenregisseur without a table of her own has no use for (her vault has no
        # tables' meetings, cases or figures of its own); her Regiowerklijst takes the local
        # werklijst's place, so the toolbar never holds more than it fits at 150 %; on a chair's
        # laptop the regiowerklijst is a button on the werklijst
        self.table_only = (self.overview_action, self.worklist_action, self.figures_action)
        self.region_only = (self.region_action,)
        # Inzage (AVG art. 15) is asked for now and then, not daily: in the Instellingen menu
        # and on Ctrl+I, not in the toolbar (which must fit a 1280×720 screen at 150 %)
        self.inzage_action = QAction(icon("inzage"), "Inzage (AVG)…", window)
        self.inzage_action.setShortcut(QKeySequence("Ctrl+I"))
        window.addAction(self.inzage_action)
        for action in self.actions:
            toolbar.addAction(action)
            window.addAction(action)
        # The DEMO banner sits at the left of the status bar, which is always as wide as the
        # window (in the toolbar a narrow window pushed it behind the » button).
        self.demo_banner = QLabel("  DEMO — fictieve gegevens  ")
        self.demo_banner.setStyleSheet("background: #ffe082; font-weight: 600;")
        self.demo_banner.setAccessibleName("Demo: fictieve gegevens")
        self.demo_banner.hide()

        status = window.statusBar()
        status.addWidget(self.demo_banner)
        self.outbox_state = QLabel("")
        self.outbox_state.setAccessibleName("Stand van de outbox")
        self.outbox_warning = QLabel("")
        status.addWidget(self.outbox_warning)
        status.addWidget(self.outbox_state, 1)
        self.save_state = QLabel("")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        status.addPermanentWidget(self.save_state)
        status.addPermanentWidget(self.busy)

    def below(self, action: QAction) -> QPoint:
        """Where the menu of a toolbar button opens: under the button (also when the key opened
        it and the pointer is elsewhere)."""
        button = self.toolbar.widgetForAction(action)
        if button is None or not button.isVisible():
            return QCursor.pos()
        return button.mapToGlobal(QPoint(0, button.height()))

    def set_enabled(self, unlocked: bool, region_only: bool = False) -> None:
        """Navigation only while the vault is open; without a table of her own, the
        table-only screens are hidden."""
        self.inzage_action.setEnabled(unlocked)
        for action in self.actions:
            action.setEnabled(unlocked)
            action.setVisible(not (region_only and action in self.table_only)
                              and (region_only or action not in self.region_only))
