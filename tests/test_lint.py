"""Content lint: what breaks a show that no schema catches, found with the real fonts and layout
and reported at the file:line to fix."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.content import load_pack
from kiosk.imagecheck import check_image
from kiosk.lint import contrast, theme_problems
from kiosk.ui.lint import lint_pack

from .support import MINIMAL_PACK, YONGCHUAN_PACK

LONG_TITLE = ("A far far too long title for a screen that nobody will ever read from two metres away, "
              "and it keeps going on and on and on, long after any visitor has given up and walked off")


@pytest.fixture
def pack_dir(tmp_path):
    folder = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, folder)
    return folder


def lint(folder, sizes=((1920, 1080),)) -> list[str]:
    result = load_pack(folder, check_image)
    assert result.ok, result.problems
    return [p.format() for p in theme_problems(result.pack) + lint_pack(result.pack, list(sizes))]


def solid(path, width, height):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#19d3c5"))
    assert image.save(str(path))


def test_the_shipped_packs_are_clean(qapp):
    for folder in (YONGCHUAN_PACK, YONGCHUAN_PACK.parent / "starter"):
        assert lint(folder, [(1920, 1080), (1080, 1920)]) == [], folder.name


def test_a_far_too_long_title_is_reported_where_it_is_written(qapp, pack_dir):
    figures = pack_dir / "screens" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("en: Figures}", f'en: "{LONG_TITLE}"}}'),
                       encoding="utf-8")
    assert lint(pack_dir) == [
        "screens/figures.yaml:3:8: warning: text is cut short at 1920x1080 (en): "
        "'A far far too long title for a screen that nobody…'; shorten it"]


def test_a_tiny_image_is_reported_as_upscaled(qapp, pack_dir):
    solid(pack_dir / "images" / "photo.png", 40, 30)
    problems = lint(pack_dir)
    assert ("screens/gallery.yaml:5:12: warning: 'photo.png' (40x30) is shown 21.4x enlarged at 1920x1080, "
            "so it looks blurred; use one at least 854x641") in problems


def test_a_huge_image_is_reported_as_wasteful(qapp, pack_dir):
    solid(pack_dir / "images" / "big.png", 6000, 4000)
    history = pack_dir / "screens" / "history.yaml"
    history.write_text(history.read_text(encoding="utf-8").replace("image: images/logo.svg", "image: images/big.png"),
                       encoding="utf-8")
    problems = lint(pack_dir)
    assert any(p.startswith("screens/history.yaml:7:12: warning: 'big.png' (6000x4000) is far larger than needed")
               for p in problems), problems


def test_low_contrast_theme_colours(pack_dir):
    pack_yaml = pack_dir / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace(
        'background: "#102030"', 'background: "#102030"\n  muted: "#3a4a5a"'), encoding="utf-8")
    problems = [p.format() for p in theme_problems(load_pack(pack_dir).pack)]
    assert problems[0].startswith("pack.yaml:10:10: warning: theme colour 'muted' (#3a4a5a) on 'background'")
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


def test_a_character_no_font_has(qapp, pack_dir):
    software = pack_dir / "screens" / "software.yaml"
    software.write_text(software.read_text(encoding="utf-8").replace("正文。", "正文\ue000。"), encoding="utf-8")
    assert ("screens/software.yaml:4:7: warning: character '\ue000' (U+E000, zh) is in no bundled or installed "
            "font: it would show as an empty box") in lint(pack_dir)


def test_a_long_pack_title_is_reported_in_pack_yaml_not_on_every_screen(qapp, pack_dir):
    """The dock shows the pack's title on every screen: it is written once, in pack.yaml."""
    pack_yaml = pack_dir / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    title_line = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("title:"))
    pack_yaml.write_text(text.replace("en: Minimal pack", f'en: "{LONG_TITLE}"', 1), encoding="utf-8")
    problems = [p for p in lint(pack_dir) if "A far far too long" in p]
    assert problems and all(p.startswith(f"pack.yaml:{title_line}:") for p in problems), problems
