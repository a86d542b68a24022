"""Audit anchors: the audit head carried by each upload, kept by the region, compared later."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tafelapp.domain.audit import AuditRecord

_PREFIX = "Tafelapp auditanker"
_PATTERN = re.compile(rf"{_PREFIX} keten=([0-9a-f]{{16}}) record=(\d+) hash=([0-9a-f]{{64}})")


@dataclass(frozen=True)
class Anchor:
    """What the region holds: this vault's chain (by its first record), a record and its hash,
    and which document carried it."""

    chain: str
    seq: int
    hash: str
    document: str
    registered: str


def chain_id(first_hash: str | None) -> str:
    """A vault's chain, named by the hash of its first record."""
    return (first_hash or "0" * 16)[:16]


def anchor_text(chain: str, seq: int, digest: str) -> str:
    """The line an upload carries (in the document's beschrijving)."""
    return f"{_PREFIX} keten={chain} record={seq} hash={digest}"


def parse_anchor(text: str, document: str, registered: str) -> Anchor | None:
    """The anchor in a document's beschrijving, if it has one."""
    found = _PATTERN.search(text or "")
    if found is None:
        return None
    return Anchor(found[1], int(found[2]), found[3], document, registered)


def _when(anchor: Anchor) -> str:
    return f"{anchor.document}{', ' + anchor.registered[:10] if anchor.registered else ''}"


def compare(records: list[AuditRecord], anchors: list[Anchor],
            delivered: set[str]) -> list[str]:
    """From which point the local history differs from what the region saw, in Dutch; empty when
    every anchor agrees. `delivered` are the identificaties this vault says it uploaded."""
    chain = chain_id(records[0].hash if records else None)
    ours = sorted((a for a in anchors if a.chain == chain), key=lambda a: a.seq)
    foreign = [a for a in anchors if a.chain != chain and a.document in delivered]
    found: list[str] = []
    if foreign:
        found.append(f"de regio kent {len(foreign)} upload(s) van deze kluis met een andere "
                     f"geschiedenis (bijvoorbeeld {_when(foreign[0])}): het logboek is vanaf het "
                     "eerste record anders dan toen")
    by_seq = {r.seq: r for r in records}
    last_good: Anchor | None = None
    for anchor in ours:
        local = by_seq.get(anchor.seq)
        if local is not None and local.hash == anchor.hash:
            last_good = anchor
            continue
        after = f"na record {last_good.seq} (nog gelijk aan het anker van {_when(last_good)})" \
            if last_good else "vanaf het begin"
        what = (f"record {anchor.seq} ontbreekt nu" if local is None else
                f"record {anchor.seq} is nu anders dan toen")
        found.append(f"de geschiedenis wijkt af {after}, uiterlijk bij record {anchor.seq}: "
                     f"{what} (anker van {_when(anchor)})")
        break
    return found
