"""Bad answers from the server halfway through a zaak: a Dutch message, nothing lost locally, and
after the retry still one of everything."""

from __future__ import annotations

import httpx

from tafelapp.services import outbox_service, zaak_service
from tafelapp.services.session import Session
from tafelapp.store import outbox_repo
from tests.openzaak import course
from tests.openzaak.faults import Faulty, Sent
from tests.openzaak.oz import OpenZaak
from tests.openzaak.test_zaak_course import STEPS, held


def case_item(session: Session) -> outbox_repo.OutboxItem:
    [item] = [i for i in outbox_repo.all_items(session.conn) if i.kind == "case"]
    return item


def test_a_500_and_a_broken_page_halfway_are_retried_without_a_second_status(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    hurt: list[str] = []

    def answer(sent: Sent, response: httpx.Response) -> httpx.Response | None:
        if sent.method == "POST" and sent.url.endswith("/statussen") and "500" not in hurt:
            hurt.append("500")  # Open Zaak stored the status; the answer says it failed
            return httpx.Response(500, json={"title": "Interne fout"})
        if sent.method == "GET" and "/rollen" in sent.url and "page" not in hurt:
            hurt.append("page")  # the list breaks off halfway
            return httpx.Response(200, content=response.content[: len(response.content) // 2])
        return None
    transport = Faulty(answer=answer)
    outbox_service.update_region(session, **alive.region())
    number = course.start(session, demo)
    clients = transport.clients(session)
    outbox_service.send_now(session)
    from tafelapp.jobs.outbox_job import drain_once

    first = drain_once(session, **clients)
    assert first[-1].kind == "retry" and "HTTP 500" in (first[-1].message or "")
    assert case_item(session).state == "queued"
    course.drain_all(session, **clients)
    assert hurt == ["500", "page"]
    assert case_item(session).state == "delivered"
    assert [n for _, n in held(alive, number)["statussen"]] == STEPS[:3]
    history = [h[1] for h in outbox_repo.history(session.conn, case_item(session).id)]
    assert history.count("retry") == 2 and history[-1] == "delivered"


def test_an_unknown_statustype_is_refused_in_dutch_and_tried_again_once_fixed(
        alive: OpenZaak, session: Session, demo: dict[str, str]) -> None:
    outbox_service.update_region(session, **alive.region(
        status_names={"DISCUSSED": "Besproken in de raad"}))
    number = course.start(session, demo)
    outcomes = course.drain_all(session)
    refused = outcomes[-1]
    assert refused.kind == "rejected"
    assert "geen statustype 'Besproken in de raad'" in (refused.message or "")
    assert "Besproken aan tafel" in (refused.message or "")  # what the zaaktype does know
    # what was confirmed stays, the case is untouched
    assert "zaak" in zaak_service.confirmed_parts(session, demo["jbt_case"])
    assert zaak_service.case_facts(session, demo["jbt_case"]).case_number == number
    outbox_service.update_region(session, status_names={})
    assert [o.kind for o in course.drain_all(session)] == ["delivered"]
    assert [n for _, n in held(alive, number)["statussen"]] == STEPS[:3]
