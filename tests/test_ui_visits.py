"""Visitor analytics on the real window: scripted visits by touch and by mouse, with the test's
own clock, and the database read back exactly."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.system.analytics import AnalyticsStore

from .support import YONGCHUAN_PACK
from .test_ui_visitor import go
from .test_ui_waking import COUNTDOWN, TIMEOUT, Clock
from .visitor import Visitor, scene_rect


@pytest.fixture(params=["touch", "mouse"])
def recorded(request, show_pack, qtbot, tmp_path):
    clock = Clock()
    store = AnalyticsStore(tmp_path / "analytics.sqlite")
    show = show_pack(YONGCHUAN_PACK, idle_timeout=TIMEOUT, idle_countdown=COUNTDOWN, clock=clock,
                     wall_clock=clock, analytics=store)
    visitor = Visitor(show, qtbot, request.param)
    visitor.clock = clock
    visitor.settle()
    return visitor, tmp_path / "analytics.sqlite"


def at(visitor: Visitor, now: float, target: str) -> None:
    visitor.clock.now = now
    visitor.tap(target)
    visitor.settle()


def test_two_visits_are_recorded_exactly(recorded):
    visitor, path = recorded
    show = visitor.show
    at(visitor, 1000, "tile:history")
    at(visitor, 1012, "languageButton")
    at(visitor, 1020, "backButton")
    at(visitor, 1025, "tile:talent")
    at(visitor, 1030, "homeButton")
    # Nobody: the countdown, then the reset and the attract loop.
    visitor.clock.now = 1030 + TIMEOUT
    show.idle.tick()
    visitor.clock.now = 1030 + TIMEOUT + COUNTDOWN
    show.idle.tick()
    assert show.idle.phase == "attract"
    visitor.wait_for("attract")
    # The next visitor: the touch that wakes the kiosk starts the visit.
    at(visitor, 1200, "attract")
    visitor.qtbot.waitUntil(lambda: show.idle.phase == "active")
    at(visitor, 1203, "tile:figures")
    # The staff menu's line (the second visit goes on: no dwell yet).
    visitor.qtbot.waitUntil(lambda: show.visits.today().startswith("2 visits"), timeout=3000)
    assert show.visits.today() == "2 visits today · median 30 s · most viewed: home"
    show.close()  # the show stops in the middle of the second visit

    db = sqlite3.connect(path)
    visits = db.execute("SELECT id, pack, started, ended, dwell, language, last_screen, screens, ended_by "
                        "FROM visits ORDER BY started").fetchall()
    assert [v[1:] for v in visits] == [
        ("yongchuan-2022", 1000.0, 1030.0, 30.0, "en", "home", 5, "idle"),
        ("yongchuan-2022", 1200.0, 1203.0, 3.0, "zh", "figures", 2, "closed"),
    ]
    first, second = visits[0][0], visits[1][0]
    assert first != second and len(first) == 32
    views = db.execute("SELECT visit, screen, started, seconds, came_by FROM views ORDER BY rowid").fetchall()
    assert views == [
        (first, "home", 1000.0, 0.0, "start"),
        (first, "history", 1000.0, 20.0, "open"),
        (first, "home", 1020.0, 5.0, "back"),
        (first, "talent", 1025.0, 5.0, "open"),
        (first, "home", 1030.0, 0.0, "home"),
        (second, "home", 1200.0, 3.0, "start"),
        (second, "figures", 1203.0, 0.0, "open"),
    ]
    events = db.execute("SELECT at, visit, kind, detail FROM events ORDER BY rowid").fetchall()
    assert events == [
        (1000.0, None, "start", "yongchuan-2022"),
        (1012.0, first, "language", "en"),
        (1100.0, None, "attract", ""),
    ]


def test_pages_zooms_and_clips_are_noted(show_pack, qtbot, tmp_path):
    clock = Clock()
    store = AnalyticsStore(tmp_path / "analytics.sqlite")
    show = show_pack(YONGCHUAN_PACK, clock=clock, wall_clock=clock, analytics=store)
    visitor = Visitor(show, qtbot, "touch")
    visitor.settle()
    go(visitor, "gallery")
    pager = visitor.find("pager")
    visitor.tap("next")
    qtbot.waitUntil(lambda: pager.property("currentIndex") == 1)
    # The second picture has slid into place.
    qtbot.waitUntil(lambda: abs(pager.property("contentX") - pager.property("currentItem").x()) < 1)
    zoom = next(z for z in visitor.find_all("zoom") if visitor.visible_area(z).contains(scene_rect(z).center()))
    visitor.pinch(scene_rect(zoom).center(), 200, 600)
    qtbot.waitUntil(lambda: zoom.property("contentWidth") > 2 * zoom.width())
    visitor.tap("backButton")
    visitor.settle()
    go(visitor, "metaverse")
    go(visitor, "dawa")
    visitor.tap("bigPlay")
    qtbot.waitUntil(lambda: bool(visitor.find_all("filmFrame")) and visitor.find("filmFrame").property("shown"),
                    timeout=10_000)
    qtbot.wait(1500)
    visitor.tap("backButton")  # leaving stops the clip
    visitor.settle()
    show.close()
    db = sqlite3.connect(tmp_path / "analytics.sqlite")
    events = db.execute("SELECT kind, detail, value FROM events WHERE kind IN ('page', 'zoom', 'clip')").fetchall()
    assert events[:2] == [("page", "gallery#1", None), ("zoom", "gallery#1", None)]
    assert [e[:2] for e in events[2:]] == [("clip", "films/dawa.mp4")]
    assert 0.05 < events[2][2] < 0.5, "about 1.5 s of a 12 s clip"
