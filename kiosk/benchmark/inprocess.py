"""The in-process bench (the figures `kiosk bench` gave first): the show driven from inside its own
process at 1920x1080, each time taken from Qt's frameSwapped signal, so it says when Qt finished a
frame, not when it reached the screen (the black box, blackbox.py, says that).

`kiosk bench` runs it in a process of its own, `python -m kiosk.benchmark.inprocess`, on the
platform it is given (the bench's X screen, or offscreen), with a throw-away KIOSK_HOME, and
reads one JSON object from it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from ..system import locations
from ..system.analytics import AnalyticsStore
from ..system.memory import rss_mb
from ..ui.firstframe import FIRST_FRAME_MARK
from . import Figure
from .rules import percentile


def cold_start(runs: int) -> tuple[float, float]:
    """Process start to first frame on screen, median of `runs` (after one warm-up run, as a
    booth PC that has shown the pack before), and the resident memory then."""
    times, memory = [], []
    env = {**os.environ, "KIOSK_HOME": tempfile.mkdtemp(prefix="kiosk-bench-")}
    for i in range(runs + 1):
        started = time.time()
        out = subprocess.run([sys.executable, "-m", "kiosk", "run", "--windowed", "--exit-after-first-frame",
                              str(locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK)],
                             capture_output=True, text=True, env=env, timeout=60)
        mark = next((line.split() for line in out.stdout.splitlines() if line.startswith(FIRST_FRAME_MARK)), None)
        if mark is None:
            raise RuntimeError(f"the kiosk did not start: {out.stderr[-2000:]}")
        if i:  # the first run only warms the disk cache
            times.append((float(mark[1]) - started) * 1000)
            memory.append(float(mark[2]))
    return statistics.median(times), statistics.median(memory)


class Session:
    """The show in this process, for the measurements that need to drive it."""

    def __init__(self):
        from PySide6.QtGui import QGuiApplication

        from ..content import load_pack
        from ..system.imagecheck import check_image
        from ..ui.app import Show
        from ..ui.graphics import pick_renderer
        self.app = QGuiApplication.instance() or QGuiApplication([])
        self.renderer_choice = pick_renderer()  # as `kiosk run` does, before the first window
        self.packs = [load_pack(locations.BUILTIN_PACKS_DIR / name, check_image).pack
                      for name in (locations.DEFAULT_PACK, "starter")]
        # Visitor analytics on, as on a booth, into a throw-away database.
        self._scratch = tempfile.TemporaryDirectory(prefix="kiosk-bench-analytics-")
        self.show = Show(self.packs[0], windowed=True, size=(1920, 1080),
                         analytics=AnalyticsStore(Path(self._scratch.name) / "analytics.sqlite"))
        self.frames: list[float] = []
        self.show.window.frameSwapped.connect(lambda: self.frames.append(time.perf_counter()))
        self.pump(500)

    def pump(self, ms: int = 0) -> None:
        from ..ui.render import pump
        pump(ms)

    def next_frame(self, after: float, timeout: float = 5.0) -> float:
        """Milliseconds from `after` to the first frame presented after it."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            later = [t for t in self.frames if t > after]
            if later:
                return (later[0] - after) * 1000
            self.pump(1)
        raise RuntimeError("no frame")

    def settle(self) -> None:
        from ..ui.render import settle
        settle(self.show)
        self.pump(50)

    def close(self) -> None:
        self.show.close()
        self._scratch.cleanup()


def tap_to_frame(session: Session, taps: int, seed: int = 7) -> list[float]:
    """Touch a tile, card, link, Back or Home (or the language button), and time until the first
    frame of what it opens is presented."""
    from PySide6.QtTest import QTest

    from ..ui.inspect import stage_of, touch_targets
    show, rng = session.show, random.Random(seed)
    device = QTest.createTouchDevice()
    times = []
    while len(times) < taps:
        targets = [t for t in touch_targets(stage_of(show.window))
                   if t.item.objectName().startswith(("tile:", "card:", "link:", "backButton",
                                                      "homeButton", "languageButton"))
                   and t.item.isEnabled() and t.rect.bottom() < show.window.height()]
        point = rng.choice(targets).rect.center().toPoint()
        before = (show.navigator.screenId, show.navigator.language)
        started = time.perf_counter()
        QTest.touchEvent(show.window, device).press(0, point, show.window).commit()
        QTest.touchEvent(show.window, device).release(0, point, show.window).commit()
        if (show.navigator.screenId, show.navigator.language) != before:
            times.append(session.next_frame(started))
        session.settle()
    return times


def analytics_cost(session: Session, events: int) -> list[float]:
    """Time on the window's thread for each visitor event the analytics record (a touch, a
    move), in microseconds: what a tap pays for being counted. The database is written by the
    store's own thread meanwhile."""
    visits, navigator = session.show.visits, session.show.navigator
    assert visits is not None
    screens, costs = navigator.screen_ids, []
    for n in range(events):
        started = time.perf_counter_ns()
        if n % 2:
            visits._touched()
        else:
            navigator.navigated.emit("open", screens[n % len(screens)])
        costs.append((time.perf_counter_ns() - started) / 1000)
        if n % 200 == 199:
            session.show.idle.resetRequested.emit("bench")  # visits end too
    return costs


def pack_switch(session: Session, runs: int) -> float:
    """A validated switch between the two packs, to the first frame of the new one."""
    times = []
    for i in range(runs):
        started = time.perf_counter()
        session.show.switch_pack(session.packs[(i + 1) % 2].root)
        times.append(session.next_frame(started))
        session.settle()
    return statistics.median(times)


def photo_first_show(session: Session) -> tuple[float, float]:
    """A gallery screen whose 6000x4000 photo was never decoded: milliseconds to the frame that
    shows it, and the longest the UI thread was unresponsive meanwhile."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QColor, QImage, QPainter

    from ..content import load_pack
    from ..system.imagecheck import check_image
    from ..ui.inspect import pictures, stage_of
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-photo-")) / "photo"
    shutil.copytree(locations.BUILTIN_PACKS_DIR / "starter", folder)
    photo = QImage(6000, 4000, QImage.Format.Format_RGB32)
    photo.fill(QColor("#3b6ea5"))
    painter = QPainter(photo)
    for i in range(0, 6000, 150):  # some detail, so decoding is real work
        painter.fillRect(i, (i * 7) % 4000, 120, 300, QColor.fromHsv(i % 360, 160, 220))
    painter.end()
    photo.save(str(folder / "images" / "photo-8k.jpg"), quality=90)
    gallery = folder / "screens" / "gallery.yaml"
    gallery.write_text(gallery.read_text(encoding="utf-8").replace("images/picture-1.svg", "images/photo-8k.jpg", 1),
                       encoding="utf-8")
    (folder / "pack.yaml").write_text((folder / "pack.yaml").read_text(encoding="utf-8")
                                      .replace("id: starter", "id: photo", 1), encoding="utf-8")
    if not load_pack(folder, check_image).ok:
        raise RuntimeError("the photo pack is not valid")
    show = session.show
    show.switch_pack(folder)
    session.settle()
    ticks: list[float] = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    show.navigator.open("gallery")
    deadline = time.perf_counter() + 10
    shown = None
    while time.perf_counter() < deadline:
        session.pump(1)
        ready = [p for p in pictures(stage_of(show.window))
                 if "photo-8k" in p.item.property("source").toString() and not p.item.property("loading")]
        if ready:
            shown = time.perf_counter()
            break
    timer.stop()
    if shown is None:
        raise RuntimeError("the photo was not shown")
    ms = session.next_frame(shown) + (shown - started) * 1000
    gaps = [(b - a) * 1000 for a, b in zip([started, *ticks], ticks)]
    session.show.switch_pack(session.packs[0].root)
    session.settle()
    return ms, max(gaps, default=0.0)


def idle_cpu(session: Session, seconds: float, attract: bool) -> float:
    """CPU used by the process while nobody touches it, in percent of one core."""
    show = session.show
    if attract:
        show.idle.goIdleNow()
    else:
        show.idle.activity()
        show.idle.set_timeouts(3600, 10)
    session.settle()
    cpu, wall = time.process_time(), time.perf_counter()
    session.pump(int(seconds * 1000))
    used = (time.process_time() - cpu) / (time.perf_counter() - wall) * 100
    show.idle.activity()
    session.settle()
    return used


def rss_growth(session: Session, navigations: int, seed: int = 3) -> float:
    """Resident memory after `navigations` navigations over all screens, minus before (after a
    first tour of every screen in every language, so caches are warm). Both read on the start
    screen, settled: the pages built ahead differ from screen to screen."""
    import gc
    nav, rng = session.show.navigator, random.Random(seed)

    def settled_rss() -> float:
        nav.home()
        session.settle()
        gc.collect()
        session.pump(100)
        return rss_mb()

    for lang in session.packs[0].languages:
        nav.setLanguage(lang)
        for screen in nav.screen_ids:
            nav.open(screen)
            session.settle()
    before = settled_rss()
    for _ in range(navigations):
        nav.open(rng.choice(nav.screen_ids)) if rng.random() < 0.7 else nav.back()
        session.pump()
        session.show.window.grabWindow()
    return settled_rss() - before


def measure(quick: bool = False) -> tuple[list[Figure], str]:
    """The figures, and what the show was drawn with."""
    cold_ms, start_rss = cold_start(runs=3 if quick else 7)
    session = Session()
    try:
        from ..ui.app import drawn_with
        session.pump(100)
        renderer = f"{drawn_with(session.show.window)}; chosen: {session.renderer_choice}"
        taps = tap_to_frame(session, 60 if quick else 240)
        navigations = 300 if quick else 10_000
        events = analytics_cost(session, 2000 if quick else 20_000)
        return [
            Figure("cold_start_ms", cold_ms, "ms", 400, "process start to first frame (median)"),
            Figure("start_rss_mb", start_rss, "MB", 150, "resident memory at the first frame"),
            Figure("tap_to_frame_p50_ms", statistics.median(taps), "ms", None,
                   "touch to first frame of the next screen, median"),
            Figure("tap_to_frame_p95_ms", percentile(taps, 95), "ms", 33, "same, 95th percentile"),
            Figure("pack_switch_ms", pack_switch(session, 4 if quick else 10), "ms", 300,
                   "validated switch between two packs, to its first frame"),
            *_photo(session),
            Figure("idle_cpu_percent", idle_cpu(session, 5 if quick else 30, attract=False), "%", 0.5,
                   "CPU on a static screen"),
            Figure("attract_cpu_percent", idle_cpu(session, 5 if quick else 30, attract=True), "%", None,
                   "CPU on the attract loop"),
            Figure("rss_growth_mb", rss_growth(session, navigations), "MB", 10,
                   f"memory growth over {navigations:,} navigations"),
            Figure("analytics_event_p99_us", percentile(events, 99), "µs", 500,
                   f"window-thread time to record a visitor event, 99th percentile of {len(events):,}"),
        ], renderer
    finally:
        session.close()


def _photo(session: Session) -> list[Figure]:
    ms, block = photo_first_show(session)
    return [Figure("photo_first_show_ms", ms, "ms", None, "screen with a 6000x4000 photo never decoded before"),
            Figure("photo_ui_block_ms", block, "ms", 33, "longest UI stall while that photo decodes")]


def main(argv: list[str] | None = None) -> int:
    """Measure in this process and print the figures as one JSON object (for `kiosk bench`)."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.benchmark.inprocess")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        tempfile.tempdir = scratch  # the throw-away homes and packs below are made there, and go with it
        figures, renderer = measure(quick=args.quick)
    print(json.dumps({"renderer": renderer, "figures": [asdict(f) for f in figures]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
