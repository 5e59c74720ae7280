"""FilmFrame, the QML item that shows a film's frames, whatever renders the show.

Qt Multimedia's VideoOutput draws through the graphics API (RHI) and shows nothing under Qt
Quick's software renderer, which the kiosk picks where OpenGL is only a software rasteriser
(kiosk.core.renderer). A FilmFrame is a painted item: it takes the frames of a MediaPlayer
(`videoOutput: frame.videoSink`) and paints the latest one, which both renderers draw. On a
2-core booth PC without a GPU a 1080p frame paints in about 7 ms. (An image node taking the
frame as a texture made of Python crashed on a pack switch: the texture had two owners.)

Registered as the QML module Kiosk.Media only when a pack has films (`register()`): loading Qt
Multimedia and FFmpeg costs a show without films nothing. kiosk/qml/Kiosk/Media/ holds the
module's description for qmllint (tools/qmltypes.py writes it from this file).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QLoggingCategory, QObject, QRectF, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtQml import qmlRegisterType
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame, QVideoSink

MODULE = "Kiosk.Media"


class FilmFrame(QQuickPaintedItem):
    """The latest frame of its `videoSink`, fitted into the item (`cover`: filling it, cropped)."""

    shownChanged = Signal()
    coverChanged = Signal()

    def __init__(self, parent: QQuickItem | None = None):
        super().__init__(parent)
        # Loaded with the first film on screen, not with the module: Qt Multimedia and FFmpeg
        # cost the start of a show 8 ms, and its first screen shows no film.
        from PySide6.QtMultimedia import QVideoFrame, QVideoSink

        self._sink = QVideoSink(self)
        self._latest = _Latest(QVideoFrame())
        self._paint_options = QVideoFrame.PaintOptions()
        self._cover = True
        # Covering its item, a frame leaves nothing of what is below to see: painted opaque,
        # the picture is copied to the screen rather than blended over it (the software renderer
        # otherwise clears and blends 8 MB a frame at 1080p).
        self.setOpaquePainting(True)
        # On the window's thread, as Qt delivers them: no frame is touched by two threads, and
        # none arrives for an item being destroyed.
        self._sink.videoFrameChanged.connect(self._arrived)
        latest = self._latest  # not self: it is gone by then
        self.destroyed.connect(lambda: latest.let_go())

    @Property(QObject, constant=True)
    def videoSink(self) -> QVideoSink:
        return self._sink

    # True while a frame is there to show: until then (and after clear()) the poster shows.
    @Property(bool, notify=shownChanged)
    def shown(self) -> bool:
        return self._latest.frame.isValid()

    def _get_cover(self) -> bool:
        return self._cover

    def _set_cover(self, cover: bool) -> None:
        if cover != self._cover:
            self._cover = cover
            self.setOpaquePainting(cover)  # fitted, it leaves bars where the box shows through
            self.coverChanged.emit()
            self.update()

    cover = Property(bool, _get_cover, _set_cover, notify=coverChanged)

    def _arrived(self, frame: QVideoFrame) -> None:
        _quiet_ffmpeg()
        was = self._latest.frame.isValid()
        self._latest.take(frame)
        if frame.isValid() != was:
            self.shownChanged.emit()
        self.update()

    def paint(self, painter: QPainter) -> None:
        frame, picture = self._latest.frame, self._latest.picture
        if not frame.isValid() or frame.width() <= 0 or frame.height() <= 0:
            return
        box = QRectF(0, 0, self.width(), self.height())
        scale = (max if self._cover else min)(box.width() / frame.width(), box.height() / frame.height())
        size = (frame.width() * scale, frame.height() * scale)
        target = QRectF((box.width() - size[0]) / 2, (box.height() - size[1]) / 2, *size)
        painter.setClipRect(box)
        if picture is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, picture)
        else:
            frame.paint(painter, target, self._paint_options)


class _Latest:
    """The frame a FilmFrame shows, in RGB too (made by libswscale: yuv.py), and the converter.

    Let go of when the item is destroyed: PySide (6.11) keeps the Python side of an item that QML
    made, and all it holds, after QML destroys it (about 10 KB each), and a 1080p frame with its
    picture is 11 MB. So a FilmFrame is made once per film player, and this is where its frames
    live."""

    def __init__(self, empty: QVideoFrame):
        from .yuv import Converter
        self.empty = empty
        self.frame = empty
        self.picture: QImage | None = None
        self.converter = Converter()

    def take(self, frame: QVideoFrame) -> None:
        """The next frame; an invalid one when the film stops: then nothing is held until the next."""
        if frame.isValid():
            self.picture = self.converter.picture(frame)
        else:
            self.picture = None
            self.converter.close()
        self.frame = frame

    def held(self) -> bool:
        """Whether it holds a frame or a picture (for tests)."""
        return self.frame.isValid() or self.picture is not None or not self.converter.empty()

    def let_go(self) -> None:
        self.converter.close()
        self.frame, self.picture = self.empty, None


_registered = False


def register() -> None:
    """Make Kiosk.Media known to QML, once per process, before a view that shows films loads."""
    global _registered
    if not _registered:
        # Before Qt Multimedia loads (with the first QML file that imports it): it looks for
        # optional libraries (PipeWire, VA-API hardware decoding) and warns of each one missing,
        # which on a booth PC without them says nothing worth a log line; it names its FFmpeg
        # version on stderr; and it warns "Could not open media ... Immediate exit requested"
        # when we stop a film while it opens (a touch during the attract loop's first instant).
        # A film that really cannot be opened is reported by the player's error, which the show
        # logs once with the film's name (AttractFilm.qml, ClipPlayer.qml).
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false\n"
                                        "qt.multimedia.ffmpeg.info=false\n"
                                        "qt.multimedia.ffmpeg.mediadataholder.warning=false")
        qmlRegisterType(FilmFrame, MODULE, 1, 0, "FilmFrame")
        _registered = True


AV_LOG_ERROR = 16  # libavutil/log.h


_quieted = False


def _quiet_ffmpeg() -> None:
    """FFmpeg prints the make-up of every film it opens to stderr (Qt leaves its log at "info"):
    a dozen lines each time a clip starts or the attract loop comes round, in the journal of a
    show that runs all day. Set it to errors in the copy Qt Multimedia has loaded (bundled with
    PySide6), once it is loaded: on its own it cannot be loaded, and Qt sets the level as it
    loads it. So the first film of a process still says it once."""
    global _quieted
    if _quieted:
        return
    _quieted = True
    import ctypes
    import os

    import PySide6

    here = Path(PySide6.__file__).parent
    found = sorted((here / "Qt" / "lib").glob("libavutil.so.*")) or sorted(here.glob("avutil-*.dll"))
    try:
        # RTLD_NOLOAD: the copy already loaded, never a second one (not on Windows: a DLL loaded
        # by name is the one already loaded).
        mode = getattr(os, "RTLD_NOLOAD", 0)
        ctypes.CDLL(str(found[0]), mode=mode).av_log_set_level(AV_LOG_ERROR)
    except (IndexError, OSError, AttributeError) as e:  # another build of Qt: its messages stay
        logging.getLogger(__name__).info("FFmpeg's own log level left as it is: %s", e)
