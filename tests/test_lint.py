"""Content lint: what breaks a show that no schema catches, found with the real fonts and layout
and reported at the file:line to fix."""

from __future__ import annotations

import shutil
import sys

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.content import Pos, Problem, load_pack
from kiosk.core.lint import contrast, kind_of, theme_problems
from kiosk.system.imagecheck import check_image
from kiosk.ui import view
from kiosk.ui.lint import lint_pack

from .support import MINIMAL_PACK, TESTS, YONGCHUAN_PACK

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
        assert lint(folder, [(1920, 1080), (1080, 1920), (3840, 2160)]) == [], folder.name


def test_the_old_home_screen_is_reported_where_titles_run_over_icons(qapp, tmp_path, monkeypatch):
    """Issue 12: in English at 1920x1080 the park's name took two lines, the tiles got shorter
    and each tile's title ran over its icon, and the lint said nothing. The home screen as it was
    then (tests/layouts) stands in for today's, on the pack as it was shipped."""
    qml = tmp_path / "qml"
    shutil.copytree(view.QML_DIR, qml)
    shutil.copy(TESTS / "layouts" / "MenuScreen-overlapping.qml", qml / "Kiosk" / "MenuScreen.qml")
    monkeypatch.setattr(view, "QML_DIR", qml)
    problems = lint(YONGCHUAN_PACK)
    assert ("screens/home.yaml:27:12: warning: at 1920x1080 (en) the text 'Key figures' overlaps the icon "
            "'icon-figures.svg' of its tile; shorten it") in problems
    assert len(problems) == 7 and all("overlaps the icon" in p for p in problems), problems


def test_a_home_title_of_any_length_leaves_the_tiles_whole(qapp, pack_dir):
    """The title shrinks and is cut short; the tiles keep room for their icon and words."""
    home = pack_dir / "screens" / "home.yaml"
    text = home.read_text(encoding="utf-8").replace("en: Home}", f'en: "Home · {LONG_TITLE} · {LONG_TITLE}"}}')
    home.write_text(text.replace("    target:", "    icon: images/logo.svg\n    target:"), encoding="utf-8")
    problems = lint(pack_dir, [(1920, 1080), (1080, 1920)])
    assert problems == [f"screens/home.yaml:3:8: warning: text is cut short at {size} (en): 'Home A far far too "
                        "long title for a screen that n…'; shorten it" for size in ("1080x1920", "1920x1080")]


def test_a_chip_longer_than_its_card_is_wide_wraps_inside_it(qapp, pack_dir):
    """As a firm's name must with A+ on a portrait screen; a name with no space in it too."""
    firms = ["Chongqing Big Data Industrial Park Talent Training Centre Co., Ltd.",
             "ChongqingBigDataIndustrialParkTalentTrainingCentreCoLtd"]
    (pack_dir / "screens" / "sectors.yaml").write_text(
        "id: sectors\nkind: cards\ntitle: {zh: 产业, en: Sectors}\ncards:\n"
        "  - title: {zh: 软件, en: Software}\n    target: software\n"
        "    chips:\n" + "".join(f"      - {{zh: 甲公司, en: {firm}}}\n" for firm in firms) +
        "  - title: {zh: 硬件, en: Hardware}\n  - title: {zh: 服务, en: Services}\n", encoding="utf-8")
    assert lint(pack_dir, [(1920, 1080), (1080, 1920)]) == []


def test_a_far_too_long_title_is_reported_where_it_is_written(qapp, pack_dir):
    figures = pack_dir / "screens" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("en: Figures}", f'en: "{LONG_TITLE}"}}'),
                       encoding="utf-8")
    assert lint(pack_dir) == [
        "screens/figures.yaml:3:8: warning: text is cut short at 1920x1080 (en): "
        "'A far far too long title for a screen that nobody…'; shorten it"]


@pytest.mark.parametrize("sentences, look", [(6, " with A+"), (7, "")])
def test_what_only_larger_text_cuts_short_is_reported_with_a_plus(qapp, pack_dir, sentences, look):
    """An intro on three lines needs four with A+ and shows three: reported with A+. One cut
    short already in the pack's own look is reported there, and not again for A+."""
    intro = " ".join(["Three lines of the pack's own size, and a fourth with larger text."] * sentences)
    figures = pack_dir / "screens" / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace(
        "title: {zh: 数据, en: Figures}\n", f'title: {{zh: 数据, en: Figures}}\nintro: {{zh: 数据, en: "{intro}"}}\n'),
        encoding="utf-8")
    assert lint(pack_dir) == [f"screens/figures.yaml:4:8: warning: text is cut short at 1920x1080{look} (en): "
                              f"'{intro[:49]}…'; shorten it"]


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


LONG_CUE = ("A caption written as a whole paragraph, far more than anyone reads in the few seconds it "
            "is shown, which wraps over line after line until it hides most of the film behind it")


def test_a_caption_that_covers_the_film_is_reported_at_its_cue(qapp, pack_dir):
    sys.path.insert(0, str(TESTS.parent / "tools"))
    import make_media  # a tool, not a package
    (pack_dir / "films").mkdir()
    make_media.make_film(pack_dir / "films" / "talk.mp4", "talk")
    captions = {"zh": "WEBVTT\n\n00:00.000 --> 00:01.500\n第一句字幕\n",
                "en": f"WEBVTT\n\n00:00.000 --> 00:01.500\nThe first line\n\n00:01.500 --> 00:03.000\n{LONG_CUE}\n"}
    for lang, text in captions.items():
        (pack_dir / "films" / f"talk.{lang}.vtt").write_text(text, encoding="utf-8")
    (pack_dir / "screens" / "software.yaml").write_text(
        "id: software\nkind: detail\ntitle: {zh: 软件, en: Software}\nbody: {zh: 正文。, en: Body text.}\n"
        "video:\n  file: films/talk.mp4\n  poster: images/photo.png\n"
        "  captions: {zh: films/talk.zh.vtt, en: films/talk.en.vtt}\n", encoding="utf-8")
    problems = [p for p in lint(pack_dir, [(1920, 1080), (1080, 1920)]) if ".vtt" in p]
    assert problems and all(p.startswith("films/talk.en.vtt:6:1: warning: this caption takes ") for p in problems), \
        problems
    assert any("at 1920x1080 (en)" in p for p in problems)


def test_a_problem_with_a_plus_is_said_again_only_if_it_is_another_problem():
    where = Pos("screens/home.yaml", 5, 12)
    plain = Problem(where, "warning", "'photo.png' (40x30) is shown 21.4x enlarged at 1920x1080, so it looks blurred")
    bigger = Problem(where, "warning", "'photo.png' (40x30) is shown 25.1x enlarged at 1920x1080 with A+, so it looks "
                                       "blurred")
    cut = Problem(where, "warning", "text is cut short at 1920x1080 with A+ (en): 'Home'; shorten it")
    known = {kind_of(plain, "")}
    assert kind_of(bigger, " with A+") in known, "the same picture, measured again"
    assert kind_of(cut, " with A+") not in known, "something else wrong at the same line"
