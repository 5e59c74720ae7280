"""`kiosk run --supervise`: after a crash or `kill -9` the show is back, on the same pack.
(How fast it is back is measured by bench/supervise.py, not asserted here.)"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

from .support import MINIMAL_PACK


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


def read(path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_killed_show_comes_back_on_the_same_pack(kiosk_home):
    logs = kiosk_home / "state" / "log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(kiosk_home)}
    supervisor = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--supervise", "--windowed",
                                   "--pack", str(MINIMAL_PACK)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
    try:
        shown = "first frame on screen: pack minimal"
        wait_for(lambda: shown in read(logs / "kiosk.log"))
        first = int(re.findall(r"started the show \(pid (\d+)\)", read(logs / "supervisor.log"))[0])
        os.kill(first, signal.SIGKILL)
        pids = wait_for(lambda: [int(p) for p in re.findall(r"started the show \(pid (\d+)\)",
                                                             read(logs / "supervisor.log"))][1:])
        assert pids[0] != first
        wait_for(lambda: read(logs / "kiosk.log").count(shown) == 2)
        assert "the show stopped (killed by SIGKILL); restarting" in read(logs / "supervisor.log")
    finally:
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=30) == 0
    assert "not restarting" in read(logs / "supervisor.log")
