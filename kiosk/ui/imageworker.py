"""What is wrong with an image file, found with Qt's own decoders, in a process of its own.

`python -m kiosk.ui.imageworker` reads image paths (one JSON string a line) on standard input and
answers each with one JSON line: {"findings": [[severity, message], ...]}, or {"failed": traceback}
when this code itself raised. `kiosk.system.imagecheck` runs it and survives it: a decoder that crashes
or hangs on a hostile file takes only this process down. Everything Qt says here is caught by a
message handler (it is how damage is detected) and nothing else this process prints reaches the
user: its standard error goes nowhere, its standard output carries only answers.

Every problem an editor's image can have is named here, before a visitor could ever meet it:
empty, damaged or truncated files, files that are not images, decompression bombs, names that lie
about the format, animations that will not move, and SVGs that refer to files outside themselves
(Qt would read them from anywhere on the disk).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import traceback
import zlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QImageReader

# (severity, message) or (severity, message, detail): the detail quotes the decoder, whose words
# are not ours to show as the message (they change with each Qt release). kiosk.content.pack.Finding,
# written out: the worker imports nothing of the kiosk, to start fast.
Finding = tuple[str, ...]

READY = "ready"  # the first line: Qt is up, send paths
MAX_SVG_BYTES = 5_000_000
# Extensions each format may have; any other is a misleading name.
EXTENSIONS = {"png": {".png"}, "jpeg": {".jpg", ".jpeg"}, "gif": {".gif"}, "webp": {".webp"},
              "svg": {".svg"}, "svgz": {".svgz"}, "bmp": {".bmp"}}
_SVG_REFERENCE = re.compile(
    rb"""(?:href\s*=\s*["']\s*(?!#|data:)([^"']+)["'])|(?:url\(\s*["']?\s*(?!#|data:)([^)"']+))|(@import)"""
    # An external entity's system literal (after the public id, if any): XML would fetch it.
    rb"""|(?:<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC\s*["'][^"']*["'])\s*["']([^"']+)["'])""",
    re.IGNORECASE)

_complaints: list[str] = []  # what Qt said since the list was last cleared


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
        return [("error", "not an image the kiosk can read (it shows PNG, JPEG, GIF, WebP, SVG and BMP files)",
                 f"(Qt: {reader.errorString()})")]
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
        return found + [("error", "the image data is damaged; export or copy it again", f"(decoder: {damage})")]
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
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    reader.setScaledSize(reader.size().scaled(QSize(64, 64), Qt.AspectRatioMode.KeepAspectRatio))
    _complaints.clear()  # only what decoding says: reading the header may grumble harmlessly
    image = reader.read()
    if image.isNull():
        return reader.errorString().lower()
    return _complaints[0].strip().rstrip(".") if _complaints else None


def _answer(kind: str, path: Path) -> dict:
    try:
        if kind == "video":  # imported on the first film: a pack of pictures never loads Qt Multimedia
            from .videoprobe import probe_video
            return {"facts": probe_video(path)}
        return {"findings": check_image(path)}
    except OSError as e:  # unreadable (permissions, gone meanwhile): the editor can fix that
        return {"findings": [("error", f"the file cannot be read ({(e.strerror or str(e)).lower()})")]}
    except Exception:  # a mistake here, not in the file: the caller raises it for all to see
        return {"failed": traceback.format_exc()}


def main() -> None:
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="ascii")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print cannot garble the answers
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no window, yet fonts for SVG text
    os.environ.pop("QT_FATAL_WARNINGS", None)  # here a warning is a finding, not a reason to stop
    if sys.platform != "win32":  # a decoder crash is reported; a core file would only litter the folder
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    qInstallMessageHandler(lambda mode, context, message: _complaints.append(message))
    app = QGuiApplication([])  # noqa: F841  (SVG text needs the font database, which needs it)
    print(json.dumps(READY), file=answers, flush=True)
    for line in sys.stdin:
        kind, path = json.loads(line)  # ["image" or "video", path]
        print(json.dumps(_answer(kind, Path(path))), file=answers, flush=True)


if __name__ == "__main__":
    main()
