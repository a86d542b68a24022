"""A transport between Tafelapp and the real Open Zaak that records every request and can lose
answers or kill the server at a chosen moment (the server itself is never imitated)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from tafelapp.services import outbox_service
from tafelapp.services.session import Session
from tafelapp.sync.zaken_client import ZakenClient
from tafelapp.sync.zgw_client import ZgwClient


@dataclass
class Sent:
    """One request as it left Tafelapp."""

    method: str
    url: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON (None when empty)."""
        return json.loads(self.body) if self.body else None


@dataclass
class Faulty(httpx.BaseTransport):
    """Forwards to Open Zaak; `before(sent, n)` runs before the n-th request goes out, `after(sent,
    n)` after its answer came back (raising there loses an answer the server did send)."""

    before: Callable[[Sent, int], None] | None = None
    after: Callable[[Sent, int], None] | None = None
    answer: Callable[[Sent, httpx.Response], httpx.Response | None] | None = None
    rewrite: Callable[[httpx.Request], httpx.Request] | None = None  # what the server receives
    sent: list[Sent] = field(default_factory=list)
    inner: httpx.HTTPTransport = field(default_factory=httpx.HTTPTransport)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Record, maybe hurt, forward."""
        body = request.read()
        sent = Sent(request.method, str(request.url), dict(request.headers), body)
        self.sent.append(sent)
        if self.before:
            self.before(sent, len(self.sent))
        response = self.inner.handle_request(self.rewrite(request) if self.rewrite else request)
        response.read()
        if self.after:
            self.after(sent, len(self.sent))
        if self.answer:  # another answer than the server gave (after it did the work)
            return self.answer(sent, response) or response
        return response

    def clients(self, session: Session) -> dict[str, Any]:
        """The two clients of one drain, both through this transport."""
        settings = outbox_service.region_settings(session)
        return {"client": ZgwClient(settings, session.actor, transport=self),
                "zaken": ZakenClient(settings, session.actor, transport=self)}


def creates(transport: Faulty) -> list[Sent]:
    """The non-idempotent requests that were sent (POST)."""
    return [s for s in transport.sent if s.method == "POST"]
