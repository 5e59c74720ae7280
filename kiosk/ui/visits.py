"""The visitor analytics in the running show: hears the touches, moves, language switches and
idle resets, asks `kiosk.core.visits.VisitTracker` what they mean, and hands the records to the
store (`kiosk.system.analytics`), whose own thread writes them. Nothing here waits for a disk."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Slot

from ..core.idle import ATTRACT
from ..core.visits import CLOSED, IDLE, PACK, Record, VisitTracker
from ..system.analytics import AnalyticsStore, summary
from .idle import IdleController
from .input_watch import InputWatch
from .navigator import Navigator


class VisitRecorder(QObject):
    def __init__(self, store: AnalyticsStore, navigator: Navigator, idle: IdleController, input: InputWatch,
                 staff_open: Callable[[], bool], clock: Callable[[], float] = time.time,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._store, self._navigator, self._idle = store, navigator, idle
        self._staff_open, self._clock = staff_open, clock
        self._tracker = VisitTracker(navigator.pack["id"])
        input.released.connect(self._touched)
        navigator.navigated.connect(self._navigated)
        navigator.languageChosen.connect(self._language)
        navigator.paged.connect(lambda screen, page: self._note("page", f"{screen}#{page}"))
        navigator.zoomed.connect(lambda screen, picture: self._note("zoom", f"{screen}#{picture}"))
        navigator.clipWatched.connect(lambda file, share: self._note("clip", file, share))
        navigator.narrationHeard.connect(lambda file, share: self._note("listen", file, share))
        idle.resetRequested.connect(self._reset)
        idle.phaseChanged.connect(self._phase)
        self._write(self._tracker.event(clock(), "start", self._tracker.pack))

    @property
    def visit(self) -> str | None:
        return self._tracker.visit

    def today(self) -> str:
        """Today's visits on one line, for the staff menu."""
        now = self._clock()
        midnight = datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        try:
            day = summary(self._store.path, midnight, now + 1)
        except sqlite3.Error as e:
            return f"cannot read {self._store.path}: {e}"
        if not day.visits:
            return "no visits yet today"
        words = [f"{day.visits} visit{'s' if day.visits != 1 else ''} today"]
        if day.median_dwell is not None:
            words.append(f"median {duration(day.median_dwell)}")
        if day.top_screen:
            words.append(f"most viewed: {day.top_screen}")
        return " · ".join(words)

    def _write(self, records: list[Record]) -> None:
        self._store.write(records)

    @Slot()
    def _touched(self) -> None:
        if self._staff_open():  # staff at work, not a visitor
            return
        self._write(self._tracker.touch(self._clock(), self._navigator.screenId, self._navigator.language))

    @Slot(str, str)
    def _navigated(self, how: str, screen: str) -> None:
        self._write(self._tracker.shown(self._clock(), screen, how))

    def _note(self, kind: str, detail: str, value: float | None = None) -> None:
        self._write(self._tracker.event(self._clock(), kind, detail, value))

    @Slot(str)
    def _language(self, code: str) -> None:
        self._write(self._tracker.language(self._clock(), code))

    @Slot(str)
    def _reset(self, why: str) -> None:
        self._write(self._tracker.end(IDLE))

    @Slot()
    def _phase(self) -> None:
        if self._idle.phase == ATTRACT:
            self._write(self._tracker.event(self._clock(), "attract"))

    def pack_switched(self, pack_id: str) -> None:
        self._write(self._tracker.end(PACK))
        self._tracker.pack = pack_id
        self._write(self._tracker.event(self._clock(), "pack", pack_id))

    def close(self) -> None:
        self._write(self._tracker.end(CLOSED))
        self._store.close()


def duration(seconds: float) -> str:
    """"45 s", "3 min 05 s"."""
    whole = round(seconds)
    return f"{whole} s" if whole < 60 else f"{whole // 60} min {whole % 60:02d} s"
