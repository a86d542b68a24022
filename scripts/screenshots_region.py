"""Screenshots of the regiowerklijst and a line's detail on a ketenregisseur's vault without a
table of her own (fictional zaken in the vault's copy; offscreen 1280×720, SHOT_SCALE=1.5 for
150 %; SHOT_CHECK=1 / SHOT_A11Y=1 check them, as tests/ui/test_every_screen_fits.py does)."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from pathlib import Path
from typing import Any

from scripts import screen

screen.configure()

from scripts.screen import shot  # noqa: E402 - after the screen is configured
from scripts.screenshots import wait  # noqa: E402
from tafelapp.domain.region_detail import RegionDetail, RegionDocument  # noqa: E402
from tafelapp.services import (  # noqa: E402
    outbox_service,
    region_worklist_service,
    settings_service,
    vault_service,
)
from tafelapp.services.session import Session  # noqa: E402
from tests.setup.region import set_up_region  # noqa: E402
from ui.app import build  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.widgets.fit import fit_main_window  # noqa: E402

PASSPHRASE = "correct horse battery staple regio"
ZAKEN = "https://zaken.proefland.example.org/zaken/api/v1"
ZAAKTYPE = "https://zaken.proefland.example.org/catalogi/api/v1/zaaktypen/jbt"


def _zaak(number: str, table_id: str, today: dt.date, marks: list[tuple[str, str]]) -> dict[str, Any]:
    return {"url": f"{ZAKEN}/zaken/{uuid.uuid4()}", "identificatie": number,
            "zaaktype": ZAAKTYPE, "startdatum": (today - dt.timedelta(days=70)).isoformat(),
            "einddatum": None, "kenmerken": [{"bron": f"tafelapp:{k}", "kenmerk": v}
                                             for k, v in [("tafel", table_id), *marks]]}


def seed(session: Session) -> None:
    """A region with one JBT, its Zaken API and a copy of four fictional open zaken."""
    region = set_up_region(session)
    outbox_service.update_region(session, base_url="https://zaken.proefland.example.org/documenten",
                                 client_id="tafelapp", secret="s" * 32, rsin="002564440",
                                 zaken_url=ZAKEN, zaaktypen={"JBT": ZAAKTYPE})
    settings_service.update_settings(session, region_only=True)
    table, today = region["table"].id, session.today()

    def day(n: int) -> str:
        return (today + dt.timedelta(days=n)).isoformat()
    zaken = [
        _zaak("JBT-2026-0101", table, today, [("voortgang", day(-60)),
                                              ("casusregie", f"PENDING {day(-20)} GI")]),
        _zaak("JBT-2026-0102", table, today, [("voortgang", day(-5)), ("casusregie", "NONE"),
                                              ("afspraak", f"{day(-9)} a1b2c3d4")]),
        _zaak("JBT-2026-0103", table, today, [("voortgang", day(-3)),
                                              ("casusregie", f"ACCEPTED {day(-30)} GI"),
                                              ("termijn", f"{day(2)} GRANT_DECISION")]),
        _zaak("JBT-2026-0104", table, today, [("voortgang", day(-2)),
                                              ("casusregie", f"ACCEPTED {day(-10)} GI"),
                                              ("oneens", day(-4))]),
    ]
    region_worklist_service.keep(session, zaken, {ZAAKTYPE: len(zaken)})


def main() -> None:
    """Open the ketenregisseur's vault on the regiowerklijst; save (or check) it and a detail."""
    folder = Path(tempfile.mkdtemp(prefix="tafelapp-regio-shots-"))
    path = folder / "kluis.tafelapp"
    session = vault_service.create(path, PASSPHRASE, actor="ketenregisseur")
    seed(session)
    line = region_worklist_service.line(session, "JBT-2026-0101")
    session.close()
    assert line is not None
    app, executor, window, _ = build(["--vault", str(path)])
    assert isinstance(window, MainWindow)
    fit_main_window(window)
    window.start()
    wait(app, lambda: window.unlock_view.isVisible())
    window.unlock_view.passphrase.setText(PASSPHRASE)
    window.unlock_view.open_button.click()
    screen_view = window.region_worklist_view
    wait(app, lambda: window.stack.currentWidget() is screen_view and executor.idle
         and screen_view.model.rowCount() > 0 and not window.region_worklist.refreshing,
         timeout=30)
    shot("20-regiowerklijst", window)
    detail = RegionDetail(line.case, line.table_name, line.table.kind,
                          line.table.chair_organisation,
                          [(dt.datetime.combine(line.case.started or dt.date.today(),
                                                dt.time(0, 0, 1), dt.UTC), "Aangemeld"),
                           (dt.datetime.combine(line.case.started or dt.date.today(),
                                                dt.time(0, 0, 2), dt.UTC)
                            + dt.timedelta(days=14), "Besproken aan tafel"),
                           (dt.datetime.combine(line.case.started or dt.date.today(),
                                                dt.time(0, 0, 3), dt.UTC)
                            + dt.timedelta(days=14), "Besluit genomen")],
                          "Uitgesteld raadsonderzoek", None,
                          [RegionDocument("Notulen JBT Proefstad (besluit)", f"{ZAKEN}/d/1",
                                          f"{ZAKEN}/d/1/download"),
                           RegionDocument("Notulen JBT Proefstad (evaluatie)", f"{ZAKEN}/d/2",
                                          readable=False, note="deze client mag dit document "
                                          "niet lezen")])
    window.region_worklist._show_detail(detail)
    dialog = window.region_worklist.dialog
    assert dialog is not None
    wait(app, lambda: dialog.isVisible())
    shot("21-regio-detail", dialog)
    dialog.reject()
    window.close()
    executor.shutdown()
    if not screen.CHECK:
        print(f"screenshots in {screen.OUT}")
    screen.finish()


if __name__ == "__main__":
    main()
