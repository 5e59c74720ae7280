"""One application-wide event filter for everything the show must notice about input.

Every touch, click, wheel turn and key press anywhere (during animations, inside flickables) is
activity for the idle policy; presses and releases tell it when a finger is down; the touch that
wakes the kiosk goes no further than that (`kiosk.core.idle.WakingTouch`); taps in the window's
corners feed the staff gesture; and in lockdown the keys and requests that would end or leave the
show are swallowed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QInputDevice, QKeyEvent, QWindow

from ..core.idle import BEGIN, DURING, END, HOVER, ONCE, WakingTouch
from ..core.staff import corner_of

_TOUCH = {QEvent.Type.TouchBegin: BEGIN, QEvent.Type.TouchUpdate: DURING,
          QEvent.Type.TouchEnd: END, QEvent.Type.TouchCancel: END}
_MOUSE = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
          QEvent.Type.MouseButtonDblClick}
_CLOSE_KEYS = {(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
               (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
               (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
               (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)}


def sequence_stage(event: QEvent) -> tuple[str, str] | None:
    """The device kind and the stage of its press-release sequence this event is, if any. A touch
    sequence runs from the first finger down to the last one up (Qt's TouchBegin to TouchEnd); a
    mouse one from the first button down to the last one up."""
    kind = event.type()
    if kind in _TOUCH:
        return "touch", _TOUCH[kind]
    if kind == QEvent.Type.Wheel:
        return "mouse", ONCE
    if kind not in _MOUSE:
        return None
    if kind == QEvent.Type.MouseButtonPress and event.buttons() == event.button():
        return "mouse", BEGIN
    if event.buttons() == Qt.MouseButton.NoButton:
        return "mouse", END if kind == QEvent.Type.MouseButtonRelease else HOVER
    return "mouse", DURING


class InputWatch(QObject):
    pressed = Signal()
    released = Signal()
    activity = Signal()
    hovered = Signal()  # the mouse moved with no button down
    cornerTapped = Signal(str)  # "" for a tap anywhere else

    def __init__(self, window: QWindow, lockdown: bool, awake: Callable[[], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.lockdown = lockdown
        self._awake = awake  # whether the screen is awake: no attract loop, no countdown
        self._waking = WakingTouch()
        self.allow_close = False  # set when staff choose to exit
        self._cursor_hidden = False
        QGuiApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QGuiApplication.instance().removeEventFilter(self)
        self._show_cursor(True)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is not self.window:
            return False  # each event passes the filter once, at the window
        device, stage = sequence_stage(event) or ("", "")
        # Decided before the idle policy hears of the event, which may wake the screen.
        swallowed = bool(device) and self._waking.swallow(device, stage, self._awake())
        if stage == BEGIN:
            self.pressed.emit()
            self._corner(event)
        elif stage == END:
            self.released.emit()
        elif stage == HOVER:
            self.hovered.emit()
        elif stage or event.type() == QEvent.Type.KeyPress:
            self.activity.emit()
        locked = self.lockdown and self._locked_down(event)
        if swallowed:
            event.accept()  # else Qt turns an unaccepted touch into mouse events
        return swallowed or locked

    def _corner(self, event) -> None:
        point = event.points()[0].position() if event.type() == QEvent.Type.TouchBegin else event.position()
        corner = corner_of(point.x(), point.y(), self.window.width(), self.window.height())
        self.cornerTapped.emit(corner or "")

    def _locked_down(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            return (Qt.Key(event.key()), mods) in _CLOSE_KEYS
        if kind == QEvent.Type.Close and not self.allow_close:
            event.ignore()
            return True
        if kind == QEvent.Type.ContextMenu:
            return True
        # The cursor shows only while a real mouse is used, so a touch-only booth never has one.
        if kind == QEvent.Type.MouseMove and event.device().type() == QInputDevice.DeviceType.Mouse:
            self._show_cursor(True)
        elif kind == QEvent.Type.TouchBegin:
            self._show_cursor(False)
        return False

    def _show_cursor(self, show: bool) -> None:
        if show == (not self._cursor_hidden):
            return
        self._cursor_hidden = not show
        if show:
            self.window.unsetCursor()
        else:
            self.window.setCursor(QCursor(Qt.CursorShape.BlankCursor))

    def hide_cursor(self) -> None:
        self._show_cursor(False)
