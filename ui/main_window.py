"""The main window: unlock, overview, agenda and meeting mode; navigation, auto-lock, status bar."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QStackedWidget,
)

from tafelapp.domain.problems import InvalidInput
from tafelapp.domain.steps import MeetingStep
from tafelapp.services import (
    meeting_service,
    overview_service,
    roster_service,
    settings_service,
    vault_service,
)
from tafelapp.services.demo_service import seed_demo
from tafelapp.services.session import Session
from tafelapp.settings import AppSettings, UiPosition
from ui.controllers.chain import ChainController
from ui.controllers.host import WindowHost
from ui.controllers.inzage import InzageController
from ui.controllers.outbox import OutboxController
from ui.controllers.region import RegionController
from ui.controllers.region_worklist import RegionWorklistController
from ui.controllers.retention import RetentionController
from ui.controllers.settings import FamilyController, SettingsController
from ui.models.rows_table_model import dispose_later
from ui.scheduling import DrainTicker
from ui.text import problems_line
from ui.views.agenda_view import AgendaView
from ui.views.escalation_view import EscalationView
from ui.views.family_view import FamilyView
from ui.views.figures_view import FiguresView
from ui.views.inzage_view import InzageView
from ui.views.meeting_view import MeetingView
from ui.views.minutes_view import MinutesView
from ui.views.outbox_view import OutboxView
from ui.views.overview_view import OverviewView
from ui.views.region_worklist_view import RegionWorklistView
from ui.views.unlock_view import UnlockView
from ui.views.worklist_view import WorklistView
from ui.widgets.autosave import AutoSaver
from ui.widgets.keyboard import (
    EarlyStepKeys,
    enter_clicks,
    focus_style,
    follow_focus,
    stray_alt,
)
from ui.window_bars import WindowBars
from ui.workers import DbExecutor

DEMO_PASSPHRASE = "demo-tafelapp-fictief"
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def _warm_up() -> None:
    import importlib

    for module in ("apscheduler.schedulers.qt", "tafelapp.sync.outbox"):
        importlib.import_module(module)


class _ActivityFilter(QObject):
    """Restarts the idle timer on any keyboard, mouse or touch input anywhere in the app; Enter
    on a button outside a dialog clicks it (`enter_clicks`), and Alt+letter that is no shortcut
    types nothing into a field (`stray_alt`), in every window and dialog: one app-wide filter."""

    def __init__(self, timer: QTimer) -> None:
        super().__init__()
        self._timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return kind == QEvent.Type.KeyPress and (enter_clicks(watched, event)
                                                 or stray_alt(watched, event))


class MainWindow(WindowHost):
    """Wires the screens to the services through the executor; holds no business rule."""

    unlocked = Signal()
    locked = Signal()

    def __init__(self, executor: DbExecutor, vault_path: Path, demo_path: Path,
                 unlock_view: UnlockView | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Tafelapp")
        self.resize(1280, 720)
        self.executor = executor
        self.vault_path = vault_path
        self.demo_path = demo_path
        self.active_path = vault_path
        self.settings = AppSettings()
        self.position = UiPosition()
        self.saver = AutoSaver(executor)

        self.stack = QStackedWidget()
        self.stack.setStyleSheet(focus_style())  # every screen shows where the cursor is
        self.setCentralWidget(self.stack)
        self.unlock_view = unlock_view or UnlockView()  # may already be on screen (ui.app)
        self.overview_view = OverviewView()
        self.overview_view.case_model.dispose = dispose_later(executor.run)  # 10,000 cases
        self.agenda_view = AgendaView()
        self.meeting_view = MeetingView(executor, self.saver)
        self.family_view = FamilyView()
        self.minutes_view = MinutesView(executor, self.saver)
        self.outbox_view = OutboxView()
        self.worklist_view = WorklistView()
        self.escalation_view = EscalationView(executor)
        self.figures_view = FiguresView()
        self.inzage_view = InzageView()
        self.region_worklist_view = RegionWorklistView()
        self.outbox = OutboxController(executor)
        self.ticker: DrainTicker | None = None
        self.chain = ChainController(self)
        self.region = RegionController(self)
        self.retention = RetentionController(self.executor, self)
        self.region_worklist = RegionWorklistController(self, self.region_worklist_view,
                                                        self.chain.show_region_escalation)
        self.demo_server = None
        for view in (self.unlock_view, self.overview_view, self.agenda_view, self.meeting_view,
                     self.minutes_view, self.outbox_view, self.worklist_view,
                     self.escalation_view, self.figures_view, self.inzage_view,
                     self.region_worklist_view):
            self.stack.addWidget(view)
        self.early_steps = EarlyStepKeys(self, len(MeetingStep))
        self.stack.currentChanged.connect(lambda _i: self.early_steps.release())

        self.bars = WindowBars(self)
        self.demo_banner = self.bars.demo_banner
        self.outbox_state, self.outbox_warning = self.bars.outbox_state, self.bars.outbox_warning
        self.save_state, self.busy = self.bars.save_state, self.bars.busy
        self.lock_action = self.bars.lock_action

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self.settings_menu = SettingsController(self, self.idle_timer, self.region.show_wizard)
        self.family = FamilyController(self, self.family_view)
        self._activity = _ActivityFilter(self.idle_timer)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
            app.focusChanged.connect(follow_focus)  # type: ignore[attr-defined]
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(150)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(not executor.idle))

        self.unlock_view.unlock_requested.connect(self._on_unlock_view_unlock_requested)
        self.unlock_view.create_requested.connect(self._on_unlock_view_create_requested)
        self.unlock_view.demo_requested.connect(self.open_demo)
        self.overview_view.meeting_opened.connect(self.show_agenda)
        self.overview_view.case_opened.connect(self._on_overview_case_opened)
        self.overview_view.new_meeting_requested.connect(lambda: self.region.ask_meeting())
        self.overview_view.intake_requested.connect(self.region.show_intake)
        self.overview_view.package_requested.connect(self.region.ask_package)
        self.overview_view.setup_requested.connect(lambda: self.region.show_wizard(existing=False))
        self.agenda_view.header_edit_requested.connect(
            lambda: self.region.ask_meeting(self.position.meeting_id))
        self.agenda_view.back_requested.connect(self.show_overview)
        self.agenda_view.item_started.connect(lambda i: self.open_item(i, MeetingStep.OPENING))
        self.agenda_view.case_added.connect(self._on_agenda_case_added)
        self.agenda_view.item_moved.connect(self._on_agenda_item_moved)
        self.agenda_view.item_removed.connect(self._on_agenda_item_removed)
        self.agenda_view.family_view_requested.connect(self.show_family_view)
        self.meeting_view.back_requested.connect(
            lambda: self.show_agenda(self.position.meeting_id or ""))
        self.meeting_view.step_changed.connect(self._on_meeting_step_changed)
        self.meeting_view.family_view_requested.connect(self.show_family_view)
        self.meeting_view.minutes_requested.connect(self.show_minutes)
        self.minutes_view.back_requested.connect(
            lambda: self.stack.setCurrentWidget(self.meeting_view))
        self.meeting_view.status_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.bars.overview_action.triggered.connect(self.show_overview)
        self.bars.outbox_action.triggered.connect(self.chain.show_outbox)
        self.bars.worklist_action.triggered.connect(self.chain.show_worklist)
        self.bars.region_action.triggered.connect(self.region_worklist.show)
        self.region_worklist_view.back_requested.connect(self.show_overview)
        self.worklist_view.region_requested.connect(self.region_worklist.show)
        self.bars.figures_action.triggered.connect(self.chain.show_figures)
        self.inzage = InzageController(self, self.inzage_view)
        self.bars.inzage_action.triggered.connect(self.inzage.show)
        self.settings_menu.extra_actions.append(self.bars.inzage_action)
        self.worklist_view.back_requested.connect(self.show_overview)
        self.worklist_view.case_opened.connect(self._on_overview_case_opened)
        self.worklist_view.escalation_requested.connect(self.chain.show_escalation)
        self.worklist_view.followup_requested.connect(self.chain._on_followup_requested)
        self.worklist_view.signal_requested.connect(self.chain._on_signal_requested)
        self.worklist_view.agenda_requested.connect(self.chain._on_agenda_requested)
        self.escalation_view.back_requested.connect(self.chain._on_escalation_back)
        self.escalation_view.documents_queued.connect(self.outbox.drain)
        self.figures_view.back_requested.connect(self.show_overview)
        self.figures_view.quarter_changed.connect(lambda _q: self.chain.show_figures())
        self.figures_view.export_requested.connect(self.chain._on_figures_export_requested)
        self.outbox.status_changed.connect(self.chain._on_outbox_status_changed)
        self.outbox_view.back_requested.connect(self.show_overview)
        self.outbox_view.send_requested.connect(self.outbox.send_now)
        self.outbox.notice.connect(self.outbox_view.show_notice)
        self.minutes_view.documents_queued.connect(self.outbox.drain)
        self.lock_action.triggered.connect(self.lock)
        self.bars.settings_action.triggered.connect(
            lambda: self.settings_menu.show_menu(self.bars.below(self.bars.settings_action)))
        self.saver.saved.connect(lambda t: self.save_state.setText(f"Opgeslagen {t}"))
        self.saver.rejected.connect(self._on_saver_rejected)
        self.saver.failed.connect(self._on_background_failed)
        executor.failed.connect(self._on_background_failed)
        executor.busy_changed.connect(self._on_executor_busy_changed)
        self._set_unlocked_ui(False)
        for edit in self.findChildren(QPlainTextEdit):  # Tab moves on to the next field
            edit.setTabChangesFocus(True)

    # ----- unlocking and locking -------------------------------------------------------------
    def start(self, demo: bool = False, prepared: bool = False) -> None:
        """First screen: the demo, the unlock form, or the first-start choice (`prepared`: the
        unlock form was shown before this window existed and keeps what was typed).

        A second after the first frame, what unlocking will need (the scheduler, the HTTP stack)
        is imported on the worker while the user types, so unlocking does not stall the window.
        """
        QTimer.singleShot(1000, lambda: self.executor.run(_warm_up))
        if demo:
            self.open_demo()
        elif prepared:
            pass
        elif self.vault_path.exists():
            self.unlock_view.show_open()
        else:
            self.unlock_view.show_first_start()
        self.stack.setCurrentWidget(self.unlock_view)

    def open_demo(self) -> None:
        """Open (and on first use create) the demo vault with its fictional data."""
        path = self.demo_path

        def job() -> Session:
            if path.exists():
                return vault_service.unlock(path, DEMO_PASSPHRASE)
            session = vault_service.create(path, DEMO_PASSPHRASE)
            seed_demo(session)
            return session
        self.active_path = path
        self.unlock_view.set_busy(True, "De demo wordt geopend…")
        self.executor.run(job, self._on_session_opened, self._on_unlock_failed)

    def _on_unlock_view_unlock_requested(self, passphrase: str) -> None:
        path = self.active_path
        self.executor.run(lambda: vault_service.unlock(path, passphrase),
                          self._on_session_opened, self._on_unlock_failed)

    def _on_unlock_view_create_requested(self, passphrase: str) -> None:
        path = self.vault_path
        self.active_path = path
        self.executor.run(lambda: vault_service.create(path, passphrase),
                          self._on_session_opened, self._on_unlock_failed)

    def _on_unlock_failed(self, exc: Exception) -> None:
        if isinstance(exc, vault_service.WrongPassphrase):
            self.unlock_view.wrong_passphrase()
        elif isinstance(exc, InvalidInput):
            self.unlock_view.set_busy(False)
            self.unlock_view.message.setText(problems_line(exc.problems))
        else:
            self.unlock_view.set_busy(False)
            self.unlock_view.message.setText(str(exc) if isinstance(exc, vault_service.VaultError)
                                              else f"De kluis kon niet worden geopend "
                                                   f"({type(exc).__name__}).")

    def _on_session_opened(self, session: Session) -> None:
        self.executor.session = session
        self.unlock_view.reset_failures()
        self.demo_banner.setVisible(self.active_path == self.demo_path)
        self.executor.submit(lambda s: (settings_service.get_settings(s),
                                        settings_service.recall_position(s)),
                             self._on_settings_loaded)

    def _on_settings_loaded(self, loaded: tuple[AppSettings, UiPosition]) -> None:
        self.settings, remembered = loaded
        position = self.position if self.position.page != "overview" else remembered
        self._set_unlocked_ui(True)
        self.idle_timer.start(self.settings.auto_lock_minutes * 60_000)
        self.chain._start_outbox()
        self.restore(position)
        self.region.offer_setup_if_empty()
        self.unlocked.emit()

    def lock(self) -> None:
        """Store pending edits, close the vault, and show a lock screen without any case data."""
        if self.executor.session is None:
            return
        self.saver.flush()
        position = self.position
        self.executor.submit(lambda s: settings_service.remember_position(s, position))

        def close() -> None:
            session = self.executor.session
            self.executor.session = None
            if session is not None:
                session.close()
        self.executor.run(close)
        self.idle_timer.stop()
        if self.ticker is not None:
            self.ticker.stop()
            self.ticker = None
        self.outbox_view.clear()
        self.worklist_view.clear()
        self.region_worklist.forget()
        self.escalation_view.clear()
        self.figures_view.clear()
        self.inzage_view.clear()
        self.outbox_state.clear()
        self.outbox_warning.clear()
        self.overview_view.clear()
        self.agenda_view.clear()
        self.meeting_view.clear()
        self.minutes_view.clear()
        self.family_view.clear()
        self._set_unlocked_ui(False)
        self.unlock_view.show_open("Tafelapp is vergrendeld. Vul uw wachtwoordzin in om verder "
                                   "te gaan waar u was.")
        self.stack.setCurrentWidget(self.unlock_view)
        self.save_state.setText("")
        self.locked.emit()

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        self.bars.set_enabled(unlocked, self.settings.region_only)
        self.region_worklist_view.back.setVisible(not self.settings.region_only)

    # ----- navigation ------------------------------------------------------------------------
    def restore(self, position: UiPosition) -> None:
        """Go back to where the user was (after unlock or a restart)."""
        if self.settings.region_only:  # a ketenregisseur without a table: her region first
            self.region_worklist.show()
        elif position.page == "meeting" and position.item_id:
            self.position = position
            self.open_item(position.item_id, MeetingStep(position.step or "OPENING"))
        elif position.page == "agenda" and position.meeting_id:
            self.show_agenda(position.meeting_id)
        else:
            self.show_overview()

    def _remember(self, position: UiPosition) -> None:
        self.position = position
        if self.executor.session is not None:
            self.executor.submit(lambda s: settings_service.remember_position(s, position))

    def show_region_worklist(self) -> None:
        """The regiowerklijst (from the vault's copy, no refresh)."""
        self.region_worklist.show(refresh=False)

    def apply_settings(self, settings: AppSettings) -> None:
        """New settings (the wizard's region-only choice): navigation follows them."""
        self.settings = settings
        self._set_unlocked_ui(self.executor.session is not None)

    def show_overview(self) -> None:
        """The tables, meetings and case list (a ketenregisseur without a table of her own:
        the regiowerklijst, her home)."""
        if self.settings.region_only:
            self.region_worklist.show()
            return
        self.saver.flush()
        self._remember(UiPosition(page="overview"))
        self.executor.submit(overview_service.overview, self._on_overview_loaded)

    def show_agenda(self, meeting_id: str) -> None:
        """The agenda of one meeting."""
        if not meeting_id:
            self.show_overview()
            return
        self.saver.flush()
        self._remember(UiPosition(page="agenda", meeting_id=meeting_id))
        self.executor.submit(lambda s: overview_service.agenda(s, meeting_id),
                             self._on_agenda_loaded, self._on_background_failed)

    def _on_overview_loaded(self, o: overview_service.Overview) -> None:
        view = self.overview_view
        arriving = self.stack.currentWidget() is not view
        view.show_data(o.tables, o.meetings, o.cases)
        self.stack.setCurrentWidget(view)
        focus = QApplication.focusWidget()
        if arriving or focus is None or not view.isAncestorOf(focus):
            view.start_widget().setFocus(Qt.FocusReason.OtherFocusReason)  # not where it fell
        # The case list (10,000 summaries) lives until the next reload: out of the collector's
        # sight, so a full collection on the worker (holding the GIL) stays short (ui.app).
        gc.freeze()

    def _on_agenda_loaded(self, a: overview_service.Agenda) -> None:
        self.agenda_view.show_meeting(a.meeting, a.table, a.case_numbers, a.candidates)
        self.stack.setCurrentWidget(self.agenda_view)

    def open_item(self, item_id: str, step: MeetingStep) -> None:
        """Meeting mode for one agenda item at a step."""
        self.saver.flush()
        meeting_id = self.position.meeting_id

        def shown() -> None:
            ctx = self.meeting_view.env.ctx
            self._remember(UiPosition(page="meeting", item_id=item_id, step=step.value,
                                      meeting_id=ctx.meeting.id if ctx else meeting_id))
            asked = self.early_steps.release()  # before the meeting's own Alt+1…8 are live
            self.stack.setCurrentWidget(self.meeting_view)
            if asked is not None:
                self.meeting_view.open_row(asked)
        self.early_steps.hold()
        self.meeting_view.loaded.connect(shown, Qt.ConnectionType.SingleShotConnection)
        self.meeting_view.open_item(item_id, step)

    def _on_meeting_step_changed(self, step: str) -> None:
        if self.stack.currentWidget() is self.meeting_view and self.position.page == "meeting":
            self._remember(self.position.model_copy(update={"step": step}))

    def _on_overview_case_opened(self, case_id: str) -> None:
        def go(found: tuple[str, str] | None) -> None:
            if found is None:
                self.statusBar().showMessage("Deze casus staat nog op geen agenda. Voeg hem toe "
                                             "aan een bespreking.", 8000)
            else:
                self.show_agenda(found[0])
        self.executor.submit(lambda s: overview_service.latest_discussion(s, case_id), go)

    def _on_agenda_case_added(self, case_id: str, planned: dt.time) -> None:
        meeting_id = self.position.meeting_id or ""
        self.executor.submit(lambda s: roster_service.add_and_prefill(s, meeting_id, case_id,
                                                                      planned),
                             lambda _i: self.show_agenda(meeting_id), self._show_agenda_error)

    def _on_agenda_item_moved(self, ids: list[str]) -> None:
        meeting_id = self.position.meeting_id or ""
        self.executor.submit(lambda s: meeting_service.reorder_agenda(s, meeting_id, ids),
                             lambda _m: self.show_agenda(meeting_id), self._show_agenda_error)

    def _on_agenda_item_removed(self, item_id: str) -> None:
        meeting_id = self.position.meeting_id or ""
        self.executor.submit(lambda s: meeting_service.remove_from_agenda(s, item_id),
                             lambda _r: self.show_agenda(meeting_id), self._show_agenda_error)

    def _show_agenda_error(self, exc: Exception) -> None:
        text = (problems_line(exc.problems) if isinstance(exc, InvalidInput)
                else type(exc).__name__)
        self.agenda_view.message.setText(text)

    def show_minutes(self, item_id: str) -> None:
        """The notulen screen of an agenda item."""
        self.saver.flush()
        self.minutes_view.open_for_item(item_id)
        self.stack.setCurrentWidget(self.minutes_view)

    def show_family_view(self, item_id: str, young: bool = False) -> None:
        """The Gezinsoverzicht of an agenda item in its own window (`young`: 'jij')."""
        self.family.show(item_id, young)

    # ----- misc ------------------------------------------------------------------------------
    def _on_saver_rejected(self, problems: list[Any]) -> None:
        self.save_state.setText("Niet opgeslagen — " + problems_line(problems).replace("\n", "; "))

    def _on_background_failed(self, exc: Exception) -> None:
        if isinstance(exc, InvalidInput):
            self.statusBar().showMessage(problems_line(exc.problems).replace("\n", "; "), 10000)
        else:
            self.statusBar().showMessage(f"Er ging iets mis ({type(exc).__name__}).", 10000)

    def _on_executor_busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Store pending edits and the position, then close the vault cleanly."""
        self.saver.flush()
        if self.executor.session is not None:
            position = self.position
            self.executor.submit(lambda s: settings_service.remember_position(s, position))
        self.family_view.close()
        if self.ticker is not None:
            self.ticker.stop()
        self.outbox.shutdown()
        self.region_worklist.shutdown()
        if self.demo_server is not None:
            self.demo_server.stop()
            self.demo_server = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._activity)
        self.idle_timer.stop()
        super().closeEvent(event)
