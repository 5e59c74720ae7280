"""A locked-down kiosk under a real X server: systemd's SIGTERM (or Ctrl+C's SIGINT) stops it at
once and cleanly, while the keyboard and a window-close request still cannot end it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .support import MINIMAL_PACK
from .xserver import ask_windows_to_close, send_keys, xvfb

HANG = 60  # seconds: only so a broken build fails instead of hanging CI; not a speed limit


def wait_for(predicate, what: str) -> None:
    deadline = time.monotonic() + HANG
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_fullscreen_kiosk_stops_on_signal_but_not_on_keys_or_close(signum, kiosk_home: Path):
    log = kiosk_home / "state" / "log" / "kiosk.log"
    stderr = kiosk_home / "stderr.txt"
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with stderr.open("w") as errors:
            show = subprocess.Popen([sys.executable, "-m", "kiosk", "run", str(MINIMAL_PACK)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=errors)
        try:
            wait_for(lambda: log.exists() and "first frame on screen" in log.read_text(encoding="utf-8")
                     or show.poll() is not None, "the first frame")
            assert show.poll() is None, stderr.read_text()

            send_keys(display, "Alt_L+F4", "Control_L+q", "Control_L+w", "Escape", "Control_L+c")
            assert ask_windows_to_close(display) >= 1, "the kiosk window takes WM_DELETE_WINDOW"
            time.sleep(1.0)  # time to act on them, were it going to
            assert show.poll() is None, "keys or a close request ended a locked-down show"

            sent = time.monotonic()
            show.send_signal(signum)
            code = show.wait(timeout=HANG)
            took = time.monotonic() - sent
        finally:
            if show.poll() is None:
                show.kill()
                show.wait()
    assert code == 0, stderr.read_text()
    lines = log.read_text(encoding="utf-8").splitlines()
    assert f"stopping: {signal.Signals(signum).name} received" in lines[-2]
    assert lines[-1].endswith("the show has stopped (exit status 0)")
    print(f"stopped {took * 1000:.0f} ms after {signal.Signals(signum).name}")
