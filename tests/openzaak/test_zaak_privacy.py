"""No personal data reaches the Zaken API: every request of a whole course captured and searched."""

from __future__ import annotations

import base64
import json
import re

import jwt

from tafelapp.domain.zaak import pseudonym
from tafelapp.services.session import Session
from tests.openzaak import course
from tests.openzaak.faults import Faulty
from tests.openzaak.oz import PSEUDONYM_SECRET, OpenZaak
from tests.openzaak.test_zaak_course import check_whole_course, whole_course


def _text(sent_body: bytes) -> str:
    """The body as text, with a document's content (the signed PDF itself) left out."""
    if not sent_body:
        return ""
    data = json.loads(sent_body)
    if isinstance(data, dict) and "inhoud" in data:
        data = {k: v for k, v in data.items() if k != "inhoud"}
    return json.dumps(data, ensure_ascii=False)


def test_no_personal_value_of_the_case_is_sent_to_open_zaak(alive: OpenZaak, session: Session,
                                                            demo: dict[str, str]) -> None:
    transport = Faulty()
    number = whole_course(alive, session, demo, transport)
    check_whole_course(alive, session, number)
    values = course.personal_values(session, demo)
    assert len(values) > 25 and course.BSN in values
    zaken = [s for s in transport.sent if "/zaken/api/" in s.url or "/catalogi/api/" in s.url]
    documents = [s for s in transport.sent if "/documenten/api/" in s.url]
    assert len(zaken) > 15 and documents
    for sent in transport.sent:
        claims = jwt.decode(sent.headers["authorization"].split()[1],
                            options={"verify_signature": False})
        where = f"{sent.method} {sent.url}"
        seen = "\n".join([_text(sent.body), sent.url, json.dumps(claims, ensure_ascii=False)])
        if "/documenten/api/" in sent.url:  # the notulen's metadata: the PDF itself is the record
            assert base64.b64decode(json.loads(sent.body)["inhoud"])[:5] == b"%PDF-" \
                if sent.method == "POST" else True
        # whole words only: 'Daan' is in 'vertrouwelijkheidaanduiding', and that is no leak
        found = [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", seen, re.I)]
        assert found == [], f"{where} bevat persoonsgegevens: {found}"
    # the casusregisseur travels only as a pseudonym, the same on every laptop of the region
    rollen = [json.loads(s.body) for s in zaken if s.method == "POST" and s.url.endswith("/rollen")]
    [lead] = course.case_leads(session, demo)
    assert [r["betrokkeneIdentificatie"]["anpIdentificatie"] for r in rollen] == [
        pseudonym(PSEUDONYM_SECRET, "person", f"{lead.person}|{lead.organisation}")]
    # the actor in the token of the Zaken API is a pseudonym too
    actors = {jwt.decode(s.headers["authorization"].split()[1],
                         options={"verify_signature": False})["user_id"] for s in zaken}
    assert actors == {pseudonym(PSEUDONYM_SECRET, "actor", session.actor)}


def test_a_pseudonym_needs_the_secret_and_is_stable() -> None:
    key = "Femke de Wit (fictief)|Jeugdbescherming West"
    same = pseudonym(PSEUDONYM_SECRET, "person", "  femke DE wit (fictief)|Jeugdbescherming  West")
    assert pseudonym(PSEUDONYM_SECRET, "person", key) == same
    assert len(same) == 17 and "femke" not in same
    assert pseudonym("een-ander-geheim-van-een-andere-regio-0123456789", "person", key) != same
