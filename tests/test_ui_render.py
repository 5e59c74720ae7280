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


@pytest.mark.parametrize("size, languages", [((1920, 1080), ["zh", "en"]), ((1080, 1920), ["zh", "en"]),
                                             ((3840, 2160), ["en"])], ids=["landscape", "portrait", "4k"])
def test_no_screen_is_blank_or_cut_short(qapp, size, languages, tmp_path):
    pack = load_pack(YONGCHUAN_PACK).pack
    background = QColor(pack.theme.background)
    count = 0
    for shot in render_screens(pack, size, languages):
        where = f"{shot.screen_id} ({shot.language}, {size[0]}x{size[1]})"
        assert (shot.image.width(), shot.image.height()) == size
        shot.image.save(str(tmp_path / f"{shot.screen_id}-{shot.language}.png"))
        assert share_unlike(shot.image, background) > 0.08, f"{where} looks blank"
        assert shot.truncated == [], f"{where}: text cut short: {shot.truncated}"
        count += 1
    assert count == len(pack.screens) * len(languages)


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


def test_a_text_too_long_for_its_box_is_reported(qapp, tmp_path):
    """The cut-short check above can fail: a tile title far too long is caught."""
    import shutil

    from .support import MINIMAL_PACK
    folder = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, folder)
    home = folder / "screens" / "home.yaml"
    long_title = "A very long tile title that goes on and on " * 4
    home.write_text(home.read_text(encoding="utf-8").replace("en: History", f"en: {long_title}"), encoding="utf-8")
    pack = load_pack(folder).pack
    shots = {s.screen_id: s for s in render_screens(pack, (1920, 1080), ["en"])}
    assert any(t.startswith("A very long tile title") for t in shots["home"].truncated)
    assert shots["figures"].truncated == []
