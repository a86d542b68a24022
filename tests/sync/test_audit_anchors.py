"""The audit head travels with every upload; `tafelapp check` finds a rewritten history that the
local chain alone cannot (someone with the passphrase who re-chains or cuts the tail)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from regional.server import RegionalServer
from tafelapp.domain.audit import record_hash
from tafelapp.services import case_service, outbox_service, vault_service
from tafelapp.services.session import Session
from tafelapp.store import audit_repo
from tafelapp.sync.anchors import check_anchors
from tafelapp.sync.outbox import drain
from tafelapp.sync.zgw_client import ZgwClient
from tests.conftest import PASSPHRASE
from tests.services.test_audit_tamper import _drop_triggers
from tests.sync.conftest import configure_region, signed_documents


def _two_uploads(session: Session, demo: dict[str, str], server: RegionalServer) -> list[int]:
    """Two deliveries with audited work between them; returns the anchored sequence numbers."""
    configure_region(session, server.url)
    signed_documents(session, demo, 2)
    client = ZgwClient(outbox_service.region_settings(session), "test")
    try:
        assert [o.kind for o in drain(session, client, max_items=1)] == ["delivered"]
        case = case_service.get_case(session, demo["jbt_case"])
        for n in range(3):  # audited work between the uploads
            case_service.update_family(session, case.id, {
                **case.family.model_dump(mode="json"), "address": f"Dorpsstraat {n + 1}"})
        assert [o.kind for o in drain(session, client, max_items=1)] == ["delivered"]
    finally:
        client.close()
    docs = server.httpd.store.find(None, None)
    assert all("Tafelapp auditanker" in d["beschrijving"] for d in docs)
    return sorted(int(d["beschrijving"].split("record=")[1].split()[0]) for d in docs)


def _rechain(session: Session, start: int) -> None:
    """What an attacker with the passphrase does: recompute every hash from `start` on."""
    records = audit_repo.all_records(session.conn)
    prev = records[start - 2].hash if start > 1 else "0" * 64
    for rec in records[start - 1:]:
        digest = record_hash(rec.seq, rec.at, rec.actor, rec.action, rec.entity, rec.entity_id,
                             rec.fields, prev)
        session.conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                             (prev, digest, rec.seq))
        prev = digest
    session.conn.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (prev,))


def test_an_untouched_history_agrees_with_every_anchor(session: Session, demo: dict[str, str],
                                                       server: RegionalServer) -> None:
    anchored = _two_uploads(session, demo, server)
    assert anchored[0] < anchored[1]
    report = check_anchors(session)
    assert (report.checked, report.anchors, report.differences) == (True, 2, [])


def test_a_cut_tail_with_the_head_moved_is_found(session: Session, demo: dict[str, str],
                                                 server: RegionalServer) -> None:
    first, second = _two_uploads(session, demo, server)
    _drop_triggers(session)
    keep = first + 1
    digest = session.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (keep,)).fetchone()[0]
    session.conn.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
    session.conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (keep, digest))
    assert vault_service.verify_audit(session)[1] == []  # the local chain alone looks fine
    [difference] = check_anchors(session).differences
    assert f"na record {first}" in difference and f"uiterlijk bij record {second}" in difference
    assert f"record {second} ontbreekt nu" in difference


@pytest.mark.parametrize("where", ["between", "before"])
def test_an_edit_that_was_rechained_is_found_with_its_range(
        session: Session, demo: dict[str, str], server: RegionalServer, where: str) -> None:
    first, second = _two_uploads(session, demo, server)
    target = first + 2 if where == "between" else first - 1
    _drop_triggers(session)
    session.conn.execute("UPDATE audit_log SET actor = 'iemand anders' WHERE seq = ?", (target,))
    _rechain(session, target)
    assert vault_service.verify_audit(session)[1] == []
    [difference] = check_anchors(session).differences
    if where == "between":
        assert f"na record {first}" in difference and f"record {second} is nu anders" in difference
    else:
        assert "vanaf het begin" in difference and f"record {first} is nu anders" in difference


def test_a_history_rewritten_from_the_first_record_is_found(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    _two_uploads(session, demo, server)
    _drop_triggers(session)
    session.conn.execute("UPDATE audit_log SET actor = 'iemand anders' WHERE seq = 1")
    _rechain(session, 1)
    [difference] = check_anchors(session).differences
    assert "andere geschiedenis" in difference and "eerste record" in difference


def test_check_reports_anchors_and_exits_nonzero_on_a_difference(
        session: Session, demo: dict[str, str], server: RegionalServer) -> None:
    first, _second = _two_uploads(session, demo, server)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_VAULT": str(session.path), "TAFELAPP_PASSPHRASE": PASSPHRASE}
    pw = session.path.with_suffix(".pw")
    pw.write_text(PASSPHRASE)
    env["TAFELAPP_PASSPHRASE_FILE"] = str(pw)

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tafelapp.cli", "check", "--json"], env=env,
                              text=True, capture_output=True, timeout=120)

    result = check()
    shown = json.loads(result.stdout)
    assert result.returncode == 0 and shown["anchors"]["count"] == 2, result.stdout
    _drop_triggers(session)
    session.conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = ?", (first + 2,))
    _rechain(session, first + 2)
    result = check()
    shown = json.loads(result.stdout)
    assert result.returncode == 1 and shown["audit_problems"] == []
    assert shown["anchors"]["differences"] and not shown["ok"]


@pytest.mark.parametrize("how", ["offline", "unreachable"])
def test_a_cut_tail_checked_without_the_region_is_only_locally_in_order(
        session: Session, demo: dict[str, str], server: RegionalServer, how: str) -> None:
    """Without the region the cut cannot be seen: check says so, with the last comparison, and
    exits 6 — never 'Alles in orde'."""
    import datetime as dt

    first, _second = _two_uploads(session, demo, server)
    pw = session.path.with_suffix(".pw")
    pw.write_text(PASSPHRASE)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("TAFELAPP_")},
           "TAFELAPP_VAULT": str(session.path), "TAFELAPP_PASSPHRASE_FILE": str(pw)}

    def check(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tafelapp.cli", "check", *extra], env=env,
                              text=True, capture_output=True, timeout=120)
    compared = check("--json")
    assert compared.returncode == 0, compared.stdout
    when = dt.datetime.fromisoformat(json.loads(compared.stdout)["anchors"]["last_compared"])
    _drop_triggers(session)
    keep = first + 1
    digest = session.conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (keep,)).fetchone()[0]
    session.conn.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
    session.conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (keep, digest))
    if how == "unreachable":
        configure_region(session, "http://127.0.0.1:9")  # nothing listens there
    result = check("--offline") if how == "offline" else check()
    expected = (f"lokaal in orde — niet vergeleken met de regio (laatst vergeleken: "
                f"{when.astimezone():%d-%m-%Y %H:%M})")
    assert result.returncode == 6, result.stdout + result.stderr
    assert expected in result.stdout and "Alles in orde" not in result.stdout
    shown = json.loads((check("--offline", "--json") if how == "offline"
                        else check("--json")).stdout)
    assert shown["verdict"] == expected and shown["ok"] and not shown["compared"]
    if how == "unreachable":
        configure_region(session, server.url)  # the region back: the cut shows (exit 1)
        back = check()
        assert back.returncode == 1 and "ER IS EEN PROBLEEM" in back.stdout
        assert f"na record {first}" in back.stdout
