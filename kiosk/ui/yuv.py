"""A film's frames to pictures with FFmpeg's libswscale, the copy bundled with Qt Multimedia.

Where there is no GPU, Qt converts each YUV frame to RGB with its own plain loops, on the thread
that draws the window: half of one core for a 1080p film at 30 frames a second on a 2-core booth
PC (py-spy: QVideoFrame::toImage, 50 % of the kiosk's samples). libswscale does the same with
SIMD code, several times faster. Loaded with ctypes from PySide6's own folder (no second FFmpeg); where it cannot be
found, or a frame is in a format it is not given here, FilmFrame falls back to Qt's conversion.
"""

from __future__ import annotations

import ctypes
import logging
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QtVideo, QVideoFrame, QVideoFrameFormat

log = logging.getLogger(__name__)

# libavutil/pixfmt.h (stable since FFmpeg 1.0)
_SOURCE = {QVideoFrameFormat.PixelFormat.Format_YUV420P: 0,  # AV_PIX_FMT_YUV420P
           QVideoFrameFormat.PixelFormat.Format_NV12: 23}  # AV_PIX_FMT_NV12
AV_PIX_FMT_BGRA = 28  # QImage.Format_RGB32's bytes in memory on a little-endian machine
SWS_BILINEAR = 2
SWS_CS_ITU709, SWS_CS_ITU601 = 1, 5  # libswscale/swscale.h


def _library() -> ctypes.CDLL | None:
    """The copy of libswscale Qt Multimedia has loaded: only once a film has been opened does it
    load (with FFmpeg's own dependencies, such as OpenSSL, which a libswscale loaded alone
    would lack)."""
    import os

    import PySide6
    here = Path(PySide6.__file__).parent
    found = sorted((here / "Qt" / "lib").glob("libswscale.so.*")) or sorted(here.glob("swscale-*.dll"))
    if not found:
        return None
    try:
        # RTLD_NOLOAD: the copy already loaded, never a second one (on Windows a DLL loaded by
        # name is the one already loaded).
        lib = ctypes.CDLL(str(found[0]), mode=getattr(os, "RTLD_NOLOAD", 0))
    except OSError as e:
        log.info("libswscale not reached (%s): films are converted by Qt", e)
        return None
    lib.sws_getCachedContext.restype = ctypes.c_void_p
    lib.sws_getCachedContext.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
                                         ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_void_p,
                                         ctypes.c_void_p, ctypes.c_void_p]
    lib.sws_getCoefficients.restype = ctypes.POINTER(ctypes.c_int)
    lib.sws_getCoefficients.argtypes = [ctypes.c_int]
    lib.sws_setColorspaceDetails.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int,
                                             ctypes.POINTER(ctypes.c_int), ctypes.c_int, ctypes.c_int,
                                             ctypes.c_int, ctypes.c_int]
    lib.sws_scale.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_int),
                              ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p),
                              ctypes.POINTER(ctypes.c_int)]
    lib.sws_freeContext.argtypes = [ctypes.c_void_p]
    return lib


_LIB: ctypes.CDLL | None = None
_looked = False


def library() -> ctypes.CDLL | None:
    """libswscale, looked for at the first frame (when Qt Multimedia has loaded FFmpeg)."""
    global _LIB, _looked
    if not _looked:
        _looked = True
        _LIB = _library()
    return _LIB


def _address(buffer: memoryview) -> int:
    return ctypes.addressof(ctypes.c_char.from_buffer(buffer))


class Converter:
    """Converts the frames of one film, one at a time."""

    def __init__(self) -> None:
        self._context: int | None = None
        # One picture, written over for each frame: a new 8 MB image a frame would be mapped,
        # faulted in and unmapped 30 times a second. Safe because frames arrive, and the
        # picture is painted, on the window's thread only (FilmFrame).
        self._image = QImage()

    def close(self) -> None:
        """Let go of the scaler and the picture (8 MB at 1080p); the next frame makes them again."""
        lib = library()
        if self._context and lib is not None:
            lib.sws_freeContext(self._context)
        self._context = None
        self._image = QImage()

    def empty(self) -> bool:
        """Holding neither a scaler nor a picture."""
        return self._context is None and self._image.isNull()

    def picture(self, frame: QVideoFrame) -> QImage | None:
        """The frame as an RGB picture of its own size, valid until the next frame; None where
        Qt must convert it."""
        source = _SOURCE.get(frame.pixelFormat())
        # A film turned or mirrored (a phone's, by its metadata) is drawn by Qt, which turns it.
        upright = frame.rotation() == QtVideo.Rotation.None_ and not frame.mirrored()
        lib = library()
        if lib is None or source is None or not upright or not frame.map(QVideoFrame.MapMode.ReadOnly):
            return None
        try:
            width, height = frame.width(), frame.height()
            self._context = lib.sws_getCachedContext(self._context, width, height, source, width, height,
                                                      AV_PIX_FMT_BGRA, SWS_BILINEAR, None, None, None)
            if not self._context:
                return None
            fmt = frame.surfaceFormat()
            full = fmt.colorRange() == QVideoFrameFormat.ColorRange.ColorRange_Full
            matrix = SWS_CS_ITU601 if fmt.colorSpace() == QVideoFrameFormat.ColorSpace.ColorSpace_BT601 \
                else SWS_CS_ITU709  # HD films are BT.709, and say so or not
            coefficients = lib.sws_getCoefficients(matrix)
            lib.sws_setColorspaceDetails(self._context, coefficients, int(full), coefficients, 1, 0, 1 << 16, 1 << 16)
            planes = frame.planeCount()
            sources = (ctypes.c_void_p * 4)(*[_address(frame.bits(i)) for i in range(planes)])
            strides = (ctypes.c_int * 4)(*[frame.bytesPerLine(i) for i in range(planes)])
            if self._image.width() != width or self._image.height() != height:
                self._image = QImage(width, height, QImage.Format.Format_RGB32)
            image = self._image
            target = (ctypes.c_void_p * 4)(_address(image.bits()))
            target_strides = (ctypes.c_int * 4)(image.bytesPerLine())
            lib.sws_scale(self._context, sources, strides, 0, height, target, target_strides)
            return image
        finally:
            frame.unmap()
