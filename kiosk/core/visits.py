"""What a visit is, told from what the kiosk sees, for the visitor analytics. Plain Python: the
caller gives the times (wall-clock seconds) and stores the records this hands back.

A visit starts with the first touch after the attract loop, an idle reset or the kiosk's start,
and ends when the kiosk resets for the next visitor (idle), another pack is shown, or the kiosk
stops. Its dwell time is its last touch less its first: the time the kiosk waited before it
reset is not the visitor's. While a visit lasts, each screen shown is a view, with the time it
was on screen (the last one until the last touch). Nothing identifies a person: a visit is a
random id, and only what was shown and touched is kept.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from .navigation import START

# How a visit ended.
IDLE, PACK, CLOSED = "idle", "pack", "closed"


@dataclass(frozen=True)
class VisitStarted:
    visit: str
    pack: str
    at: float
    language: str


@dataclass(frozen=True)
class ViewEnded:
    visit: str
    screen: str
    at: float  # when it came on screen
    seconds: float
    came_by: str  # OPEN, BACK, HOME or START


@dataclass(frozen=True)
class VisitEnded:
    visit: str
    at: float  # the last touch
    dwell: float  # seconds from the first touch to the last
    language: str  # the language the visitor left in
    last_screen: str
    screens: int  # views in the visit
    ended_by: str  # IDLE, PACK or CLOSED


@dataclass(frozen=True)
class Event:
    """Something that happened, in a visit (language switch) or between visits (attract loop,
    kiosk start, pack switch)."""
    at: float
    visit: str | None
    kind: str  # language, page, zoom, clip, listen (a narration); attract, start, pack
    detail: str = ""  # the language; the screen and page or picture ("gallery#3"); the clip's file
    value: float | None = None  # a clip: the share of it played (0..1)


Record = VisitStarted | ViewEnded | VisitEnded | Event


@dataclass
class _Visit:
    id: str
    first_touch: float
    last_touch: float
    language: str
    screen: str
    screen_since: float
    came_by: str = START
    views: int = 1


@dataclass
class VisitTracker:
    pack: str
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex)
    _visit: _Visit | None = None

    @property
    def visit(self) -> str | None:
        return self._visit.id if self._visit else None

    def touch(self, at: float, screen: str, language: str) -> list[Record]:
        """A finger lifted (or a click): the first one starts a visit, on the screen shown."""
        if self._visit is not None:
            self._visit.last_touch = max(self._visit.last_touch, at)
            return []
        self._visit = _Visit(self.new_id(), at, at, language, screen, at)
        return [VisitStarted(self._visit.id, self.pack, at, language)]

    def shown(self, at: float, screen: str, came_by: str) -> list[Record]:
        """Another screen is shown (`came_by` OPEN, BACK or HOME)."""
        visit = self._visit
        if visit is None or screen == visit.screen:
            return []
        ended = self._view_ended(at)
        visit.screen, visit.screen_since, visit.came_by = screen, at, came_by
        visit.views += 1
        return [ended]

    def language(self, at: float, code: str) -> list[Record]:
        visit = self._visit
        if visit is None or code == visit.language:
            return []
        visit.language = code
        return [Event(at, visit.id, "language", code)]

    def end(self, ended_by: str) -> list[Record]:
        """Nobody is there any more (IDLE), or the show changes under the visit (PACK, CLOSED)."""
        visit = self._visit
        if visit is None:
            return []
        self._visit = None
        return [self._view_ended(visit.last_touch, visit),
                VisitEnded(visit.id, visit.last_touch, visit.last_touch - visit.first_touch, visit.language,
                           visit.screen, visit.views, ended_by)]

    def event(self, at: float, kind: str, detail: str = "", value: float | None = None) -> list[Record]:
        return [Event(at, self.visit, kind, detail, value)]

    def _view_ended(self, at: float, visit: _Visit | None = None) -> ViewEnded:
        visit = visit or self._visit
        assert visit is not None
        return ViewEnded(visit.id, visit.screen, visit.screen_since, max(0.0, at - visit.screen_since),
                         visit.came_by)
