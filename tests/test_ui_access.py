"""Access for every visitor on the real window: every control a visitor can press has a role and
a name the platform's screen reader announces, and a keypad reaches and presses it (Tab, Enter)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.ui.inspect import loading, stage_of, touch_targets, walk

from .support import YONGCHUAN_PACK
from .visitor import Visitor


def unnamed(stage: QQuickItem) -> list[str]:
    """The touch targets on screen without a screen reader's role and name."""
    missing = []
    for target in touch_targets(stage):
        # The box itself, or the TapTarget that fills it, speaks for it.
        holders = [target.item, *(c for c in target.item.childItems() if c.property("isTapTarget"))]
        said = [(i.role(), i.text(QAccessible.Text.Name)) for i in map(QAccessible.queryAccessibleInterface, holders)
                if i is not None]
        if not any(name.strip() and role in (QAccessible.Role.Button, QAccessible.Role.ProgressBar)
                   for role, name in said):
            owner = target.item
            while owner is not None and not owner.objectName():
                owner = owner.parentItem()
            missing.append(owner.objectName() if owner is not None else "?")
    return missing


def every_screen(show, qtbot) -> Iterator[tuple[str, str]]:
    """Each screen of the show's pack in each of its languages, laid out: (language, screen id)."""
    visitor = Visitor(show, qtbot)
    nav = show.navigator
    stage = stage_of(visitor.window)
    for language in show.pack.languages:
        nav.setLanguage(language)
        for screen in show.pack.screens:
            nav.home()
            if screen.id != nav.screenId:
                nav.open(screen.id)
            visitor.settle()
            assert nav.screenId == screen.id
            qtbot.waitUntil(lambda: not loading(stage))  # a Loader's items are not bound before
            yield language, screen.id


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_everything_a_visitor_can_press_has_a_name_and_a_role_on_every_screen(show_pack, qtbot, size):
    show = show_pack(YONGCHUAN_PACK, size=size, animate=False)
    stage = stage_of(show.window)
    checked = 0
    for language, screen_id in every_screen(show, qtbot):
        assert unnamed(stage) == [], (language, screen_id)
        checked += len(touch_targets(stage))
    assert checked > 100  # tiles, cards, years, pictures, clip controls, Back, Home, language


def test_a_keypad_reaches_a_tile_with_tab_and_opens_it_with_enter(show_pack, qtbot):
    show = show_pack(YONGCHUAN_PACK, animate=False)
    visitor = Visitor(show, qtbot)
    visitor.settle()
    window = visitor.window
    window.requestActivate()
    seen = []
    for _ in range(40):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        focused = window.activeFocusItem()
        owner = focused.parentItem() if focused is not None else None
        seen.append(owner.objectName() if owner is not None else "")
        if seen[-1] == "tile:history":
            break
    assert seen[-1] == "tile:history", seen
    QTest.keyClick(window, Qt.Key.Key_Return)
    visitor.settle()
    assert show.navigator.screenId == "history"
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.activeFocusItem() is not None, "the new screen's controls are reachable too"


def test_high_contrast_is_one_tap_away_and_the_next_visitor_gets_the_packs_colours(show_pack, qtbot):
    from kiosk.core.contrast import HIGH_CONTRAST
    show = show_pack(YONGCHUAN_PACK, animate=False)
    visitor = Visitor(show, qtbot)
    visitor.settle()
    window = visitor.window
    pack_background = window.color().name()
    visitor.tap("contrastButton")
    assert show.navigator.highContrast
    assert window.color().name() == HIGH_CONTRAST["background"] != pack_background
    visitor.tap("contrastButton")
    assert window.color().name() == pack_background
    visitor.tap("contrastButton")
    show.navigator.reset("idle")
    assert not show.navigator.highContrast and window.color().name() == pack_background


def test_larger_text_is_one_tap_away_grows_what_visitors_read_and_ends_with_the_visit(show_pack, qtbot):
    from kiosk.core.navigation import LARGE_TEXT
    show = show_pack(YONGCHUAN_PACK, animate=False)
    visitor = Visitor(show, qtbot)
    visitor.settle()
    stage = stage_of(visitor.window)

    def tile_subtitle() -> float:  # "从西部声谷到重庆云谷" under the History tile, 24 px at 1080p
        return next(t.property("font").pixelSize() for t in walk(stage) if t.inherits("QQuickText")
                    and t.property("text") == "从西部声谷到重庆云谷" and t.isVisible())

    normal = tile_subtitle()
    visitor.tap("largerTextButton")
    visitor.settle()
    assert show.navigator.largeText and tile_subtitle() == round(normal * LARGE_TEXT)
    visitor.tap("tile:history")
    visitor.settle()
    assert show.navigator.screenId == "history" and show.navigator.largeText, "A+ stays on for the visit"
    show.navigator.reset("idle")
    visitor.settle()
    assert not show.navigator.largeText and tile_subtitle() == normal


@pytest.mark.parametrize(("pack_says", "machine_says", "lowered"), [
    (True, None, True), (False, True, True), (True, False, False)])
def test_lowered_content_keeps_every_touch_target_in_the_bottom_two_thirds(
        show_pack, qtbot, tmp_path, pack_says, machine_says, lowered):
    """A wall-mounted portrait screen (the pack's `lower_content`, or the machine's setting)."""
    import shutil

    from kiosk.system.settings import Settings
    pack = tmp_path / "yongchuan-2022"
    shutil.copytree(YONGCHUAN_PACK, pack)
    with (pack / "pack.yaml").open("a", encoding="utf-8") as f:
        f.write(f"lower_content: {str(pack_says).lower()}\n")
    show = show_pack(pack, size=(1080, 1920), animate=False, settings=Settings(lower_content=machine_says))
    stage = stage_of(show.window)
    highest = [min(t.rect.y() for t in touch_targets(stage)) for _ in every_screen(show, qtbot)]
    if lowered:
        assert min(highest) >= 1920 / 3, "a touch target in the top third"
    else:
        assert min(highest) < 1920 / 3, "the screens use the whole height as the pack made them"
