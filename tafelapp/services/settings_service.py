"""Use cases for the settings kept inside the vault: read them, change them."""

from __future__ import annotations

from typing import Any

from tafelapp.services.session import Session, build
from tafelapp.settings import AppSettings, UiPosition
from tafelapp.store import settings_repo
from tafelapp.store.transaction import transaction

_KEY = "app"
_POSITION_KEY = "ui_position"


def get_settings(session: Session) -> AppSettings:
    """The stored settings (defaults where none were stored)."""
    return AppSettings.model_validate(settings_repo.get(session.conn, _KEY) or {})


def update_settings(session: Session, **changes: Any) -> AppSettings:
    """Change some settings; invalid values are refused with the field named."""
    before = get_settings(session)
    after = build(AppSettings, "settings", **{**before.model_dump(), **changes})
    with session.change("settings.update", "settings", _KEY, before=before, after=after) as conn:
        settings_repo.put(conn, _KEY, after.model_dump(mode="json"))
    return after


def remember_position(session: Session, position: UiPosition) -> None:
    """Store where the user is (page, meeting, step); navigation is not audited, it changes no record."""
    with transaction(session.conn) as conn:
        settings_repo.put(conn, _POSITION_KEY, position.model_dump(mode="json"))


def recall_position(session: Session) -> UiPosition:
    """Where the user was when the app last stored its position."""
    return UiPosition.model_validate(settings_repo.get(session.conn, _POSITION_KEY) or {})


def get_region_tsa(session: Session) -> str:
    """The region's timestamp authority (RFC 3161 over HTTP), '' when none is configured."""
    stored = settings_repo.get(session.conn, "region") or {}
    return str(stored.get("tsa_url", "") or "")
