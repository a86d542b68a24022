"""The region's archive term: shown with the notulen, and on the zaak as archiefnominatie and
archiefactiedatum (the Zaken API's fields for it)."""

from __future__ import annotations

import datetime as dt

from tafelapp.domain.retention import RecordKind, RetentionTerms, zaak_archive
from tafelapp.services import outbox_service, retention_service, zaak_service
from tafelapp.services.session import Session
from tafelapp.store import retention_repo
from tests.retention.setup import closed_case


def test_zaak_archive_fields() -> None:
    terms = RetentionTerms.model_validate(
        {"archive": {"zaak": {"nominatie": "vernietigen", "years": 20}}})
    assert zaak_archive(terms, None) == (("archiefnominatie", "vernietigen"),)
    assert zaak_archive(terms, dt.date(2024, 2, 29)) == (
        ("archiefnominatie", "vernietigen"), ("archiefactiedatum", "2044-02-29"))
    assert terms.archive_date(RecordKind.CASE, dt.date(2025, 2, 28)) == dt.date(2045, 2, 28)
    kept = RetentionTerms.model_validate({"archive": {"zaak": {"nominatie": "blijvend_bewaren"}}})
    assert zaak_archive(kept, dt.date(2025, 1, 1)) == (("archiefnominatie", "blijvend_bewaren"),)
    assert zaak_archive(RetentionTerms(), dt.date(2025, 1, 1)) == ()


def test_the_notulen_and_the_zaak_carry_the_archive_term(session: Session) -> None:
    ids = closed_case(session)
    closed = retention_repo.closed_on(session.conn, ids["jbt_case"])
    assert closed == session.now().date()
    line = retention_service.archive_line(session, ids["minutes"])
    assert line == (f"archieftermijn: vernietigen na 20 jaar (op of na "
                    f"{closed.replace(year=closed.year + 20):%d-%m-%Y})")
    settings = outbox_service.region_settings(session)
    plan = zaak_service.zaak_plan(session, ids["jbt_case"], settings)
    assert dict(plan.archive) == {"archiefnominatie": "vernietigen",
                                  "archiefactiedatum": closed.replace(
                                      year=closed.year + 20).isoformat()}
    open_plan = zaak_service.zaak_plan(session, ids["zvt_case"], settings)
    assert open_plan.archive == (("archiefnominatie", "vernietigen"),)
