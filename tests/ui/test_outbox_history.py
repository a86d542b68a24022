"""The outbox screen's history says what a delivery told (a case published under its own
number because its case number was taken in the region; a document the region already had)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tafelapp.services.outbox_service import OutboxStatus
from tafelapp.store.outbox_repo import OutboxItem
from ui.views.outbox_view import OutboxView


def test_a_delivery_message_is_shown_in_the_history(qtbot: QtBot) -> None:
    view = OutboxView()
    qtbot.addWidget(view)
    item = OutboxItem("o1", "case", "c1", "JBT-2026-0001", "delivered", 1, "", None,
                      "http://127.0.0.1:8011/zaken/api/v1/zaken/1", "2026-12-04T10:00:00+00:00")
    said = ("in de regio als zaak JBT-2026-0001-3f9a12c0: het casusnummer JBT-2026-0001 was "
            "daar al in gebruik voor een andere casus")
    view.show_items([(item, [("2026-12-04T10:00:00+00:00", "delivered", 200, said),
                             ("2026-12-04T09:00:00+00:00", "retry", 503, "<geheim>")])],
                    OutboxStatus(0, 0, 1, None, False))
    text = view.list.toPlainText()
    assert said in text
    assert "<geheim>" not in text  # a retry's server text stays out, as before
