"""Build the one-folder desktop app with PyInstaller and start it offscreen with --smoke."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_pyinstaller_bundle_starts_with_qt_sqlcipher_and_icons(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"),
         str(ROOT / "packaging" / "tafelapp.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    binary = tmp_path / "dist" / "tafelapp" / ("tafelapp.exe" if os.name == "nt" else "tafelapp")
    assert binary.exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    run = subprocess.run([str(binary), "--smoke"], capture_output=True, text=True, timeout=120,
                         env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "SMOKE OK" in run.stdout and "cipher=4." in run.stdout and "icons=ok" in run.stdout
    assert "pdf+signature=ok" in run.stdout
    assert (tmp_path / "dist" / "tafelapp" / "_internal" / "migrations" / "0001_initial.sql"
            ).exists()
