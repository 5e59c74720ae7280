"""The start picture on the screen (kiosk.system.startpicture): a plain window showing the kept
picture, fullscreen over everything, from the moment `kiosk run` has a QGuiApplication until the
show's own first frame replaces it; and a new picture taken when the kept one no longer fits.

Only QtGui here: it is on the screen before Qt Quick is imported."""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QRect, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QRasterWindow, QWindow

from ..system import startpicture
from ..system.startpicture import Kept, Screen

log = logging.getLogger(__name__)

SHOW_WITHIN = 0.3  # seconds: a window system slower than this to show it gets no wait
TAKE_AFTER_MS = 1000  # after the first frame: the first screen's pictures are decoded by then


class StartPicture(QRasterWindow):
    def __init__(self, kept: Kept, image: QImage, data: bytes, place: QRect):
        super().__init__()
        self.kept = kept
        self._image, self._data = image, data  # the QImage reads `data` in place: kept with it
        self.setFlags(self.flags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setGeometry(place)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()
        self.painted = True

    def show_now(self) -> None:
        """Show it and wait until it is drawn: the start goes on without the event loop for a
        while, and the picture is for that while."""
        self.painted = False
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
        self._image, self._data = QImage(), b""
        self.deleteLater()


def screen_now() -> tuple[QRect, Screen]:
    screen = QGuiApplication.primaryScreen()
    place, ratio = screen.geometry(), screen.devicePixelRatio()
    return place, Screen(round(place.width() * ratio), round(place.height() * ratio), ratio)


def show_kept(explicit: Path | None, renderer: str | None) -> StartPicture | None:
    """The kept picture on the screen, if it shows what this start will show; else None."""
    kept = startpicture.read()
    if kept is None:
        return None
    place, screen = screen_now()
    if kept.screen != screen or startpicture.key(kept.pack, explicit, renderer, screen) != kept.key:
        return None
    data = startpicture.pixels(kept)
    if data is None:
        return None
    image = QImage(data, screen.width, screen.height, screen.width * 4, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(screen.ratio)
    window = StartPicture(kept, image, data, place)
    window.show_now()
    return window


class TakeStartPicture(QObject):
    """Takes the show's first screen as the start picture, `TAKE_AFTER_MS` after its first frame,
    unless it is already kept or a visitor has changed the screen by then (a touch, the attract
    loop, another pack): then the next start tries again."""

    def __init__(self, show, explicit: Path | None, renderer: str | None, parent: QObject | None = None):
        super().__init__(parent)
        self._show, self._explicit, self._renderer = show, explicit, renderer
        self._pack = show.pack.root
        self.spoiled = False
        for signal in (show.input.pressed, show.input.activity, show.idle.phaseChanged):
            signal.connect(self._spoil)
        self._writing: threading.Thread | None = None
        show.window.frameSwapped.connect(self._first_frame, Qt.ConnectionType.SingleShotConnection)

    @Slot()
    def _spoil(self) -> None:
        self.spoiled = True

    @Slot()
    def _first_frame(self) -> None:
        QTimer.singleShot(TAKE_AFTER_MS, self, self.take)

    def take(self) -> None:
        show = self._show
        if self.spoiled or show.pack.root != self._pack:
            return
        _, screen = screen_now()
        kept = Kept(startpicture.key(self._pack, self._explicit, self._renderer, screen), self._pack, screen)
        if startpicture.read() == kept:
            return
        image = show.window.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
        if (image.width(), image.height()) != (screen.width, screen.height):
            log.info("start picture not taken: the window is %dx%d, the screen %dx%d", image.width(),
                     image.height(), screen.width, screen.height)
            return
        data = bytes(image.constBits())  # type: ignore[call-overload]
        # Written off the window's thread: 8 MB (33 MB at 4K) need not hold a frame.
        self._writing = threading.Thread(target=_write, args=(kept, data), name="start picture", daemon=True)
        self._writing.start()

    def wait(self) -> None:
        """Until the picture is written (tests)."""
        if self._writing is not None:
            self._writing.join()


def _write(kept: Kept, data: bytes) -> None:
    try:
        startpicture.keep(kept, data)
        log.info("start picture kept for pack %s (%dx%d)", kept.pack, kept.screen.width, kept.screen.height)
    except OSError as e:  # only a cache: the next start is as fast as without one
        log.info("start picture not kept: %s", e)


def begin(explicit: Path | None, renderer: str | None, windowed: bool) -> tuple[QGuiApplication, StartPicture | None]:
    """The application, and on a show's screen (not in rehearsal) the kept start picture if it
    shows what this start will show."""
    app = QGuiApplication(sys.argv)
    return app, None if windowed else show_kept(explicit, renderer)
