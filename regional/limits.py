"""What the reference regional server takes on at once: verifier processes, upload slots, connections."""

from __future__ import annotations

import multiprocessing
import os
import random
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from tafelapp.signing import pades


@dataclass(frozen=True)
class Limits:
    """The server's bounds; memory is at most about `uploads` bodies of `MAX_BODY_BYTES` each.

    `verify_workers` processes check the PAdES signatures (0: in the request's own thread, as the
    demo does for its one laptop); `uploads` bodies are read and checked at once, the rest wait
    up to `upload_wait_seconds` for a slot and then get 503 with Retry-After (the outbox tries
    again); at most `connections` connections are served at once, more wait in the listen queue
    (`backlog`) instead of being reset; an idle kept-alive connection is closed after
    `idle_seconds`."""

    verify_workers: int = 0
    uploads: int = 4
    upload_wait_seconds: float = 30.0
    connections: int = 64
    backlog: int = 256
    idle_seconds: float = 60.0

    @classmethod
    def for_machine(cls) -> Limits:
        """One verifier per core (the signature check is the work), two upload slots per core."""
        cores = os.cpu_count() or 2
        return cls(verify_workers=cores, uploads=2 * cores)


def _verdict(content: bytes) -> tuple[bool, str | None]:
    report = pades.verify(content)
    return bool(report.intact), report.error


def _follow_parent(parent: int) -> None:
    """In a worker: end when the server process is gone (killed, say), never linger."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)
    threading.Thread(target=watch, daemon=True, name="follow-server").start()


def _warm() -> None:
    """Import what verifying needs, so the first upload does not pay for it."""
    pades.verify(b"%PDF-1.7\n")


class CheckerLost(Exception):
    """The signature check of a document ended twice with its worker process gone."""


class Verifier:
    """Checks a received PDF's signatures, in worker processes when there are any."""

    def __init__(self, workers: int) -> None:
        self._workers = workers
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = self._start() if workers > 0 else None

    def _start(self) -> ProcessPoolExecutor:
        """Spawn (safe beside threads and the demo's GUI, no fork) and warm the workers."""
        pool = ProcessPoolExecutor(self._workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_follow_parent, initargs=(os.getpid(),))
        for future in [pool.submit(_warm) for _ in range(self._workers)]:
            future.result()
        return pool

    def check(self, content: bytes) -> tuple[bool, str | None]:
        """(intact, error) for one document. A worker that died (killed, out of memory) is
        replaced and the document checked once more; a second loss raises CheckerLost."""
        if self._pool is None:
            return _verdict(content)
        for _attempt in range(2):
            pool = self._pool
            try:
                return pool.submit(_verdict, content).result()
            except BrokenProcessPool:
                with self._lock:
                    if self._pool is pool:  # the first to notice starts new workers
                        pool.shutdown(wait=False, cancel_futures=True)
                        self._pool = self._start()
        raise CheckerLost()

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


class Slots:
    """A counted gate with a wait limit, served in arrival order: `take()` is False when no slot
    came free in time. First come, first served keeps the slowest upload near the median under
    load (a plain semaphore lets a late arrival overtake one that has waited seconds)."""

    def __init__(self, count: int, wait_seconds: float) -> None:
        self._lock = threading.Lock()
        self._free = count
        self._queue: deque[threading.Event] = deque()
        self._wait = wait_seconds

    def take(self) -> bool:
        """Wait for a free slot, at most the wait limit, behind those who came earlier."""
        with self._lock:
            if self._free > 0 and not self._queue:
                self._free -= 1
                return True
            ticket = threading.Event()
            self._queue.append(ticket)
        if ticket.wait(self._wait):
            return True
        with self._lock:
            if ticket.is_set():  # handed over just as the wait ended
                return True
            self._queue.remove(ticket)
            return False

    def give(self) -> None:
        """Free a slot taken earlier: to the longest waiting, else back to the pool."""
        with self._lock:
            if self._queue:
                self._queue.popleft().set()
            else:
                self._free += 1


@dataclass
class Faults:
    """Fault injection for tests and soaks (all off by default)."""

    fail_rate: float = 0.0
    delay_seconds: float = 0.0
    drop_response_after_store: int = 0
    drop_response_after_update: int = 0
    cut_upload: int = 0
    seed: int = 0
    _rng: random.Random = field(default_factory=random.Random, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self._rng.seed(self.seed)

    def take(self, name: str) -> bool:
        """Use up one of a counted fault."""
        with self._lock:
            left = getattr(self, name)
            if left > 0:
                setattr(self, name, left - 1)
                return True
            return False

    def roll(self) -> bool:
        """True for a random failure."""
        with self._lock:
            return self._rng.random() < self.fail_rate
