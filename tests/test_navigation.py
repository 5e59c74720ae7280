"""The visitor's navigation state and the gesture rules, without any window."""

from kiosk.core.navigation import BACKWARD, FORWARD, MAX_HISTORY, Navigation, is_back_swipe
from kiosk.ui.images import decode_size
from kiosk.ui.present import font_features


def nav() -> Navigation:
    return Navigation(start="home", screen_ids=frozenset({"home", "a", "b"}),
                      languages=("zh", "en"), default_language="zh")


def test_open_back_home():
    n = nav()
    assert (n.current, n.language, n.can_go_back, n.can_go_home) == ("home", "zh", False, False)
    assert n.open("a") and n.open("b") and n.can_go_home
    assert (n.current, n.history, n.direction) == ("b", ["home", "a"], FORWARD)
    assert n.back() and n.current == "a" and n.direction == BACKWARD
    assert n.home() and (n.current, n.history) == ("home", [])
    assert not n.back() and not n.home() and not n.can_go_home


def test_unknown_or_current_screen_is_ignored():
    n = nav()
    assert not n.open("nope") and not n.open("home")
    assert n.history == []


def test_history_is_bounded():
    n = nav()
    for i in range(MAX_HISTORY * 3):
        n.open("a" if i % 2 == 0 else "b")
    assert len(n.history) == MAX_HISTORY


def test_screens_one_tap_away_are_its_links_back_and_home():
    n = Navigation(start="home", screen_ids=frozenset({"home", "a", "b", "c"}), languages=("zh",),
                   default_language="zh", links={"home": ("a", "b", "a"), "a": ("c", "gone"), "c": ("c",)})
    assert n.one_tap_away() == ["a", "b"], "in order, once each, never the screen shown"
    n.open("a")
    assert n.one_tap_away() == ["c", "home"], "Back and Home lead to the same screen here"
    n.open("c")
    assert n.one_tap_away() == ["a", "home"], "Back, then Home; a link to itself is no way out"


def test_language_cycle_and_reset():
    n = nav()
    assert n.next_language() == "en"
    assert n.set_language("en") and not n.set_language("en") and not n.set_language("fr")
    assert n.next_language() == "zh"
    n.open("a")
    n.reset()
    assert (n.current, n.language, n.history) == ("home", "zh", [])


def test_back_swipe_needs_a_long_mostly_horizontal_drag():
    assert is_back_swipe(500, 40, 1920)
    assert not is_back_swipe(200, 0, 1920)      # too short
    assert not is_back_swipe(500, 400, 1920)    # too steep: that is scrolling
    assert not is_back_swipe(-500, 0, 1920)     # wrong way


def test_decode_size_fits_or_covers_and_never_enlarges_rasters():
    photo = (4320, 7680)  # an upright 8K portrait photo
    assert decode_size(photo, (1776, 632), crop=False, vector=False) == (356, 632)
    assert decode_size(photo, (1776, 632), crop=True, vector=False) == (1776, 3158)
    assert decode_size((640, 480), (1920, 1080), crop=False, vector=False) == (640, 480)
    assert decode_size((640, 480), (1920, 1080), crop=False, vector=True) == (1440, 1080)
    assert decode_size((0, 0), (300.5, 200), crop=False, vector=False) == (301, 200)


def test_reload_keeps_the_visitor_in_place_as_far_as_possible():
    old = nav()
    old.open("a")
    old.open("b")
    old.set_language("en")
    new = Navigation(start="home", screen_ids=frozenset({"home", "b", "c"}), languages=("zh", "en"),
                     default_language="zh")
    new.continue_from(old)
    assert (new.current, new.history, new.language) == ("b", ["home"], "en")
    gone = Navigation(start="home", screen_ids=frozenset({"home"}), languages=("zh",), default_language="zh")
    gone.continue_from(old)
    assert (gone.current, gone.language) == ("home", "zh")


def test_a_reload_keeps_the_place_within_the_screen_shown():
    old = nav()
    old.open("a")
    old.remember("a", "page", 5)
    old.remember("home", "page", 2)  # a page built ahead, or sliding out: not where the visitor is
    new = nav()
    new.continue_from(old)
    assert new.place_in("a", "page", limit=9) == 5
    assert new.place_in("a", "page", limit=3) == 3, "the edited screen has fewer events now"
    assert new.place_in("a", "scroll", limit=500) == 0, "never reported"
    assert new.place_in("home", "page", limit=9) == 0, "another screen opens at its beginning"
    gone = Navigation(start="home", screen_ids=frozenset({"home"}), languages=("zh",), default_language="zh")
    gone.continue_from(old)
    assert gone.place_in("home", "page", limit=9) == 0


def test_the_place_within_a_screen_is_forgotten_on_leaving_it_and_on_reset():
    n = nav()
    n.open("a")
    n.remember("a", "page", 4)
    n.open("b")
    n.back()
    assert n.place_in("a", "page", limit=9) == 0, "a screen opened again starts from its beginning"
    n.remember("a", "page", 4)
    n.home()
    n.remember("home", "scroll", 300)
    assert n.place_in("home", "scroll", limit=900) == 300
    n.reset()
    assert n.place_in("home", "scroll", limit=900) == 0, "the next visitor starts at the start"


def test_visit_order_starts_at_the_start_screen_and_lists_each_screen_once():
    from kiosk.content import load_pack, visit_order

    from .support import YONGCHUAN_PACK
    pack = load_pack(YONGCHUAN_PACK).pack
    order = [screen.id for screen in visit_order(pack)]
    assert order[0] == pack.start.id
    assert sorted(order) == sorted(screen.id for screen in pack.screens)


def test_high_contrast_gives_every_text_aaa_contrast_on_whatever_it_is_drawn_on():
    from kiosk.core.contrast import AAA, HIGH_CONTRAST, contrast
    c = HIGH_CONTRAST
    for fg in ("text", "muted", "accent"):
        for bg in ("background", "surface", "primary"):
            assert contrast(c[fg], c[bg]) >= AAA, (fg, bg)
    assert contrast(c["background"], c["accent"]) >= AAA  # the current year: dark on the accent
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0 and contrast("#777777", "#777777") == 1.0


def test_the_look_is_the_visitors_and_ends_with_the_visit_but_not_with_an_edit():
    from kiosk.core.navigation import LARGE_TEXT, Look
    nav = Navigation(start="home", screen_ids=frozenset({"home"}), languages=("zh", "en"), default_language="zh")
    nav.look = nav.look.switched("high_contrast").switched("large_text")
    assert nav.look == Look(high_contrast=True, large_text=True) and nav.look.text_scale == LARGE_TEXT
    reloaded = Navigation(start="home", screen_ids=frozenset({"home"}), languages=("zh", "en"), default_language="zh")
    reloaded.continue_from(nav)  # a rehearsal reload after an edit: the same visitor goes on
    assert reloaded.look == nav.look
    nav.reset()
    assert nav.look == Look() and nav.look.text_scale == 1.0


def test_larger_text_grows_body_text_a_quarter_but_never_past_large_print():
    from kiosk.core.navigation import LARGE_PRINT, LARGE_TEXT, text_size
    assert text_size(28, LARGE_TEXT) == 35 and text_size(24, LARGE_TEXT) == 30
    assert text_size(36, LARGE_TEXT) == LARGE_PRINT  # a sub-heading: to large print, not past it
    assert text_size(72, LARGE_TEXT) == 72  # a heading is large already
    assert all(text_size(size, 1.0) == size for size in (16, 28, 72))


def test_languages_that_set_quotes_a_full_em_wide_keep_them_so():
    for code in ("zh", "zh-Hant", "ja"):
        assert font_features(code) == {}, code
    for code in ("en", "en-GB", "fr", "de", "ko"):
        assert font_features(code) == {"pwid": 1}, code
