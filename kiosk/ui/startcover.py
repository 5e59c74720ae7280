"""The start picture in the show's window: over its first screen until that screen's pictures are
decoded (Main.qml), so that the window's first frame looks exactly like the start picture it
replaces and the screen is never seen without its pictures; and a new start picture taken when the
kept one no longer fits (kiosk.system.startpicture)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Property, QObject, QSize, Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

from ..system import startpicture
from ..system.startpicture import Kept, Start
from .inspect import loading, pictures_loading, stage_of
from .render import busy
from .startpicture import StartPicture, screen_now
from .view import ShowView

log = logging.getLogger(__name__)

COVER_LONGEST_MS = 5000  # a first screen whose pictures take longer is shown as they come
TAKE_AFTER_MS = 1000  # after the first frame, then every CALM_MS until the screen is still
CALM_MS = 250  # longer than a picture's fade-in (Picture.qml): two calm looks this far apart, and it is still
CALM_LOOKS = 20  # then the next start tries again


class _Provider(QQuickImageProvider):
    def __init__(self, image: QImage):
        super().__init__(QQuickImageProvider.ImageType.Image)
        self.image = image

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        return self.image


class StartCover(QObject):
    """Ui.cover: `shown` until the first screen's pictures are decoded, anything that changes the
    screen (one of `changes`: a touch, the attract loop, another screen or pack), or
    COVER_LONGEST_MS; then its pixels are given back."""

    shownChanged = Signal()

    def __init__(self, picture: StartPicture, view: ShowView, changes: list[SignalInstance],
                 parent: QObject | None = None):
        super().__init__(parent)
        assert view.engine is not None and view.window is not None, "a view that is open"
        self._window = view.window
        self._provider = _Provider(picture.image)
        view.engine.addImageProvider("start", self._provider)
        self._shown = True
        view.engine.singletonInstance("Kiosk", "Ui").setProperty("cover", self)
        self._window.frameSwapped.connect(self._frame)
        for signal in changes:
            signal.connect(self.lift)
        self._frames = 0
        picture.close_when_drawn(self._window)
        QTimer.singleShot(COVER_LONGEST_MS, self, self.lift)

    @Property(bool, notify=shownChanged)
    def shown(self) -> bool:
        return self._shown

    @Slot()
    def _frame(self) -> None:
        self._frames += 1
        stage = stage_of(self._window)
        if not loading(stage) and not pictures_loading(stage):
            self.lift()

    @Slot()
    def lift(self) -> None:
        if not self._shown:
            return
        self._shown = False
        self.shownChanged.emit()
        self._window.frameSwapped.disconnect(self._frame)
        self._provider.image = QImage()
        log.info("start picture lifted after %d frame(s) of the show", self._frames)


class TakeStartPicture(QObject):
    """Takes the show's first screen as the start picture once it is still (its pictures
    decoded and faded in, the pages one tap away built), from `TAKE_AFTER_MS` after its first
    frame; unless it is already kept or the screen changes first (a touch, the attract loop,
    another pack: one of `changes`): then the next start tries again."""

    def __init__(self, view: ShowView, start: Start, changes: list[SignalInstance], shown: Kept | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        assert view.window is not None, "a view that is open"
        self._view, self._start = view, start
        self._pack = view.pack.root
        # What the loaded files make of the key: a picture is of them, not of files that came
        # later (a new version synced in, a staff pack's stick put in while the show started).
        # The start picture `shown` of this pack was checked against it already: not made twice.
        if shown is not None and shown.pack.resolve() == self._pack.resolve():
            self._key: str | None = shown.key
        else:
            self._key = self._key_now()
        self.spoiled = False
        for signal in changes:
            signal.connect(self._spoil)
        self._calm = self._looks = 0
        self._writing: threading.Thread | None = None
        view.window.frameSwapped.connect(self._first_frame, Qt.ConnectionType.SingleShotConnection)

    @Slot()
    def _spoil(self) -> None:
        self.spoiled = True

    @Slot()
    def _first_frame(self) -> None:
        QTimer.singleShot(TAKE_AFTER_MS, self, self._look)

    def _look(self) -> None:
        if self.spoiled or self._view.pack.root != self._pack:
            return
        self._calm = 0 if busy(self._view) else self._calm + 1
        self._looks += 1
        if self._calm >= 2:
            self.take()
        elif self._looks < CALM_LOOKS:
            QTimer.singleShot(CALM_MS, self, self._look)

    def take(self) -> None:
        key = self._key_now()
        if key is None or key != self._key:  # files changed since they were loaded: the next start
            return
        screen = screen_now()[1]
        kept = Kept(key, self._pack, screen)
        if startpicture.read() == kept and startpicture.whole(kept):
            return
        assert self._view.window is not None
        image = self._view.window.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
        if (image.width(), image.height()) != (screen.width, screen.height):
            log.info("start picture not taken: the window is %dx%d, the screen %dx%d", image.width(),
                     image.height(), screen.width, screen.height)
            return
        data = bytes(image.constBits())  # type: ignore[call-overload]
        # Written off the window's thread: 8 MB (33 MB at 4K) need not hold a frame.
        self._writing = threading.Thread(target=_write, args=(kept, data), name="start picture", daemon=True)
        self._writing.start()

    def _key_now(self) -> str | None:
        """The key of the shown pack now; None for a pack the show does not start on (shown after
        staff chose another) or if it cannot be read."""
        try:
            return startpicture.key(self._pack, self._start, screen_now()[1])
        except Exception:  # only a cache: whatever is wrong with it, the show goes on without
            log.exception("start picture not taken")
            return None

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
