"""The outbox: every document with its state and history; 'Nu verzenden' and 'Opnieuw proberen'."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.header import header_row

STATE_NL = {"queued": "wacht", "sending": "wordt verzonden", "delivered": "afgeleverd",
            "unconfirmed": "afgeleverd, niet bevestigd", "rejected": "geweigerd"}
OUTCOME_NL = {"delivered": "afgeleverd", "retry": "mislukt, volgt opnieuw",
              "rejected": "geweigerd", "clock": "geweigerd om de tijd (klok)",
              "unconfirmed": "afgeleverd, niet bevestigd (vraag de regio)",
              "level": "handtekeningniveau",
              "locked": "vergrendeld bij de regio (nieuwe versie volgt)"}


def local_time(iso: str | None) -> str:
    """An ISO timestamp (UTC) as local Dutch date and time."""
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%d-%m-%Y %H:%M:%S")


class OutboxView(QWidget):
    """A readable list; the main window fills it and handles the buttons."""

    back_requested = Signal()
    send_requested = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top, self.back, _title = header_row("Overzicht",
                                            "Outbox — documenten naar de regionale server")
        self.send = QPushButton("Nu verzenden")
        self.retry = QPushButton("Opnieuw proberen")
        top.addWidget(self.send)
        top.addWidget(self.retry)
        layout.addLayout(top)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.notice = QLabel("")  # what 'Nu verzenden' did, or why it could not
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Melding bij verzenden")
        layout.addWidget(self.notice)
        self.list = QTextBrowser()
        self.list.setAccessibleName("Documenten in de outbox")
        layout.addWidget(self.list, 1)
        self.back.clicked.connect(self.back_requested)
        self.send.clicked.connect(lambda: self.send_requested.emit(False))
        self.retry.clicked.connect(lambda: self.send_requested.emit(True))

    def show_items(self, items: list[tuple[Any, list[tuple[str, str, int | None, str | None]]]],
                   status: Any, titles: dict[str, str] | None = None) -> None:
        """Each item by its title (case and document) with its state, attempts, last error and
        history; the fixed identificatie small below it, for the region's helpdesk."""
        rows = []
        titles = titles or {}
        for item, history in items:
            colour = {"delivered": "#2e7d32", "rejected": "#c62828",
                      "unconfirmed": "#8a5200"}.get(item.state, "#8a5200")
            lines = "".join(f"<li>{local_time(at)} — {OUTCOME_NL.get(outcome, outcome)}"
                            f"{f' (HTTP {code})' if code else ''}"
                            f"{f': {html.escape(m)}' if outcome in ('level', 'delivered') and m else ''}"
                            "</li>"
                            for at, outcome, code, m in history)
            error = f"<br/><i>{item.last_error}</i>" if item.last_error else ""
            url = f"<br/>{item.server_url}" if item.server_url else ""
            title = html.escape(titles.get(item.id, item.identificatie))
            rows.append(f"<p><b>{title}</b> — <span style='color:{colour}'>"
                        f"{STATE_NL.get(item.state, item.state)}</span>, {item.attempts} "
                        f"poging(en)<br/><small>kenmerk {item.identificatie}</small>{url}{error}"
                        f"</p><ul>{lines}</ul>")
        self.list.setHtml("".join(rows) or "<p>De outbox is leeg.</p>")
        archive = getattr(status, "archive", "")
        self.summary.setText(status_text(status) + (f"\n{archive}" if archive else ""))
        self.retry.setEnabled(status.rejected + status.unconfirmed > 0)

    def show_notice(self, text: str) -> None:
        """Say what 'Nu verzenden' did (or why nothing could be sent)."""
        self.notice.setText(text)

    def clear(self) -> None:
        """Forget everything (on lock)."""
        self.list.clear()
        self.summary.clear()
        self.notice.clear()


def status_text(status: Any) -> str:
    """One line for the status bar and the outbox screen."""
    last = local_time(status.last_delivery)[:16]
    text = f"Outbox: {status.waiting} wachtend"
    if status.rejected:
        text += f", {status.rejected} geweigerd"
    if status.unconfirmed:
        text += f", {status.unconfirmed} niet bevestigd (vraag de regio)"
    text += f" · laatst afgeleverd: {last or 'nog niet'}"
    if status.clock_warning:
        text += " · de klok van deze laptop lijkt verkeerd"
    return text
