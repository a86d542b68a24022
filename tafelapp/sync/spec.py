"""The ZGW Documenten API 1.5.0 OpenAPI spec, and validation of a request against it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

SPEC_PATH = Path(__file__).resolve().parents[2] / "resources" / "specs" / "documenten-api-1.5.0.yaml"
API_ROOT = "/api/v1"


@cache
def _openapi() -> Any:
    import yaml
    from openapi_core import OpenAPI

    spec = yaml.safe_load(SPEC_PATH.read_text("utf-8"))
    spec["servers"] = [{"url": API_ROOT}]  # any host: the reference server and real regions
    return OpenAPI.from_dict(spec)


@dataclass
class _Request:
    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: Any = field(default=None)


def validate_request(method: str, url: str, headers: dict[str, str],
                     body: bytes | None) -> list[tuple[str, str]]:
    """Every way the request breaks the spec, as (field, reason); empty when it conforms."""
    from openapi_core.datatypes import RequestParameters

    parts = urlsplit(url)
    request = _Request(f"{parts.scheme}://{parts.netloc}", parts.path, method.lower(), body,
                       headers.get("Content-Type", "").lower())
    request.parameters = RequestParameters(query=dict(parse_qsl(parts.query)),
                                           header=headers)
    result = _openapi().unmarshal_request(request)
    problems: list[tuple[str, str]] = []
    for error in result.errors:
        schema_errors = getattr(error.__cause__, "schema_errors", None)
        if schema_errors:
            for item in schema_errors:
                name = ".".join(str(p) for p in item.path) or str(
                    item.message.split("'")[1] if item.validator == "required" else "body")
                problems.append((name, item.message[:300]))
        else:
            problems.append(("request", str(error)[:300]))
    return problems


def problem_json(status: int, title: str, code: str, params: list[tuple[str, str]]) -> bytes:
    """A ZGW error body (`ValidatieFout`)."""
    return json.dumps({"type": f"urn:tafelapp:{code}", "code": code, "title": title,
                       "status": status, "detail": title, "instance": "",
                       "invalidParams": [{"name": n, "code": code, "reason": r}
                                         for n, r in params]}).encode("utf-8")
