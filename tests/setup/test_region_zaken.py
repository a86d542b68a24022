"""The Zaken API in the region settings and the region file: checked, carried, old files still read."""

from __future__ import annotations

import json

import pytest

from tafelapp.domain.problems import InvalidInput
from tafelapp.services import outbox_service, setup_service
from tafelapp.services.session import Session

ZT = "https://regio.example/catalogi/api/v1/zaaktypen/0f9d1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"


def test_zaken_settings_are_checked_field_by_field(session: Session) -> None:
    with pytest.raises(InvalidInput) as refused:
        outbox_service.update_region(session, zaken_url="http://regio.example/zaken",
                                     zaaktypen={"XYZ": ZT, "JBT": "https://regio.example/x"},
                                     pseudonym_secret="te kort")
    codes = sorted(p.code for p in refused.value.problems)
    assert codes == ["region.pseudonym_secret_short", "region.url_plain_http",
                     "region.zaaktype_kind", "region.zaaktype_shape"]
    after = outbox_service.update_region(session, zaken_url="https://regio.example/zaken/api/v1",
                                         zaaktypen={"JBT": ZT})
    assert after.zaken_url == "https://regio.example/zaken"  # the API root is accepted


def test_the_region_file_carries_the_zaken_api_but_never_the_pseudonym_secret(
        session: Session) -> None:
    outbox_service.update_region(session, zaken_url="https://regio.example/zaken",
                                 zaaktypen={"JBT": ZT}, status_names={"DISCUSSED": "Besproken"},
                                 pseudonym_secret="p" * 40)
    text = setup_service.export_region_json(session)
    server = json.loads(text)["server"]
    assert server["zaken_url"] == "https://regio.example/zaken"
    assert server["zaaktypen"] == {"JBT": ZT}
    assert server["status_names"] == {"DISCUSSED": "Besproken"}
    assert "p" * 40 not in text and "pseudonym_secret" not in text


def test_a_region_file_from_before_the_zaken_api_still_reads(session: Session) -> None:
    data = json.loads(setup_service.export_region_json(session))
    for key in ("zaken_url", "zaaktypen", "status_names", "role_names", "result_names"):
        data["server"].pop(key)
    region = setup_service.parse_region(json.dumps(data).encode())
    assert region.server.zaaktypen == {} and region.server.zaken_url == ""
