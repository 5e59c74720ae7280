"""`kiosk proof`: every screen of a pack rendered to PNG, in every language and at every size,
plus one contact sheet per size to sign the show off from, and a strip of pictures from each
film (its poster, then pictures from its start to its end)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter

from ..content import Pack, parts
from ..content.model import Clip, Film
from ..core.navigation import PACKS_LOOK, Look
from .fonts import DEFAULT_FAMILY
from .render import render_screens


@dataclass
class Shot:
    screen_id: str
    source: str  # file:line of the screen
    language: str
    size: tuple[int, int]
    path: Path | None = None
    problems: list[str] = field(default_factory=list)  # Qt/QML warnings while rendering it

    @property
    def ok(self) -> bool:
        return self.path is not None and not self.problems


def size_name(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def proof(pack: Pack, out: Path, sizes: list[tuple[int, int]], languages: list[str],
          progress: Callable[[int, int, Shot], None] = lambda done, total, shot: None,
          look: Look = PACKS_LOOK) -> list[Shot]:
    total = len(sizes) * len(languages) * len(pack.screens)
    shots: list[Shot] = []
    warnings: list[str] = []

    def collect(mode: QtMsgType, context, message: str) -> None:
        if mode != QtMsgType.QtDebugMsg and mode != QtMsgType.QtInfoMsg:
            warnings.append(message)

    previous = qInstallMessageHandler(collect)
    try:
        for size in sizes:
            folder = out / size_name(size)
            folder.mkdir(parents=True, exist_ok=True)
            for rendered in render_screens(pack, size, languages, look):
                screen = pack.screen(rendered.screen_id)
                shot = Shot(rendered.screen_id, str(screen.where), rendered.language, size,
                            problems=warnings[:])
                warnings.clear()
                path = folder / f"{rendered.screen_id}-{rendered.language}.png"
                if not rendered.image.isNull() and rendered.image.save(str(path)):
                    shot.path = path
                shots.append(shot)
                progress(len(shots), total, shot)
            contact_sheet([s for s in shots if s.size == size], pack, out / f"contact-{size_name(size)}.png")
    finally:
        qInstallMessageHandler(previous)
    return shots


def contact_sheet(shots: list[Shot], pack: Pack, path: Path) -> None:
    """Thumbnails in a grid, each with its screen id, language and source file under it."""
    w, h = shots[0].size
    portrait = h > w
    thumb_w = 240 if portrait else 480
    thumb_h = round(thumb_w * h / w)
    columns = 6 if portrait else 4
    pad, caption, header = 24, 56, 72
    rows = -(-len(shots) // columns)
    sheet, painter = _sheet(pad + columns * (thumb_w + pad), header + rows * (thumb_h + caption + pad),
                            f"{pack.title(pack.default_language)} · {pack.id} · {w}x{h}", 28, pad, header)
    for i, shot in enumerate(shots):
        x = pad + (i % columns) * (thumb_w + pad)
        y = header + (i // columns) * (thumb_h + caption + pad)
        image = QImage(str(shot.path)) if shot.path else QImage()
        if image.isNull():
            painter.fillRect(QRect(x, y, thumb_w, thumb_h), QColor("#ffcccc"))
        else:
            painter.drawImage(QRect(x, y, thumb_w, thumb_h), image)
        painter.setPen(QColor("#cc0000") if not shot.ok else QColor("#111111"))
        painter.setFont(_font(17, bold=True))
        painter.drawText(QRect(x, y + thumb_h + 4, thumb_w, 24), Qt.AlignmentFlag.AlignLeft,
                         f"{shot.screen_id} · {shot.language}" + ("" if shot.ok else " · FAILED"))
        painter.setPen(QColor("#555555"))
        painter.setFont(_font(15))
        painter.drawText(QRect(x, y + thumb_h + 28, thumb_w, 22), Qt.AlignmentFlag.AlignLeft, shot.source)
    painter.end()
    sheet.save(str(path))


STRIP_FRAMES = 6
THUMB = QSize(320, 180)


def film_strips(pack: Pack, out: Path) -> list[Path]:
    """For each film of the pack (the attract loop's and their portrait versions, the clips in
    screens), one PNG: its poster, then STRIP_FRAMES pictures from its start to its end, each
    with its time; what a film shows, seen without playing it."""
    written: dict[str, Path] = {}
    attract = list(parts(pack, Film))
    films = [*((f.file, f.poster) for f in attract),
             *((f.portrait, f.portrait_poster or f.poster) for f in attract if f.portrait),
             *((c.file, c.poster) for c in parts(pack, Clip))]
    for file, poster in films:
        if file.path in written:
            continue
        from .videoprobe import film_frames  # Qt Multimedia, for packs with films only
        duration, frames = film_frames(file.file(pack.root), STRIP_FRAMES)
        name = Path(file.path).stem
        path = out / "films" / f"{name}.png"
        if path in written.values():  # the same name in two folders
            path = path.with_name(f"{name}-{len(written)}.png")
        path.parent.mkdir(parents=True, exist_ok=True)
        pictures = [("poster", _read(poster.file(pack.root))),
                    *((f"{ms // 60000}:{ms % 60000 / 1000:04.1f}", image) for ms, image in frames)]
        _strip(f"{file.path} · {duration / 1000:.1f} s · {file.where}", pictures, path)
        written[file.path] = path
    return list(written.values())


def _read(path: Path) -> QImage:
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():  # an SVG at a size that fits the thumbnail sharply
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _strip(title: str, pictures: list[tuple[str, QImage]], path: Path) -> None:
    pad, header, caption = 16, 48, 32
    sheet, painter = _sheet(pad + len(pictures) * (THUMB.width() + pad), header + THUMB.height() + caption + pad,
                            title, 20, pad, header)
    for i, (label, image) in enumerate(pictures):
        x = pad + i * (THUMB.width() + pad)
        painter.fillRect(QRect(x, header, THUMB.width(), THUMB.height()), QColor("#222222"))
        if not image.isNull():
            fitted = image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(x + (THUMB.width() - fitted.width()) // 2,
                              header + (THUMB.height() - fitted.height()) // 2, fitted)
        painter.setFont(_font(16))
        painter.drawText(QRect(x, header + THUMB.height() + 4, THUMB.width(), caption - 4),
                         Qt.AlignmentFlag.AlignLeft, label)
    painter.end()
    sheet.save(str(path))


def _sheet(width: int, height: int, title: str, title_px: int, pad: int, header: int) -> tuple[QImage, QPainter]:
    """A light sheet with its title across the top, and the painter to go on with."""
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#f2f2f2"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setPen(QColor("#111111"))
    painter.setFont(_font(title_px, bold=True))
    painter.drawText(QRect(pad, 0, width - 2 * pad, header), Qt.AlignmentFlag.AlignVCenter, title)
    return sheet, painter


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont(DEFAULT_FAMILY)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font
