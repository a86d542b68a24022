"""Where the vault lives by default (light: the app's first window needs it before anything else)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def default_vault_path() -> Path:
    """`TAFELAPP_VAULT`, else `kluis.tafelapp` in the user's data folder (platformdirs)."""
    env = os.environ.get("TAFELAPP_VAULT")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("tafelapp", "Tafelapp")) / "kluis.tafelapp"
