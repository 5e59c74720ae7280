"""How fast a supervised kiosk is back after `kill -9`: `python bench/supervise.py [--runs 5]`.

Starts `kiosk run --supervise --windowed` (offscreen), kills the show with SIGKILL, and times
until the new one has put its first frame on screen, on the same pack (read from its log).
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOWN = re.compile(r"first frame on screen: pack (\S+),")
STARTED = re.compile(r"started the show \(pid (\d+)\)")


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.005)
    raise SystemExit("timed out")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="kiosk-supervise-"))
    logs = home / "state" / "log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(home)}
    supervisor = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--supervise", "--windowed"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def read(name):
        path = logs / name
        return path.read_text(encoding="utf-8") if path.exists() else ""

    times = []
    try:
        wait_for(lambda: SHOWN.search(read("kiosk.log")))
        for _ in range(args.runs):
            pid = int(STARTED.findall(read("supervisor.log"))[-1])
            before = len(SHOWN.findall(read("kiosk.log")))
            killed = time.monotonic()
            os.kill(pid, signal.SIGKILL)
            packs = wait_for(lambda: SHOWN.findall(read("kiosk.log"))[before:])
            times.append(time.monotonic() - killed)
            print(f"killed pid {pid}: back on pack {packs[0]} after {times[-1]:.2f} s")
            time.sleep(0.5)
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(timeout=30)
    print(f"back after kill -9: median {sorted(times)[len(times) // 2]:.2f} s, worst {max(times):.2f} s "
          f"({len(times)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
