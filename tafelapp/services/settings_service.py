"""Use cases for the settings kept inside the vault: read them, change them."""

from __future__ import annotations

from typing import Any

from tafelapp.services.session import Session, build
from tafelapp.settings import AppSettings
from tafelapp.store import settings_repo

_KEY = "app"


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
