"""The black-box bench: the kiosk as a booth runs it, `python -m kiosk run PACK`, fullscreen on a
real X screen, timed from outside by what reaches the screen.

- launch: from spawning the process to the first grabbed picture that differs from the empty
  screen, and to the moment the screen settles (stays within 1 % of its final picture); from the
  second start on that is the start picture (kiosk/system/startpicture.py), so the moment the
  show's own first frame replaced it, from which a touch works, is read from the kiosk's log;
- release: from the moment a tap's release is sent (XTest) to the first grabbed picture that
  differs from the screen as it was with the finger down; only taps that change the screen count;
- slides: the distinct pictures grabbed while a page slides in, as frames per second and the
  longest gap between two of them;
- CPU time of the kiosk's process tree per navigation (tap, slide, and the work after it: pages
  built ahead, pictures decoded), its PSS after start, and its CPU on a static screen.

Where to tap comes from a mirror of the kiosk laid out in this process (mirror.py).
"""

from __future__ import annotations

import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import BenchError, Figure
from .rules import changed_fraction, cpu_percent, percentile, sample_rows, settled_index, slide_figures
from .screen import ProcessTree, Screen, watch

# What each --backend choice puts in the kiosk's environment (these variables are taken out first,
# so the machine's own settings do not leak in). "auto" is what a booth gets by default: the
# kiosk's own choice (kiosk/renderer.py: Qt Quick's software renderer where OpenGL is only a
# software rasteriser such as Mesa's llvmpipe, the GPU otherwise). The kiosk obeys a
# QT_QUICK_BACKEND set by hand, so "rhi" forces Qt's graphics API path even on llvmpipe.
BACKENDS: dict[str, dict[str, str]] = {
    "auto": {},
    "software": {"QT_QUICK_BACKEND": "software"},
    "opengl": {"QT_QUICK_BACKEND": "rhi", "QSG_RHI_BACKEND": "opengl"},
}
BACKEND_VARIABLES = ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND")
IDLE_TIMEOUT = 3600  # seconds: the attract loop must not start in the middle of the bench

# How long to watch. A slide lasts 260 ms (PageHost.qml); a screen that shows nothing new for
# SLIDE_QUIET has finished moving.
LAUNCH_QUIET, LAUNCH_LONGEST = 1.5, 30.0
LIVE = re.compile(r": first frame on screen: .*, at (\d+\.\d+)$")  # the show's own clock, in its log
PRESS_QUIET, PRESS_LONGEST = 0.12, 0.5  # the pressed look (a 90 ms scale) has to finish first
RESPONSE_WITHIN, SLIDE_QUIET, SLIDE_LONGEST = 2.0, 0.4, 5.0
MIRROR_APART = 0.02  # how far the mirror's picture may be from the screen's (Mirror.differs)


@dataclass
class Plan:
    pack: Path
    backend: str = "auto"
    launches: int = 3  # counted; one more runs first to warm the disk cache, as a booth PC has
    taps: int = 100  # that changed the screen
    idle_seconds: float = 5.0
    seed: int = 7
    idle_timeout: float = IDLE_TIMEOUT
    film_loops: int = 0  # 0: no film figures
    film_seconds: float = 30.0  # watched for dropped frames and CPU


@dataclass
class Result:
    backend: str
    renderer: str = "?"
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_running: list[Kiosk] = []  # stopped at the end of a series, whatever happened


def stop_process(process: subprocess.Popen) -> None:
    """SIGTERM, as systemd stops a show; SIGKILL if it is still there after 10 s."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def screen_environment(display: str, backend: str) -> dict[str, str]:
    """This process's environment for a program on the X screen `display` with the renderer
    `backend`. Its modules are compiled once and kept, as pip does when it installs the wheel: a
    PYTHONDONTWRITEBYTECODE of the developer's would add their compilation to every launch."""
    dropped = ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE", *BACKEND_VARIABLES)
    return {**{k: v for k, v in os.environ.items() if k not in dropped}, "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb", **BACKENDS[backend]}


class Kiosk:
    """One run of `python -m kiosk run PACK`, fullscreen, in a throw-away KIOSK_HOME `home`. The
    launches of one series share it, so from the second one on the kiosk's caches are warm (the
    image checks, the renderer probe), as on a booth PC that has shown the pack before."""

    def __init__(self, display: str, plan: Plan, home: Path):
        self.home = home
        self.env = {**screen_environment(display, plan.backend), "KIOSK_HOME": str(self.home)}
        self.command = [sys.executable, "-m", "kiosk", "run", "--idle-timeout", f"{plan.idle_timeout:g}",
                        str(plan.pack)]
        self.output = self.home / "output.txt"
        self.process: subprocess.Popen | None = None
        self.spawned_at = 0.0

    def start(self) -> float:
        """Spawn it; return the time just before the spawn."""
        out = self.output.open("ab")
        self.spawned_at = time.time()  # the clock the show writes in its log (live_ms)
        started = time.perf_counter()
        self.process = subprocess.Popen(self.command, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        out.close()
        _running.append(self)
        self.tree = ProcessTree(self.process.pid)
        return started

    def stop(self) -> None:
        """Stop it (stop_process)."""
        if self in _running:
            _running.remove(self)
        if self.process is not None:
            stop_process(self.process)

    def why_not(self) -> str:
        """The end of what it printed, for an error message."""
        status = self.process.poll() if self.process else None
        text = self.output.read_text(encoding="utf-8", errors="replace")[-2000:] if self.output.exists() else ""
        return f"(exit status {status})\n{text}" if status is not None else text

    def live_ms(self, seconds: float = LAUNCH_LONGEST) -> float | None:
        """From its spawn to its own first frame, by its log ("first frame on screen: ..., at
        TIME"), in ms; None if it has not said so within `seconds`."""
        deadline = time.perf_counter() + seconds
        while True:
            for line in self._log_lines():
                found = LIVE.search(line)
                if found and float(found.group(1)) >= self.spawned_at:  # not a line of an earlier launch
                    return (float(found.group(1)) - self.spawned_at) * 1000
            if time.perf_counter() > deadline:
                return None
            time.sleep(0.05)

    def _log_lines(self) -> list[str]:
        return [line for log in sorted((self.home / "state" / "log").glob("kiosk.log*"))
                for line in log.read_text(encoding="utf-8", errors="replace").splitlines()]

    def renderer(self) -> str:
        """What its log says it draws with ("renderer: ..." at its first frame) and why it chose
        that ("renderer chosen: ..." at start-up)."""
        found: dict[str, str] = {}
        for line in self._log_lines():
            for mark in (": renderer: ", ": renderer chosen: "):
                if mark in line:
                    found[mark] = line.split(mark, 1)[1]
        drawn = found.get(": renderer: ", "? (no renderer line in its log)")
        chosen = found.get(": renderer chosen: ")
        return f"{drawn}; chosen: {chosen}" if chosen else drawn


@dataclass
class Launch:
    kiosk: Kiosk
    first_ms: float  # spawn to the first picture on the screen
    settled_ms: float  # spawn to the picture from which the screen stays within 1 % of its final one


def launch(screen: Screen, empty: bytes, display: str, plan: Plan, home: Path) -> Launch:
    """Start the kiosk on an empty screen and watch it come up."""
    kiosk = Kiosk(display, plan, home)
    started = kiosk.start()
    # Every distinct picture is kept (every 4th row: 2 MB each) to find when it settled.
    seen = watch(screen, empty, until_change=LAUNCH_LONGEST, quiet=LAUNCH_QUIET, longest=LAUNCH_LONGEST,
                 keep=lambda picture: sample_rows(picture, screen.width))
    if not seen.changed:
        kiosk.stop()
        raise BenchError(f"the kiosk showed nothing within {LAUNCH_LONGEST:g} s: {kiosk.why_not()}")
    final = seen.frames[-1].picture
    settled = seen.frames[settled_index([changed_fraction(f.picture, final) for f in seen.frames])]
    return Launch(kiosk, (seen.frames[0].at - started) * 1000, (settled.at - started) * 1000)


def bare_launch_ms(screen: Screen, empty: bytes, display: str, plan: Plan, home: Path) -> float:
    """Spawn to the first picture on the screen of bare.py, started as the kiosk is (-P: its own
    folder, which holds this bench's modules, is not put on the import path)."""
    output = home / "bare-output.txt"
    with output.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-P", str(Path(__file__).with_name("bare.py"))],
                                   env=screen_environment(display, plan.backend), stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        seen = watch(screen, empty, until_change=LAUNCH_LONGEST, quiet=0.0, longest=LAUNCH_LONGEST)
    finally:
        stop_process(process)
    said = output.read_text(encoding="utf-8", errors="replace")[-2000:]
    if not seen.changed:
        raise BenchError(f"a bare PySide6 window (bare.py) showed nothing within {LAUNCH_LONGEST:g} s "
                         f"(exit status {process.returncode})\n{said}")
    if not wait_for(screen, empty):
        raise BenchError("a bare PySide6 window (bare.py) stayed on the screen after it stopped")
    return (seen.frames[0].at - started) * 1000


def wait_for(screen: Screen, picture: bytes, seconds: float = 10.0) -> bool:
    """Wait until the screen shows `picture` again (the empty screen after a kiosk stopped)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if screen.grab().picture == picture:
            return True
        time.sleep(0.02)
    return False


@dataclass
class Taps:
    response_ms: list[float] = field(default_factory=list)  # release -> first changed picture
    slide_fps: list[float] = field(default_factory=list)
    slide_gap_ms: list[float] = field(default_factory=list)
    navigation_cpu_ms: list[float] = field(default_factory=list)
    sent: int = 0
    unchanged: int = 0  # taps that changed nothing on the screen (not counted)
    lost: int = 0  # times the mirror and the screen parted, and the kiosk was started again
    mirror_apart: float = 0.0  # the farthest the mirror's picture was from the screen's


def tap_series(screen: Screen, empty: bytes, display: str, plan: Plan, kiosk: Kiosk,
               say: Callable[[str], None]) -> tuple[Taps, Kiosk]:
    """Tap tiles, cards, links, Back, Home and the language button at random (seeded) until
    `plan.taps` taps have changed the screen. Returns the figures and the kiosk (it may have been
    started again)."""
    from .mirror import Mirror
    mirror = Mirror(plan.pack)
    rng, taps = random.Random(plan.seed), Taps()
    try:
        while len(taps.response_ms) < plan.taps:
            if taps.sent > plan.taps * 4 + 20:
                raise BenchError(f"only {len(taps.response_ms)} of {taps.sent} taps changed the screen")
            targets = mirror.targets()
            if not targets:
                raise BenchError(f"nothing to tap on screen '{mirror.state[0]}'")
            target = rng.choice(targets)
            before_state = mirror.state
            before = screen.grab().picture
            cpu_before = kiosk.tree.cpu_seconds()
            screen.press(target.x, target.y)
            held = watch(screen, before, until_change=PRESS_QUIET, quiet=PRESS_QUIET, longest=PRESS_LONGEST)
            released = screen.release()
            seen = watch(screen, held.last, until_change=RESPONSE_WITHIN, quiet=SLIDE_QUIET, longest=SLIDE_LONGEST)
            cpu_after = kiosk.tree.wait_until_idle()
            taps.sent += 1
            mirror.tap(target)
            now = screen.grab().picture
            moved = mirror.state[0] != before_state[0]
            expected = mirror.state != before_state
            apart = mirror.differs(now, screen.width, screen.height)
            taps.mirror_apart = max(taps.mirror_apart, apart)
            if expected != (now != before) or apart > MIRROR_APART:
                # The kiosk did not do what its mirror did: start both again from the start screen.
                taps.lost += 1
                say(f"    the screen and the mirror parted after tapping {target.name} on "
                    f"'{before_state[0]}' ({apart:.1%} apart); starting the kiosk again")
                if taps.lost > 3:
                    raise BenchError("the bench lost track of the kiosk's screen more than 3 times")
                kiosk.stop()
                if not wait_for(screen, empty):
                    raise BenchError("the kiosk's window stayed on the screen after it stopped")
                kiosk = launch(screen, empty, display, plan, kiosk.home).kiosk
                kiosk.tree.wait_until_idle()
                mirror.show.navigator.reset()
                mirror.settle()
                continue
            if now == before or not seen.changed:
                taps.unchanged += 1
                continue
            taps.response_ms.append((seen.frames[0].at - released) * 1000)
            if moved:  # a navigation: the page slides
                slide = slide_figures([f.at * 1000 for f in seen.frames])
                if slide is not None:
                    taps.slide_fps.append(slide[0])
                    taps.slide_gap_ms.append(slide[1])
                taps.navigation_cpu_ms.append((cpu_after - cpu_before) * 1000)
            if len(taps.response_ms) % 25 == 0:
                say(f"    {len(taps.response_ms)} taps")
    finally:
        mirror.close()
    return taps, kiosk


class Series:
    """The black-box figures for one renderer, in two parts: start-up (launches, memory, idle CPU,
    run first for every renderer) and taps. Memory first because PSS shares each page of a
    library out among all the processes that map it: once this process has laid out its mirror,
    it maps the same Qt libraries, and the kiosk's PSS would drop by the part charged to us."""

    def __init__(self, screen: Screen, display: str, plan: Plan, say: Callable[[str], None]):
        self.screen, self.display, self.plan, self.say = screen, display, plan, say
        self.result = Result(plan.backend)
        self._home = tempfile.TemporaryDirectory(prefix="kiosk-bench-home-")
        self.home = Path(self._home.name)  # shared by its launches: warm caches, as on a booth
        self.empty = screen.grab().picture
        if len(set(self.empty[:: 4 * 97])) > 4:
            self.result.notes.append("the screen was not empty before the kiosk started (a desktop?): "
                                     "launch times are to the first change of it")

    def close(self) -> None:
        for kiosk in list(_running):
            kiosk.stop()
        self._home.cleanup()

    def start_figures(self) -> None:
        plan, say, result = self.plan, self.say, self.result
        firsts, settleds, lives, memory = [], [], [], []
        bare: list[float] | None = []  # None once a bare window failed
        silent = 0
        kiosk = None
        for run in range(plan.launches + 1):
            say(f"  launch {run}/{plan.launches}" + (" (warm-up, not counted)" if run == 0 else
                                                     ", after one of a bare PySide6 window"))
            if kiosk is not None:
                self._stop(kiosk)
            # Next to each launch: a VM's speed drifts by tens of percent within a minute.
            if run and bare is not None:
                try:
                    bare.append(bare_launch_ms(self.screen, self.empty, self.display, plan, self.home))
                except BenchError as e:  # a figure to compare with: the kiosk's own stand without it
                    result.notes.append(f"no launch_bare_ms: {e}")
                    bare = None
            started = launch(self.screen, self.empty, self.display, plan, self.home)
            kiosk = started.kiosk
            kiosk.tree.wait_until_idle()
            if run:
                firsts.append(started.first_ms)
                settleds.append(started.settled_ms)
                live = kiosk.live_ms()
                if live is None:
                    silent += 1
                else:
                    lives.append(live)
                memory.append(kiosk.tree.memory_mb())
        result.renderer = kiosk.renderer()
        say(f"  renderer: {result.renderer}")
        say(f"  idle for {plan.idle_seconds:g} s")
        idle, changes = idle_cpu(self.screen, kiosk, plan.idle_seconds)
        if changes:
            result.notes.append(f"the screen changed {changes} time(s) while nobody touched it")
        self._stop(kiosk)
        # Not where the kernel does not say (Memory.allocated).
        allocated = [Figure("start_pss_allocated_mb", statistics.median(m.allocated for m in memory), "MB", None,
                            "of that PSS, what it allocated: the rest, files mapped, varies with the page cache")
                     ] if all(m.allocated is not None for m in memory) else []
        live = [Figure("launch_live_ms", statistics.median(lives), "ms", None,
                       "spawn to the show's own first frame, by its log: touch works")] if lives else []
        if silent:
            result.notes.append(f"{silent} launch(es) logged no 'first frame on screen': not in launch_live_ms")
        result.figures += [
            Figure("launch_first_frame_ms", statistics.median(firsts), "ms", 300,
                   "spawn to the first picture on screen (median)"),
            Figure("launch_settled_ms", statistics.median(settleds), "ms", 450,
                   "spawn to the screen within 1 % of its final picture"),
            *live,
            *([Figure("launch_bare_ms", statistics.median(bare), "ms", None,
                      "the same for a bare PySide6 window (bare.py): what this machine makes any PySide6 start cost")]
              if bare else []),
            Figure("start_pss_mb", statistics.median(m.pss for m in memory), "MB", 150,
                   "PSS of the kiosk's processes after start (shared pages shared out)"),
            Figure("start_uss_mb", statistics.median(m.uss for m in memory), "MB", None,
                   "USS of the same: its own pages only, freed when it stops"),
            *allocated,
            Figure("idle_cpu_percent", idle, "%", 0.2,
                   f"CPU on a static screen (the start screen, {plan.idle_seconds:g} s)"),
        ]

    def tap_figures(self) -> None:
        plan, say, result = self.plan, self.say, self.result
        say("  launch (not counted)")
        kiosk = launch(self.screen, self.empty, self.display, plan, self.home).kiosk
        kiosk.tree.wait_until_idle()
        say(f"  {plan.taps} taps")
        taps, kiosk = tap_series(self.screen, self.empty, self.display, plan, kiosk, say)
        self._stop(kiosk)
        if taps.lost:
            result.notes.append(f"the bench lost track of the kiosk's screen {taps.lost} time(s) and started it again")
        result.notes.append(f"{taps.sent} taps sent, {len(taps.response_ms)} changed the screen, "
                            f"{len(taps.navigation_cpu_ms)} of them navigations; the mirror that says where to "
                            f"tap was at most {taps.mirror_apart:.2%} apart from the screen (Mirror.differs)")
        f = result.figures
        f += [
            Figure("release_to_change_p50_ms", percentile(taps.response_ms, 50), "ms", 35,
                   f"tap release to the first changed picture, median of {len(taps.response_ms)}"),
            Figure("release_to_change_p95_ms", percentile(taps.response_ms, 95), "ms", 50, "same, 95th percentile"),
        ]
        if taps.slide_fps:
            f += [Figure("slide_fps", statistics.median(taps.slide_fps), "fps", 50,
                         f"distinct pictures per second while a page slides, median of {len(taps.slide_fps)}",
                         at_least=True),
                  Figure("slide_fps_p5", percentile(taps.slide_fps, 5), "fps", None, "same, the slowest 5 %"),
                  Figure("slide_longest_gap_ms", max(taps.slide_gap_ms), "ms", 50,
                         "longest time between two pictures in any slide"),
                  Figure("slide_gap_p95_ms", percentile(taps.slide_gap_ms, 95), "ms", None,
                         "95th percentile of each slide's longest gap")]
        if taps.navigation_cpu_ms:
            # The mean: CPU times come in ticks of 10 ms, which would make a median coarse.
            f.append(Figure("navigation_cpu_ms", statistics.fmean(taps.navigation_cpu_ms), "ms", 300,
                            "CPU time of the kiosk's processes per navigation (tap, slide, work after), mean"))

    def _stop(self, kiosk: Kiosk) -> None:
        kiosk.stop()
        if not wait_for(self.screen, self.empty):
            raise BenchError("the kiosk's window stayed on the screen after it stopped")


def idle_cpu(screen: Screen, kiosk: Kiosk, seconds: float) -> tuple[float, int]:
    """CPU of the kiosk's processes while nobody touches it, in percent of one core, and how many
    times the screen changed meanwhile (looked at twice a second, so the looking costs little)."""
    kiosk.tree.wait_until_idle()
    picture, changes = screen.grab().picture, 0
    cpu, wall = kiosk.tree.cpu_seconds(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        time.sleep(min(0.5, max(0.0, seconds - (time.perf_counter() - wall))))
        now = screen.grab().picture
        changes += now != picture
        picture = now
    return cpu_percent(kiosk.tree.cpu_seconds() - cpu, time.perf_counter() - wall), changes
