"""Clean-machine check of dev.py's package list: every library Qt's xcb plugin needs is installed."""

from __future__ import annotations

import functools
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
PLUGIN = QT / "plugins" / "platforms" / "libqxcb.so"
# the xcb plugin, its Qt platform library and the Qt libraries the app itself loads
QT_LIBRARIES = [PLUGIN, *sorted((QT / "lib").glob("libQt6XcbQpa.so*"))[:1],
                QT / "lib" / "libQt6Widgets.so.6", QT / "lib" / "libQt6Network.so.6"]

pytestmark = pytest.mark.skipif(not (shutil.which("ldd") and shutil.which("dpkg-query")
                                     and shutil.which("apt-cache") and PLUGIN.exists()),
                                reason="a Debian/Ubuntu machine with Qt's xcb plugin")


def _dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tafelapp_dev", ROOT / "scripts" / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _needed() -> dict[str, str | None]:
    """Every library ldd lists for the Qt libraries (transitively): name -> path, None if missing."""
    found: dict[str, str | None] = {}
    for library in QT_LIBRARIES:
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            if match := re.match(r"\s*(\S+) => not found", line):
                found[match.group(1)] = None
            elif match := re.match(r"\s*(\S+) => (/\S+)", line):
                found.setdefault(match.group(1), match.group(2))
    return found


def _spellings(path: str) -> set[str]:
    """A library's path as ldd gives it and resolved, each with and without /usr (usr-merge)."""
    names = {path, str(Path(path).resolve())}
    return names | {name.removeprefix("/usr") if name.startswith("/usr/") else "/usr" + name
                    for name in names}


@functools.cache
def _owners() -> dict[str, str | None]:
    """Each system library the Qt libraries need -> the Debian package that ships it (one query)."""
    system = _system(_needed())
    spelled = {spelling: name for name, path in system.items() for spelling in _spellings(path)}
    out = subprocess.run(["dpkg-query", "-S", *sorted(spelled)], capture_output=True, text=True)
    owners: dict[str, str | None] = dict.fromkeys(system)
    for line in out.stdout.splitlines():
        package, _, shipped = line.partition(": ")
        if shipped in spelled:
            owners[spelled[shipped]] = package.split(",")[0].split(":")[0].strip()
    return owners


def _installed_with(packages: list[str]) -> set[str]:
    """The packages apt installs for `packages` (their Depends, recursively) plus the essential ones
    every Debian system has."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                          "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances",
                          *packages], capture_output=True, text=True, check=True)
    closure = {line.strip().split(":")[0] for line in out.stdout.splitlines()
               if line and not line.startswith((" ", "<"))}
    essential = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Essential}\n"],
                               capture_output=True, text=True, check=True)
    closure |= {line.split()[0] for line in essential.stdout.splitlines()
                if line.endswith(" yes")}
    return closure | set(packages)


def _system(needed: dict[str, str | None]) -> dict[str, str]:
    return {name: path for name, path in needed.items()
            if path is not None and not path.startswith(str(Path(PySide6.__file__).parent))}


def test_every_library_of_the_xcb_plugin_is_found() -> None:
    missing = sorted(name for name, path in _needed().items() if path is None)
    assert not missing, ("Qt's xcb plugin cannot load; missing: " + ", ".join(missing)
                         + " (add their Debian packages to scripts/dev.py)")


def test_every_library_comes_from_a_package_dev_py_installs() -> None:
    dev = _dev()
    listed = dev.QT_PACKAGES + dev.XCB_PACKAGES
    closure = _installed_with(listed)
    owners = _owners()
    unowned = sorted(name for name, owner in owners.items() if owner is None)
    assert not unowned, "libraries no Debian package ships: " + ", ".join(unowned)
    outside = sorted(f"{name} ({owner})" for name, owner in owners.items()
                     if owner not in closure)
    assert not outside, ("installed here but not by `dev.py run` on a clean machine: "
                         + ", ".join(outside))


def test_every_xcb_package_in_the_list_is_needed() -> None:
    owners = set(_owners().values())
    unused = sorted(set(_dev().XCB_PACKAGES) - owners)
    assert not unused, "in XCB_PACKAGES but no library of the plugin needs it: " + ", ".join(unused)
