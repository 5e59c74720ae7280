"""What the report says, counted from the rows: plain Python, tested without drawing a chart.
Times are shown in the machine's local time, as the booth's staff lived them."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from .data import Data, View

PATH_STEPS = 3  # screens after the first, in the paths shown
LOOP, START, VISIT = range(3)  # what happened at a moment, when attract loops are paired with visits


@dataclass(frozen=True)
class Totals:
    visits: int
    median_dwell: float | None  # seconds, of the visits that ended
    mean_screens: float | None
    attract_loops: int
    conversion: float | None  # the share of attract loops that ended with a visitor's touch
    median_wait: float | None  # seconds a loop ran before that touch (of the loops that drew one)


def totals(data: Data, kiosk: str | None = None) -> Totals:
    visits = [v for v in data.visits if kiosk is None or v.kiosk == kiosk]
    waits = loops(data, kiosk)
    drew = [w for w in waits if w is not None]
    dwells = [v.dwell for v in visits if v.dwell is not None]
    screens = [v.screens for v in visits if v.screens is not None]
    return Totals(len(visits), statistics.median(dwells) if dwells else None,
                  statistics.fmean(screens) if screens else None, len(waits),
                  len(drew) / len(waits) if waits else None, statistics.median(drew) if drew else None)


def loops(data: Data, kiosk: str | None = None) -> list[float | None]:
    """Each attract loop shown, paired with what ended it: the seconds it ran until a visitor's
    first touch started a visit, or None when it ended another way first (the next loop, the
    kiosk started again, the end of the period). Visits after a start, with no loop before
    them, end no loop."""
    waits: list[float | None] = []
    for name in data.kiosks if kiosk is None else [kiosk]:
        marks = sorted([(at, LOOP) for k, at in data.attracts if k == name]
                       + [(at, START) for k, at in data.starts if k == name]
                       + [(v.started, VISIT) for v in data.visits if v.kiosk == name])
        loop: float | None = None
        for at, kind in marks:
            if loop is not None:
                waits.append(at - loop if kind == VISIT else None)
            loop = at if kind == LOOP else None
        if loop is not None:
            waits.append(None)
    return waits


def by_day_and_hour(data: Data) -> tuple[list[date], dict[tuple[date, int], int]]:
    """Visits that started in each hour of each day, and the days from the first to the last."""
    counts: Counter[tuple[date, int]] = Counter()
    for v in data.visits:
        moment = datetime.fromtimestamp(v.started)
        counts[(moment.date(), moment.hour)] += 1
    if not counts:
        return [], {}
    first, last = min(d for d, _ in counts), max(d for d, _ in counts)
    days = [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]
    return days, dict(counts)


def dwell_seconds(data: Data) -> list[float]:
    return [v.dwell for v in data.visits if v.dwell is not None]


def screens(data: Data) -> list[tuple[str, int, float]]:
    """Each screen with its views and the seconds it was on screen in all, most viewed first."""
    views: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)
    for v in data.views:
        views[v.screen] += 1
        seconds[v.screen] += v.seconds
    return sorted(((s, n, seconds[s]) for s, n in views.items()), key=lambda r: (-r[1], r[0]))


def paths(data: Data, top: int = 8) -> list[tuple[tuple[str, ...], int]]:
    """The most common ways through the show: each visit's screens in order, its first screen
    and up to PATH_STEPS after it."""
    by_visit: defaultdict[str, list[View]] = defaultdict(list)
    for v in data.views:
        by_visit[v.visit].append(v)
    counts: Counter[tuple[str, ...]] = Counter()
    for views in by_visit.values():
        views.sort(key=lambda v: v.started)
        counts[tuple(v.screen for v in views[:PATH_STEPS + 1])] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def funnel(data: Data) -> list[int]:
    """How many visits saw at least 1, 2, 3, ... screens (to the longest visit, at most 10)."""
    lengths: Counter[str] = Counter(v.visit for v in data.views)
    if not lengths:
        return []
    deepest = min(10, max(lengths.values()))
    return [sum(1 for n in lengths.values() if n >= step) for step in range(1, deepest + 1)]


def endings(data: Data) -> list[tuple[str, int]]:
    """Where visits ended: the screen the visitor left on."""
    counts = Counter(v.last_screen for v in data.visits if v.last_screen)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def languages(data: Data) -> list[tuple[str, int]]:
    """Visits by the language they ended in."""
    counts = Counter(v.language for v in data.visits)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def clips(data: Data, kind: str = "clip") -> list[tuple[str, int, float]]:
    """Each clip (`kind` "listen": each narration) with how often visitors played it and the
    median share of it they watched (heard)."""
    shares: defaultdict[str, list[float]] = defaultdict(list)
    for action, detail, value in data.actions:
        if action == kind:
            shares[detail].append(value or 0.0)
    return sorted(((clip, len(v), statistics.median(v)) for clip, v in shares.items()), key=lambda r: (-r[1], r[0]))


def pictures(data: Data) -> list[tuple[str, int, int]]:
    """Each screen with pages (timeline, gallery) and how often visitors turned a page and zoomed
    a picture there."""
    turned: Counter[str] = Counter()
    zoomed: Counter[str] = Counter()
    for kind, detail, _ in data.actions:
        screen = detail.partition("#")[0]
        if kind == "page":
            turned[screen] += 1
        elif kind == "zoom":
            zoomed[screen] += 1
    return sorted(((s, turned[s], zoomed[s]) for s in set(turned) | set(zoomed)), key=lambda r: (-r[1], r[0]))
