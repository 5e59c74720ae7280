"""Rehearsal on a laptop: presets scaled to fit, keyboard shortcuts, the overlay, hot reload."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.ui.inspect import stage_of

from .support import MINIMAL_PACK, YONGCHUAN_PACK
from .test_ui_visitor import go
from .visitor import Visitor, scene_rect

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


# --- hot reload keeps the place within the screen ------------------------------------------------


def yongchuan_copy(show_pack, qtbot, tmp_path) -> tuple[Visitor, Path]:
    folder = tmp_path / "yongchuan"
    shutil.copytree(YONGCHUAN_PACK, folder)
    visitor = Visitor(show_pack(folder), qtbot)
    visitor.settle()
    return visitor, folder


def edit(visitor: Visitor, path: Path, old: str, new: str) -> None:
    """Save an edit of `path` and wait until the screen shows it."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    write_by_rename(path, text.replace(old, new, 1))
    visitor.qtbot.waitUntil(lambda: visitor.find_all("screenTitle") and new in visitor.text_of("screenTitle"),
                            timeout=3000)
    visitor.settle()


def test_hot_reload_keeps_the_timeline_event_and_the_gallery_picture(show_pack, qtbot, tmp_path):
    visitor, folder = yongchuan_copy(show_pack, qtbot, tmp_path)
    history = folder / "screens" / "history.yaml"
    go(visitor, "history")
    visitor.tap("year:2017")
    pager = visitor.find("pager")
    qtbot.waitUntil(lambda: not pager.property("moving") and pager.property("currentIndex") == 3)

    edit(visitor, history, "发展历程", "发展历程（修订）")
    pager = visitor.find("pager")
    assert pager.property("currentIndex") == 3, "still on 2017"
    assert pager.property("contentX") == 3 * pager.width(), "shown there at once"
    assert "2017" in visitor.texts_in(visitor.find("pager"))

    # The edited timeline now ends before the event shown: its last event instead.
    text = history.read_text(encoding="utf-8")
    write_by_rename(history, text[:text.index('  - year: "2015.9"')].replace("（修订）", "（短）"))
    qtbot.waitUntil(lambda: "发展历程（短）" in visitor.text_of("screenTitle"), timeout=3000)
    visitor.settle()
    assert visitor.find("pager").property("currentIndex") == 1 == visitor.find("pager").property("count") - 1

    visitor.tap("homeButton")
    visitor.settle()
    go(visitor, "gallery")
    visitor.tap("next")
    visitor.tap("next")
    qtbot.waitUntil(lambda: visitor.find("pager").property("currentIndex") == 2)
    edit(visitor, folder / "screens" / "gallery.yaml", "园区影像", "园区影像（新）")
    assert visitor.find("pager").property("currentIndex") == 2, "the same picture"


def test_hot_reload_keeps_a_scrolled_text_where_it_was(show_pack, qtbot, tmp_path):
    visitor, folder = yongchuan_copy(show_pack, qtbot, tmp_path)
    go(visitor, "talent")
    text = visitor.find("scrollText")
    assert text.property("interactive"), "the test needs text taller than its room"
    area = scene_rect(text)
    visitor.swipe(area.center(), area.center() - QPointF(0, 200), hold=True)
    qtbot.waitUntil(lambda: not text.property("moving"))
    scrolled = text.property("contentY")
    assert scrolled > 100

    edit(visitor, folder / "screens" / "talent.yaml", "人才培育", "人才培养")
    assert abs(visitor.find("scrollText").property("contentY") - scrolled) < 2


def test_after_a_hot_reload_the_next_visitor_still_starts_at_the_start(show_pack, qtbot, tmp_path):
    visitor, folder = yongchuan_copy(show_pack, qtbot, tmp_path)
    show = visitor.show
    go(visitor, "history")
    visitor.tap("year:2017")
    edit(visitor, folder / "screens" / "history.yaml", "发展历程", "发展历程（修订）")
    assert visitor.find("pager").property("currentIndex") == 3

    show.idle.goIdleNow()
    visitor.wait_for("attract")
    visitor.tap(QPointF(show.window.width() / 2, show.window.height() / 2))  # wakes it
    qtbot.waitUntil(lambda: not visitor.find_all("attract"))
    go(visitor, "history")
    assert visitor.find("pager").property("currentIndex") == 0, "a new visitor starts at the first event"
