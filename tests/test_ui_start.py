"""The window opens on a pack and shows its start screen."""

from kiosk.ui.inspect import shown_named, stage_of

from .support import MINIMAL_PACK


def test_window_shows_the_start_screen(show_pack):
    show = show_pack(MINIMAL_PACK)
    assert show.window.title() == "最小样例"
    assert show.navigator.screenId == "home"
    title = shown_named(stage_of(show.window), "screenTitle")
    assert title.property("text") == "首页"
