"""Every screen of the Yongchuan pack, rendered offscreen in both languages, landscape and
portrait: none is blank, and every character of the pack is in the bundled fonts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QRawFont

from kiosk.content import Text, load_pack, parts
from kiosk.ui.fonts import bundled_font_files
from kiosk.ui.present import present_pack
from kiosk.ui.render import render_screens

from .support import YONGCHUAN_PACK


def share_unlike(image: QImage, colour: QColor, step: int = 8) -> float:
    """Fraction of sampled pixels that differ clearly from `colour`."""
    differ = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            total += 1
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) > 40:
                differ += 1
    return differ / total


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_no_screen_is_blank(qapp, size, tmp_path):
    from kiosk.ui.app import prepare_qt
    prepare_qt()
    pack = load_pack(YONGCHUAN_PACK).pack
    background = QColor(pack.theme.background)
    count = 0
    for shot in render_screens(pack, size, pack.languages):
        assert (shot.image.width(), shot.image.height()) == size
        shot.image.save(str(tmp_path / f"{shot.screen_id}-{shot.language}.png"))
        assert share_unlike(shot.image, background) > 0.08, f"{shot.screen_id} ({shot.language}) looks blank"
        count += 1
    assert count == len(pack.screens) * len(pack.languages)


def test_every_character_of_the_pack_is_in_the_bundled_fonts():
    pack = load_pack(YONGCHUAN_PACK).pack
    chars = {c for text in parts(pack, Text) for value in text.values.values() for c in value}
    shell = present_pack(pack)  # the app's own labels and language names
    chars |= {c for words in shell["strings"].values() for w in words.values() for c in w}
    chars |= {c for lang in shell["languages"] for c in lang["name"]}
    chars -= {"\n", "\t"}
    fonts = bundled_font_files()
    assert fonts, "no fonts in assets/fonts"
    for path in fonts:
        raw = QRawFont(str(path), 16)
        assert raw.isValid(), path
        missing = sorted(c for c in chars if not c.isspace() and not raw.supportsCharacter(ord(c)))
        assert not missing, f"{path.name} lacks {''.join(missing)}"
