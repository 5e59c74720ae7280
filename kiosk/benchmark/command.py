"""`kiosk bench` from start to end: find or start an X screen, run the black box for each
renderer asked for, then the in-process figures in a process of their own, and print both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import BenchError, Figure, missing_packages

if TYPE_CHECKING:
    from .blackbox import Result

OFFSCREEN_SCREEN = (1920, 1080)


@dataclass
class Options:
    pack: Path
    backends: list[str] = field(default_factory=lambda: ["auto"])
    quick: bool = False
    offscreen: bool = False  # no screen at all: the in-process figures only, offscreen
    in_process: bool = True  # the in-process table after the black box
    taps: int | None = None
    launches: int | None = None
    film_loops: int | None = None  # 0: no film figures
    say: Callable[[str], None] | None = None  # progress lines (default: to stderr, with the time taken)


@dataclass
class Outcome:
    where: str
    black_box: dict[str, Result] = field(default_factory=dict)  # by backend
    in_process: dict[str, InProcess] = field(default_factory=dict)  # by backend


@dataclass
class InProcess:
    renderer: str
    figures: list[Figure]


def run(options: Options) -> Outcome:
    if options.say is None:
        started = time.monotonic()
        options.say = lambda line: print(f"[{time.monotonic() - started:5.0f} s] {line}", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        return _run(options, Path(scratch))


def _run(options: Options, scratch: Path) -> Outcome:
    if options.offscreen:
        outcome = Outcome(f"offscreen, {OFFSCREEN_SCREEN[0]}x{OFFSCREEN_SCREEN[1]} (nothing on a screen; "
                          "Qt's software renderer)")
        options.say("in process, offscreen")
        outcome.in_process["offscreen"] = in_process(offscreen_env(scratch), options.quick, scratch)
        return outcome
    if not sys.platform.startswith("linux"):
        raise BenchError("the on-screen bench watches an X11 screen (Linux); here, run it with --offscreen "
                         "for the in-process figures")
    missing = missing_packages()
    if missing:
        raise BenchError(f"the on-screen bench needs {', '.join(missing)}, not installed here: "
                         "pip install 'kiosk[bench]' (in a checkout: python3 tools/dev.py setup, "
                         "which installs the locked versions); or run it with --offscreen for the "
                         "in-process figures only")
    from .screen import Screen, ScreenError, private_xvfb
    with ExitStack() as stack:
        display = os.environ.get("DISPLAY")
        try:
            if display:
                where = f"the display {display}"
            else:
                display = stack.enter_context(private_xvfb(*OFFSCREEN_SCREEN))
                where = f"a private Xvfb {display}"
            screen = Screen(display)
        except ScreenError:
            raise
        except Exception as e:  # noqa: BLE001  (mss and Xlib raise their own kinds)
            raise BenchError(f"cannot watch the X screen {display}: {e}") from None
        stack.callback(screen.close)
        outcome = Outcome(f"{where}, {screen.width}x{screen.height}")
        # The mirror that tells where to tap is laid out in this process: offscreen, at the
        # screen's size, before anything imports Qt.
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(screen_file(scratch, screen.width, screen.height))
        os.environ["QT_QUICK_BACKEND"] = "software"
        from . import blackbox
        series = []
        for backend in options.backends:
            plan = blackbox.Plan(options.pack, backend)
            plan.launches = options.launches or (2 if options.quick else 7)
            plan.taps = options.taps or (100 if options.quick else 300)
            plan.idle_seconds = 5 if options.quick else 30
            plan.film_loops = options.film_loops if options.film_loops is not None else (30 if options.quick else 500)
            plan.film_seconds = 10 if options.quick else 30
            series.append(blackbox.Series(screen, display, plan, options.say))
            stack.callback(series[-1].close)
        # Start-up and memory for every renderer before the first tap: see blackbox.Series.
        for one in series:
            options.say(f"black box, renderer {one.plan.backend}: start-up")
            one.start_figures()
        for one in series:
            options.say(f"black box, renderer {one.plan.backend}: taps")
            one.tap_figures()
            if one.plan.film_loops:
                from .filmbench import film_figures
                options.say(f"black box, renderer {one.plan.backend}: a film in the attract loop")
                figures, notes = film_figures(screen, display, one.plan, one.home, scratch, options.say)
                one.result.figures += figures
                one.result.notes += notes
            outcome.black_box[one.plan.backend] = one.result
        if options.in_process:
            for backend in options.backends:
                options.say(f"in process, renderer {backend}")
                outcome.in_process[backend] = in_process(blackbox.screen_environment(display, backend), options.quick,
                                                          scratch)
    return outcome


def screen_file(folder: Path, width: int, height: int) -> Path:
    """Qt's offscreen platform makes an 800x800 screen unless told otherwise."""
    path = folder / f"screen-{width}x{height}.json"
    path.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": width, "height": height,
                                             "logicalDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return path


def offscreen_env(scratch: Path) -> dict[str, str]:
    from .blackbox import BACKEND_VARIABLES
    env = {k: v for k, v in os.environ.items() if k not in BACKEND_VARIABLES}
    env["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(screen_file(scratch, *OFFSCREEN_SCREEN))
    return env


def in_process(env: dict[str, str], quick: bool, scratch: Path) -> InProcess:
    """The in-process figures, measured by `python -m kiosk.benchmark.inprocess` in `env`."""
    env = {**env, "KIOSK_HOME": tempfile.mkdtemp(prefix="home-", dir=scratch)}
    done = subprocess.run([sys.executable, "-m", "kiosk.benchmark.inprocess", *(["--quick"] if quick else [])],
                          env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    last = done.stdout.strip().splitlines()[-1:] if done.stdout.strip() else []
    if done.returncode != 0 or not last:
        raise BenchError(f"the in-process bench failed (exit status {done.returncode}):\n{done.stderr[-3000:]}")
    data = json.loads(last[0])
    return InProcess(data["renderer"], [Figure(**f) for f in data["figures"]])


# --- the report -------------------------------------------------------------------------------------


def as_json(outcome: Outcome, pack: str) -> dict:
    return {
        "screen": outcome.where,
        "pack": pack,
        "black_box": {backend: {"renderer": r.renderer, **{f.key: round(f.value, 2) for f in r.figures},
                                "notes": r.notes}
                      for backend, r in outcome.black_box.items()},
        "in_process": {backend: {"renderer": r.renderer, **{f.key: round(f.value, 2) for f in r.figures}}
                       for backend, r in outcome.in_process.items()},
    }


def table(columns: dict[str, list[Figure]]) -> list[str]:
    """One row per measure, one column per renderer; a value that misses its target is marked `*`."""
    keys: dict[str, Figure] = {}
    for figures in columns.values():
        for f in figures:
            keys.setdefault(f.key, f)
    width = max(12, *(len(c) + 2 for c in columns))
    lines = [f"{'measure':28}" + "".join(f"{c:>{width}}" for c in columns) + f"{'target':>9}  what"]
    for key, first in keys.items():
        cells = []
        for figures in columns.values():
            f = next((f for f in figures if f.key == key), None)
            cells.append(f"{f.value:,.1f} {f.unit}{'*' if f.misses() else ' '}" if f else "-")
        target = f"{'≥' if first.at_least else '≤'} {first.target:g}" if first.target is not None else ""
        lines.append(f"{key:28}" + "".join(f"{c:>{width}}" for c in cells) + f"{target:>9}  {first.what}")
    return lines


def report(outcome: Outcome, pack: str) -> str:
    lines = []
    if outcome.black_box:
        lines += [f"On screen, black box ({outcome.where}; pack {pack}): timed by grabbing the screen, "
                  "outside the kiosk's process"]
        lines += table({b: r.figures for b, r in outcome.black_box.items()})
        for backend, r in outcome.black_box.items():
            lines.append(f"  {backend}: renderer {r.renderer}")
            lines += [f"  {backend}: {note}" for note in r.notes]
        lines.append("")
    if outcome.in_process:
        where = outcome.where if not outcome.black_box else f"a window on {outcome.where}"
        lines += [f"In process ({where}; the default pack): timed by Qt's frameSwapped, inside the process"]
        lines += table({b: r.figures for b, r in outcome.in_process.items()})
        lines += [f"  {backend}: renderer {r.renderer}" for backend, r in outcome.in_process.items()]
    lines.append("(* misses its target)")
    return "\n".join(lines)
