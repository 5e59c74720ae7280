"""The machine's state is precious: after staff set a PIN, the commands that only read, check,
render or measure leave the settings file byte-identical. Each command runs as a user runs it,
in its own process, against one settings folder shared by all of them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.visits import VisitTracker
from kiosk.system.analytics import AnalyticsStore

from .support import TESTS

REPO = TESTS.parent

COMMANDS = {
    "validate": ["-m", "kiosk", "validate", "starter", "yongchuan-2022"],
    "packs": ["-m", "kiosk", "packs"],
    "proof": ["-m", "kiosk", "proof", "starter", "-o", "{tmp}/proof", "--size", "1920x1080"],
    "new": ["-m", "kiosk", "new", "{tmp}/my-show"],
    "bench": ["-m", "kiosk", "bench", "--quick", "--json"],
    "screenshots": [str(REPO / "tools" / "screenshots.py"), "--out", "{tmp}/shots"],
    "report": ["-m", "kiosk", "report", "-o", "{tmp}/report.html", "--csv", "{tmp}/csv"],
    "texts": ["-m", "kiosk", "texts", "export", "yongchuan-2022", "-o", "{tmp}/texts"],
}


def machine_state(home: Path) -> dict[str, bytes]:
    """The settings (chosen pack, PIN) and the visitor analytics."""
    files = [*(home / "config").rglob("*"), *(home / "state").glob("analytics.sqlite*")]
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(files) if p.is_file()}


def kiosk(args: list[str], home: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "KIOSK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, env=env,
                          cwd=REPO)


@pytest.fixture(scope="module")
def booth(tmp_path_factory) -> Path:
    """One machine: a staff PIN set, a pack chosen. Shared by every command below, in turn."""
    home = tmp_path_factory.mktemp("booth")
    assert kiosk(["-m", "kiosk", "set-pin"], home, stdin="482916\n").returncode == 0
    settings = home / "config" / "settings.json"
    assert b'"pin": {' in settings.read_bytes()
    # A visit, as `kiosk run` records it.
    store = AnalyticsStore(home / "state" / "analytics.sqlite")
    tracker = VisitTracker("yongchuan-2022")
    store.write([*tracker.touch(1000.0, "home", "zh"), *tracker.shown(1001.0, "history", "open"), *tracker.end("idle")])
    store.close()
    return home


@pytest.mark.parametrize("name", COMMANDS)
def test_command_leaves_the_settings_byte_identical(name: str, booth: Path, tmp_path: Path):
    before = machine_state(booth)
    done = kiosk([a.format(tmp=tmp_path) for a in COMMANDS[name]], booth)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert machine_state(booth) == before, f"{name} changed the machine's settings"
