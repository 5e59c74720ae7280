"""Whether an image file can be shown, and shown safely: checked with Qt's own decoders.

Lives outside `kiosk.content` (which imports no Qt) and is handed to `load_pack` by the caller.
Every problem an editor's image can have is named here, before a visitor could ever meet it:
empty, damaged or truncated files, files that are not images, decompression bombs, names that lie
about the format, animations that will not move, and SVGs that refer to files outside themselves
(Qt would read them from anywhere on the disk).
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, qInstallMessageHandler
from PySide6.QtGui import QImageReader

from . import locations

Finding = tuple[str, str]  # (severity, message)

MAX_SVG_BYTES = 5_000_000
# Extensions each format may have; any other is a misleading name.
EXTENSIONS = {"png": {".png"}, "jpeg": {".jpg", ".jpeg"}, "gif": {".gif"}, "webp": {".webp"},
              "svg": {".svg"}, "svgz": {".svgz"}, "bmp": {".bmp"}}
_SVG_REFERENCE = re.compile(
    rb"""(?:href\s*=\s*["']\s*(?!#|data:)([^"']+)["'])|(?:url\(\s*["']?\s*(?!#|data:)([^)"']+))|(@import)""",
    re.IGNORECASE)


def check_image(path: Path) -> list[Finding]:
    """Problems with one image file; an empty list when it can be shown."""
    if path.stat().st_size == 0:
        return [("error", "the file is empty (0 bytes)")]
    if _looks_like_svg(path):
        external = svg_references(path)
        if external:
            # Checked before Qt ever parses it: parsing would already read the other file.
            return [("error", f"the SVG refers to a file outside itself ('{external}'); embed it or "
                              "remove it: the kiosk never loads files an SVG points to")]
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)  # the extension can lie; the bytes cannot
    if not reader.canRead():
        return [("error", f"not an image the kiosk can read ({reader.errorString().lower()})")]
    kind = bytes(reader.format()).decode()
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return [("error", "not a readable image (its size cannot be read)")]
    found: list[Finding] = []
    megabytes = size.width() * size.height() * 4 / 2**20
    if megabytes > QImageReader.allocationLimit():
        return [("error", f"{size.width()}x{size.height()} pixels is too large to show ({megabytes:.0f} MB "
                          f"decoded, the limit is {QImageReader.allocationLimit()} MB); scale it down")]
    if path.suffix.lower() not in EXTENSIONS.get(kind, {path.suffix.lower()}):
        found.append(("warning", f"this is a {kind.upper()} file but its name ends in '{path.suffix}'; "
                                 "rename it so other tools are not misled"))
    if _truncated(path, kind):
        return found + [("error", "the file is cut short (an interrupted copy or download?); copy it again")]
    damage = _damage(path)
    if damage is not None:
        return found + [("error", f"the image data is damaged ({damage}); export or copy it again")]
    if reader.supportsAnimation() and reader.imageCount() > 1:
        found.append(("warning", "this is an animation: only its first frame is shown"))
    return found


def _looks_like_svg(path: Path) -> bool:
    if path.suffix.lower() in (".svg", ".svgz"):
        return True
    with path.open("rb") as f:
        head = f.read(512).lstrip()
    return head.startswith((b"<?xml", b"<svg", b"<!--")) or head[:2] == b"\x1f\x8b"


def svg_references(path: Path) -> str | None:
    """The first file or address an SVG refers to outside itself ("#id" and data: are inside)."""
    data = path.read_bytes()[:MAX_SVG_BYTES]
    if data[:2] == b"\x1f\x8b":  # svgz: gzip, read no more than the limit
        try:
            data = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_SVG_BYTES)
        except (OSError, EOFError, zlib.error):
            return None  # not a valid gzip: Qt will say it cannot read it
    match = _SVG_REFERENCE.search(data)
    if not match:
        return None
    return next(g for g in match.groups() if g).decode("utf-8", "replace").strip()


def _truncated(path: Path, kind: str) -> bool:
    """Whether the file stops before its format's end marker: the usual damage (a copy or
    download cut short), which decoders often paper over with a grey half-image."""
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 4096))
        tail = f.read().rstrip(b"\0")  # some cameras pad JPEGs with zeros
    if kind == "jpeg":
        return not tail.endswith(b"\xff\xd9")
    if kind == "png":
        return b"IEND" not in tail[-12:]
    if kind == "gif":
        return not tail.endswith(b";")
    return False


def _damage(path: Path) -> str | None:
    """Decode the whole file at a small size (JPEG scales while decoding, so even 8K is quick)
    and say what the decoder complained about, if anything: damaged data often still decodes,
    into a picture with grey or garbled parts."""
    complaints: list[str] = []
    previous = qInstallMessageHandler(lambda mode, context, message: complaints.append(message))
    try:
        reader = QImageReader(str(path))
        reader.setDecideFormatFromContent(True)
        reader.setScaledSize(reader.size().scaled(QSize(64, 64), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
    finally:
        qInstallMessageHandler(previous)
    if image.isNull():
        return reader.errorString().lower()
    return complaints[0].strip().rstrip(".") if complaints else None


class CachedImageCheck:
    """`check_image` with its verdicts remembered on disk, keyed by file, size and modification
    time: the show starts without decoding every picture again, yet any changed file is checked
    anew. Used by `kiosk run`; `kiosk validate` always checks everything."""

    LIMIT = 5000  # entries kept

    def __init__(self, path: Path):
        self.path = path
        self.changed = False
        try:
            self.verdicts = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.verdicts = {}
        if not isinstance(self.verdicts, dict):  # damaged: start again
            self.verdicts = {}

    def __call__(self, image: Path) -> list[Finding]:
        stat = image.stat()
        key = f"{image}|{stat.st_size}|{stat.st_mtime_ns}"
        if key not in self.verdicts:
            self.verdicts[key] = check_image(image)
            self.changed = True
        return [tuple(finding) for finding in self.verdicts[key]]

    def save(self) -> None:
        if not self.changed:
            return
        try:
            locations.write_json(self.path, dict(list(self.verdicts.items())[-self.LIMIT:]))
            self.changed = False
        except OSError:
            pass  # only a cache: the next start checks the pictures again
