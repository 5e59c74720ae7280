"""The start picture on the screen (kiosk.system.startpicture): a plain window showing the kept
picture, fullscreen over everything, from the moment `kiosk run` has a QGuiApplication until the
show's window, mapped over it, has drawn its first frame (with the same picture on top of its
first screen: kiosk.ui.startcover).

Only QtGui here: it is on the screen before Qt Quick is imported."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEventLoop, QRect, Qt, Slot, qVersion
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QRasterWindow, QWindow

from ..system import startpicture
from ..system.startpicture import Kept, Screen, Start

log = logging.getLogger(__name__)

SHOW_WITHIN = 0.3  # seconds: a window system slower than this to show it gets no wait


class StartPicture(QRasterWindow):
    def __init__(self, kept: Kept, image: QImage, data: bytes, place: QRect):
        super().__init__()
        self.kept = kept
        self.image, self._data = image, data  # the QImage reads `data` in place: kept with it
        self.painted = False
        self.setFlags(self.flags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setGeometry(place)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.end()
        self.painted = True

    def show_now(self) -> None:
        """Show it and wait until it is drawn: the start goes on without the event loop for a
        while, and the picture is for that while."""
        self.showFullScreen()
        deadline = time.monotonic() + SHOW_WITHIN
        while not self.painted and time.monotonic() < deadline:
            QGuiApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)

    def close_when_drawn(self, window: QWindow) -> None:
        """Close once `window`, the show's (mapped over this one), has drawn its first frame."""
        window.frameSwapped.connect(self.finish, Qt.ConnectionType.SingleShotConnection)  # type: ignore[attr-defined]

    @Slot()
    def finish(self) -> None:
        """Close, and give back its memory (16 MB at 1920x1080: the pixels and the window's own
        copy, which only deleting the window frees)."""
        self.close()
        self.image, self._data = QImage(), b""
        self.deleteLater()


def screen_now() -> tuple[QRect, Screen]:
    screen = QGuiApplication.primaryScreen()
    place, ratio = screen.geometry(), screen.devicePixelRatio()
    return place, Screen(round(place.width() * ratio), round(place.height() * ratio), ratio)


def toolkit() -> str:
    return qVersion()


def show_kept(start: Start) -> StartPicture | None:
    """The kept picture on the screen, if it shows what this start will show; else None."""
    kept = startpicture.read()
    if kept is None:
        return None
    place, screen = screen_now()
    if kept.screen != screen or startpicture.key(kept.pack, start, screen) != kept.key:
        return None
    data = startpicture.pixels(kept)
    if data is None:
        return None
    image = QImage(data, screen.width, screen.height, screen.width * 4, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(screen.ratio)
    window = StartPicture(kept, image, data, place)
    window.show_now()
    return window
