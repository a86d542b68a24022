"""The two set-up commands: `python3 scripts/dev.py run` and `python3 scripts/dev.py test`.

Works on a fresh Debian/Ubuntu machine that has only python3: makes `.venv` in the repo, installs
the project with pinned-minimum dependencies, installs the system libraries it needs (as root; as
a normal user it prints the exact apt-get line and stops), then starts the app or runs every check.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".tafelapp-installed"

# Debian packages, per purpose. Qt needs these on a bare machine even offscreen (STACK-NOTES).
VENV_PACKAGES = ["python3-venv"]
QT_PACKAGES = ["libgl1", "libegl1", "libglib2.0-0", "libfontconfig1", "libfreetype6",
               "libdbus-1-3", "libxkbcommon0"]
# WeasyPrint (notulen as PDF/A) needs Pango; HarfBuzz-Subset makes its font subsetting fast.
DOC_PACKAGES = ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core"]
# poppler-utils checks PDFs; postgresql is the reference server's optional production store;
# softhsm2 is the PKCS#11 token the smartcard signing is tested against.
TEST_PACKAGES = ["poppler-utils", "postgresql", "softhsm2"]


def _say(text: str) -> None:
    print(f"[tafelapp setup] {text}", flush=True)


def _missing_debian_packages(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for name in names:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True,
                             text=True)
        if "install ok installed" not in out.stdout:
            missing.append(name)
    return missing


def ensure_system_packages(names: list[str]) -> None:
    """Install missing Debian packages as root; otherwise print the exact command and stop."""
    missing = _missing_debian_packages(names)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        _say("installing system packages: " + " ".join(missing))
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        return
    _say("these system packages are missing; install them and run this command again:")
    print("    sudo " + " ".join(command))
    raise SystemExit(1)


def _venv_works() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import ensurepip, venv"], capture_output=True)
    return probe.returncode == 0


def ensure_venv() -> None:
    """Create `.venv` and install the project (again only when pyproject.toml changed)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under the system python3
        raise SystemExit("Tafelapp needs Python 3.11 or newer")
    if not (BIN / "python").exists():
        if not _venv_works():
            ensure_system_packages(VENV_PACKAGES)
        _say("creating .venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    _say("installing Tafelapp and its dependencies into .venv")
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev]"], check=True)
    # deduce (pseudonymising stuurgroep dossiers) builds its lookup tables once, inside .venv,
    # and Tafelapp keeps a trimmed copy of them (tafelapp.reports.deidentify.prepare)
    _say("preparing deduce's lookup tables (once, about two minutes)")
    subprocess.run([str(BIN / "python"), "-c",
                    "from tafelapp.reports.deidentify import prepare; prepare()"],
                   check=True, capture_output=True)
    STAMP.write_text(digest)


def run_app(extra: list[str]) -> int:
    """Start the desktop app on its default vault (first start offers a new vault or the demo).

    Without a display (a bare server or SSH session) the same vault opens in the command-line
    session instead, so the command still does something useful.
    """
    if extra:
        return subprocess.call([str(BIN / "tafelapp"), *extra], cwd=ROOT)
    has_display = os.name == "nt" or sys.platform == "darwin" or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM"))
    if not has_display:
        _say("no display found: opening the command-line session on the same vault")
        return subprocess.call([str(BIN / "tafelapp"), "start"], cwd=ROOT)
    return subprocess.call([str(BIN / "tafelapp-gui")], cwd=ROOT)


def run_tests(extra: list[str]) -> int:
    """ruff, mypy and the import-layer contracts, then the whole pytest suite (its summary last)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    checks = [
        ("ruff", [str(BIN / "ruff"), "check", "."]),
        ("mypy", [str(BIN / "mypy")]),
        ("import-linter", [str(BIN / "lint-imports")]),
    ]
    failed = []
    for name, command in checks:
        _say(f"running {name}")
        if subprocess.call(command, cwd=ROOT, env=env) != 0:
            failed.append(name)
    _say("running pytest")
    code = subprocess.call([str(BIN / "python"), "-m", "pytest", *extra], cwd=ROOT, env=env)
    if failed:
        _say("FAILED: " + ", ".join(failed))
        return 1
    return code


def main() -> int:
    """`run` or `test`, with any further arguments passed on."""
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        print(__doc__)
        return 2
    mode, extra = sys.argv[1], sys.argv[2:]
    ensure_venv()
    if mode == "run":
        ensure_system_packages(QT_PACKAGES + DOC_PACKAGES)
        return run_app(extra)
    ensure_system_packages(QT_PACKAGES + DOC_PACKAGES + TEST_PACKAGES)
    return run_tests(extra)


if __name__ == "__main__":
    raise SystemExit(main())
