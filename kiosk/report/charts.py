"""The report's charts, drawn by matplotlib (Agg, no window) with the bundled CJK font, so Chinese
labels render on any machine. Each chart is a PNG: the HTML holds them inline and the PDF shows
them as they are (no font to embed)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from ..system import locations
from . import figures
from .data import Data

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT_FILES = ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf")
ACCENT, MUTED = "#1a8f86", "#8a97a8"
_ready = False


def pyplot() -> ModuleType:
    """matplotlib, set up once: no window, the bundled font."""
    global _ready
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager, pyplot
    if not _ready:
        for name in FONT_FILES:
            font_manager.fontManager.addfont(str(locations.ASSETS_DIR / "fonts" / name))
        matplotlib.rcParams.update({"font.family": "Noto Sans CJK SC", "font.size": 11,
                                    "axes.spines.top": False, "axes.spines.right": False,
                                    "axes.titlesize": 14, "axes.titleweight": "bold"})
        _ready = True
    return pyplot


def png_of(fig: Figure, tight: bool = True) -> bytes:
    """The figure as a PNG; `tight`: cropped to what is drawn (a chart), else the whole page."""
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=110, bbox_inches="tight" if tight else None)
    pyplot().close(fig)
    return out.getvalue()


def heat_map(data: Data, say: Callable[..., str]) -> bytes | None:
    days, counts = figures.by_day_and_hour(data)
    if not days:
        return None
    hours = [h for _, h in counts]
    first, last = min(hours), max(hours)
    grid = [[counts.get((d, h), 0) for h in range(first, last + 1)] for d in days]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(days) + 1.8))
    image = ax.imshow(grid, aspect="auto", cmap="YlGnBu")
    ax.set_xticks(range(last - first + 1), [f"{h}:00" for h in range(first, last + 1)], rotation=45)
    ax.set_yticks(range(len(days)), [_day(d) for d in days])
    for y, row in enumerate(grid):
        for x, n in enumerate(row):
            if n:
                ax.text(x, y, str(n), ha="center", va="center", fontsize=8,
                        color="white" if n > max(map(max, grid)) * 0.6 else "black")
    ax.set_title(say("visits_by_hour"))
    ax.set_xlabel(say("hour_of_day"))
    fig.colorbar(image, ax=ax, label=say("visits"))
    return png_of(fig)


def dwell(data: Data, say: Callable[..., str]) -> bytes | None:
    seconds = figures.dwell_seconds(data)
    if not seconds:
        return None
    minutes = [s / 60 for s in seconds]
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.hist(minutes, bins=min(30, max(5, len(minutes) // 20)), color=ACCENT)
    median = sorted(minutes)[len(minutes) // 2]
    ax.axvline(median, color="black", linestyle="--")
    ax.text(median, ax.get_ylim()[1] * 0.95, "  " + say("median_minutes", f"{median:.1f}"), va="top")
    ax.set_title(say("dwell_title"))
    ax.set_xlabel(say("dwell_axis"))
    ax.set_ylabel(say("visits"))
    return png_of(fig)


def bars(title: str, rows: Sequence[tuple[str, float]], axis: str) -> bytes | None:
    """Horizontal bars, the largest on top, each with its value."""
    if not rows:
        return None
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10, 0.42 * len(rows) + 1.4))
    labels, values = [r[0] for r in rows][::-1], [r[1] for r in rows][::-1]
    ax.barh(labels, values, color=ACCENT)
    for y, value in enumerate(values):
        ax.text(value, y, f" {value:g}" if isinstance(value, int) else f" {value:.1f}", va="center", fontsize=9)
    ax.set_title(title)
    ax.set_xlabel(axis)
    return png_of(fig)


def funnel(data: Data, say: Callable[..., str]) -> bytes | None:
    steps = figures.funnel(data)
    if not steps:
        return None
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.bar([str(n) for n in range(1, len(steps) + 1)], steps, color=ACCENT)
    for x, n in enumerate(steps):
        ax.text(x, n, f"{n}\n{n / steps[0]:.0%}", ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, steps[0] * 1.25)
    ax.set_title(say("funnel_title"))
    ax.set_xlabel(say("funnel_axis"))
    ax.set_ylabel(say("visits"))
    return png_of(fig)


def _day(d: date) -> str:
    return d.strftime("%Y-%m-%d %a")
