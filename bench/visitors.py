"""A show day of visitors against the running kiosk, black box, then its report.

    python bench/visitors.py [--visits 2000] [--kills 5] [--pack PACK] [--out DIR] [--seed 7]

The kiosk runs as a booth runs it (`python -m kiosk run`, fullscreen, on a private Xvfb, in a
throw-away KIOSK_HOME), on a copy of the pack whose attract loop has no countdown and no film (the
visitors are what is measured). Each visitor wakes it with a tap, taps 0 to 5 tiles, cards, links,
Back, Home or the language button (where to tap comes from a mirror of the kiosk in this process,
as in `kiosk bench`), and leaves; the kiosk's idle reset ends the visit. The kiosk's analytics
clock runs faster than the real one (`kiosk run --analytics-clock`), so the visits spread over a
9-hour day (9:00 to 18:00) while the run takes about 3.5 s a visit (2,000 visits: two hours;
300: 18 minutes).

A visitor whose next tap the bench cannot make in time (its mirror is slow leaving the gallery,
more so on a busy machine) leaves there, as a visitor who pauses longer than the idle timeout
does: the kiosk may have reset, and the check expects the visit as far as it went.

At `--kills` random moments, in the middle of a visit, the kiosk is killed with SIGKILL and
started again. At the end the bench reads the database and checks, against what it did:
- it opens and passes SQLite's integrity check after every kill;
- every visit that ended has its screens, in order, and its dwell time (within the tap timing);
- a killed visit is there, unfinished, with the screens it left more than a second before the kill;
then it runs `kiosk report` (HTML and PDF) and prints the figures. Exit status 1 if a check fails.
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.benchmark.command import screen_file  # noqa: E402
from kiosk.benchmark.screen import ProcessTree, Screen, private_xvfb  # noqa: E402
from kiosk.report.data import read  # noqa: E402
from kiosk.report.figures import loops  # noqa: E402

IDLE = 1.6  # real seconds without a touch before the kiosk resets: the end of a visit
TAP_GAP = 0.35  # real seconds at least between a visitor's taps: the kiosk has shown the last one by then
DAY_START, DAY_HOURS = "09:00", 9
SECONDS_PER_VISIT = 3.5  # real, on average (measured: 20 visits with 3 kills in 87 s): the clock's rate
# A kill comes at least this long after the visit's first touch (the database may lose the last
# second, not the visit) and well before the idle reset would end the visit by itself.
KILL_AFTER_FIRST, KILL_AFTER_LAST = 1.05, 0.2


@dataclass
class Visit:
    first_touch: float  # real times (time.perf_counter, as Screen.release gives them)
    last_touch: float
    screens: list[str] = field(default_factory=list)  # as the mirror went through them
    shown_at: list[float] = field(default_factory=list)  # when each came (real)
    killed_at: float | None = None


class Kiosk:
    def __init__(self, pack: Path, home: Path, display: str, clock: str):
        self.env = {**{k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QT_QUICK_BACKEND")},
                    "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "KIOSK_HOME": str(home)}
        self.command = [sys.executable, "-m", "kiosk", "run", "--idle-timeout", f"{IDLE:g}",
                        "--analytics-clock", clock, str(pack)]
        self.process: subprocess.Popen | None = None

    def start(self, screen: Screen) -> None:
        empty = screen.grab().picture
        self.process = subprocess.Popen(self.command, env=self.env, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while screen.grab().picture == empty:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("the kiosk did not come up")
            time.sleep(0.05)
        ProcessTree(self.process.pid).wait_until_idle()
        time.sleep(IDLE + 1)  # its attract loop is up: each visit starts by waking it

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(20)


def scratch_pack(source: Path, folder: Path) -> Path:
    pack = folder / "pack"
    shutil.copytree(source, pack)
    path = pack / "pack.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    idle = data.setdefault("idle", {})
    idle["countdown"] = 0
    idle["attract_films"] = []
    if not idle.get("attract_images"):
        idle.pop("attract_images", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pack


def tap(screen: Screen, x: int, y: int) -> float:
    screen.press(x, y)
    time.sleep(0.05)
    return screen.release()


def run(args: argparse.Namespace) -> int:
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-visitors-"))
    pack = scratch_pack(args.pack, scratch)
    home = scratch / "home"
    rng = random.Random(args.seed)
    day = datetime.fromisoformat(f"{datetime.now():%Y-%m-%d}T{DAY_START}").timestamp()
    rate = DAY_HOURS * 3600 / (args.visits * SECONDS_PER_VISIT)
    kills = set(rng.sample(range(args.visits), min(args.kills, args.visits)))
    visits: list[Visit] = []
    with private_xvfb() as display:
        screen = Screen(display)
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(screen_file(scratch, screen.width, screen.height))
        os.environ["QT_QUICK_BACKEND"] = "software"
        from kiosk.benchmark.mirror import Mirror
        mirror = Mirror(pack)
        began = time.monotonic()
        epoch, at = time.time(), time.perf_counter()
        kiosk = Kiosk(pack, home, display, f"{epoch}:{day}:{rate}")
        kiosk.start(screen)
        problems: list[str] = []
        paused = 0  # visits the bench's own slowness ended early (see below)
        try:
            for n in range(args.visits):
                visit = Visit(tap(screen, screen.width // 2, screen.height // 2), 0.0)  # wakes it
                visit.last_touch = visit.first_touch
                visit.screens, visit.shown_at = [mirror.state[0]], [visit.first_touch]
                taps = rng.randint(0, 5)
                kill_after = rng.randint(0, taps) if n in kills else None
                for i in range(taps):
                    if kill_after == i:
                        break
                    target = rng.choice(mirror.targets())
                    # The mirror's work after the last tap counts in the gap (leaving the gallery
                    # takes it up to 1.2 s), so a gap is TAP_GAP or that, whichever is longer.
                    time.sleep(max(0.0, visit.last_touch + TAP_GAP - time.perf_counter()))
                    if time.perf_counter() - visit.last_touch > IDLE - 0.2:
                        # The bench itself was slow (its mirror, a busy machine): the kiosk may have
                        # reset already. This visitor paused too long and leaves; a kill due in
                        # this visit comes in the next one.
                        paused += 1
                        if kill_after is not None:
                            kill_after = None
                            kills.add(n + 1)
                        break
                    visit.last_touch = tap(screen, target.x, target.y)
                    mirror.tap(target)
                    if mirror.state[0] != visit.screens[-1]:
                        visit.screens.append(mirror.state[0])
                        visit.shown_at.append(visit.last_touch)
                if kill_after is not None:
                    time.sleep(max(0.0, max(visit.first_touch + KILL_AFTER_FIRST, visit.last_touch + KILL_AFTER_LAST)
                                   - time.perf_counter()))
                    visit.killed_at = time.perf_counter()
                    kiosk.kill()
                    if (state := integrity(home)) != "ok":
                        problems.append(f"after the kill in visit {n}: integrity check says {state}")
                    kiosk.start(screen)
                else:
                    time.sleep(IDLE + 0.4)  # the kiosk resets: the visit ends
                mirror.show.navigator.reset()
                mirror.settle()
                visits.append(visit)
                if (n + 1) % 50 == 0:
                    print(f"[{time.monotonic() - began:5.0f} s] {n + 1} visits", file=sys.stderr, flush=True)
        finally:
            kiosk.stop()
            mirror.close()
            screen.close()
    problems += check(home / "state" / "analytics.sqlite", visits, rate, lambda t: day + (t - at) * rate)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(home / "state" / "analytics.sqlite", out / "analytics.sqlite")
    for name in ("report.html", "report.pdf"):
        subprocess.run([sys.executable, "-m", "kiosk", "report", str(out / "analytics.sqlite"), "-o", str(out / name)],
                       check=True)
    print(f"{len(visits)} visits ({sum(v.killed_at is not None for v in visits)} cut by SIGKILL, {paused} ended "
          f"early where the bench itself paused too long) in "
          f"{time.monotonic() - began:.0f} s; the analytics clock ran {rate:.1f}x; report in {out}")
    for problem in problems:
        print(f"FAILED: {problem}")
    print("every check passed" if not problems else f"{len(problems)} check(s) failed")
    return 1 if problems else 0


def integrity(home: Path) -> str:
    db = sqlite3.connect(home / "state" / "analytics.sqlite")
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def check(path: Path, visits: list[Visit], rate: float, clock: Callable[[float], float]) -> list[str]:
    """The database against what the visitors did; `clock` turns a real time into the analytics
    clock's."""
    db = sqlite3.connect(path)
    rows = db.execute("SELECT id, started, dwell, ended_by FROM visits ORDER BY started").fetchall()
    views = {}
    for visit_id, screen in db.execute("SELECT visit, screen FROM views ORDER BY started, rowid"):
        views.setdefault(visit_id, []).append(screen)
    db.close()
    problems = []
    # Every visit woke the attract loop, and the last loop runs on: each loop but that one drew a visit.
    waits = loops(read([path]))
    if len(waits) != len(visits) + 1 or sum(w is not None for w in waits) != len(visits):
        problems.append(f"{len(waits)} attract loops, {sum(w is not None for w in waits)} of them followed "
                        f"by a visit; made {len(visits)} visits, each after a loop")
    # Each visit in the database is the one made whose first touch is nearest its start; visits
    # are seconds apart, the clocks within milliseconds.
    touched = [clock(visit.first_touch) for visit in visits]  # in order
    found: dict[int, tuple[str, float, str | None]] = {}
    for visit_id, started, dwell, ended_by in rows:
        near = bisect.bisect(touched, started)
        n = min((n for n in (near - 1, near) if 0 <= n < len(touched)),
                key=lambda n: abs(touched[n] - started), default=-1)
        if n < 0 or abs(touched[n] - started) > 0.5 * rate or n in found:
            problems.append(f"a visit in the database not made: started at {datetime.fromtimestamp(started):%H:%M:%S}"
                            f" ({ended_by}, screens {views.get(visit_id, [])})")
        else:
            found[n] = visit_id, dwell, ended_by
    for n, visit in enumerate(visits):
        if n not in found:
            problems.append(f"visit {n} not in the database: first touch at "
                            f"{datetime.fromtimestamp(clock(visit.first_touch)):%H:%M:%S}, screens {visit.screens}")
            continue
        visit_id, dwell, ended_by = found[n]
        seen = views.get(visit_id, [])
        if visit.killed_at is None:
            if ended_by != "idle" or seen != visit.screens:
                problems.append(f"visit {n}: {ended_by}, screens {seen}; made {visit.screens}")
            elif abs(dwell - (visit.last_touch - visit.first_touch) * rate) > 0.25 * rate:
                made = (visit.last_touch - visit.first_touch) * rate
                problems.append(f"visit {n}: dwell {dwell:.1f} s, made {made:.1f}")
        else:
            # Cut off: unfinished; the screens left more than a second before the kill are there.
            left = [s for s, at, nxt in zip(visit.screens, visit.shown_at, [*visit.shown_at[1:], None])
                    if nxt is not None and nxt < visit.killed_at - 1.0]
            if ended_by is not None or seen[:len(left)] != left:
                problems.append(f"visit {n} (killed): {ended_by}, screens {seen}; left before the kill {left}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=5, help="SIGKILLs at random moments")
    parser.add_argument("--pack", type=Path, default=ROOT / "content" / "yongchuan-2022")
    parser.add_argument("--out", type=Path, default=Path("visitors-report"))
    parser.add_argument("--seed", type=int, default=7)
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
