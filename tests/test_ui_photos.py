"""A real photo dropped into a pack: an 8K JPEG whose EXIF says "rotate 90°" is shown upright,
decoded at the size it is shown (not at 8K), without blocking the UI thread."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter, QPainter

from kiosk.ui.inspect import is_picture

from .support import MINIMAL_PACK
from .visitor import Visitor, items, scene_rect


def write_rotated_photo(path, width=7680, height=4320):
    """Stored landscape, left half red and right half blue, tagged "rotate 90° clockwise":
    shown upright it is a portrait picture, red on top and blue below."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width // 2, height), QColor("#e00000"))
    painter.fillRect(QRect(width // 2, 0, width - width // 2, height), QColor("#0000e0"))
    painter.end()
    writer = QImageWriter(str(path), b"jpeg")
    writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(image), writer.errorString()


def test_8k_photo_with_exif_rotation_is_upright_and_decoded_small(show_pack, qtbot, tmp_path):
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    write_rotated_photo(pack / "images" / "photo.png")  # the name lies; the content decides
    show = show_pack(pack)
    visitor = Visitor(show, qtbot)
    visitor.tap("tile:gallery")
    visitor.settle()
    zoom = visitor.find("zoom")
    picture = next(it for it in items(zoom) if is_picture(it))
    qtbot.waitUntil(lambda: not picture.property("loading") and picture.property("paintedHeight") > 0)

    painted_w, painted_h = picture.property("paintedWidth"), picture.property("paintedHeight")
    assert painted_h > painted_w, "EXIF orientation respected: the photo stands upright"
    image = next(it for it in items(picture) if it.objectName() == "image")
    decoded = image.property("implicitWidth"), image.property("implicitHeight")
    assert max(decoded) <= max(zoom.width(), zoom.height()) + 1, f"decoded at {decoded}, not at the size shown"

    qtbot.waitUntil(lambda: image.property("opacity") == 1.0)  # faded in
    shot = show.window.grabWindow()
    area = scene_rect(zoom)
    top = shot.pixelColor(int(area.center().x()), int(area.center().y() - painted_h / 4))
    bottom = shot.pixelColor(int(area.center().x()), int(area.center().y() + painted_h / 4))
    assert top.red() > 180 and top.blue() < 80, top.name()
    assert bottom.blue() > 180 and bottom.red() < 80, bottom.name()
