"""FilmFrame, the QML item that shows a film's frames, whatever renders the show.

Qt Multimedia's VideoOutput draws through the graphics API (RHI) and shows nothing under Qt
Quick's software renderer, which the kiosk picks where OpenGL is only a software rasteriser
(kiosk.core.renderer). A FilmFrame takes the frames of a MediaPlayer (`videoOutput:
frame.videoSink`) and shows the latest one as an image node, which both renderers draw.

Registered as the QML module Kiosk.Media only when a pack has films (`register()`): loading Qt
Multimedia and FFmpeg costs a show without films nothing. kiosk/qml/Kiosk/Media/ holds the
module's description for qmllint (tools/qmltypes.py writes it from this file).
"""

from __future__ import annotations

from PySide6.QtCore import Property, QLoggingCategory, QObject, QRectF, Signal
from PySide6.QtQml import qmlRegisterType
from PySide6.QtQuick import QQuickItem, QSGImageNode, QSGTexture

# Before Qt Multimedia loads: it looks for optional libraries (PipeWire, VA-API hardware decoding)
# and warns of each one missing, which on a booth PC without them says nothing worth a log line.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")

from PySide6.QtMultimedia import QVideoFrame, QVideoSink  # noqa: E402

MODULE = "Kiosk.Media"


class FilmFrame(QQuickItem):
    """The latest frame of its `videoSink`, fitted into the item (`cover`: filling it, cropped)."""

    shownChanged = Signal()
    coverChanged = Signal()

    def __init__(self, parent: QQuickItem | None = None):
        super().__init__(parent)
        self.setFlag(QQuickItem.Flag.ItemHasContents)
        self._sink = QVideoSink(self)
        self._frame = QVideoFrame()
        self._cover = True
        self._sink.videoFrameChanged.connect(self._arrived)

    @Property(QObject, constant=True)
    def videoSink(self) -> QVideoSink:
        return self._sink

    # True while a frame is there to show: until then (and after clear()) the poster shows.
    @Property(bool, notify=shownChanged)
    def shown(self) -> bool:
        return self._frame.isValid()

    def _get_cover(self) -> bool:
        return self._cover

    def _set_cover(self, cover: bool) -> None:
        if cover != self._cover:
            self._cover = cover
            self.coverChanged.emit()
            self.update()

    cover = Property(bool, _get_cover, _set_cover, notify=coverChanged)

    def _arrived(self, frame: QVideoFrame) -> None:
        was = self._frame.isValid()
        self._frame = frame
        if frame.isValid() != was:
            self.shownChanged.emit()
        self.update()

    def updatePaintNode(self, node: QSGImageNode | None, _data: object) -> QSGImageNode | None:
        # The frame becomes the node's texture as it is (converted from YUV once, by Qt, and not
        # painted again into an image of the item's own): half the copying of a painted item.
        frame, window = self._frame, self.window()
        if not frame.isValid() or frame.width() <= 0 or frame.height() <= 0 or window is None:
            return None  # Qt deletes the node it gave
        if node is None:
            node = window.createImageNode()
            node.setOwnsTexture(True)
            node.setFiltering(QSGTexture.Filtering.Linear)
        node.setTexture(window.createTextureFromImage(frame.toImage()))
        box_w, box_h = self.width(), self.height()
        if self._cover:  # the middle of the frame, cut to the item's shape
            scale = max(box_w / frame.width(), box_h / frame.height())
            cut_w, cut_h = box_w / scale, box_h / scale
            node.setSourceRect(QRectF((frame.width() - cut_w) / 2, (frame.height() - cut_h) / 2, cut_w, cut_h))
            node.setRect(QRectF(0, 0, box_w, box_h))
        else:
            scale = min(box_w / frame.width(), box_h / frame.height())
            w, h = frame.width() * scale, frame.height() * scale
            node.setSourceRect(QRectF(0, 0, frame.width(), frame.height()))
            node.setRect(QRectF((box_w - w) / 2, (box_h - h) / 2, w, h))
        return node


_registered = False


def register() -> None:
    """Make Kiosk.Media known to QML, once per process, before a view that shows films loads."""
    global _registered
    if not _registered:
        qmlRegisterType(FilmFrame, MODULE, 1, 0, "FilmFrame")
        _registered = True
