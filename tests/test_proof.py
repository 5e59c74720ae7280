"""`kiosk proof`: every screen rendered in every language at every size, contact sheets, and a
failure when a screen cannot be rendered properly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from .support import MINIMAL_PACK


def proof(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", "proof", *args], capture_output=True, text=True, env=env)


def test_proof_renders_every_screen_and_a_contact_sheet_per_size(tmp_path):
    out = tmp_path / "out"
    run = proof(str(MINIMAL_PACK), "-o", str(out), "--size", "1280x720", "--size", "720x1280")
    assert run.returncode == 0, run.stdout + run.stderr
    for size in ("1280x720", "720x1280"):
        pngs = sorted(p.name for p in (out / size).glob("*.png"))
        assert len(pngs) == 7 * 2 and "home-zh.png" in pngs and "gallery-en.png" in pngs
        w, h = map(int, size.split("x"))
        shot = QImage(str(out / size / "home-zh.png"))
        assert (shot.width(), shot.height()) == (w, h)
        sheet = QImage(str(out / f"contact-{size}.png"))
        assert not sheet.isNull() and sheet.width() > 1000
    assert "rendered 28 of 28 screens" in run.stdout and "0 failures" in run.stdout


def test_proof_renders_the_looks_a_visitor_may_choose(tmp_path):
    out = tmp_path / "out"
    run = proof(str(MINIMAL_PACK), "-o", str(out), "--size", "1280x720", "--lang", "en", "--high-contrast")
    assert run.returncode == 0, run.stdout + run.stderr
    # The pack's background is #102030; a visitor who chose high contrast gets black.
    corner = QImage(str(out / "1280x720" / "software-en.png")).pixelColor(4, 4)
    assert corner == QColor("#000000"), corner.name()
    normal = tmp_path / "normal"
    assert proof(str(MINIMAL_PACK), "-o", str(normal), "--size", "1280x720", "--lang", "en").returncode == 0
    assert QImage(str(normal / "1280x720" / "software-en.png")).pixelColor(4, 4) == QColor("#102030")
    larger = tmp_path / "larger"
    assert proof(str(MINIMAL_PACK), "-o", str(larger), "--size", "1280x720", "--lang", "en",
                 "--large-text").returncode == 0
    assert (QImage(str(larger / "1280x720" / "software-en.png"))
            != QImage(str(normal / "1280x720" / "software-en.png"))), "A+ changes what is on screen"


@pytest.mark.qt_log_ignore("Corrupt JPEG")  # the lint lays the screen out before the proof renders it
def test_a_screen_that_cannot_be_rendered_fails_the_proof(tmp_path, monkeypatch, capsys, qapp):
    """A picture damaged in a way only a full render notices (here: let through the image check)."""
    from kiosk.cli import main
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    image = QImage(1280, 960, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    image.save(str(pack / "images" / "photo.jpg"), quality=90)
    data = (pack / "images" / "photo.jpg").read_bytes()
    (pack / "images" / "photo.jpg").write_bytes(data[: len(data) // 3])
    gallery = pack / "screens" / "gallery.yaml"
    gallery.write_text(gallery.read_text(encoding="utf-8").replace("photo.png", "photo.jpg"), encoding="utf-8")
    monkeypatch.setattr("kiosk.system.imagecheck.check_image", lambda path: [])
    assert main(["proof", str(pack), "-o", str(tmp_path / "out"), "--size", "1280x720", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{pack}/screens/gallery.yaml:1:1: error: screen 'gallery' (en, 1280x720) failed to render" in out
    assert "rendered 6 of 7 screens" in out


def test_proof_usage_errors(tmp_path):
    run = proof(str(MINIMAL_PACK), "-o", str(tmp_path), "--lang", "fr")
    assert run.returncode == 2 and "no language 'fr'" in run.stderr


def test_proof_draws_a_strip_of_each_film(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent.parent / "tools"))
    import make_media  # a tool, not a package
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (pack / "films").mkdir()
    make_media.make_film(pack / "films" / "intro.mp4", "h264")
    yaml_file = pack / "pack.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(
        "  attract_images:", "  attract_films: [{file: films/intro.mp4, poster: images/photo.png}]\n  attract_images:"),
        encoding="utf-8")
    out = tmp_path / "out"
    run = proof(str(pack), "-o", str(out), "--size", "1280x720", "--lang", "en")
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"film strip: {out / 'films' / 'intro.png'}" in run.stdout
    strip = QImage(str(out / "films" / "intro.png"))
    # The poster, then six pictures in 320x180 boxes 16 px apart, under a 48 px title.
    assert strip.width() == 16 + 7 * (320 + 16)
    boxes = [strip.copy(16 + i * 336, 48, 320, 180) for i in range(7)]
    assert len({bytes(b.constBits()) for b in boxes}) == 7, "the poster and six different moments"
