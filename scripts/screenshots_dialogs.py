"""Screenshots of the small dialogs the walks do not show: the wizard's server page, a new
meeting and 'Afspraak opvolgen' (offscreen, 1280×720; SHOT_SCALE=1.5 for 150 %; SHOT_CHECK=1
checks them instead, as tests/ui/test_every_screen_fits.py does for the walks)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from scripts import screen

screen.configure()

from PySide6.QtTest import QTest  # noqa: E402 - after the screen is configured
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tafelapp.services import (  # noqa: E402
    directory_service,
    setup_service,
    table_service,
    vault_service,
)
from tests.setup.region import set_up_region  # noqa: E402
from ui.views.followup_dialog import FollowUpDialog  # noqa: E402
from ui.views.new_meeting_dialog import NewMeetingDialog  # noqa: E402
from ui.views.setup_wizard import SetupWizard  # noqa: E402


def _shot(name: str, widget: QWidget) -> None:
    widget.show()
    QTest.qWaitForWindowExposed(widget)
    QTest.qWait(50)
    screen.shot(name, widget)
    widget.hide()


def main() -> None:
    """Open each dialog on a small fictional region and save (or check) it."""
    app = QApplication.instance() or QApplication([])
    path = Path(tempfile.mkdtemp(prefix="tafelapp-dialogs-")) / "kluis.tafelapp"
    session = vault_service.create(path, "correct horse battery staple demo", actor="beheerder")
    set_up_region(session)
    wizard = SetupWizard()
    wizard.load(setup_service.export_region(session).model_dump(mode="json"))
    wizard.go(4)
    _shot("17-inrichting-server", wizard)
    tables, book = table_service.list_tables(session), directory_service.directory(session)
    _shot("18-nieuwe-bespreking", NewMeetingDialog(tables, None, book))
    holder = QWidget()
    _shot("19-afspraak-opvolgen",
          FollowUpDialog(holder, "JBT-2026-0001: gesprek met de school over het verzuim"))
    session.close()
    del app
    screen.finish()


if __name__ == "__main__":
    main()
