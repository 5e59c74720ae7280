"""What a visit is (kiosk.core.visits), without a window: plain records from touches, moves and
resets at times the test gives."""

from __future__ import annotations

import itertools

from kiosk.core.navigation import BACK, OPEN, START
from kiosk.core.visits import (
    CLOSED,
    IDLE,
    Event,
    ViewEnded,
    VisitEnded,
    VisitStarted,
    VisitTracker,
)


def tracker() -> VisitTracker:
    ids = (f"v{n}" for n in itertools.count(1))
    return VisitTracker("expo", new_id=lambda: next(ids))


def test_a_visit_from_first_touch_to_last_with_its_views():
    t = tracker()
    assert t.touch(100.0, "home", "zh") == [VisitStarted("v1", "expo", 100.0, "zh")]
    assert t.shown(100.5, "history", OPEN) == [ViewEnded("v1", "home", 100.0, 0.5, START)]
    assert t.touch(110.0, "history", "zh") == []
    assert t.language(111.0, "en") == [Event(111.0, "v1", "language", "en")]
    assert t.shown(120.0, "home", BACK) == [ViewEnded("v1", "history", 100.5, 19.5, OPEN)]
    t.touch(130.0, "home", "en")
    # The kiosk resets 90 s later: the visit ended at its last touch, not at the reset.
    assert t.end(IDLE) == [ViewEnded("v1", "home", 120.0, 10.0, BACK),
                           VisitEnded("v1", 130.0, 30.0, "en", "home", 3, IDLE)]
    assert t.visit is None


def test_the_next_touch_starts_a_new_visit():
    t = tracker()
    t.touch(1.0, "home", "zh")
    t.end(IDLE)
    assert t.touch(500.0, "home", "zh") == [VisitStarted("v2", "expo", 500.0, "zh")]


def test_nothing_is_recorded_between_visits_but_events():
    t = tracker()
    assert t.shown(1.0, "history", OPEN) == [] and t.language(1.0, "en") == [] and t.end(CLOSED) == []
    assert t.event(2.0, "attract") == [Event(2.0, None, "attract", "")]


def test_a_single_tap_visit_has_no_dwell_and_one_view():
    t = tracker()
    t.touch(5.0, "home", "zh")
    assert t.end(CLOSED) == [ViewEnded("v1", "home", 5.0, 0.0, START),
                             VisitEnded("v1", 5.0, 0.0, "zh", "home", 1, CLOSED)]


def test_the_same_language_or_screen_again_is_no_change():
    t = tracker()
    t.touch(1.0, "home", "zh")
    assert t.language(2.0, "zh") == [] and t.shown(2.0, "home", OPEN) == []
