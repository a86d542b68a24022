"""A tiny publish/subscribe that services publish to and the UI bridge listens on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

Handler = Callable[[str, dict[str, Any]], None]
_handlers: dict[str, list[Handler]] = defaultdict(list)


def subscribe(topic: str, handler: Handler) -> Callable[[], None]:
    """Call `handler(topic, payload)` on each publish of `topic` ("*" for all); returns unsubscribe."""
    _handlers[topic].append(handler)
    return lambda: _handlers[topic].remove(handler)


def publish(topic: str, **payload: Any) -> None:
    """Tell every subscriber; payloads carry ids, never personal data."""
    for handler in [*_handlers.get(topic, []), *_handlers.get("*", [])]:
        handler(topic, payload)
