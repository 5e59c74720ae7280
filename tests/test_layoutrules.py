"""The rectangle rules of the layout lint, without a window: what overlaps what, and what runs out
of its tile or off the screen."""

from __future__ import annotations

import subprocess
import sys

from kiosk.core.layoutrules import (
    ALIGN_BOTTOM,
    ALIGN_HCENTER,
    ALIGN_RIGHT,
    ALIGN_VCENTER,
    OFF_SCREEN,
    PICTURE,
    TARGET,
    TEXT,
    Clip,
    Frame,
    Rect,
    Thing,
    aligned,
    escape,
    overlaps,
)

SCREEN = Rect(0, 0, 1920, 1080)
PAGE = Clip(1, Rect(0, 0, 1920, 968), scrolls=False)  # the page above the dock


def pairs(*things: Thing, tolerance: float = 2) -> list[tuple[int, int]]:
    return [(a.id, b.id) for a, b in overlaps(list(things), tolerance)]


def test_rectangles_cut_and_stick_out():
    assert Rect(0, 0, 10, 10).cut(Rect(5, 5, 10, 10)) == Rect(5, 5, 5, 5)
    assert Rect(0, 0, 10, 10).cut(Rect(10, 0, 10, 10)) is None  # touching is not overlapping
    assert Rect(0, 0, 10, 10).sticks_out_of(Rect(1, 0, 20, 20), by=0)
    assert not Rect(0, 0, 10, 10).sticks_out_of(Rect(1, 0, 20, 20), by=2)


def test_text_lines_are_placed_by_their_alignment():
    box = Rect(100, 50, 400, 200)
    assert aligned(box, 100, 40) == Rect(100, 50, 100, 40)
    assert aligned(box, 100, 40, ALIGN_HCENTER, ALIGN_VCENTER) == Rect(250, 130, 100, 40)
    assert aligned(box, 100, 40, ALIGN_RIGHT, ALIGN_BOTTOM) == Rect(400, 210, 100, 40)
    # Too long for its box and not wrapped: it runs out on the right.
    assert aligned(box, 600, 40).right == 700


def test_the_old_home_tile_title_over_its_icon():
    """Issue 12 as the lint saw it: a tile too short for its icon (top) and its words (bottom)."""
    tile = Thing(TARGET, Rect(72, 517, 426, 199), (0, 1, 10), (PAGE,))
    frames = (Frame(10, tile.ink, "tile:figures"),)
    icon = Thing(PICTURE, Rect(100, 545, 68, 68), (0, 1, 10, 11), (PAGE,), frames)
    title = Thing(TEXT, Rect(100, 578, 207, 64), (0, 1, 10, 12), (PAGE,), frames)
    subtitle = Thing(TEXT, Rect(100, 648, 274, 40), (0, 1, 10, 13), (PAGE,), frames)
    assert pairs(tile, icon, title, subtitle) == [(11, 12)]  # not the tile with what it holds
    assert [escape(t, SCREEN, 2) for t in (tile, icon, title, subtitle)] == [None] * 4


def test_a_text_box_larger_than_its_lines_covers_nothing():
    """A full-width label with a short word: only its lines count (the caller measures them)."""
    word = Thing(TEXT, Rect(100, 100, 136, 64), (0, 1))
    arrow = Thing(PICTURE, Rect(430, 100, 40, 40), (0, 2))
    assert pairs(word, arrow) == []


def test_what_is_compared():
    text = Thing(TEXT, Rect(0, 0, 100, 40), (0, 1))
    other_text = Thing(TEXT, Rect(50, 20, 100, 40), (0, 2))
    picture = Thing(PICTURE, Rect(50, 0, 100, 100), (0, 3))
    button = Thing(TARGET, Rect(60, 10, 80, 80), (0, 4))
    other_button = Thing(TARGET, Rect(90, 10, 80, 80), (0, 5))
    # Everything with everything here, but a touch target with a picture.
    assert sorted(pairs(text, other_text, picture, button, other_button)) == [
        (1, 2), (1, 3), (1, 4), (1, 5), (2, 3), (2, 4), (2, 5), (4, 5)]


def test_a_button_sits_on_the_edge_of_a_picture_by_design():
    """The pagers' round buttons, their icon included, over a photo's edge: not reported."""
    photo = Thing(PICTURE, Rect(72, 100, 1776, 800), (0, 1, 2))
    button = Thing(TARGET, Rect(12, 460, 80, 80), (0, 3))
    icon = Thing(PICTURE, Rect(32, 480, 40, 40), (0, 3, 4))
    label = Thing(TEXT, Rect(76, 480, 14, 40), (0, 3, 5))
    caption = Thing(TEXT, Rect(40, 500, 300, 40), (0, 1, 6))
    assert pairs(photo, button, icon, label) == []
    # ... but it still covers a text, and so does what it holds.
    assert pairs(button, icon, label, caption) == [(3, 6), (4, 6), (5, 6)]


def test_a_background_picture_holds_the_page():
    background = Thing(PICTURE, Rect(0, 0, 1920, 968), (0, 1, 2), backdrop=True)
    title = Thing(TEXT, Rect(72, 64, 800, 100), (0, 1, 3, 4))
    dock_text = Thing(TEXT, Rect(1000, 900, 600, 100), (0, 5, 6))  # not on the page: compared
    assert pairs(background, title, dock_text) == [(2, 6)]


def test_content_that_scrolls_is_compared_where_it_will_be_seen():
    view = Clip(3, Rect(72, 200, 1776, 600), scrolls=True)
    below = Thing(TEXT, Rect(72, 900, 400, 40), (0, 1, 3, 4), (PAGE, view))  # scrolled out of sight
    card = Thing(TARGET, Rect(72, 880, 400, 200), (0, 1, 3, 5), (PAGE, view))
    dock_button = Thing(TARGET, Rect(32, 984, 160, 80), (0, 6))
    # Far down the list, the text is under another card: it will be once scrolled to.
    assert pairs(below, card, dock_button) == [(4, 5)]
    # It is not cut off (it can be scrolled to) and not over the dock (the page clips it).
    assert escape(below, SCREEN, 2) is None


def test_cut_off_by_the_page_or_off_the_screen():
    under_dock = Thing(TEXT, Rect(72, 940, 400, 60), (0, 1, 2), (PAGE,))
    off_right = Thing(TEXT, Rect(1800, 10, 400, 60), (0, 3))
    assert escape(under_dock, SCREEN, 2) == OFF_SCREEN
    assert escape(off_right, SCREEN, 2) == OFF_SCREEN
    assert escape(Thing(TEXT, Rect(72, 900, 400, 69), (0, 1, 4), (PAGE,)), SCREEN, 2) is None  # within 2 px


def test_out_of_the_innermost_box_it_does_not_fit():
    card = Frame(10, Rect(72, 200, 400, 300), "card:software")
    chip = Frame(11, Rect(100, 400, 500, 40), "")
    label = Thing(TEXT, Rect(114, 404, 472, 32), (0, 10, 11, 12), frames=(card, chip))
    assert escape(label, SCREEN, 2) == card  # fits its chip, which does not fit the card
    word = Thing(TEXT, Rect(114, 404, 100, 32), (0, 10, 11, 13), frames=(card, chip))
    assert escape(word, SCREEN, 2) is None


def test_a_hair_of_overlap_is_rounding():
    a = Thing(TEXT, Rect(0, 0, 100, 40), (0, 1))
    b = Thing(TEXT, Rect(0, 39, 100, 40), (0, 2))
    assert pairs(a, b) == []
    assert pairs(a, b, tolerance=0.5) == [(1, 2)]


def test_the_rules_need_no_qt():
    code = ("import sys, kiosk.core.layoutrules; "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]")
    subprocess.run([sys.executable, "-c", code], check=True)
