"""Rehearsal on a laptop: presets scaled to fit, keyboard shortcuts, the overlay, hot reload."""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui.inspect import stage_of

from .support import MINIMAL_PACK, YONGCHUAN_PACK
from .visitor import Visitor

SOFTWARE = "id: software\nkind: detail\ntitle: {{zh: {zh}, en: {en}}}\nbody: {{zh: 正文。, en: Body text.}}\n"


def test_a_portrait_preset_is_laid_out_at_full_size_and_shrunk_to_fit(show_pack, qtbot):
    show = show_pack(YONGCHUAN_PACK, size=(1080, 1920), fit=True)  # on a 1920x1080 screen
    stage = stage_of(show.window)
    assert (stage.width(), stage.height()) == (1080, 1920), "the layout is the booth's"
    assert show.window.height() <= 1080 and abs(show.window.width() / show.window.height() - 1080 / 1920) < 0.01
    visitor = Visitor(show, qtbot, "touch")
    visitor.tap("tile:history")  # touch still lands where the eye sees the tile
    visitor.settle()
    assert show.navigator.screenId == "history"


def test_keyboard_shortcuts(show_pack, qtbot):
    show = show_pack(MINIMAL_PACK)
    nav, window = show.navigator, show.window
    ids = nav.screen_ids
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert nav.screenId == ids[(ids.index("home") + 1) % len(ids)]
    QTest.keyClick(window, Qt.Key.Key_Left)
    QTest.keyClick(window, Qt.Key.Key_Left)
    assert nav.screenId == ids[(ids.index("home") - 1) % len(ids)]
    QTest.keyClick(window, Qt.Key.Key_Home)
    assert nav.screenId == "home"
    QTest.keyClick(window, Qt.Key.Key_L)
    assert nav.language == "en"
    visitor = Visitor(show, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Question)
    help_texts = visitor.texts_in(visitor.wait_for("shortcutHelp"))
    assert "Rehearsal shortcuts · 彩排快捷键" in help_texts and "reload the pack now" in " ".join(help_texts)
    QTest.keyClick(window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: show.idle.phase == "attract")
    QTest.keyClick(window, Qt.Key.Key_F)
    assert window.visibility().name == "FullScreen"
    QTest.keyClick(window, Qt.Key.Key_F)
    assert window.visibility().name != "FullScreen"


def test_overlay_shows_source_and_touch_targets(show_pack, qtbot):
    show = show_pack(YONGCHUAN_PACK)
    visitor = Visitor(show, qtbot)
    visitor.tap("tile:history")
    visitor.settle()
    QTest.keyClick(show.window, Qt.Key.Key_O)
    info = visitor.wait_for("overlayInfo")
    text = " ".join(visitor.texts_in(info))
    assert "screen  history" in text and "source  screens/history.yaml:2:1" in text
    assert len(visitor.find_all("target")) >= 10 and not visitor.find_all("smallTarget")
    back = visitor.find("backButton")
    back.setWidth(30)  # a target below 48 px at 1080p is outlined in red
    back.setHeight(30)
    show.navigator.languageChanged.emit()
    qtbot.waitUntil(lambda: len(visitor.find_all("smallTarget")) == 1)
    QTest.keyClick(show.window, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: not visitor.find_all("overlayInfo") and not visitor.find_all("target"))


def write_by_rename(path, text: str) -> None:
    """As many editors save: a new file renamed over the old one."""
    tmp = path.with_name(path.name + ".swp~")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_hot_reload_stays_on_the_screen_and_shows_then_clears_errors(show_pack, qtbot, tmp_path):
    folder = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, folder)
    show = show_pack(folder)
    visitor = Visitor(show, qtbot)
    show.navigator.open("software")
    visitor.settle()
    software = folder / "screens" / "software.yaml"

    software.write_text(SOFTWARE.format(zh="软件产业", en="Software industry"), encoding="utf-8")
    qtbot.waitUntil(lambda: visitor.find_all("screenTitle")
                    and visitor.text_of("screenTitle") == "软件产业", timeout=3000)
    assert show.navigator.screenId == "software", "still on the same screen"

    write_by_rename(software, "id: software\nkind: detail\ntitle: {zh: 软件, en: Software\n")
    panel = visitor.wait_for("errorPanel")
    assert any("screens/software.yaml:3:8: error: the '{' here is never closed" in t for t in visitor.texts_in(panel))
    assert visitor.text_of("screenTitle") == "软件产业", "the last good content stays"

    write_by_rename(software, SOFTWARE.format(zh="软件与信息", en="Software & IT"))
    qtbot.waitUntil(lambda: not visitor.find_all("errorPanel"), timeout=3000)
    qtbot.waitUntil(lambda: visitor.text_of("screenTitle") == "软件与信息", timeout=3000)
    assert show.navigator.screenId == "software"
