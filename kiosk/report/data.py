"""The rows of one or more analytics databases, read only, within dates and for one pack."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..system.analytics import open_read_only


@dataclass(frozen=True)
class Visit:
    kiosk: str  # which database it came from (its file name, or its folder's where names repeat)
    id: str
    pack: str
    started: float
    ended: float | None  # None: the kiosk was cut off during the visit
    dwell: float | None
    language: str
    last_screen: str | None
    screens: int | None
    ended_by: str | None


@dataclass(frozen=True)
class View:
    kiosk: str
    visit: str
    screen: str
    started: float
    seconds: float
    came_by: str


@dataclass
class Data:
    kiosks: list[str] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    views: list[View] = field(default_factory=list)
    attracts: list[tuple[str, float]] = field(default_factory=list)  # (kiosk, when the loop came)
    starts: list[tuple[str, float]] = field(default_factory=list)  # (kiosk, when it was started)
    # What visitors did within screens: (kind, detail, value) of page, zoom, clip and listen events.
    actions: list[tuple[str, str, float | None]] = field(default_factory=list)
    # Days older than the database keeps in detail: (kiosk, day, pack, visits), totals only.
    daily: list[tuple[str, str, str, int]] = field(default_factory=list)


class ReportError(Exception):
    """A database that cannot be read: the message says which and why."""


def kiosk_names(paths: list[Path]) -> list[str]:
    """A short name for each database: its file name, or its folder and name where two share one."""
    names = [p.name for p in paths]
    return [f"{p.parent.name}/{p.name}" if names.count(p.name) > 1 else p.name for p in paths]


def read(paths: list[Path], since: float | None = None, until: float | None = None,
         pack: str | None = None) -> Data:
    data = Data(kiosk_names(paths))
    low, high = since if since is not None else float("-inf"), until if until is not None else float("inf")
    for name, path in zip(data.kiosks, paths):
        if not path.is_file():
            raise ReportError(f"{path}: no such file")
        try:
            db = open_read_only(path)
            try:
                visits = [Visit(name, *row) for row in db.execute(
                    "SELECT id, pack, started, ended, dwell, language, last_screen, screens, ended_by FROM visits "
                    "ORDER BY started")]
                views = [View(name, *row) for row in db.execute(
                    "SELECT visit, screen, started, seconds, came_by FROM views ORDER BY started, rowid")]
                # Each attract loop and start with the pack on screen then (from the starts and pack
                # switches, which name it), so that --pack keeps that pack's loops only.
                attracts: list[tuple[float, str | None]] = []
                starts: list[tuple[float, str | None]] = []
                showing: str | None = None
                for at, kind, detail in db.execute("SELECT at, kind, detail FROM events WHERE kind IN "
                                                   "('attract', 'start', 'pack') ORDER BY at, rowid"):
                    if kind == "attract":
                        attracts.append((at, showing))
                        continue
                    showing = detail
                    if kind == "start":
                        starts.append((at, showing))
                tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                columns = {c for (_, c, *_) in db.execute("PRAGMA table_info(events)")}
                value = "value" if "value" in columns else "NULL"  # schema 1 had none
                actions = list(db.execute(f"SELECT visit, kind, detail, {value} FROM events "
                                          "WHERE kind IN ('page', 'zoom', 'clip', 'listen')"))
                daily = [(name, *row) for row in db.execute("SELECT day, pack, visits FROM daily")] \
                    if "daily" in tables else []  # a database from before schema 3
            finally:
                db.close()
        except sqlite3.Error as e:
            raise ReportError(f"{path}: not a kiosk analytics database ({e})") from None
        kept = {v.id for v in visits if low <= v.started < high and (pack is None or v.pack == pack)}
        data.visits += [v for v in visits if v.id in kept]
        data.views += [v for v in views if v.visit in kept]
        data.attracts += [(name, at) for at, on in attracts if low <= at < high and pack in (None, on)]
        data.starts += [(name, at) for at, on in starts if low <= at < high and pack in (None, on)]
        data.actions += [(kind, detail, value) for visit, kind, detail, value in actions if visit in kept]
        first, last = _day(low), _day(high)
        data.daily += [row for row in daily if first <= row[1] < last and (pack is None or row[2] == pack)]
    return data


def _day(at: float) -> str:
    """The local day of a Unix time, as the daily totals name it; open ends stay open."""
    if at == float("-inf"):
        return ""
    if at == float("inf"):
        return "9999-12-31"
    return datetime.fromtimestamp(at).strftime("%Y-%m-%d")
