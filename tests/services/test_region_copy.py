"""The kept region copy: written in chunks (the interpreter lock is free between them), read back
whole; a copy kept before the chunks still reads; a line is found by URL or case number, with its
table's kind and chair's organisation, and expands back to the same case."""

from __future__ import annotations

from tafelapp.domain.region_detail import expand, term_label
from tafelapp.domain.region_worklist import compact, region_case
from tafelapp.services import outbox_service, region_worklist_service
from tafelapp.services.session import Session
from tafelapp.store import settings_repo
from tafelapp.store.transaction import transaction
from tests.setup.region import set_up_region

ZT = "https://oz.example.org/catalogi/api/v1/zaaktypen/jbt"


def _zaak(n: int, table_id: str) -> dict[str, object]:
    return {"url": f"https://oz.example.org/zaken/api/v1/zaken/{n}", "identificatie":
            f"JBT-2026-{n:04d}", "zaaktype": ZT, "startdatum": "2026-08-01", "einddatum": None,
            "kenmerken": [{"bron": "tafelapp:tafel", "kenmerk": table_id},
                          {"bron": "tafelapp:casusregie", "kenmerk": "PENDING 2026-11-01 GI"},
                          {"bron": "tafelapp:termijn", "kenmerk": "2026-12-04 RVDK_ANSWER"}]}


def test_the_copy_is_kept_in_chunks_and_read_back_whole(session: Session) -> None:
    region = set_up_region(session)
    outbox_service.update_region(session, zaaktypen={"JBT": ZT})
    table = region["table"].id
    zaken = [_zaak(n, table) for n in range(1, 2 * region_worklist_service.CHUNK + 8)]
    returned = region_worklist_service.keep(session, zaken, {ZT: len(zaken)})
    stored = settings_repo.get(session.conn, "region_worklist")
    assert len(stored["chunks"]) == 3 and "cases" not in stored
    kept = region_worklist_service.copy(session)
    assert kept.cases == [compact(c) for z in zaken if (c := region_case(z)) is not None]
    assert returned == kept  # what keep hands the werklijst is what a later read gives
    assert region_worklist_service.work_list(session, returned) == \
        region_worklist_service.work_list(session)
    line = region_worklist_service.line(session, "JBT-2026-0003")
    assert line is not None and line == region_worklist_service.line(session, zaken[2]["url"])
    assert line.table.kind == "JBT" and line.table.chair_organisation == "Gemeente Proefstad"
    assert line.table_name == "JBT Proefstad (Proefstad)"
    assert expand(compact(line.case)) == line.case == region_case(zaken[2])
    assert term_label("RVDK_ANSWER") == "antwoord RvdK op melding GI" and term_label("X") == "X"
    assert region_worklist_service.line(session, "JBT-GEEN") is None
    result = region_worklist_service.work_list(session)
    assert result.tables["JBT Proefstad (Proefstad)"].chair_organisation == "Gemeente Proefstad"
    # a copy kept before the chunks (one list of cases) still reads
    with transaction(session.conn) as conn:
        settings_repo.put(conn, "region_worklist", {**{k: v for k, v in stored.items()
                                                      if k != "chunks"}, "cases": kept.cases})
    assert region_worklist_service.copy(session) == kept
