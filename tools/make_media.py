"""Make test media. Films: a few seconds of a moving bar and a frame counter drawn on every frame,
so a screenshot tells which frame was on screen, in every form the validator must judge: the films
a pack should hold (H.264, VP9) and the ones it must refuse or warn about (AV1, 10-bit, 4K, 60 fps).
Recordings for narration: a quiet tone. Encoded with PyAV (FFmpeg with x264, libvpx, x265 and
SVT-AV1 in its wheels, in the `test` extra).

    python tools/make_media.py DIR     writes every kind into DIR (the tests make their own)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# What each kind is: codec, pixel format, size, frames per second, seconds, container.
KINDS: dict[str, tuple[str, str, tuple[int, int], int, float, str]] = {
    "h264": ("libx264", "yuv420p", (320, 180), 30, 2.0, "mp4"),
    "hd": ("libx264", "yuv420p", (1920, 1080), 30, 4.0, "mp4"),  # what a booth's film is: for the bench
    "vp9": ("libvpx-vp9", "yuv420p", (320, 180), 30, 2.0, "webm"),
    "av1": ("libsvtav1", "yuv420p", (320, 180), 30, 1.0, "mp4"),
    "hevc10": ("libx265", "yuv420p10le", (320, 180), 30, 1.0, "mp4"),
    "uhd": ("libx264", "yuv420p", (3840, 2160), 30, 0.5, "mp4"),
    "fast": ("libx264", "yuv420p", (320, 180), 60, 1.0, "mp4"),
    "talk": ("libx264", "yuv420p", (320, 180), 30, 3.0, "mp4"),  # a clip in a screen, with sound
    "tall": ("libx264", "yuv420p", (180, 320), 30, 2.0, "mp4"),  # a film's version for portrait screens
}
WITH_SOUND = {"talk"}  # these get an AAC track: a quiet 440 Hz tone


def frame_picture(index: int, size: tuple[int, int], frames: int) -> bytes:
    """RGBA bytes of frame `index`: a bar that grows across the picture and the frame number."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    width, height = size
    image = QImage(width, height, QImage.Format.Format_RGBA8888)
    image.fill(QColor.fromHsv((index * 7) % 360, 120, 90))
    painter = QPainter(image)
    painter.fillRect(0, height * 3 // 4, max(1, width * (index + 1) // frames), height // 8, QColor("#ffd54f"))
    font = QFont()
    font.setPixelSize(height // 3)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(0, 0, width, height * 3 // 4), Qt.AlignmentFlag.AlignCenter, str(index))
    painter.end()
    return bytes(image.constBits())


def make_film(path: Path, kind: str) -> Path:
    """Write a film of `kind` (a key of KINDS) to `path`."""
    # SVT-AV1 (libsvtav1), run as root, turns the calling thread to real-time scheduling
    # (SCHED_FIFO 99) and leaves it so: a test process would then starve the machine, and every
    # process it starts (Syncthing in tests/test_fleet.py) would inherit it. Put back after.
    policy = os.sched_getscheduler(0) if hasattr(os, "sched_getscheduler") else None
    try:
        return _make_film(path, kind)
    finally:
        if policy is not None and os.sched_getscheduler(0) != policy:
            os.sched_setscheduler(0, policy, os.sched_param(0))


def _make_film(path: Path, kind: str) -> Path:
    import av

    codec, pixels, size, fps, seconds, _ = KINDS[kind]
    frames = max(1, round(fps * seconds))
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = size[0], size[1], pixels
        sound = out.add_stream("aac", rate=48000) if kind in WITH_SOUND else None
        for index in range(frames):
            frame = av.VideoFrame.from_bytes(frame_picture(index, size, frames), size[0], size[1], format="rgba")
            for packet in stream.encode(frame):
                out.mux(packet)
        if sound is not None:
            _tone(out, sound, seconds)
        for packet in stream.encode():
            out.mux(packet)
    return path


def make_recording(path: Path, seconds: float) -> Path:
    """Write a recording of a tone, `seconds` long, to `path`: AAC in an .m4a (MP4) file."""
    import av

    with av.open(str(path), "w", format="mp4") as out:
        _tone(out, out.add_stream("aac", rate=48000), seconds)
    return path


def _tone(out, stream, seconds: float) -> None:
    """A quiet 440 Hz tone, `seconds` long, on `stream` (mono, signed 16-bit)."""
    import math

    import av

    rate, chunk = 48000, 1024
    for start in range(0, int(rate * seconds), chunk):
        tone = (int(3000 * math.sin(2 * math.pi * 440 * (start + i) / rate)) for i in range(chunk))
        samples = b"".join(value.to_bytes(2, "little", signed=True) for value in tone)
        frame = av.AudioFrame(format="s16", layout="mono", samples=chunk)
        frame.planes[0].update(samples)
        frame.sample_rate, frame.pts = rate, start
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication(sys.argv)  # noqa: F841  (text needs the font database)
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for kind, (*_, container) in KINDS.items():
        print(make_film(folder / f"{kind}.{container}", kind))
    print(make_recording(folder / "narration.m4a", 3.0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
