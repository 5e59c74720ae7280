"""The bench's eyes, finger and stopwatch, all outside the kiosk's process: a private X server,
grabbing the X screen (mss), taps sent through the XTest extension (python-xlib), and the CPU time
and memory of a process tree (psutil). No Qt here."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import BenchError

XVFB_PACKAGE = "xvfb"  # Debian's (and Ubuntu's) package that has /usr/bin/Xvfb
# A grab every 7 ms: the resolution of every time measured. Grabbing flat out (a grab takes 1–2 ms
# with MIT-SHM) would keep one of the machine's cores busy and slow the kiosk being measured.
GRAB_EVERY = 0.007


class ScreenError(BenchError):
    """No Xvfb, no X server, no XTest."""


@contextmanager
def private_xvfb(width: int = 1920, height: int = 1080) -> Iterator[str]:
    """Start Xvfb on a free display number, listening on no TCP port; yield its name (":N")."""
    if shutil.which("Xvfb") is None:
        raise ScreenError("Xvfb is missing; the bench runs the kiosk on a private X server when there "
                          f"is no display. Install the Debian package {XVFB_PACKAGE} "
                          f"(apt-get install {XVFB_PACKAGE}), or run the bench in a graphical session, "
                          "or with --offscreen for the in-process figures only")
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it once it accepts clients.
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                               "-nolisten", "tcp", "-noreset"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    try:
        if not number:
            raise ScreenError(f"Xvfb did not start (exit status {server.wait()})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


@dataclass
class Grab:
    at: float  # perf_counter() seconds when the grab was asked for: the X server copies its
    #            framebuffer as it receives the request, so this is when the picture was true
    picture: bytes  # BGRx rows, 4 bytes a pixel


class Screen:
    """Grabs of the whole X screen (the first monitor) and taps on it."""

    def __init__(self, display: str):
        import mss
        from Xlib import display as xdisplay
        from Xlib.ext import xtest  # noqa: F401  (fails here, not mid-run, without XTest)
        self.name = display
        # MIT-SHM where the server has it: a 1920x1080 grab in one or two milliseconds.
        self._mss = mss.MSS(display=display)
        self.monitor = self._mss.monitors[1]
        self.width, self.height = self.monitor["width"], self.monitor["height"]
        self._x = xdisplay.Display(display)
        if not self._x.has_extension("XTEST"):
            self.close()
            raise ScreenError(f"the X server {display} has no XTEST extension to send taps with")

    def grab(self) -> Grab:
        at = time.perf_counter()
        return Grab(at, self._mss.grab(self.monitor).raw)

    def grab_region(self, region: dict[str, int]) -> bytes:
        """A small part of the screen (left, top, width, height): fast enough to look many times
        a frame."""
        return self._mss.grab(region).raw

    def press(self, x: int, y: int) -> None:
        """Move the pointer to (x, y) and press the button (a finger touching down); the server
        has taken both when this returns."""
        from Xlib import X
        from Xlib.ext import xtest
        xtest.fake_input(self._x, X.MotionNotify, x=self.monitor["left"] + x, y=self.monitor["top"] + y)
        xtest.fake_input(self._x, X.ButtonPress, 1)
        self._x.sync()

    def release(self) -> float:
        """Release the button; return the time just before it was sent (a finger lifting)."""
        from Xlib import X
        from Xlib.ext import xtest
        sent = time.perf_counter()
        xtest.fake_input(self._x, X.ButtonRelease, 1)
        self._x.sync()
        return sent

    def close(self) -> None:
        self._mss.close()
        self._x.close()


@dataclass
class Watch:
    """What the grabs saw after a moment (a release, a spawn): the distinct pictures, each with
    the time it was first seen."""

    reference: bytes
    frames: list[Grab] = field(default_factory=list)
    grabs: int = 0
    last: bytes = b""  # the picture on the screen when watching stopped

    @property
    def changed(self) -> bool:
        return bool(self.frames)


def watch(screen: Screen, reference: bytes, *, until_change: float, quiet: float, longest: float,
          keep=None, every: float = GRAB_EVERY) -> Watch:
    """Grab the screen `every` seconds, and note each picture that differs from the one before.
    Stop when nothing changed within `until_change` seconds of the start, or nothing more changed
    for `quiet` seconds after the last change, or after `longest` seconds. `keep(picture)` makes
    what is stored of each distinct picture (default: nothing but the time); the picture itself
    is compared in full."""
    seen = Watch(reference)
    last_picture, started = reference, time.perf_counter()
    grabbed = started - every  # the first grab at once
    while True:
        pause = grabbed + every - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        grab = screen.grab()
        grabbed = grab.at
        seen.grabs += 1
        if grab.picture != last_picture:
            seen.frames.append(Grab(grab.at, keep(grab.picture) if keep else b""))
            last_picture = grab.picture
        now = time.perf_counter()
        if now - started > longest:
            break
        if not seen.frames and now - started > until_change:
            break
        if seen.frames and now - seen.frames[-1].at > quiet:
            break
    seen.last = last_picture
    return seen


@dataclass(frozen=True)
class Memory:
    """PSS (proportional set size) counts a page that n processes share as 1/n of a page in each,
    so shared libraries are counted once in all, unlike RSS; USS (unique set size) counts only
    the pages no other process has. `allocated` is the part of PSS that the processes allocated
    themselves (heap, pictures, Python's objects, the window's picture shared with X); the rest is
    pages of the files they map, and the kernel maps more of those when the page cache holds the
    whole file, as just after an install (the same kiosk: 12 MB more than once the page cache was
    emptied). None where the kernel does not say (before Linux 5.3)."""
    pss: float
    uss: float
    allocated: float | None


def _allocated_pss(pid: int) -> int | None:
    """KB: the anonymous and shared-memory PSS of process `pid`; None where the kernel does not
    give them. Raises ProcessLookupError if the process has ended."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            fields = dict(line.split()[:2] for line in f if line.startswith(("Pss_Anon:", "Pss_Shmem:")))
    except FileNotFoundError:
        if os.path.exists(f"/proc/{pid}"):
            return None  # a kernel without smaps_rollup
        raise ProcessLookupError(pid) from None
    if len(fields) < 2:
        return None
    return sum(int(kb) for kb in fields.values())


class ProcessTree:
    """A process and all its descendants, for CPU time and memory."""

    def __init__(self, pid: int):
        import psutil
        self._psutil = psutil
        self.root = psutil.Process(pid)

    def _members(self) -> list:
        try:
            return [self.root, *self.root.children(recursive=True)]
        except self._psutil.NoSuchProcess:
            return []

    def cpu_seconds(self) -> float:
        """User + system CPU time of every live process of the tree (and of the children they
        have already waited for)."""
        total = 0.0
        for p in self._members():
            try:
                t = p.cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
            except self._psutil.NoSuchProcess:
                pass
        return total

    def memory_mb(self) -> Memory:
        """PSS, USS and allocated PSS summed over the tree, in MB (Memory)."""
        pss = uss = 0
        allocated: int | None = 0
        for p in self._members():
            try:
                info = p.memory_full_info()
                own = _allocated_pss(p.pid)
            except (self._psutil.NoSuchProcess, ProcessLookupError):  # it ended meanwhile
                continue
            pss, uss = pss + info.pss, uss + info.uss
            allocated = None if own is None or allocated is None else allocated + own
        return Memory(pss / 2**20, uss / 2**20, None if allocated is None else allocated / 2**10)

    def wait_until_idle(self, step: float = 0.1, calm: float = 0.002, longest: float = 3.0) -> float:
        """Wait until the tree uses less than `calm` CPU seconds in each of two `step`s in a row
        (its work after a tap is done: pages built ahead, pictures decoded); return its CPU time
        then."""
        deadline = time.perf_counter() + longest
        before, calm_steps = self.cpu_seconds(), 0
        while calm_steps < 2 and time.perf_counter() < deadline:
            time.sleep(step)
            now = self.cpu_seconds()
            calm_steps = calm_steps + 1 if now - before < calm else 0
            before = now
        return before
