"""libswscale's conversion of film frames (kiosk/ui/yuv.py) gives the picture Qt's own gives."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

from kiosk.ui import film, yuv  # film: its logging rules quiet Qt Multimedia's notes on missing libraries

from .support import TESTS

sys.path.insert(0, str(TESTS.parent / "tools"))
import make_media  # noqa: E402  (a tool, not a package)


def first_frames(path, qtbot, count=3):
    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)
    frames = []
    sink.videoFrameChanged.connect(lambda f: frames.append(f) if f.isValid() else None)
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    qtbot.waitUntil(lambda: len(frames) >= count, timeout=10_000)
    player.stop()
    return frames


def mean_difference(a: QImage, b: QImage) -> float:
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    assert a.size() == b.size()
    x, y = bytes(a.constBits()), bytes(b.constBits())
    step = 97 * 4  # a sample of the pixels, B G R of each
    diffs = [abs(x[i + c] - y[i + c]) for i in range(0, len(x) - 4, step) for c in range(3)]
    return sum(diffs) / len(diffs)


@pytest.mark.parametrize("kind", ["h264", "hd"])
def test_a_frame_converted_by_libswscale_looks_as_qt_converts_it(kind, tmp_path, qtbot):
    assert film.FilmFrame  # (imported for its logging rules)
    path = make_media.make_film(tmp_path / f"{kind}.mp4", kind)
    converter = yuv.Converter()
    frames = first_frames(path, qtbot)
    assert yuv.library() is not None, "libswscale reached once Qt Multimedia has opened a film"
    for frame in frames:
        ours = converter.picture(frame)
        assert ours is not None, f"{frame.pixelFormat()} not converted"
        assert mean_difference(ours, frame.toImage()) < 3.0, "the same colours, to rounding"
    converter.close()
