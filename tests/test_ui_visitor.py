"""Visitor flows on the real window, by touch and by mouse: every screen of the Yongchuan pack in
both languages, swiping, pinching, Back and Home, language switching in place."""

from __future__ import annotations

from collections import deque

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.content import Pack, ScreenRef, parts
from kiosk.ui.inspect import is_picture, shown, walk
from kiosk.ui.render import settle

from .support import YONGCHUAN_PACK
from .visitor import Visitor, scene_rect


def routes(pack: Pack) -> dict[str, list[str]]:
    """For each screen, the screens a visitor taps through from the start to reach it."""
    by_id = {s.id: s for s in pack.screens}
    found = {pack.start.id: []}
    todo = deque([pack.start.id])
    while todo:
        here = todo.popleft()
        for ref in parts(by_id[here], ScreenRef):
            if ref.id not in found:
                found[ref.id] = found[here] + [ref.id]
                todo.append(ref.id)
    return found


def go(visitor: Visitor, target: str) -> None:
    """Tap whatever on the current screen leads to `target`: a tile, a card or a link."""
    visitor.tap(visitor.find(f"tile:{target}", f"card:{target}", f"link:{target}"))
    visitor.settle()
    assert visitor.show.navigator.screenId == target


@pytest.fixture(params=["touch", "mouse"])
def visitor(request, show_pack, qtbot):
    return Visitor(show_pack(YONGCHUAN_PACK), qtbot, request.param)


def test_every_screen_is_reached_in_both_languages(visitor):
    nav, pack = visitor.show.navigator, visitor.show.pack
    all_routes = routes(pack)
    assert set(all_routes) == {s.id for s in pack.screens}
    for language in pack.languages:
        if nav.language != language:
            visitor.tap("languageButton")
        assert nav.language == language
        for screen in pack.screens:
            if nav.screenId != pack.start.id:
                visitor.tap("homeButton")
                visitor.settle()
            assert nav.screenId == pack.start.id
            for hop in all_routes[screen.id]:
                go(visitor, hop)
            assert visitor.text_of("screenTitle") == screen.title(language)
            if all_routes[screen.id]:
                before = ([pack.start.id] + all_routes[screen.id])[-2]
                visitor.tap("backButton")
                visitor.settle()
                assert nav.screenId == before


def test_language_switches_in_place(visitor):
    nav = visitor.show.navigator
    go(visitor, "history")
    pager = visitor.find("pager")
    visitor.tap("year:2017")
    visitor.qtbot.waitUntil(lambda: pager.property("currentIndex") == 3)
    title_zh = visitor.text_of("screenTitle")
    assert visitor.find("languageButton").property("text") == "English", "named in the language it switches to"
    visitor.tap("languageButton")
    assert visitor.find("languageButton").property("text") == "中文"
    assert nav.language == "en" and nav.screenId == "history"
    assert visitor.text_of("screenTitle") != title_zh
    assert pager.property("currentIndex") == 3, "the visitor stays on the same year"
    visitor.tap("languageButton")
    assert visitor.text_of("screenTitle") == title_zh


def test_quotes_in_english_are_as_narrow_as_english_sets_them(show_pack, qtbot):
    """The bundled font is Chinese: its “ ” are a full em wide, as Chinese sets them, which in an
    English sentence leaves a gap on each side ("a  “1+N”  model", the plans screen)."""
    visitor = Visitor(show_pack(YONGCHUAN_PACK), qtbot)
    go(visitor, "history")
    title = visitor.find("screenTitle")  # a Label, as every text of a pack is
    widths = {}
    for language in ("zh", "en"):
        if visitor.show.navigator.language != language:
            visitor.tap("languageButton")
        title.setProperty("text", "中")  # a full em
        em = title.property("implicitWidth")
        title.setProperty("text", "“1+N”")
        widths[language] = title.property("implicitWidth")
    assert em > 0 and widths["zh"] - widths["en"] > em / 2, (widths, em)


def test_swipe_through_the_timeline(visitor):
    go(visitor, "history")
    pager = visitor.find("pager")
    area = scene_rect(pager)
    y, x = area.center().y(), area.center().x()

    def swipe_to(dx: float, index: int) -> None:  # a visitor's swipe: a third of the screen, quick
        visitor.swipe(QPointF(x - dx / 2, y), QPointF(x + dx / 2, y))
        visitor.qtbot.waitUntil(lambda: pager.property("currentIndex") == index and not pager.property("moving"))

    swipe_to(-600, 1)
    swipe_to(-600, 2)
    swipe_to(600, 1)
    visitor.tap("next")
    visitor.qtbot.waitUntil(lambda: pager.property("currentIndex") == 2)


def test_back_by_swiping_from_the_left_edge(visitor):
    nav = visitor.show.navigator
    go(visitor, "talent")
    height = visitor.window.height()
    visitor.swipe(QPointF(4, height * 0.45), QPointF(700, height * 0.47))
    visitor.settle()
    assert nav.screenId == "home"


def test_a_short_edge_drag_is_not_back(visitor):
    nav = visitor.show.navigator
    go(visitor, "talent")
    height = visitor.window.height()
    visitor.swipe(QPointF(4, height * 0.45), QPointF(120, height * 0.47))
    visitor.settle()
    assert nav.screenId == "talent"


def upcoming(nav) -> list[str]:
    return [s["id"] for s in nav.upcoming]


def pages(visitor: Visitor) -> dict[str, QQuickItem]:
    return {p.objectName(): p for p in visitor.stack.childItems()}


def test_screens_one_tap_away_are_built_ahead_and_shown_on_a_tap(visitor):
    nav = visitor.show.navigator
    visitor.settle()
    ahead = pages(visitor)
    assert set(ahead) == {f"page:{s}" for s in ["home", *upcoming(nav)]}
    assert [shown(p) for name, p in ahead.items() if name != "page:home"] == [False] * (len(ahead) - 1)
    ahead["page:history"].setProperty("builtAhead", True)
    ahead["page:home"].setProperty("shownBefore", True)
    go(visitor, "history")
    assert visitor.find("page:history").property("builtAhead"), "the page built ahead is shown"
    # The screens one tap away from here are ready too, and the pages built before are kept.
    assert set(pages(visitor)) == {*ahead, *(f"page:{s}" for s in ["history", *upcoming(nav)])}
    visitor.tap("backButton")
    visitor.settle()
    assert visitor.find("page:home").property("shownBefore"), "a menu holds nothing of the visit: kept"
    assert not visitor.find("homeButton").isEnabled(), "Home is off on the start screen"
    # A timeline was moved by the visitor (its pager): opened again, it is a fresh page.
    assert pages(visitor)["page:history"].property("builtAhead") is None


def test_pages_kept_ready_are_bounded(visitor):
    keep = 4  # fewer than the pack's screens
    visitor.stack.setProperty("keep", keep)
    nav = visitor.show.navigator
    for screen in nav.screen_ids:  # every screen, each by the shortest way from the start
        nav.reset()
        visitor.settle()
        for step in routes(visitor.show.pack)[screen]:
            go(visitor, step)
            # The page shown and those kept ready; more only when the screens one tap away need it.
            assert len(pages(visitor)) == max(keep, len(upcoming(nav))) + 1



def test_a_tap_before_the_next_screens_are_built_is_not_lost(visitor, show_pack):
    show = show_pack(YONGCHUAN_PACK, animate=False)
    quick = Visitor(show, visitor.qtbot, visitor.mode)
    assert quick.stack.property("preparing"), "the window just opened: still building"
    quick.tap("tile:history")
    assert show.navigator.screenId == "history"
    history = next(s for s in show.pack.screens if s.id == "history")
    assert quick.text_of("screenTitle") == history.title("zh")
    quick.settle()
    assert quick.find("pager").property("count") == len(history.events)


def test_tap_during_a_transition_is_not_lost(visitor):
    nav = visitor.show.navigator
    visitor.tap("tile:history")
    assert visitor.stack.property("busy"), "the transition is still running"
    visitor.tap("backButton")
    visitor.settle()
    assert nav.screenId == "home"
    assert not nav.canGoBack


def test_pinch_zoom_and_pan_in_the_gallery(show_pack, qtbot):
    """And the picture is decoded at twice its size only while it is zoomed."""
    visitor = Visitor(show_pack(YONGCHUAN_PACK), qtbot, "touch")
    go(visitor, "gallery")
    pager = visitor.find("pager")
    zoom = visitor.find("zoom")
    area = scene_rect(zoom)
    picture = next(it for it in walk(zoom) if is_picture(it))
    image, fine = (next(it for it in walk(picture) if it.objectName() == name) for name in ("image", "fine"))
    qtbot.waitUntil(lambda: image.property("implicitWidth") > 0)  # decoded
    fitted = image.property("implicitWidth")
    assert fitted <= zoom.width() + 1 and fine.property("source").isEmpty(), "fitted: decoded once"
    visitor.pinch(area.center(), 200, 600)
    qtbot.waitUntil(lambda: zoom.property("contentWidth") > 2 * zoom.width())
    qtbot.waitUntil(lambda: fine.isVisible())
    assert fine.property("implicitWidth") >= 2 * fitted - 1, "zoomed: sharp"
    assert not image.isVisible(), "the fitted one is not drawn under it"
    for size in ("paintedWidth", "paintedHeight"):
        assert abs(fine.property(size) - image.property(size)) < 1, f"laid exactly over it: {size}"
    assert not pager.property("interactive"), "a zoomed picture pans; it does not turn the page"
    x_before = zoom.property("contentX")
    visitor.swipe(area.center(), area.center() + QPointF(300, 0))
    qtbot.waitUntil(lambda: zoom.property("contentX") < x_before - 100 and not zoom.property("moving"))
    assert pager.property("currentIndex") == 0
    visitor.pinch(area.center(), 600, 100)
    qtbot.waitUntil(lambda: zoom.property("contentWidth") <= zoom.width() + 1)
    assert fine.property("source").isEmpty() and not fine.isVisible(), "back to fit: the sharp one given back"
    assert image.isVisible()
    y = area.center().y()
    visitor.swipe(QPointF(area.right() - 100, y), QPointF(area.left() + 100, y))
    qtbot.waitUntil(lambda: pager.property("currentIndex") == 1)


def test_wheel_zooms_the_gallery_for_rehearsal(show_pack, qtbot):
    visitor = Visitor(show_pack(YONGCHUAN_PACK), qtbot, "mouse")
    go(visitor, "gallery")
    zoom = visitor.find("zoom")
    center = scene_rect(zoom).center().toPoint()
    for _ in range(3):
        event = QWheelEvent(QPointF(center), QPointF(visitor.window.mapToGlobal(center)), QPoint(0, 0),
                            QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QCoreApplication.sendEvent(visitor.window, event)
        QTest.qWait(20)
    assert zoom.property("contentWidth") > 1.5 * zoom.width()


def test_nothing_is_redrawn_while_nothing_moves(show_pack):
    """On every screen, once its transition, the pages built ahead and the pictures are done, no
    frame is drawn until someone touches it: a booth screen left alone costs no CPU."""
    show = show_pack(YONGCHUAN_PACK)
    nav, frames = show.navigator, []
    show.window.frameSwapped.connect(lambda: frames.append(nav.screenId))
    for screen in show.pack.screens:
        nav.open(screen.id)
        settle(show)
        QTest.qWait(300)  # the last frame of the slide may still be on its way
        frames.clear()
        QTest.qWait(1000)
        assert frames == [], f"{screen.id}: redrawn {len(frames)} times with nothing moving"


def test_the_next_picture_is_decoded_before_a_swipe_reaches_it(show_pack, qtbot):
    show = show_pack(YONGCHUAN_PACK)
    visitor = Visitor(show, qtbot)
    go(visitor, "gallery")
    settle(show)
    pager = visitor.find("pager")
    decoded = [p.property("source").toString() for p in walk(pager) if is_picture(p)
               and not p.property("loading") and p.findChild(QQuickItem, "image").property("progress") == 1]
    assert len(decoded) == 2, f"the picture shown and the next one: {decoded}"
