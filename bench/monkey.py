"""A longer monkey run than CI's: `python bench/monkey.py --events 200000 --seed 7`.

Runs tests/test_monkey.py (the same seeded driver) with more events; reports pass/fail and time.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "KIOSK_MONKEY_EVENTS": str(args.events), "KIOSK_MONKEY_SEED": str(args.seed)}
    started = time.monotonic()
    code = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/test_monkey.py"], cwd=ROOT, env=env).returncode
    print(f"monkey: {args.events} events, seed {args.seed}: {'passed' if code == 0 else 'FAILED'} "
          f"in {time.monotonic() - started:.0f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
