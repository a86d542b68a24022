"""Step 'Afsluiting': one summary of the whole record, and what is still missing as links to its step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from tafelapp.domain.problems import Severity
from tafelapp.domain.steps import STEP_TITLES, MeetingStep
from tafelapp.reports.record_html import record_html
from tafelapp.services import meeting_service, voice_service
from tafelapp.services.meeting_context_service import MeetingContext
from ui.icons import icon
from ui.views.steps.base import (
    MeetingEnv,
    StepPage,
    data_label,
    date_edit,
    day_of,
    message_label,
    set_day,
)


class ClosingPage(StepPage):
    """Next moment, the record summary, open points as links, and the Gezinsoverzicht."""

    step = MeetingStep.CLOSING
    step_requested = Signal(str)
    family_view_requested = Signal()
    minutes_requested = Signal()

    def __init__(self, env: MeetingEnv) -> None:
        super().__init__(env)
        self.verdict = data_label()
        self.verdict.setWordWrap(True)
        self.body.addWidget(self.verdict)
        self.missing = data_label()
        self.missing.setWordWrap(True)
        self.missing.setOpenExternalLinks(False)
        self.missing.setTextInteractionFlags(  # Tab reaches each link, Enter follows it
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.missing.setAccessibleName("Nog open: ga naar de stap")
        self.body.addWidget(self.missing)
        row = QHBoxLayout()
        self.has_next = QCheckBox("&Volgende moment:")
        self.has_next.setAccessibleName("Er is een volgend moment")
        self.next_moment = date_edit("Volgende moment (DD-MM-JJJJ)")
        row.addWidget(self.has_next)
        row.addWidget(self.next_moment)
        time_label = QLabel("o&m")
        row.addWidget(time_label)
        self.next_time = QLineEdit()
        self.next_time.setAccessibleName("Volgende moment: tijd (UU:MM)")
        self.next_time.setPlaceholderText("UU:MM")
        self.next_time.setMaximumWidth(self.next_time.fontMetrics().horizontalAdvance("00:000")
                                       + 24)
        time_label.setBuddy(self.next_time)
        row.addWidget(self.next_time)
        row.addStretch(1)
        self.body.addLayout(row)
        where = QHBoxLayout()  # the same day, time and place go into the .ics and the overzicht
        place_label = QLabel("&Waar")
        where.addWidget(place_label)
        self.next_place = QLineEdit()
        self.next_place.setAccessibleName("Volgende moment: waar")
        self.next_place.setPlaceholderText("bijvoorbeeld: bij het gezin thuis, Dorpsstraat 1")
        place_label.setBuddy(self.next_place)
        where.addWidget(self.next_place, 1)
        self.body.addLayout(where)
        self.next_message = message_label()
        self.body.addWidget(self.next_message)
        actions = QHBoxLayout()  # a row of its own: both stay in view at 150 %
        self.family = QPushButton("&Gezinsoverzicht tonen")
        self.family.setIcon(icon("family"))
        self.family.setToolTip("Het Gezinsoverzicht van deze bespreking (Alt+G)")
        actions.addWidget(self.family)
        self.minutes = QPushButton("&Notulen…")
        self.minutes.setIcon(icon("pdf"))
        self.minutes.setAccessibleName("Notulen maken en ondertekenen")
        self.minutes.setToolTip("Naar de notulen: tekst, ondertekenen, verzenden (Alt+N)")
        actions.addWidget(self.minutes)
        actions.addStretch(1)
        self.body.addLayout(actions)
        pause = QHBoxLayout()  # schorsen: the discussion continues on another day
        pause_label = QLabel("Schorsen en voortzetten &op")
        pause.addWidget(pause_label)
        self.continue_on = date_edit("Schorsen en voortzetten op (DD-MM-JJJJ)")
        pause_label.setBuddy(self.continue_on)
        pause.addWidget(self.continue_on)
        pause.addStretch(1)
        self.body.addLayout(pause)
        why = QHBoxLayout()
        why_label = QLabel("&Reden")
        why.addWidget(why_label)
        self.continue_reason = QLineEdit()
        self.continue_reason.setAccessibleName("Reden van het schorsen")
        self.continue_reason.setPlaceholderText("Waarom geschorst? (bijvoorbeeld: de Raad kon "
                                                "niet blijven)")
        why_label.setBuddy(self.continue_reason)
        why.addWidget(self.continue_reason, 1)
        self.adjourn = QPushButton("Sc&horsen")
        self.adjourn.setAccessibleName("Schorsen en voortzetten op de gekozen dag")
        why.addWidget(self.adjourn)
        self.body.addLayout(why)
        self.pause_message = message_label()  # what was refused, right under the row
        self.body.addWidget(self.pause_message)
        self.continued = data_label()
        self.continued.setWordWrap(True)
        self.body.addWidget(self.continued)
        self.summary = QTextBrowser()
        self.summary.setMinimumHeight(300)
        self.summary.setAccessibleName("Samenvatting van de bespreking")
        self.body.addWidget(self.summary, 1)
        self.missing.linkActivated.connect(lambda link: self.step_requested.emit(
            link.removeprefix("#step:")))
        self.family.clicked.connect(self.family_view_requested)
        self.minutes.clicked.connect(self.minutes_requested)
        self.adjourn.clicked.connect(self._on_adjourn_clicked)
        self.has_next.clicked.connect(lambda _c: self._save_next())
        self.next_moment.dateChanged.connect(self._on_next_moment_changed)
        for line in (self.next_time, self.next_place):
            line.editingFinished.connect(self._save_next)

    def primary(self) -> QWidget:
        return self.minutes

    def _on_next_moment_changed(self, _day: QDate) -> None:
        if self.has_next.isChecked():
            self._save_next()

    def _save_next(self) -> None:
        if self.env.ctx is None:
            return
        day = day_of(self.next_moment) if self.has_next.isChecked() else None
        job = self.env.item_job(meeting_service.set_next_moment, day,
                                self.next_time.text().strip() or None, self.next_place.text())
        self.env.act(job, lambda _r: self.next_message.clear(), problems=self.next_message)

    def _on_adjourn_clicked(self) -> None:
        day = day_of(self.continue_on)

        def done(_r: object) -> None:
            self.continue_reason.clear()
            self.pause_message.clear()
        self.env.act(self.env.item_job(voice_service.continue_on, day,
                                       self.continue_reason.text()), done,
                     problems=self.pause_message)

    def load(self, ctx: MeetingContext) -> None:
        day = ctx.item.next_moment
        self.has_next.setChecked(day is not None)
        last = ctx.item.last_day(ctx.meeting.date)  # the meeting's day, not the computer's
        shown = day or (ctx.item.decision.evaluation_date if ctx.item.decision else None) or \
            last + dt.timedelta(days=42)
        set_day(self.next_moment, shown)
        start = ctx.item.next_moment_start
        self.next_time.setText(f"{start:%H:%M}" if start else "")
        self.next_place.setText(ctx.item.next_moment_place or "")
        set_day(self.continue_on, last + dt.timedelta(days=7))
        super().load(ctx)

    def refresh(self, ctx: MeetingContext) -> None:
        self.problems_box.hide()  # the open points are listed below, each with its step
        self.continued.setText("; ".join(
            f"Geschorst en voortgezet op {c.on:%d-%m-%Y} ({c.reason})"
            for c in ctx.item.continuations))
        if ctx.is_jbt_table:
            if ctx.not_jbt_reasons:
                self.verdict.setText("<b style='color:#8a5200'>Deze bespreking geldt (nog) niet "
                                     "als Jeugdbeschermingstafel.</b> De redenen staan hieronder.")
            else:
                self.verdict.setText("<b style='color:#2e7d32'>Aan alle voorwaarden voor een "
                                     "Jeugdbeschermingstafel is voldaan (001 stap 15).</b>")
        else:
            self.verdict.setText("")
        lines = []
        for step, problems in ctx.steps.items():
            for p in problems:
                colour = "#c62828" if p.severity is Severity.ERROR else "#8a5200"
                lines.append(f"<li><a href='#step:{step.value}'>{STEP_TITLES[step]}</a>: "
                             f"<span style='color:{colour}'>{p.message}</span></li>")
        self.missing.setText(("<b>Nog open:</b><ul>" + "".join(lines) + "</ul>") if lines
                             else "<b style='color:#2e7d32'>Niets meer open.</b>")
        scroll = self.summary.verticalScrollBar().value()
        self.summary.setHtml(record_html(ctx.meeting, ctx.item, ctx.case, ctx.table,
                                         ctx.decision_citation))
        self.summary.verticalScrollBar().setValue(scroll)


__all__ = ["ClosingPage", "MeetingStep"]
