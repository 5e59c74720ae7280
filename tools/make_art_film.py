"""Make the yongchuan-2022 pack's films from its own artwork (no stock footage): pictures each
drifting slowly (a "Ken Burns" pan and zoom) and cross-fading into the next, then back into the
first, so the film loops without a seam. By default the attract film, of its three hero pictures;
the Dawa screen's clip is

    python tools/make_art_film.py --out films/dawa.mp4 --size 1280x720 --seconds 12 \
        --pictures images/digital-human.svg images/gallery-digital-human.svg images/gallery-stage.svg

    python tools/make_art_film.py [--out FILE] [--size 1920x1080] [--seconds 15] [--pictures SVG...]

The attract film's portrait version (`portrait:` in pack.yaml) is the same film made for a
portrait screen: the landscape film whole, across the middle, over a dimmed, enlarged copy of
itself that fills the screen above and below (the pictures are landscape; cut to a portrait
screen's shape, two thirds of each would be lost):

    python tools/make_art_film.py --out films/attract-portrait.mp4 --size 1080x1920 \
        --poster images/attract-portrait.jpg

`--poster FILE` also writes the film's first picture, for `poster:` (`portrait_poster:`), so that
what shows before the film starts is what it starts with.

Paths are inside the pack folder.

H.264 (x264, through PyAV from the `test` extra), 8-bit 4:2:0, 30 frames a second, a key frame
every second, one reference frame and no B-frames, MP4 with its index at the front: what every
booth PC decodes in software, holding little memory. A film's poster is its first picture, which
is also its first and last frame.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACK = REPO / "content" / "yongchuan-2022"
HEROES = [f"images/hero-{n}.svg" for n in (1, 2, 3)]
FPS = 30
FADE = 1.5  # seconds of each cross-fade


def render(svg: Path, width: int, height: int, zoom: float):
    """The picture drawn at `zoom` times the size that covers width x height."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    view = renderer.defaultSize()
    scale = max(width / view.width(), height / view.height()) * zoom
    image = QImage(round(view.width() * scale), round(view.height() * scale), QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def frames(svgs: list[Path], width: int, height: int, seconds: float):
    """RGBA bytes of every frame."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QImage, QPainter

    zoom = 1.12  # each picture is drawn 12 % larger than the screen, and drifts inside that margin
    pictures = [render(svg, width, height, zoom) for svg in svgs]
    count = round(seconds * FPS)
    each = seconds / len(pictures)  # seconds each picture leads
    for index in range(count):
        t = index / FPS
        frame = QImage(width, height, QImage.Format.Format_RGBA8888)
        painter = QPainter(frame)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        lead = int(t // each)
        into = t - lead * each
        layers = [(lead, 1.0)]
        if into > each - FADE:  # fading into the next (the last into the first: the loop's seam)
            layers.append(((lead + 1) % len(pictures), (into - (each - FADE)) / FADE))
        for n, opacity in layers:
            picture = pictures[n]
            # Its own time, from the start of its fade-in to the end of its fade-out: the drift
            # never stops or jumps while it is on screen.
            own = (t - n * each + FADE) % seconds / (each + FADE)
            dx = (picture.width() - width) * (0.5 + 0.5 * math.cos(math.pi * own))
            dy = (picture.height() - height) * (0.5 - 0.35 * math.sin(math.pi * own))
            painter.setOpacity(opacity)
            painter.drawImage(QRectF(0, 0, width, height), picture, QRectF(QPointF(dx, dy), QRectF(0, 0, width,
                                                                                                     height).size()))
        painter.end()
        yield bytes(frame.constBits())


def portrait_frames(svgs: list[Path], width: int, height: int, seconds: float):
    """RGBA bytes of every frame of a portrait version: the 16:9 film across the middle, whole,
    on a dimmed copy of itself covering the screen."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    band = round(width * 9 / 16) // 2 * 2
    for picture in frames(svgs, width, band, seconds):
        landscape = QImage(picture, width, band, QImage.Format.Format_RGBA8888)
        frame = QImage(width, height, QImage.Format.Format_RGBA8888)
        painter = QPainter(frame)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        cover = height / band  # the backdrop: the film enlarged to the screen's height, centred
        painter.drawImage(QRectF((width - width * cover) / 2, 0, width * cover, height), landscape)
        painter.fillRect(frame.rect(), QColor(0, 0, 0, 150))
        painter.drawImage(QRectF(0, (height - band) / 2, width, band), landscape)
        painter.end()
        yield bytes(frame.constBits())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("films/attract.mp4"))
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--pictures", nargs="+", default=HEROES)
    parser.add_argument("--poster", type=Path, help="also write the first picture here (JPEG)")
    args = parser.parse_args()
    out_file = PACK / args.out
    width, height = (int(n) for n in args.size.lower().split("x"))

    import av
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication(sys.argv)  # noqa: F841  (QPainter on images needs it)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(out_file), "w", options={"movflags": "+faststart"}) as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        # One reference frame and no B-frames: the decoder then keeps a few frames rather than
        # about 16 (level 5, ten references), 43 MB less held all the time the attract loop plays
        # at 1080p (277 against 235 MB), for a file a quarter larger.
        stream.options = {"crf": "26", "preset": "slow", "g": str(FPS), "tune": "animation",
                          "x264-params": "ref=1:bframes=0"}
        made = portrait_frames if height > width else frames
        for index, picture in enumerate(made([PACK / p for p in args.pictures], width, height, args.seconds)):
            if index == 0 and args.poster:
                from PySide6.QtGui import QImage
                QImage(picture, width, height, QImage.Format.Format_RGBA8888).save(str(PACK / args.poster), quality=88)
            frame = av.VideoFrame.from_bytes(picture, width, height, format="rgba")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    print(f"{out_file}: {out_file.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
