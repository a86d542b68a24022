"""One transaction: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any exception."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tafelapp.store.connection import Connection


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """Run the block in one write transaction; nested use joins the outer one."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
