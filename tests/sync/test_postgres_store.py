"""The reference server on PostgreSQL: a throwaway cluster on loopback, exactly once, durable."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from regional.server import Config, Faults, RegionalServer
from regional.store import PostgresStore
from tafelapp.jobs.outbox_job import drain_once
from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tests.sync.conftest import CLIENT, IOT, SECRET, configure_region, signed_documents
from tests.sync.test_outbox import assert_exactly_once


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or (
        [shutil.which(name)] if shutil.which(name) else [])
    assert found, f"PostgreSQL is not installed ({name}); scripts/dev.py test installs it"
    return str(found[-1])


@pytest.fixture
def postgres_url() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="tafelapp-pg-", dir="/tmp"))
    data = folder / "data"
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(folder, "postgres")
        folder.chmod(0o755)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run([*prefix, _pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync"], check=True, capture_output=True)
    subprocess.run([*prefix, _pg_bin("pg_ctl"), "-D", str(data), "-w", "-l",
                    str(folder / "log"), "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                    "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, _pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_postgres_store_exactly_once_and_durable(session: Session, demo: dict[str, str],
                                                 postgres_url: str) -> None:
    srv = RegionalServer(PostgresStore(postgres_url),
                         Config({CLIENT: SECRET}, {IOT},
                                faults=Faults(drop_response_after_store=1))).start()
    try:
        configure_region(session, srv.url)
        signed_documents(session, demo, 2)
        assert [o.kind for o in drain_once(session)] == ["retry", "delivered"]
        outbox_service.send_now(session)
        assert [o.kind for o in drain_once(session)] == ["delivered"]
        assert_exactly_once(session, srv)
    finally:
        srv.stop()
    again = PostgresStore(postgres_url)  # a restarted server sees everything it acknowledged
    assert again.count() == 2
