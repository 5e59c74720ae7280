"""`kiosk run --supervise`: keep the show running where no service manager does it (Windows
without Task Scheduler tricks, a plain desktop session). Plain Python, no Qt in this process.

The supervisor starts `kiosk run` with the same arguments and starts it again if it ever ends,
except when it ends with status 0 (staff chose "Exit app", or it was asked to stop). The new show
starts on the same pack: the choice is remembered in the settings file.
"""

from __future__ import annotations

import logging
import logging.handlers
import signal
import subprocess
import sys
import time

from . import locations

log = logging.getLogger("kiosk.system.supervise")

RESTART_DELAY = 0.5  # seconds: back on screen well within 3 s of a crash
CRASH_WINDOW = 60.0  # more than CRASH_LIMIT crashes in this many seconds ...
CRASH_LIMIT = 5
CRASH_PAUSE = 10.0  # ... and it waits longer, so a broken machine is not hammered


def supervise(run_args: list[str]) -> int:
    _log_to_file()
    child: subprocess.Popen[bytes] | None = None
    stopping = False

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM if signum == signal.SIGTERM else signal.SIGINT)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    crashes: list[float] = []
    while True:
        command = [sys.executable, "-m", "kiosk", "run", *run_args]
        child = subprocess.Popen(command)
        log.info("started the show (pid %d): %s", child.pid, " ".join(command[2:]))
        code = child.wait()
        if stopping or code == 0:
            log.info("the show ended (status %d); not restarting", code)
            return 0
        now = time.monotonic()
        crashes = [t for t in crashes if now - t < CRASH_WINDOW] + [now]
        pause = CRASH_PAUSE if len(crashes) > CRASH_LIMIT else RESTART_DELAY
        log.error("the show stopped (%s); restarting in %.1f s", _describe(code), pause)
        time.sleep(pause)


def _describe(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _log_to_file() -> None:
    log.setLevel(logging.INFO)
    log.addHandler(logging.StreamHandler())
    try:
        folder = locations.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / "supervisor.log", maxBytes=1_000_000,
                                                       backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
    except OSError as e:
        log.error("cannot write the supervisor log: %s", e)
