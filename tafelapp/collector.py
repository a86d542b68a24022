"""Keeping bulk data out of the cycle collector's sight, so a collection never stalls the screen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def settle() -> None:
    """Collect the young garbage, then move every object alive now out of the collector's sight
    (`gc.freeze`): tens of thousands of acyclic rows kept for a while are otherwise rescanned by
    every full collection, which holds the interpreter lock for 40–140 ms (measured,
    bench/region_screen.py). Frozen objects are still freed by their reference count; only a
    cycle among them would outlive its use, so the young garbage is collected first."""
    gc.collect(1)
    gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cycle collector (process-wide) while a bulk build makes many objects without a
    single cycle; the young garbage is collected first (cheap then), and what was built is frozen
    before collecting resumes, so no collection after it rescans everything made meanwhile (the
    first one did: 30–45 ms holding the lock, measured)."""
    was_on = gc.isenabled()
    gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
