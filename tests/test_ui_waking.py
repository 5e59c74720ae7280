"""The touch that wakes the kiosk only wakes it: on the real window, by touch and by mouse, a tap,
a drag or several fingers on the attract loop or the countdown never reach the screen beneath.
The idle times are long and the clock is the test's own, so nothing here waits for real time."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest

from .support import YONGCHUAN_PACK
from .test_ui_visitor import go
from .visitor import MOVE_WAIT_MS, Visitor, scene_rect

TIMEOUT, COUNTDOWN = 60, 10


class Clock:
    """A clock that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def awake_show(show_pack, qtbot, mode: str = "touch", timeout: float | None = TIMEOUT,
               countdown: float | None = COUNTDOWN) -> Visitor:
    """The Yongchuan show, settled, with a clock of the test's own (`visitor.clock`); None for
    the pack's own idle times."""
    clock = Clock()
    show = show_pack(YONGCHUAN_PACK, idle_timeout=timeout, idle_countdown=countdown, clock=clock)
    visitor = Visitor(show, qtbot, mode)
    visitor.clock = clock
    visitor.settle()
    return visitor


@pytest.fixture(params=["touch", "mouse"])
def visitor(request, show_pack, qtbot) -> Visitor:
    return awake_show(show_pack, qtbot, request.param)


def wait(visitor: Visitor, seconds: float) -> None:
    """Nobody touches the kiosk for `seconds`."""
    visitor.clock.now += seconds
    visitor.show.idle.tick()


def countdown(visitor: Visitor) -> None:
    wait(visitor, TIMEOUT)
    assert visitor.show.idle.phase == "warning"
    visitor.wait_for("countdown")


def attract(visitor: Visitor) -> None:
    countdown(visitor)
    wait(visitor, COUNTDOWN)
    assert visitor.show.idle.phase == "attract"
    visitor.wait_for("attract")
    visitor.settle()


def woken(visitor: Visitor) -> None:
    """The overlay has gone and whatever a stray touch could have started has settled."""
    visitor.qtbot.waitUntil(lambda: visitor.show.idle.phase == "active" and not visitor.find_all("attract")
                            and not visitor.find_all("countdown"))
    QTest.qWait(100)
    visitor.settle()


def place(visitor: Visitor) -> tuple:
    """Where the visitor is: screen, way back, and the timeline's event if one is shown."""
    nav = visitor.show.navigator
    pagers = visitor.find_all("pager")
    return nav.screenId, nav.canGoBack, pagers[0].property("currentIndex") if pagers else None


def test_a_tap_on_the_attract_loop_only_wakes_and_the_next_tap_opens(visitor):
    attract(visitor)
    tile = scene_rect(visitor.find("tile:history")).center()
    visitor.tap(tile)
    woken(visitor)
    assert place(visitor) == ("home", False, None), "nothing opened beneath the finger"
    visitor.tap(tile)
    visitor.settle()
    assert visitor.show.navigator.screenId == "history", "the next tap works as usual"


@pytest.mark.parametrize("screen, target", [("history", "homeButton"), ("history", "backButton"),
                                            ("history", "next"), ("history", "year:2017"),
                                            ("home", "tile:history")])
def test_a_tap_during_the_countdown_only_dismisses_it(visitor, screen, target):
    if screen != "home":
        go(visitor, screen)
    before = place(visitor)
    point = scene_rect(visitor.find(target)).center()
    countdown(visitor)
    visitor.tap(point)
    woken(visitor)
    assert place(visitor) == before
    visitor.tap(point)
    visitor.settle()
    assert place(visitor) != before, "the next tap on it works"


def test_a_drag_that_begins_on_the_countdown_moves_nothing(visitor):
    go(visitor, "history")
    pager = scene_rect(visitor.find("pager"))
    y = pager.center().y()
    countdown(visitor)
    visitor.swipe(QPointF(pager.right() - 200, y), QPointF(pager.left() + 200, y))
    woken(visitor)
    assert place(visitor) == ("history", True, 0), "still on the first event"
    visitor.swipe(QPointF(pager.right() - 200, y), QPointF(pager.left() + 200, y))
    visitor.qtbot.waitUntil(lambda: visitor.find("pager").property("currentIndex") == 1)


def test_a_drag_from_the_edge_on_the_countdown_is_not_back(visitor):
    go(visitor, "history")
    y = scene_rect(visitor.find("pager")).center().y()
    countdown(visitor)
    visitor.swipe(QPointF(4, y), QPointF(visitor.window.width() * 0.6, y))
    woken(visitor)
    assert place(visitor) == ("history", True, 0)


def test_a_drag_that_begins_on_the_attract_loop_opens_nothing(visitor):
    attract(visitor)
    tile = scene_rect(visitor.find("tile:history")).center()
    visitor.swipe(tile, tile + QPointF(40, 30), hold=True)  # still on the tile when it lifts
    woken(visitor)
    assert place(visitor) == ("home", False, None)


def test_every_finger_of_a_waking_touch_is_kept_from_the_screen(show_pack, qtbot):
    visitor = awake_show(show_pack, qtbot, "touch")
    attract(visitor)
    window, device = visitor.window, visitor.device
    a, b, c = (scene_rect(visitor.find(f"tile:{t}")).center().toPoint() for t in ("history", "gallery", "sectors"))

    def touch():
        QTest.qWait(MOVE_WAIT_MS)
        return QTest.touchEvent(window, device)

    touch().press(0, a, window).commit()
    touch().stationary(0).press(1, b, window).commit()
    touch().stationary(0).release(1, b, window).commit()
    touch().stationary(0).press(2, c, window).commit()  # another finger while the first still rests
    touch().stationary(0).release(2, c, window).commit()
    touch().release(0, a, window).commit()
    woken(visitor)
    assert place(visitor) == ("home", False, None)
    visitor.tap("tile:gallery")
    visitor.settle()
    assert visitor.show.navigator.screenId == "gallery"


def test_a_mouse_only_moving_wakes_nothing_and_clicks_nothing(show_pack, qtbot):
    """A touch panel that works as a mouse moves the pointer to the finger, then presses: the
    move must not wake the screen first, or the press would land on it."""
    visitor = awake_show(show_pack, qtbot, "mouse")
    attract(visitor)
    tile = scene_rect(visitor.find("tile:history")).center().toPoint()
    QTest.mouseMove(visitor.window, tile)
    QTest.qWait(50)
    assert visitor.show.idle.phase == "attract"
    QTest.mouseClick(visitor.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, tile)
    woken(visitor)
    assert place(visitor) == ("home", False, None)


def test_a_wheel_turn_on_the_countdown_only_dismisses_it(show_pack, qtbot):
    visitor = awake_show(show_pack, qtbot, "mouse")
    go(visitor, "gallery")
    zoom = visitor.find("zoom")
    countdown(visitor)
    center = scene_rect(zoom).center()
    event = QWheelEvent(center, QPointF(visitor.window.mapToGlobal(center)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QCoreApplication.sendEvent(visitor.window, event)
    woken(visitor)
    assert zoom.property("contentWidth") == zoom.width(), "not zoomed"


def test_idle_reset_and_waking_are_logged_once_each(show_pack, qtbot, caplog):
    caplog.set_level(logging.INFO)
    visitor = awake_show(show_pack, qtbot, "touch")
    go(visitor, "history")
    visitor.tap("languageButton")
    caplog.clear()
    attract(visitor)
    wait(visitor, 125)  # the attract loop runs on
    visitor.tap(QPointF(visitor.window.width() / 2, visitor.window.height() / 2))
    woken(visitor)
    wait(visitor, 5)
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO
             and r.name.startswith("kiosk")]
    assert lines == [f"idle reset after {TIMEOUT + COUNTDOWN} s without a touch: back to the start screen, language zh",
                     "woken from the attract loop after 125 s"]
