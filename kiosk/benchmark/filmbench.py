"""The film part of the black box: the attract loop playing a film, as a booth shows it between
visitors, timed from outside.

The bench cuts the first seconds of the pack's own attract film (so the decoder does the work a
booth's does; a made-up 1920x1080 picture where the pack has no film) and draws each frame's
number on it in a row of black and white cells (rules.code_cells): a grab of those cells tells
which frame is on the screen, and whether one was skipped. The kiosk runs a copy of the pack
whose attract loop is only that film (it loops with no gap), starting a few seconds after launch
with no countdown. Measured:

- first video frame: from the attract loop's first change on the screen to the first grab that
  shows a numbered frame (with no countdown, the film's player is made and its poster decoded
  within that time: IdleOverlay.qml does both with the countdown);
- frames dropped: numbers skipped between the frames seen, over `watch_seconds`, and the
  frames per second seen;
- CPU of the kiosk's processes over as long again, with no grabs, in percent of one core;
- memory: PSS after `loops` loops less PSS after the first few (each the median of 15 readings
  a second apart: it swings by tens of MB as frames come and go).

Needs PyAV (the bench extra) to cut and number the film; Qt only to draw the cells.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from . import BenchError, Figure
from .blackbox import Kiosk, Plan, wait_for
from .rules import code_cells, code_whites, cover, cpu_percent, frames_missed, read_code
from .screen import Screen

SECONDS = 2.0  # of film: short, so that hundreds of loops take minutes
IDLE_TIMEOUT = 5  # seconds from launch to the attract loop: the start screen has settled by then
FIRST_FRAME_WITHIN = 30.0
POLL = 0.004  # a grab of the cells every 4 ms: several per frame of a 30 fps film
FILM, POSTER = "films/bench-numbered.mp4", "images/bench-poster.png"


@dataclass
class Numbered:
    """The numbered film written into the scratch pack."""
    size: tuple[int, int]
    fps: float
    frames: int
    source: str  # what it was cut from, for the report


def film_figures(screen: Screen, display: str, plan: Plan, home: Path, scratch: Path,
                 say: Callable[[str], None]) -> tuple[list[Figure], list[str]]:
    """Run the kiosk on a copy of `plan.pack` whose attract loop is the numbered film, for
    `plan.film_loops` loops; return the figures and notes."""
    loops, watch_seconds = plan.film_loops, plan.film_seconds
    pack = scratch / "film-pack"
    if pack.exists():
        shutil.rmtree(pack)
    shutil.copytree(plan.pack, pack)
    say("  film: numbering the frames of a film")
    film = make_numbered(plan.pack, pack)
    rewrite_attract(pack)
    kiosk = Kiosk(display, replace(plan, pack=pack, idle_timeout=IDLE_TIMEOUT), home)
    cells = Cells(screen, film.size)
    empty = screen.grab().picture
    try:
        kiosk.start()
        home_cells = cells.wait_for_home(kiosk)
        say("  film: waiting for the attract loop")
        first_ms = cells.first_frame_ms(home_cells, kiosk)
        say(f"  film: first frame {first_ms:.0f} ms after the poster; watching {watch_seconds:g} s")
        looped_since = time.perf_counter()
        wall = time.perf_counter()
        numbers = cells.numbers_for(watch_seconds)
        wall = time.perf_counter() - wall
        shown, skipped = frames_missed(numbers, film.frames)
        # CPU apart, with nothing grabbing the screen: the grabs load the X server, which
        # shares the machine's cores with the kiosk.
        cpu, cpu_wall = kiosk.tree.cpu_seconds(), time.perf_counter()
        time.sleep(watch_seconds)
        cpu_used, cpu_wall = kiosk.tree.cpu_seconds() - cpu, time.perf_counter() - cpu_wall
        memory_before = steady_pss(kiosk)
        growth = None
        if loops:
            until = looped_since + loops * film.frames / film.fps
            while (left := until - time.perf_counter()) > 0:
                say(f"  film: looping, {left / 60:.1f} min to go")
                time.sleep(min(60.0, left))
                if kiosk.process is not None and kiosk.process.poll() is not None:
                    raise BenchError(f"the kiosk stopped while its film looped: {kiosk.why_not()}")
            if not cells.numbers_for(1.0):
                raise BenchError(f"the film no longer played after {loops} loops")
            growth = steady_pss(kiosk) - memory_before
    finally:
        kiosk.stop()
    if not wait_for(screen, empty):
        raise BenchError("the kiosk's window stayed on the screen after it stopped")
    figures = [
        Figure("film_first_frame_ms", first_ms, "ms", None,
               "the attract loop's poster on screen to the film's first frame"),
        Figure("film_dropped_frames", skipped, "frames", 0,
               f"frames never on screen while the film looped for {watch_seconds:g} s ({len(numbers)} grabs)"),
        Figure("film_fps", shown / wall, "fps", None,
               f"distinct frames on screen per second (the film has {film.fps:g})"),
        Figure("film_cpu_percent", cpu_percent(cpu_used, cpu_wall), "%", 60,
               f"CPU of the kiosk's processes while the film loops ({watch_seconds:g} s, not grabbed), "
               "in % of one core"),
    ]
    if growth is not None:
        figures.append(Figure("film_memory_growth_mb", growth, "MB", 5,
                              f"PSS after {loops} loops less PSS after the first few (medians of 15 s)"))
    notes = [f"film: the first {film.frames} frames of {film.source} ({film.size[0]}x{film.size[1]}, "
             f"{film.fps:g} fps, H.264), numbered, as the only slide of the attract loop"]
    return figures, notes


def steady_pss(kiosk: Kiosk, samples: int = 15, every: float = 1.0) -> float:
    """The kiosk's PSS while a film plays, as the median of `samples` readings: it swings by tens
    of MB from one moment to the next as frames are decoded and freed, so one reading says
    little about growth."""
    readings = []
    for _ in range(samples):
        readings.append(kiosk.tree.memory_mb().pss)
        time.sleep(every)
    return statistics.median(readings)


class Cells:
    """Reads the number of the frame on the screen from small grabs of its cells."""

    def __init__(self, screen: Screen, film: tuple[int, int]):
        self.screen = screen
        scale, x, y = cover((screen.width, screen.height), film)
        # The middle half of each cell, on the screen: away from its edges, where the encoder
        # blurs white into black.
        self.spots = []
        for left, top, side in code_cells(*film):
            a, b = round(x + (left + side / 4) * scale), round(y + (top + side / 4) * scale)
            self.spots.append((a, b, max(1, round(side / 2 * scale))))
        x0, y0 = min(s[0] for s in self.spots), min(s[1] for s in self.spots)
        x1 = max(s[0] + s[2] for s in self.spots)
        y1 = max(s[1] + s[2] for s in self.spots)
        self.region = {"left": screen.monitor["left"] + x0, "top": screen.monitor["top"] + y0,
                       "width": x1 - x0, "height": y1 - y0}
        self.origin = (x0, y0)

    def grab(self) -> tuple[float, bytes]:
        at = time.perf_counter()
        return at, self.screen.grab_region(self.region)

    def levels(self, picture: bytes) -> list[float]:
        """Mean brightness of each cell's middle (BGRx pixels)."""
        width, levels = self.region["width"], []
        for a, b, side in self.spots:
            a, b = a - self.origin[0], b - self.origin[1]
            total = 0
            for row in range(b, b + side):
                line = picture[(row * width + a) * 4:(row * width + a + side) * 4]
                total += 29 * sum(line[0::4]) + 150 * sum(line[1::4]) + 77 * sum(line[2::4])
            levels.append(total / 256 / (side * side))
        return levels

    def number(self, picture: bytes) -> int | None:
        return read_code(self.levels(picture))

    def wait_for_home(self, kiosk) -> bytes:
        """The cells' part of the start screen, once the kiosk shows it and is idle."""
        deadline = time.perf_counter() + FIRST_FRAME_WITHIN
        empty = self.grab()[1]
        while self.grab()[1] == empty:
            if time.perf_counter() > deadline:
                raise BenchError(f"the kiosk showed nothing within {FIRST_FRAME_WITHIN:g} s: {kiosk.why_not()}")
            time.sleep(0.02)
        kiosk.tree.wait_until_idle()
        return self.grab()[1]

    def first_frame_ms(self, home: bytes, kiosk) -> float:
        """From the first change of the start screen (the attract loop coming) to the first
        numbered frame."""
        deadline = time.perf_counter() + IDLE_TIMEOUT + FIRST_FRAME_WITHIN
        changed = None
        while time.perf_counter() < deadline:
            at, picture = self.grab()
            if changed is None and picture != home:
                changed = at
            if changed is not None and self.number(picture) is not None:
                return (at - changed) * 1000
            time.sleep(POLL)
        raise BenchError("the attract loop's film showed no numbered frame within "
                         f"{FIRST_FRAME_WITHIN:g} s: {kiosk.why_not()}")

    def numbers_for(self, seconds: float) -> list[int]:
        """The frame numbers seen over `seconds` (one per grab that could read one)."""
        numbers, until = [], time.perf_counter() + seconds
        while time.perf_counter() < until:
            number = self.number(self.grab()[1])
            if number is not None:
                numbers.append(number)
            time.sleep(POLL)
        return numbers


def make_numbered(source_pack: Path, pack: Path) -> Numbered:
    """Write the numbered film and its poster (its first frame, unnumbered) into `pack`."""
    import av
    from PySide6.QtGui import QColor, QImage, QPainter

    source = first_attract_film(source_pack)
    pictures: list[QImage] = []
    if source is not None:
        with av.open(str(source)) as film_in:
            stream = film_in.streams.video[0]
            fps = float(stream.average_rate or 30)
            for frame in film_in.decode(stream):
                rgba = frame.reformat(format="rgba")
                plane = rgba.planes[0]
                pictures.append(QImage(bytes(plane), rgba.width, rgba.height, plane.line_size,
                                       QImage.Format.Format_RGBA8888).copy())
                if len(pictures) >= round(SECONDS * fps):
                    break
        described = f"{source.relative_to(source_pack).as_posix()}"
    if source is None or not pictures:
        fps = 30.0
        for index in range(round(SECONDS * fps)):
            picture = QImage(1920, 1080, QImage.Format.Format_RGBA8888)
            picture.fill(QColor.fromHsv(index * 6 % 360, 140, 110))
            pictures.append(picture)
        described = "a made-up picture (the pack has no attract film)"
    size = (pictures[0].width(), pictures[0].height())
    (pack / POSTER).parent.mkdir(parents=True, exist_ok=True)
    if not pictures[0].save(str(pack / POSTER)):
        raise BenchError(f"cannot write {pack / POSTER}")
    (pack / FILM).parent.mkdir(parents=True, exist_ok=True)
    cells = code_cells(*size)
    with av.open(str(pack / FILM), "w") as out:
        stream = out.add_stream("libx264", rate=round(fps), options={"crf": "18", "preset": "fast"})
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], "yuv420p"
        for index, picture in enumerate(pictures):
            painter = QPainter(picture)
            first, last = cells[0], cells[-1]
            pad = first[2] // 2  # a black frame round the cells: the picture does not bleed in
            painter.fillRect(first[0] - pad, first[1] - pad, last[0] + last[2] - first[0] + 2 * pad,
                             first[2] + 2 * pad, QColor("black"))
            for (left, top, side), white in zip(cells, code_whites(index)):
                painter.fillRect(left, top, side, side, QColor("white" if white else "black"))
            painter.end()
            frame = av.VideoFrame.from_bytes(bytes(picture.constBits()), size[0], size[1], format="rgba")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return Numbered(size, fps, len(pictures), described)


def first_attract_film(pack: Path) -> Path | None:
    films = (yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8")).get("idle") or {}).get("attract_films")
    if not films:
        return None
    path = pack / films[0]["file"]
    return path if path.is_file() else None


def rewrite_attract(pack: Path) -> None:
    """The copy's attract loop: the numbered film alone (it loops), straight after the idle
    time, with no countdown."""
    path = pack / "pack.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    idle = data.setdefault("idle", {})
    idle["countdown"] = 0
    idle["attract_films"] = [{"file": FILM, "poster": POSTER}]
    idle["attract_images"] = []
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
