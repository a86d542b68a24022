"""The two set-up commands: `python3 scripts/dev.py run` and `python3 scripts/dev.py test`.

Works on a fresh Debian/Ubuntu machine that has only python3: makes `.venv` in the repo, installs
the project with pinned-minimum dependencies, installs the system libraries it needs (as root; as
a normal user it prints the exact apt-get line and stops), then starts the app or runs every check.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".tafelapp-installed"

# Debian packages, per purpose. Qt needs these on a bare machine even offscreen (STACK-NOTES).
VENV_PACKAGES = ["python3-venv"]
QT_PACKAGES = ["libgl1", "libegl1", "libglib2.0-0", "libfontconfig1", "libfreetype6",
               "libdbus-1-3", "libxkbcommon0", "libgssapi-krb5-2"]  # the last for QtNetwork
# Qt's xcb platform plugin (a real X11 display): every library `ldd libqxcb.so` needs, by its
# Debian package; tests/packaging/test_qt_system_libs.py checks this list against ldd and dpkg.
XCB_PACKAGES = ["libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4",
                "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render0",
                "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0", "libxcb-sync1",
                "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon-x11-0"]
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


# dpkg's and apt's locks: held by another apt, dpkg or unattended-upgrades while it runs
APT_LOCKS = [Path("/var/lib/dpkg/lock-frontend"), Path("/var/lib/dpkg/lock"),
             Path("/var/lib/apt/lists/lock"), Path("/var/cache/apt/archives/lock")]
LOCK_WAIT_SECONDS = 1800
# apt >= 1.9.11 (Debian 11, Ubuntu 20.04 and later) waits for dpkg's lock itself with this
# option; older apt ignores it, and it does not cover `apt-get update`'s lists lock: the poll
# below covers every lock, saying so, and the option covers the moment between poll and start
APT_WAIT = ["-o", f"DPkg::Lock::Timeout={LOCK_WAIT_SECONDS}"]


def _lock_holder() -> Path | None:
    """The first apt/dpkg lock another process holds (tried the way dpkg takes it), or None."""
    import fcntl

    for lock in APT_LOCKS:
        if not lock.exists():
            continue
        try:
            with open(lock, "a") as handle:
                try:
                    fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    return lock
                fcntl.lockf(handle, fcntl.LOCK_UN)
        except OSError:
            continue  # not ours to open (not root): apt-get itself will say so
    return None


def wait_for_apt(timeout: float = LOCK_WAIT_SECONDS, poll: float = 2.0) -> None:
    """Wait, saying so, while another package manager (often unattended upgrades) runs."""
    import time

    start = time.monotonic()
    said = -1.0
    while (holder := _lock_holder()) is not None:
        waited = time.monotonic() - start
        if waited > timeout:
            raise SystemExit(f"[tafelapp setup] {holder} is na {int(waited)} s nog steeds bezet / "
                             "still locked; probeer het later opnieuw / try again later")
        if said < 0 or waited - said >= 30:
            _say("een ander installatieprogramma (apt/dpkg, bv. automatische updates) is bezig; "
                 f"wachten tot het klaar is ({int(waited)} s) / another package manager is "
                 f"running (e.g. unattended upgrades); waiting for it to finish ({holder})")
            said = waited
        time.sleep(poll)


def ensure_system_packages(names: list[str]) -> None:
    """Install missing Debian packages as root; otherwise print the exact command and stop."""
    missing = _missing_debian_packages(names)
    if not missing:
        return
    command = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        _say("installing system packages: " + " ".join(missing))
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        wait_for_apt()
        subprocess.run(["apt-get", *APT_WAIT, "update", "-qq"], check=True, env=env)
        wait_for_apt()
        subprocess.run(["apt-get", *APT_WAIT, *command[1:]], check=True, env=env,
                       stdout=subprocess.DEVNULL)
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
    return wait_for_gui(start_gui([]))


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _hold_stop_signals() -> None:
    """In the app's process before it runs: Ctrl+C and SIGTERM wait (blocked, not lost) until
    ui/app.py has its handler, so even a signal during Python's own start-up closes cleanly."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_DFL)


def start_gui(args: list[str], **popen: Any) -> subprocess.Popen[Any]:
    """Start the desktop app (`python -m ui.app`) the way `run` does."""
    hold = _hold_stop_signals if os.name == "posix" else None
    return subprocess.Popen([str(BIN / "python"), "-m", "ui.app", *args], cwd=ROOT,
                            preexec_fn=hold, **popen)


def wait_for_gui(process: subprocess.Popen[Any]) -> int:
    """Wait for the app; a Ctrl+C in the terminal reaches it too and it closes itself."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


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
        ensure_system_packages(QT_PACKAGES + XCB_PACKAGES + DOC_PACKAGES)
        return run_app(extra)
    ensure_system_packages(QT_PACKAGES + XCB_PACKAGES + DOC_PACKAGES + TEST_PACKAGES)
    return run_tests(extra)


if __name__ == "__main__":
    raise SystemExit(main())
