"""How big to decode an image: never the full 8K of a photo for a 1000 px box.

Qt Quick's Image, given both sourceSize dimensions, always decodes to *cover* them, so a portrait
photo in a landscape box would be decoded far taller than it is shown. We compute the exact size
from the file's header (upright, after its EXIF rotation) instead.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImageIOHandler, QImageReader

VECTOR_FORMATS = {b"svg", b"svgz"}


def decode_size(natural: tuple[int, int], box: tuple[float, float], crop: bool, vector: bool) -> tuple[int, int]:
    """The size to decode an image of `natural` size shown in `box`: fitted inside it, or
    covering it when `crop`. Raster images are never enlarged (that only costs memory);
    vector images are drawn at whatever size they are shown."""
    (nw, nh), (bw, bh) = natural, box
    if nw <= 0 or nh <= 0 or bw <= 0 or bh <= 0:
        return max(0, math.ceil(bw)), max(0, math.ceil(bh))
    scale = (max if crop else min)(bw / nw, bh / nh)
    if not vector:
        scale = min(scale, 1.0)
    return max(1, math.ceil(nw * scale)), max(1, math.ceil(nh * scale))


@lru_cache(maxsize=512)
def natural_size(path: str, mtime_ns: int) -> tuple[int, int, bool]:
    """Upright size from the header only (no decoding), and whether the image is vector.
    `mtime_ns` is part of the cache key so that an edited file is read again."""
    reader = QImageReader(path)
    reader.setDecideFormatFromContent(True)
    size = reader.size()
    w, h = size.width(), size.height()
    turned = QImageIOHandler.Transformation.TransformationRotate90
    if reader.transformation() & turned:
        w, h = h, w
    return w, h, bytes(reader.format()) in VECTOR_FORMATS


def decode_size_for(url: str, box: tuple[float, float], crop: bool) -> tuple[int, int]:
    path = QUrl(url).toLocalFile()
    try:
        mtime = Path(path).stat().st_mtime_ns if path else None
    except OSError:
        mtime = None
    if mtime is None:  # no picture (yet), or gone: the Image reports that itself
        return decode_size((0, 0), box, crop, False)
    w, h, vector = natural_size(path, mtime)
    return decode_size((w, h), box, crop, vector)
