"""Keep the screen on while the show runs, where the platform lets an app ask for it.

Windows: SetThreadExecutionState. Linux desktops: the freedesktop ScreenSaver D-Bus inhibit. A
minimal kiosk session (cage, a bare X server) has neither; there screen blanking is switched off
by the session itself (see deploy/README.md), and we only log that we could not ask.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

_ES_CONTINUOUS, _ES_SYSTEM_REQUIRED, _ES_DISPLAY_REQUIRED = 0x80000000, 0x00000001, 0x00000002


class KeepAwake:
    def __init__(self) -> None:
        self._cookie: int | None = None
        self._windows = False

    def start(self) -> None:
        if sys.platform == "win32":
            import ctypes
            ctypes.windll.kernel32.SetThreadExecutionState(
                _ES_CONTINUOUS | _ES_SYSTEM_REQUIRED | _ES_DISPLAY_REQUIRED)
            self._windows = True
            return
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no session D-Bus: cannot ask to keep the screen on (switch blanking off in the session)")
            return
        saver = QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                               "org.freedesktop.ScreenSaver", bus)
        reply = saver.call("Inhibit", "kiosk", "exhibition show running") if saver.isValid() else None
        values = reply.arguments() if reply is not None else []
        if values:
            self._cookie = int(values[0])
            log.info("screen saver inhibited")
        else:
            log.info("no screen saver service to inhibit (switch blanking off in the session)")

    def stop(self) -> None:
        if self._windows:
            import ctypes
            ctypes.windll.kernel32.SetThreadExecutionState(_ES_CONTINUOUS)
            self._windows = False
        elif self._cookie is not None:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
            QDBusInterface("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                           "org.freedesktop.ScreenSaver", QDBusConnection.sessionBus()).call("UnInhibit", self._cookie)
            self._cookie = None
