"""0019: a vault from before the Zaken API marks its cases for publishing, and writes mark them."""

from __future__ import annotations

from pathlib import Path

from tafelapp.services import vault_service, zaak_service
from tafelapp.settings import RegionSettings
from tafelapp.store import connection, migrate, outbox_repo
from tafelapp.store.transaction import transaction
from tests.conftest import PASSPHRASE
from tests.store.test_migrations import _vault_at


def test_an_old_vault_publishes_its_cases_once_a_zaaktype_is_named(tmp_path: Path) -> None:
    path = tmp_path / "oud.tafelapp"
    _vault_at(path, 18)
    conn = connection.open_vault_file(path, PASSPHRASE)
    assert migrate.current_version(conn) == 18
    conn.close()
    session = vault_service.unlock(path, PASSPHRASE, actor="t")
    try:
        dirty = [r[0] for r in session.conn.execute("SELECT case_id FROM zaak_dirty")]
        assert dirty == ["c1"]
        assert zaak_service.queue_changed(session, RegionSettings()) == 0  # no zaaktype yet
        zvt_only = RegionSettings(zaaktypen={"ZVT": "https://x/catalogi/api/v1/zaaktypen/1"})
        assert zaak_service.queue_changed(session, zvt_only) == 0  # a JBT case waits
        jbt = RegionSettings(zaaktypen={"JBT": "https://x/catalogi/api/v1/zaaktypen/2"})
        assert zaak_service.queue_changed(session, jbt) == 1
        [item] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "case"]
        assert (item.kind, item.ref_id, item.identificatie, item.state) == (
            "case", "c1", "ZAAK-JBT-2024-0001", "queued")
        assert zaak_service.queue_changed(session, jbt) == 0  # nothing changed since
        with transaction(session.conn) as conn:  # any write that changes the zaak marks it again
            conn.execute("UPDATE case_leads SET accepted = 1 WHERE id = 'l1'")
        assert zaak_service.queue_changed(session, jbt) == 1
        cases = [i for i in outbox_repo.all_items(session.conn) if i.kind == "case"]
        assert [i.id for i in cases] == [item.id]  # the same item, queued again
    finally:
        session.close()
