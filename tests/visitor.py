"""A visitor for tests: finds things on the real window by objectName and touches them, with real
touch events (QTest.createTouchDevice) or with the mouse, as a rehearsing editor would."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.ui.inspect import shown, walk

# A DragHandler or Flickable sees no movement if all moves arrive at once.
MOVE_WAIT_MS = 16

_touch_screen = []


def touch_screen():
    """One simulated touch screen for the whole test run. Qt Quick remembers every pointing
    device it has seen, so a device freed after a test leaves it a dangling pointer that crashes
    a later test."""
    if not _touch_screen:
        _touch_screen.append(QTest.createTouchDevice())
    return _touch_screen[0]


def items(root: QQuickItem) -> Iterator[QQuickItem]:
    return walk(root)


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


class Visitor:
    def __init__(self, show, qtbot, mode: str = "touch"):
        assert mode in ("touch", "mouse")
        self.show = show
        self.window = show.window
        self.qtbot = qtbot
        self.mode = mode
        self.device = touch_screen() if mode == "touch" else None

    # --- finding --------------------------------------------------------------------------

    @property
    def stack(self) -> QObject:
        return self.window.findChild(QObject, "stack")

    def find_all(self, name: str) -> list[QQuickItem]:
        return [it for it in items(self.window.contentItem())
                if it.objectName() == name and shown(it)]

    def find(self, *names: str) -> QQuickItem:
        for name in names:
            found = self.find_all(name)
            if found:
                return found[0]
        raise AssertionError(f"nothing visible named {names} on screen {self.show.navigator.screenId}")

    def wait_for(self, name: str) -> QQuickItem:
        """The item named `name`, once it has appeared (overlays fade in)."""
        self.qtbot.waitUntil(lambda: bool(self.find_all(name)), timeout=3000)
        return self.find(name)

    @staticmethod
    def texts_in(item: QQuickItem) -> list[str]:
        """Every text shown inside `item`."""
        return [t for it in items(item) if isinstance(t := it.property("text"), str) and t]

    def text_of(self, name: str) -> str:
        return self.find(name).property("text")

    # --- waiting --------------------------------------------------------------------------

    def settle(self) -> None:
        """Wait until no transition runs and the screens one tap away are built."""
        self.qtbot.waitUntil(lambda: not (self.stack.property("busy") or self.stack.property("preparing")),
                             timeout=3000)
        QTest.qWait(30)

    # --- gestures -------------------------------------------------------------------------

    def tap(self, target: QQuickItem | str | QPointF) -> None:
        if isinstance(target, str):
            target = self.find(target)
        point = target if isinstance(target, QPointF) else self.reveal(target)
        p = point.toPoint()
        if self.mode == "mouse":
            QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        else:
            QTest.touchEvent(self.window, self.device).press(0, p, self.window).commit()
            QTest.qWait(MOVE_WAIT_MS)
            QTest.touchEvent(self.window, self.device).release(0, p, self.window).commit()
        QTest.qWait(MOVE_WAIT_MS)

    def swipe(self, start: QPointF, end: QPointF, steps: int = 12, hold: bool = False) -> None:
        """A finger drag; with `hold`, the finger rests before lifting so nothing is flicked on."""
        points = [start + (end - start) * (i / steps) for i in range(steps + 1)]
        if hold:
            points += [end] * 8
        if self.mode == "mouse":
            left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
            QTest.mousePress(self.window, left, none, points[0].toPoint())
            for p in points[1:]:
                QTest.qWait(MOVE_WAIT_MS)
                QTest.mouseMove(self.window, p.toPoint())
            QTest.mouseRelease(self.window, left, none, points[-1].toPoint())
        else:
            QTest.touchEvent(self.window, self.device).press(0, points[0].toPoint(), self.window).commit()
            for p in points[1:]:
                QTest.qWait(MOVE_WAIT_MS)
                QTest.touchEvent(self.window, self.device).move(0, p.toPoint(), self.window).commit()
            QTest.touchEvent(self.window, self.device).release(0, points[-1].toPoint(), self.window).commit()
        QTest.qWait(MOVE_WAIT_MS)

    def pinch(self, center: QPointF, start_gap: float, end_gap: float, steps: int = 12) -> None:
        """Two fingers moving apart (zoom in) or together, around `center`; touch only."""
        assert self.device is not None, "pinching needs a touch screen"

        def fingers(gap: float) -> tuple[QPoint, QPoint]:
            return (QPointF(center.x() - gap / 2, center.y()).toPoint(),
                    QPointF(center.x() + gap / 2, center.y()).toPoint())

        a, b = fingers(start_gap)
        QTest.touchEvent(self.window, self.device).press(0, a, self.window).press(1, b, self.window).commit()
        for i in range(1, steps + 1):
            QTest.qWait(MOVE_WAIT_MS)
            a, b = fingers(start_gap + (end_gap - start_gap) * i / steps)
            QTest.touchEvent(self.window, self.device).move(0, a, self.window).move(1, b, self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, a, self.window).release(1, b, self.window).commit()
        QTest.qWait(MOVE_WAIT_MS)

    def reveal(self, item: QQuickItem) -> QPointF:
        """The centre of `item` in the window, first scrolling it into view with a drag if it is
        below the fold of a scrolling list."""
        for _ in range(20):
            rect = scene_rect(item)
            view = self.visible_area(item)
            if view.contains(rect.center()):
                return rect.center()
            # Drag the content up (or down) by at most 60% of the view, from inside the view.
            dy = max(-0.6 * view.height(), min(0.6 * view.height(), view.center().y() - rect.center().y()))
            x = view.left() + view.width() * 0.5
            start = QPointF(x, view.center().y() - dy / 2)
            self.swipe(start, QPointF(x, start.y() + dy), steps=20, hold=True)
            self.qtbot.waitUntil(lambda: not self.scrolling(item), timeout=3000)
        raise AssertionError(f"{item.objectName()} cannot be scrolled into view")

    @staticmethod
    def scrolling(item: QQuickItem) -> bool:
        """True while a list around `item` still moves (a tap would only stop it)."""
        parent = item.parentItem()
        while parent is not None:
            if parent.property("moving"):
                return True
            parent = parent.parentItem()
        return False

    def visible_area(self, item: QQuickItem) -> QRectF:
        """The part of the window through which `item` can be seen: clipped by every clipping
        ancestor (the screen area, scrolling lists)."""
        area = QRectF(0, 0, self.window.width(), self.window.height())
        parent = item.parentItem()
        while parent is not None:
            if parent.clip():
                area = area.intersected(scene_rect(parent))
            parent = parent.parentItem()
        return area
