"""One application-wide event filter for everything the show must notice about input.

Every touch, click, wheel turn and key press anywhere (during animations, inside flickables) is
activity for the idle policy; presses and releases tell it when a finger is down; taps in the
window's corners feed the staff gesture; and in lockdown the keys and requests that would end or
leave the show are swallowed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QInputDevice, QKeyEvent, QWindow

from ..staff import corner_of

_PRESS = {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress}
_RELEASE = {QEvent.Type.TouchEnd, QEvent.Type.TouchCancel, QEvent.Type.MouseButtonRelease}
_ACTIVITY = {QEvent.Type.TouchUpdate, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.KeyPress}
_CLOSE_KEYS = {(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
               (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
               (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
               (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)}


class InputWatch(QObject):
    pressed = Signal()
    released = Signal()
    activity = Signal()
    cornerTapped = Signal(str)  # "" for a tap anywhere else

    def __init__(self, window: QWindow, lockdown: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.lockdown = lockdown
        self.allow_close = False  # set when staff choose to exit
        self._cursor_hidden = False
        QGuiApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QGuiApplication.instance().removeEventFilter(self)
        self._show_cursor(True)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is not self.window:
            return False  # each event passes the filter once, at the window
        kind = event.type()
        if kind in _PRESS:
            self.pressed.emit()
            self._corner(event)
        elif kind in _RELEASE:
            self.released.emit()
        elif kind in _ACTIVITY:
            self.activity.emit()
        if self.lockdown:
            return self._locked_down(event)
        return False

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
