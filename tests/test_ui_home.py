"""The home screen whatever the length of its title (issue 12): a title too long for one line is
broken at its '·' separators (no line ends with a lone dot), and the tiles are where they will
stay from the first frame, so a tap at once lands on the tile aimed at."""

from __future__ import annotations

import pytest
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.ui.inspect import shown_named, stage_of, walk

from .support import YONGCHUAN_PACK
from .visitor import scene_rect


def title_label(show) -> QQuickItem:
    holder = shown_named(stage_of(show.window), "screenTitle")
    return next(it for it in holder.childItems() if it.inherits("QQuickText"))


@pytest.mark.parametrize("size, lines", [((1920, 1080), 2), ((1080, 1920), 3)], ids=["landscape", "portrait"])
def test_a_title_too_long_for_one_line_is_broken_at_its_separators(show_pack, size, lines):
    show = show_pack(YONGCHUAN_PACK, size=size, animate=False)
    assert title_label(show).property("text") == "重庆云谷·永川大数据产业园", "one line: as written"
    show.navigator.setLanguage("en")
    QTest.qWait(30)
    label = title_label(show)
    assert label.property("text") == "Chongqing Cloud Valley\nYongchuan Big Data Industrial Park"
    assert label.property("lineCount") == lines and not label.property("truncated")
    holder = shown_named(stage_of(show.window), "screenTitle")
    assert holder.property("text") == "Chongqing Cloud Valley · Yongchuan Big Data Industrial Park"


def test_the_tiles_are_in_place_from_the_first_frame(show_pack):
    show = show_pack(YONGCHUAN_PACK)
    tiles = [it for it in walk(stage_of(show.window)) if it.objectName().startswith("tile:")]
    first = [scene_rect(tile) for tile in tiles]
    QTest.qWait(100)  # frames go by
    assert [scene_rect(tile) for tile in tiles] == first

