"""Paths and helpers shared by the tests."""

import subprocess
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
MINIMAL_PACK = TESTS / "packs" / "minimal"
YONGCHUAN_PACK = TESTS.parent / "content" / "yongchuan-2022"
HANG = 60  # seconds: only so a broken build fails instead of hanging CI; not a speed limit


def wait_for_line(log: Path, line: str, process: subprocess.Popen) -> None:
    """Wait until `line` is in the log of the kiosk that runs as `process`."""
    deadline = time.monotonic() + HANG
    while not (log.exists() and line in log.read_text(encoding="utf-8")):
        assert process.poll() is None, f"the kiosk stopped (exit status {process.returncode})"
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for '{line}' in the log")
        time.sleep(0.05)
