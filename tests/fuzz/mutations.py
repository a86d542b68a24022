"""Deterministic mutations of a valid JSON file: type swaps, deletions, deep nesting, huge and odd
strings, control and direction characters, impossible dates, and damaged bytes."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

DEEP = "@@deep@@"
ODD_STRINGS = ["", " ", "\x1b[2J\x1b[31mrood", "Jan\u202eJansen", "\u2066x\u2069", "\x00", "\ud800",
               "' OR 1=1 --", "<script>alert(1)</script>", "\U0001f4a5" * 50, "a\nb", "\t",
               "../../etc/passwd", "%s%s%n", "null", "true", "0", "-1", "1e309",
               "\x9b31m", "\r\x1b[1A", "NaN", "JBT-2026-0001", "x" * 65]
ODD_DATES = ["2099-01-01", "0001-01-01", "2026-02-30", "2026-13-01", "20261120",
             "2026-11-20T10:00:00", "2026-11-20T10:00:00+02:00", "2099-12-31T23:59:59Z",
             "0001-01-01T00:00:00Z", "10:00", "24:00", "23:59:60", "10:00+02:00", "25:99",
             "-2026-01-01", "2026-W47", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00"]
ODD_VALUES: list[Any] = [None, True, False, 0, -1, 1, 99999, 2**63, 10**30, 1.5, -0.0, 1e308,
                         [], {}, [None], {"x": 1}, [[[]]], "1", 36000]


def _slots(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in the tree that can be replaced or deleted (the root excluded)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield (*path, key)
            yield from _slots(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield (*path, index)
            yield from _slots(child, (*path, index))


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _mutate_tree(rng: random.Random, data: Any, slots: list[tuple[Any, ...]]) -> str:
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        path = rng.choice(slots)
        try:
            parent = _parent(data, path)
            key = path[-1]
            old = parent[key] if isinstance(parent, dict | list) else None
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation in this round moved it
        if not isinstance(parent, dict | list):
            continue
        op = rng.randrange(10)
        if op == 0:
            del parent[key]
        elif op == 1:
            parent[key] = rng.choice(ODD_VALUES)
        elif op == 2:
            parent[key] = DEEP
        elif op == 3:
            parent[key] = rng.choice(ODD_STRINGS) * rng.choice((1, 1, 3))
        elif op == 4:
            parent[key] = "A" * rng.choice((201, 501, 5_000, 20_001, 200_000))
        elif op == 5:
            parent[key] = rng.choice(ODD_DATES)
        elif op == 6:
            parent[key] = [old] if rng.random() < 0.5 else {"waarde": old}
        elif op == 7 and isinstance(parent, list):
            parent.append(json.loads(json.dumps(old)))  # a duplicate entry (same id)
        elif op == 7 and isinstance(parent, dict):
            parent[f"onbekend_{rng.randrange(9)}"] = old
        elif op == 8:
            parent[key] = str(old) if not isinstance(old, str) else (old[::-1] or "x")
        else:
            parent[key] = (rng.choice(ODD_STRINGS) + old) if isinstance(old, str) else \
                rng.choice(ODD_VALUES)
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    levels = rng.choice((40, 300, 3_000))
    return text.replace(f'"{DEEP}"', "[" * levels + "]" * levels, 1)


def _mutate_bytes(rng: random.Random, raw: bytes) -> bytes:
    op = rng.randrange(5)
    at = rng.randrange(len(raw))
    if op == 0:
        return raw[:at]
    if op == 1:
        return raw[:at] + bytes([rng.randrange(256)]) + raw[at + 1:]
    if op == 2:
        return raw[:at] + b"\xff\xfe\x80" + raw[at:]
    if op == 3:
        return b"\xef\xbb\xbf" + raw if rng.random() < 0.5 else raw.replace(b"{", b"[", 1)
    return raw[:at] + b'"\\u0000\\u001b\\u202e"' + raw[at:]


def mutations(valid: bytes, count: int, seed: int) -> Iterator[bytes]:
    """`count` mutated versions of a valid file, the same for the same seed."""
    rng = random.Random(seed)
    tree = json.loads(valid)
    slots = list(_slots(tree))
    for _ in range(count):
        if rng.random() < 0.1:
            yield _mutate_bytes(rng, valid)
            continue
        data = json.loads(valid)
        yield _mutate_tree(rng, data, slots).encode("utf-8", "surrogatepass")
