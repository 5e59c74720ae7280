"""Images an editor may really bring, hostile or just unusual, generated here (no binaries are
committed), each checked through the real `kiosk validate` in a process of its own: every one is
named at its YAML line or passes, and the validator neither dies nor lets a decoder's own words
through. A decoder that crashes or hangs costs one file, not the run."""

from __future__ import annotations

import gzip
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter, QLinearGradient, QPainter

from kiosk.cli import main
from kiosk.system.imagecheck import ImageChecker, ImageCheckFailed

from .support import MINIMAL_PACK, TESTS

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       'width="{w}" height="{h}">{body}</svg>')
LOGO = SVG.format(w=240, h=80, body='<rect width="240" height="80" fill="#2f8cff"/>'
                  '<text x="12" y="52" font-family="sans-serif" font-size="36" fill="white">ACME 重庆</text>')


def svg(body: str, w: int | str = 100, h: int | str = 100, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}' + SVG.format(w=w, h=h, body=body)).encode()


def entities(*declarations: str) -> str:
    return f"<!DOCTYPE svg [{''.join(declarations)}]>"


def encoded(fmt: bytes, image: QImage | None = None, rotate: bool = False, tmp=None) -> bytes:
    """An image as the bytes of a file of format `fmt` (written by Qt, read back)."""
    if image is None:
        image = QImage(320, 240, QImage.Format.Format_RGB32)
        image.fill(QColor("#2f8cff"))
    path = tmp / f"encoded.{fmt.decode()}"
    writer = QImageWriter(str(path), fmt)
    if rotate:
        writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(image), writer.errorString()
    return path.read_bytes()


def phone_photo() -> QImage:
    """The size a phone camera takes (12 MP), with some content to compress."""
    image = QImage(4032, 3024, QImage.Format.Format_RGB32)
    gradient = QLinearGradient(QPoint(0, 0), QPoint(4032, 3024))
    gradient.setColorAt(0, QColor("#1d3b5a"))
    gradient.setColorAt(1, QColor("#e8c170"))
    painter = QPainter(image)
    painter.fillRect(image.rect(), gradient)
    painter.end()
    return image


def gif() -> bytes:
    """A 2x2 GIF, written by hand: Qt has no GIF writer."""
    return (b"GIF89a\x02\x00\x02\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
            b",\x00\x00\x00\x00\x02\x00\x02\x00\x00\x02\x03\x84\x1d\x05\x00;")


def png_chunks(data: bytes) -> dict[bytes, int]:
    """Where each chunk type first starts (its length field)."""
    found, at = {}, 8
    while at + 8 <= len(data):
        length, kind = int.from_bytes(data[at:at + 4], "big"), data[at + 4:at + 8]
        found.setdefault(kind, at)
        at += 12 + length
    return found


def bad_crc(data: bytes, chunk: bytes) -> bytes:
    at = png_chunks(data)[chunk]
    end = at + 8 + int.from_bytes(data[at:at + 4], "big")
    return data[:end] + bytes(b ^ 0xFF for b in data[end:end + 4]) + data[end + 4:]


def bad_dqt(data: bytes) -> bytes:
    """The first quantisation table numbered 9 (only 0-3 exist): libjpeg's "Bogus DQT index"."""
    at = data.index(b"\xff\xdb") + 4
    return data[:at] + bytes([data[at] & 0xF0 | 9]) + data[at + 1:]


def scrambled(data: bytes) -> bytes:
    """The middle overwritten with noise; start and end intact, as after a bad sector."""
    middle = len(data) // 2
    size = min(400, len(data) // 4)
    return data[:middle] + noise(size) + data[middle + size:]


def noise(size: int) -> bytes:
    """Random bytes, the same every run (true noise could, once in a blue moon, look like a format)."""
    return random.Random(size).randbytes(size)


def cut(data: bytes) -> bytes:
    return data[:len(data) // 2]


# (file name, how to make its bytes from a scratch folder, expected: None when it must pass, else
# (severity, a piece of the message))
CORPUS = [
    # SVG: ordinary exports first, then what an attacker (or a careless tool) writes
    ("logo-text.svg", lambda tmp: LOGO.encode(), None),
    ("entity.svg", lambda tmp: svg('<text x="5" y="50">&name;</text>', doctype=entities('<!ENTITY name "ACME">')),
     None),
    ("dtd.svg", lambda tmp: svg('<rect width="10" height="10"/>', doctype='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG '
                                '1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'), None),
    ("logo.svgz", lambda tmp: gzip.compress(LOGO.encode()), None),
    ("laughs.svg", lambda tmp: svg('<text x="5" y="50">&l9;</text>', doctype=entities(
        '<!ENTITY l0 "lol">', *(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)))),
     ("error", "not a readable image")),
    ("system-entity.svg", lambda tmp: svg('<text x="5" y="50">&x;</text>',
                                          doctype=entities('<!ENTITY x SYSTEM "file:///etc/passwd">')),
     ("error", "refers to a file outside itself ('file:///etc/passwd')")),
    ("public-entity.svg", lambda tmp: svg('<text x="5" y="50">&x;</text>', doctype=entities(
        '<!ENTITY % x PUBLIC "-//X//EN" "http://example.com/x.dtd"> %x;')),
     ("error", "refers to a file outside itself ('http://example.com/x.dtd')")),
    ("href.svg", lambda tmp: svg('<image href="../pack.yaml" width="10" height="10"/>'),
     ("error", "refers to a file outside itself ('../pack.yaml')")),
    ("xlink.svg", lambda tmp: svg('<image xlink:href="/etc/hostname" width="10" height="10"/>'),
     ("error", "refers to a file outside itself ('/etc/hostname')")),
    ("url.svg", lambda tmp: svg('<rect width="10" height="10" fill="url(other.svg#paint)"/>'),
     ("error", "refers to a file outside itself ('other.svg#paint')")),
    ("import.svg", lambda tmp: svg('<style>@import "x.css";</style>'),
     ("error", "refers to a file outside itself ('@import')")),
    ("huge.svg", lambda tmp: svg('<rect width="10" height="10"/>', 1_000_000, 1_000_000),
     ("error", "1000000x1000000 pixels is too large to show")),
    ("deep.svg", lambda tmp: svg("<g>" * 10_000 + '<rect width="10" height="10"/>' + "</g>" * 10_000),
     ("error", "not a readable image")),
    ("noise.svg", lambda tmp: noise(3000), ("error", "not an image the kiosk can read")),
    ("empty.svg", lambda tmp: b"", ("error", "the file is empty (0 bytes)")),
    # PNG
    ("crc-ihdr.png", lambda tmp: bad_crc(encoded(b"png", tmp=tmp), b"IHDR"), ("error", "not a readable image")),
    ("crc-idat.png", lambda tmp: bad_crc(encoded(b"png", tmp=tmp), b"IDAT"), ("error", "the image data is damaged")),
    ("half.png", lambda tmp: cut(encoded(b"png", tmp=tmp)), ("error", "the file is cut short")),
    ("noise.png", lambda tmp: noise(4000), ("error", "not an image the kiosk can read")),
    ("empty.png", lambda tmp: b"", ("error", "the file is empty (0 bytes)")),
    # JPEG
    ("phone.jpg", lambda tmp: encoded(b"jpeg", phone_photo(), rotate=True, tmp=tmp), None),
    ("dqt.jpg", lambda tmp: bad_dqt(encoded(b"jpeg", tmp=tmp)), ("error", "not a readable image")),
    ("scrambled.jpg", lambda tmp: scrambled(encoded(b"jpeg", phone_photo().scaled(640, 480), tmp=tmp)),
     ("error", "the image data is damaged")),
    ("half.jpg", lambda tmp: cut(encoded(b"jpeg", tmp=tmp)), ("error", "the file is cut short")),
    ("noise.jpg", lambda tmp: noise(4000), ("error", "not an image the kiosk can read")),
    # GIF
    ("ok.gif", lambda tmp: gif(), None),
    ("half.gif", lambda tmp: cut(gif()), ("error", "not a readable image")),
    ("noise.gif", lambda tmp: b"GIF89a" + noise(4000), ("error", "not a readable image")),
    # WebP
    ("ok.webp", lambda tmp: encoded(b"webp", tmp=tmp), None),
    ("half.webp", lambda tmp: cut(encoded(b"webp", tmp=tmp)), ("error", "the image data is damaged")),
    ("scrambled.webp", lambda tmp: scrambled(encoded(b"webp", phone_photo().scaled(640, 480), tmp=tmp)),
     ("error", "the image data is damaged")),
    ("noise.webp", lambda tmp: noise(4000), ("error", "not an image the kiosk can read")),
]

OWN_LINE = re.compile(r"(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>.+)")
LEAKS = ("libpng", "qt.", "QImage", "Corrupt JPEG", "Premature", "Bogus", "Traceback", "QFont")


def gallery_pack(tmp_path, names: list[str]):
    """A copy of the minimal pack whose gallery shows `names`, one a line from line 5."""
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    lines = "".join(f'  - image: "images/{name}"\n' for name in names)
    (pack / "screens" / "gallery.yaml").write_text(
        f"id: gallery\nkind: gallery\ntitle: {{zh: 图集, en: Gallery}}\nimages:\n{lines}", encoding="utf-8")
    return pack


def validate(pack, tmp_path) -> subprocess.CompletedProcess:
    """`kiosk validate --quick` as an editor runs it, with its output and errors in one stream."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "kiosk", "validate", "--quick", str(pack)],
                          cwd=TESTS.parent, env={**os.environ, "KIOSK_HOME": str(home)},
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)


def test_an_svg_logo_with_live_text_validates_clean(tmp_path):
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (pack / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    run = validate(pack, tmp_path)
    assert (run.returncode, run.stdout) == (0, f"{pack}: ok, 7 screens\n")


def test_every_image_is_judged_at_its_line_and_every_output_line_is_ours(tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    pack = gallery_pack(tmp_path, [name for name, _, _ in CORPUS])
    for name, make, _ in CORPUS:
        (pack / "images" / name).write_bytes(make(scratch))
    run = validate(pack, tmp_path)
    assert run.returncode in (0, 1), run.stdout  # never a signal, never a usage error
    lines = run.stdout.splitlines()
    assert lines and re.fullmatch(rf"{re.escape(str(pack))}: \d+ errors?, \d+ warnings?", lines[-1]), lines
    found = {}
    for number, line in enumerate(lines[:-1]):
        if line.startswith("    "):  # a detail under the message above: the decoder's own words
            assert number and not lines[0].startswith(" "), f"a detail under no message: {line!r}"
            continue
        own = OWN_LINE.fullmatch(line)
        assert own, f"not a line of ours: {line!r}"
        # Our words only (not the file's name, which may say anything); the decoder's own words
        # are in the indented detail lines under the message.
        words = own["message"].split("': ", 1)[-1]
        assert not any(leak in words for leak in LEAKS), line
        found.setdefault(own["file"], []).append(own)
    gallery = found.pop(f"{pack}/screens/gallery.yaml", [])
    assert not found, f"problems elsewhere: {found}"
    by_line = {int(own["line"]): own for own in gallery}
    assert len(by_line) == len(gallery), "one verdict per image"
    for number, (name, _, expected) in enumerate(CORPUS, start=5):
        own = by_line.get(number)
        if expected is None:
            assert own is None, f"{name} must pass: {own and own.group(0)}"
            continue
        assert own, f"{name} was not reported at line {number}"
        severity, words = expected
        assert own["col"] == "12" and own["severity"] == severity, own.group(0)
        assert own["message"].startswith(f"'images/{name}': ") and words in own["message"], own.group(0)


SABOTEUR = """
import os, sys, time
from kiosk.ui import imageworker
real = imageworker.check_image
def check_image(path):
    if path.name == "crash.png":
        os.abort()
    if path.name == "hang.png":
        time.sleep(3600)
    if path.name == "locked.png":
        raise PermissionError(13, "Permission denied")
    if path.name == "bug.png":
        raise ValueError("a mistake of ours")
    return real(path)
imageworker.check_image = check_image
imageworker.main()
"""


def children() -> list[str]:
    """This process's children, running or zombie (Linux only; elsewhere an empty list)."""
    listing = Path(f"/proc/self/task/{os.getpid()}/children")
    return listing.read_text().split() if listing.exists() else []


@pytest.fixture
def saboteur(monkeypatch):
    """The real worker, except on a few file names: see SABOTEUR."""
    before = children()
    checker = ImageChecker([sys.executable, "-c", SABOTEUR], timeout=2)
    monkeypatch.setattr("kiosk.system.imagecheck.check_image", checker)  # what `kiosk validate` checks with
    yield checker
    checker.close()
    assert children() == before, "a worker left running, or not reaped (a zombie)"


@pytest.mark.parametrize("victim, words", [
    ("crash.png", "the image decoder crashed on this file; export it again as PNG or JPEG"),
    ("hang.png", "the image decoder took more than 2 seconds on this file and was stopped; "
                 "export it again as PNG or JPEG"),
])
def test_a_decoder_that_crashes_or_hangs_costs_one_file(tmp_path, capsys, saboteur, victim, words):
    pack = gallery_pack(tmp_path, [victim, "half.png", "photo.png"])
    shutil.copy(pack / "images" / "photo.png", pack / "images" / victim)
    (pack / "images" / "half.png").write_bytes(cut((pack / "images" / "photo.png").read_bytes()))
    history = pack / "screens" / "history.yaml"
    history.write_text(history.read_text(encoding="utf-8").replace("logo.svg", "gone.svg"), encoding="utf-8")
    assert main(["validate", "--quick", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{pack}/screens/gallery.yaml:5:12: error: 'images/{victim}': {words}",
        f"{pack}/screens/gallery.yaml:6:12: error: 'images/half.png': the file is cut short (an interrupted "
        "copy or download?); copy it again",
        f"{pack}/screens/history.yaml:7:12: error: file not found: 'images/gone.svg' (did you mean "
        "'images/logo.svg'?)",
        f"{pack}: 3 errors, 0 warnings",
    ]


def test_an_unreadable_file_is_named_and_a_mistake_of_ours_is_raised(tmp_path, saboteur):
    for name in ("locked.png", "bug.png"):
        (tmp_path / name).write_bytes(b"x")
    assert saboteur(tmp_path / "locked.png") == [("error", "the file cannot be read (permission denied)")]
    with pytest.raises(ImageCheckFailed, match="(?s)bug.png failed in the image worker.*ValueError: a mistake"):
        saboteur(tmp_path / "bug.png")
    assert saboteur(MINIMAL_PACK / "images" / "photo.png") == []


def test_the_worker_is_started_once_and_stops_at_the_end():
    checker = ImageChecker()
    photo = MINIMAL_PACK / "images" / "photo.png"
    assert checker(photo) == [] and checker(MINIMAL_PACK / "images" / "logo.svg") == []
    worker = checker._worker
    assert checker(photo) == [] and checker._worker is worker
    checker.close()
    assert worker.returncode == 0
