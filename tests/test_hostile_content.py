"""Hostile content, generated here rather than committed: every case gives a clear error (or a
warning), never a crash, a hang or a read outside the pack; the running kiosk shows a placeholder."""

from __future__ import annotations

import os
import shutil
import struct
import tracemalloc
import unicodedata
import zlib

import pytest
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter

from kiosk.content import load_pack
from kiosk.content.yamlsource import MAX_FILE_BYTES
from kiosk.system.imagecheck import check_image
from kiosk.ui.inspect import is_picture

from .support import MINIMAL_PACK
from .visitor import Visitor, items

SCREEN = "id: software\nkind: detail\ntitle: {zh: 软件, en: Software}\n"


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, folder)
    return folder


def problems(folder) -> list[str]:
    return [p.format() for p in load_pack(folder, check_image).problems]


def show_in_gallery(folder, filename: str) -> None:
    (folder / "screens" / "gallery.yaml").write_text(
        f"id: gallery\nkind: gallery\ntitle: {{zh: 图集, en: Gallery}}\nimages:\n  - image: \"images/{filename}\"\n",
        encoding="utf-8")


# --- YAML -----------------------------------------------------------------------------------


def test_billion_laughs_is_refused_with_bounded_memory(pack):
    lines = [SCREEN.strip(), 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    (pack / "screens" / "software.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tracemalloc.start()
    found = problems(pack)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(found) == 1 and found[0].startswith("screens/software.yaml:")
    assert found[0].endswith("error: file has more than 100,000 values (too many aliases, or far too big)")
    assert peak < 50 * 2**20, f"{peak / 2**20:.0f} MB"


@pytest.mark.parametrize("text", ["[" * 50_000, "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 200))],
                         ids=["flow", "block"])
def test_absurd_nesting_is_refused(pack, text):
    (pack / "screens" / "software.yaml").write_text(text, encoding="utf-8")
    found = problems(pack)
    assert len(found) == 1 and "screens/software.yaml" in found[0] and "nested" in found[0], found


def test_a_file_above_the_size_cap_is_refused_unread(pack):
    (pack / "screens" / "software.yaml").write_text(SCREEN + "#" * MAX_FILE_BYTES, encoding="utf-8")
    size = MAX_FILE_BYTES + len(SCREEN.encode())
    assert problems(pack) == [f"screens/software.yaml:1:1: error: file is too large "
                              f"({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"]


def test_a_screen_file_linked_from_outside_is_never_read(pack, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\nkind: detail\ntitle: {zh: 秘密, en: Secret}\n", encoding="utf-8")
    (pack / "screens" / "extra.yaml").symlink_to(secret)
    assert problems(pack) == ["screens/extra.yaml:1:1: error: 'screens/extra.yaml' is a link to a file "
                              "outside the pack folder"]


# --- images ---------------------------------------------------------------------------------


def solid(width: int = 320, height: int = 240, fmt=QImage.Format.Format_RGB32) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f8cff"))
    return image.convertToFormat(fmt)


def png_header_only(path, width: int, height: int) -> None:
    """A tiny file that claims to be a huge picture: a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100))
                     + chunk(b"IEND", b""))


def animated_gif(path) -> None:
    frame = b"!\xf9\x04\x04\x0a\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00"
    path.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
                     b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00" + frame + frame + b";")


def write_image(path, image: QImage, fmt: bytes, progressive=False, rotate=False) -> None:
    writer = QImageWriter(str(path), fmt)
    writer.setProgressiveScanWrite(progressive)
    if rotate:
        writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(image), writer.errorString()


def make(kind: str, path) -> None:
    if kind == "zero bytes":
        path.write_bytes(b"")
    elif kind == "random bytes":
        path.write_bytes(os.urandom(4000))
    elif kind in ("truncated jpeg", "truncated png"):
        write_image(path, solid(640, 480), b"jpeg" if "jpeg" in kind else b"png")
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif kind == "damaged jpeg":
        write_image(path, solid(640, 480), b"jpeg")
        data = bytearray(path.read_bytes())
        data[len(data) // 2: len(data) // 2 + 400] = os.urandom(400)  # the end marker stays
        path.write_bytes(bytes(data))
    elif kind == "png named .jpg":
        write_image(path, solid(), b"png")
    elif kind == "decompression bomb":
        png_header_only(path, 40_000, 40_000)
    elif kind == "animated gif":
        animated_gif(path)
    elif kind == "cmyk jpeg":
        write_image(path, solid(fmt=QImage.Format.Format_CMYK8888), b"jpeg")
    elif kind == "progressive jpeg":
        write_image(path, solid(), b"jpeg", progressive=True)
    elif kind == "exif-rotated jpeg":
        write_image(path, solid(), b"jpeg", rotate=True)
    elif kind == "16-bit png":
        write_image(path, solid(fmt=QImage.Format.Format_RGBA64), b"png")
    elif kind == "svg with external image":
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                        'width="100" height="100"><image width="100" height="100" xlink:href="/etc/hostname"/>'
                        '</svg>', encoding="utf-8")
    elif kind == "svg with external style":
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>'
                        '@import url(http://example.com/x.css);</style></svg>', encoding="utf-8")


IMAGES = [  # (kind, file name, expected problem or None when it must show fine)
    ("zero bytes", "a.png", "error: 'images/a.png': the file is empty (0 bytes)"),
    ("random bytes", "a.jpg",
     "error: 'images/a.jpg': not an image the kiosk can read (it shows PNG, JPEG, GIF, WebP, SVG and BMP files)"),
    ("truncated jpeg", "a.jpg", "error: 'images/a.jpg': the file is cut short (an interrupted copy or download?); "
                                "copy it again"),
    ("truncated png", "a.png", "error: 'images/a.png': the file is cut short (an interrupted copy or download?); "
                               "copy it again"),
    ("damaged jpeg", "a.jpg", "error: 'images/a.jpg': the image data is damaged; export or copy it again"),
    ("png named .jpg", "a.jpg", "warning: 'images/a.jpg': this is a PNG file but its name ends in '.jpg'; "
                                "rename it so other tools are not misled"),
    ("decompression bomb", "a.png", "error: 'images/a.png': 40000x40000 pixels is too large to show (6104 MB "
                                    "decoded, the limit is 256 MB); scale it down"),
    ("animated gif", "a.gif", "warning: 'images/a.gif': this is an animation: only its first frame is shown"),
    ("svg with external image", "a.svg", "error: 'images/a.svg': the SVG refers to a file outside itself "
                                         "('/etc/hostname'); embed it or remove it: the kiosk never loads files "
                                         "an SVG points to"),
    ("svg with external style", "a.svg", "error: 'images/a.svg': the SVG refers to a file outside itself "
                                         "('@import'); embed it or remove it: the kiosk never loads files an SVG "
                                         "points to"),
    ("cmyk jpeg", "a.jpg", None),
    ("progressive jpeg", "a.jpg", None),
    ("exif-rotated jpeg", "a.jpg", None),
    ("16-bit png", "a.png", None),
]


@pytest.mark.parametrize("kind, name, expected", IMAGES, ids=[i[0] for i in IMAGES])
def test_validate_names_each_image_problem(pack, kind, name, expected):
    make(kind, pack / "images" / name)
    show_in_gallery(pack, name)
    found = problems(pack)
    if expected is None:
        assert found == []
    elif expected.endswith("("):  # the decoder's own words follow
        assert len(found) == 1 and found[0].startswith(f"screens/gallery.yaml:5:12: {expected}"), found
    else:
        assert found == [f"screens/gallery.yaml:5:12: {expected}"]


@pytest.mark.qt_log_ignore("QML Image", "Corrupt", "premature", "Error decoding")
def test_the_running_kiosk_shows_a_placeholder_and_logs_once(show_pack, qtbot, pack, caplog):
    show = show_pack(pack)
    (pack / "images" / "photo.png").write_bytes(os.urandom(3000))  # broken after it was validated
    visitor = Visitor(show, qtbot)
    for _ in range(2):
        show.navigator.home()
        visitor.settle()
        visitor.tap("tile:gallery")
        visitor.settle()
        zoom = visitor.find("zoom")
        picture = next(it for it in items(zoom) if is_picture(it))
        qtbot.waitUntil(lambda picture=picture: picture.property("failed"))
    placeholder = [it for it in items(picture) if it.inherits("QQuickRectangle")]
    assert placeholder and placeholder[0].isVisible(), "a neutral placeholder instead of the picture"
    logged = [r for r in caplog.records if "image cannot be shown" in r.getMessage()]
    assert len(logged) == 1 and "photo.png" in logged[0].getMessage()


# --- names ----------------------------------------------------------------------------------


def test_odd_unicode_names_work_and_lookalikes_are_caught(pack):
    name = "园区 ✓ café ‮gpj.png"  # CJK, a symbol, an accent and a right-to-left override
    shutil.copy(pack / "images" / "photo.png", pack / "images" / name)
    show_in_gallery(pack, name)
    assert problems(pack) == []
    decomposed = unicodedata.normalize("NFD", "café.png")  # as some Mac tools write names
    shutil.copy(pack / "images" / "photo.png", pack / "images" / decomposed)
    show_in_gallery(pack, unicodedata.normalize("NFC", "café.png"))
    found = problems(pack)
    assert len(found) == 1 and "file not found: 'images/café.png' (did you mean" in found[0]


def test_an_alias_inside_itself_is_refused(pack):
    (pack / "screens" / "software.yaml").write_text(SCREEN + "loop: &loop [1, *loop]\n", encoding="utf-8")
    assert problems(pack) == ["screens/software.yaml:4:17: error: alias '*loop' refers to a value that contains it"]


@pytest.mark.parametrize("cache", ["[1, 2]", "{not json", ""])
def test_a_damaged_image_check_cache_is_started_again(tmp_path, qapp, cache):
    from kiosk.system.imagecheck import CachedImageCheck
    (tmp_path / "image-checks.json").write_text(cache, encoding="utf-8")
    checks = CachedImageCheck(tmp_path / "image-checks.json")
    image = MINIMAL_PACK / "images" / "photo.png"
    assert checks(image) == check_image(image)
    checks.save()
    assert CachedImageCheck(tmp_path / "image-checks.json")(image) == check_image(image)
