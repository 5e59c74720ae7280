"""Hostile visitors: a seeded, reproducible monkey hammers the real window with random taps, long
presses, swipes, multi-finger touches, pinches and key presses, many of them in the middle of
transitions. Nothing may raise, no QML warning may appear (both fail the test through pytest-qt),
and afterwards the kiosk must still be showing a screen and still navigate.

KIOSK_MONKEY_EVENTS and KIOSK_MONKEY_SEED make longer or other runs (bench/monkey.py).
"""

from __future__ import annotations

import os
import random

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.core.staff import hash_pin
from kiosk.system.settings import Settings
from kiosk.ui.inspect import stage_of, touch_targets

from .support import YONGCHUAN_PACK
from .visitor import Visitor, touch_screen

EVENTS = int(os.environ.get("KIOSK_MONKEY_EVENTS", "20000"))
SEED = int(os.environ.get("KIOSK_MONKEY_SEED", "2026"))
KEYS = [Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_L, Qt.Key.Key_O, Qt.Key.Key_I,
        Qt.Key.Key_Question, Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_A]


class Monkey:
    def __init__(self, show, rng: random.Random):
        self.show, self.rng = show, rng
        self.window = show.window
        self.device = touch_screen()
        self.events = 0

    def point(self) -> QPoint:
        """Half the time somewhere a visitor would aim (a button, a tile), else anywhere."""
        if self.rng.random() < 0.5:
            targets = touch_targets(stage_of(self.window))
            if targets:
                rect = self.rng.choice(targets).rect
                scale = self.window.width() / stage_of(self.window).width()
                x = int((rect.x() + self.rng.random() * rect.width()) * scale)
                y = int((rect.y() + self.rng.random() * rect.height()) * scale)
                # Items of a list scrolled out of view are still "visible": keep to the window.
                return QPoint(min(max(x, 0), self.window.width() - 1), min(max(y, 0), self.window.height() - 1))
        return QPoint(self.rng.randrange(self.window.width()), self.rng.randrange(self.window.height()))

    def touch(self, *steps) -> None:
        """One touch event: steps of (kind, id, point), kind "press", "move" or "release"."""
        sequence = QTest.touchEvent(self.window, self.device)
        for kind, touch_id, point in steps:
            getattr(sequence, kind)(touch_id, point, self.window)
        sequence.commit()
        self.events += 1

    def tap(self) -> None:
        p = self.point()
        if self.rng.random() < 0.3:
            QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
            self.events += 2
        else:
            self.touch(("press", 0, p))
            self.touch(("release", 0, p))

    def long_press(self) -> None:
        p = self.point()
        self.touch(("press", 0, p))
        QTest.qWait(self.rng.choice([200, 600, 900]))  # long enough for a press-and-hold
        for _ in range(self.rng.randrange(1, 4)):
            self.touch(("move", 0, p))
        self.touch(("release", 0, p))

    def swipe(self) -> None:
        start = self.point()
        dx, dy = self.rng.uniform(-900, 900), self.rng.uniform(-600, 600)
        steps = self.rng.randrange(4, 12)
        self.touch(("press", 0, start))
        for i in range(1, steps + 1):
            if i == 2:
                QTest.qWait(8)  # time between moves, so the flick has a speed
            self.touch(("move", 0, (QPointF(start) + QPointF(dx, dy) * (i / steps)).toPoint()))
        self.touch(("release", 0, (QPointF(start) + QPointF(dx, dy)).toPoint()))

    def fingers(self) -> None:
        """Several fingers at once, moving apart or together (a pinch) or just anywhere."""
        n = self.rng.randrange(2, 5)
        points = [QPointF(self.point()) for _ in range(n)]
        center = sum(points, QPointF()) / n
        self.touch(*[("press", i, p.toPoint()) for i, p in enumerate(points)])
        factor = self.rng.choice([0.6, 1.5, 2.5])
        for step in range(1, self.rng.randrange(3, 8)):
            if step == 2:
                QTest.qWait(8)
            f = 1 + (factor - 1) * step / 6
            points = [center + (p - center) * f for p in points]
            self.touch(*[("move", i, p.toPoint()) for i, p in enumerate(points)])
        self.touch(*[("release", i, p.toPoint()) for i, p in enumerate(points)])

    def key(self) -> None:
        QTest.keyClick(self.window, self.rng.choice(KEYS))
        self.events += 2

    def run(self, events: int) -> None:
        actions = [(self.tap, 50), (self.swipe, 20), (self.long_press, 1), (self.fingers, 10), (self.key, 14)]
        population, weights = zip(*actions)
        while self.events < events:
            self.rng.choices(population, weights)[0]()
            if self.rng.random() < 0.1:  # else the next action lands mid-transition
                QTest.qWait(self.rng.choice([1, 5, 40, 120]))


def test_monkey(show_pack, qtbot):
    # Rehearsal mode (the most features), with a PIN so the staff menu stays closed, and a short
    # idle time so the countdown and the attract loop come and go during the run.
    # A small window renders each frame quickly, so the run fits in CI; the layout logic is the same.
    show = show_pack(YONGCHUAN_PACK, size=(960, 540), settings=Settings(pin=hash_pin("97315")),
                     idle_timeout=2, idle_countdown=1)
    monkey = Monkey(show, random.Random(SEED))
    monkey.run(EVENTS)
    assert monkey.events >= EVENTS

    # Still consistent: a screen of the pack is shown, and a visitor can still find their way.
    QTest.qWait(300)
    nav = show.navigator
    assert nav.screenId in nav.screen_ids
    visitor = Visitor(show, qtbot, "touch")
    show.staff.close()
    show.rehearsal.do("help") if show.rehearsal.help else None
    show.idle.activity()
    qtbot.waitUntil(lambda: show.idle.phase == "active")
    nav.home()
    visitor.settle()
    assert nav.screenId == "home"
    visitor.tap("tile:history")
    visitor.settle()
    assert nav.screenId == "history"
    assert visitor.text_of("screenTitle") in ("发展历程", "History")
