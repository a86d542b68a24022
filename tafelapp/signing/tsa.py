"""RFC 3161 timestamps over HTTP with httpx (pyHanko builds and checks the requests)."""

from __future__ import annotations

from typing import Any


def http_timestamper(url: str, timeout: float = 5.0) -> Any:
    """A pyHanko TimeStamper that asks the timestamp authority at `url` (IOError when offline)."""
    import httpx
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.api import TimeStamper
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError, set_tsp_headers

    class HttpxTimeStamper(TimeStamper):
        async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
            try:
                answer = httpx.post(url, content=req.dump(), headers=set_tsp_headers({}),
                                    timeout=timeout)
            except httpx.HTTPError as exc:
                raise TimestampRequestError(f"tijdstempeldienst niet bereikbaar: {exc}") from exc
            if answer.status_code != 200 or \
                    answer.headers.get("Content-Type") != "application/timestamp-reply":
                raise TimestampRequestError(f"tijdstempeldienst antwoordt {answer.status_code}")
            return tsp.TimeStampResp.load(answer.content)

    return HttpxTimeStamper()  # type: ignore[no-untyped-call]
