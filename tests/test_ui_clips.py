"""A clip in a detail screen, on the real window with real touches: its poster and a play button
until the visitor taps; then frames that move, captions in the visitor's language that follow the
film and the language button, sound only when asked for, the kiosk held awake while it plays; it
stops and rewinds at its end and when the visitor leaves; a file that breaks shows the poster and
the show goes on."""

from __future__ import annotations

import gc
import logging
import shutil
import sys
from pathlib import Path

import pytest

from .support import MINIMAL_PACK, TESTS
from .visitor import Visitor, items, scene_rect

sys.path.insert(0, str(TESTS.parent / "tools"))
import make_media  # noqa: E402  (a tool, not a package)

CAPTIONS = {
    "zh": "WEBVTT\n\n00:00.000 --> 00:01.500\n第一句字幕\n\n00:01.500 --> 00:03.000\n第二句字幕\n",
    "en": "WEBVTT\n\n00:00.000 --> 00:01.500\nThe first line\n\n00:01.500 --> 00:03.000\nThe second line\n",
}
DETAIL = """id: software
kind: detail
title: {zh: 软件, en: Software}
body: {zh: 正文。, en: Body text.}
video:
  file: films/talk.mp4
  poster: images/photo.png
  captions: {zh: films/talk.zh.vtt, en: films/talk.en.vtt}
"""


@pytest.fixture(scope="module")
def talk(tmp_path_factory, qapp) -> Path:
    """3 s of H.264 with a frame counter and a tone (tools/make_media.py)."""
    return make_media.make_film(tmp_path_factory.mktemp("clips") / "talk.mp4", "talk")


def clip_pack(tmp_path: Path, talk: Path) -> Path:
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (pack / "films").mkdir()
    shutil.copy(talk, pack / "films" / "talk.mp4")
    for lang, text in CAPTIONS.items():
        (pack / "films" / f"talk.{lang}.vtt").write_text(text, encoding="utf-8")
    (pack / "screens" / "software.yaml").write_text(DETAIL, encoding="utf-8")
    return pack


@pytest.fixture
def visitor(show_pack, qtbot, tmp_path, talk) -> Visitor:
    visitor = Visitor(show_pack(clip_pack(tmp_path, talk)), qtbot, "touch")
    visitor.show.navigator.open("software")
    visitor.settle()
    return visitor


def player_of(visitor: Visitor):
    return visitor.find("clipPlayer")


def running(visitor: Visitor) -> bool:
    """Playing or paused: its film is open."""
    return player_of(visitor).property("started")


def frame_shown(visitor: Visitor) -> bool:
    return bool(visitor.find_all("filmFrame")) and visitor.find("filmFrame").property("shown")


def caption(visitor: Visitor) -> str:
    found = visitor.find_all("caption")
    return found[0].property("text") if found else ""


def test_tap_to_play_with_captions_in_each_language_to_its_end(visitor):
    qtbot = visitor.qtbot
    assert visitor.find("poster") and visitor.find("bigPlay") and not frame_shown(visitor)
    assert caption(visitor) == "", "no captions before it plays"
    visitor.tap("bigPlay")
    qtbot.waitUntil(lambda: frame_shown(visitor), timeout=10_000)
    assert not visitor.find_all("bigPlay"), "the play button gives way to the film"
    qtbot.waitUntil(lambda: caption(visitor) == "第一句字幕", timeout=5000)
    before = visitor.window.grabWindow()
    qtbot.wait(300)
    assert visitor.window.grabWindow() != before, "its frames move"
    visitor.tap("languageButton")
    qtbot.waitUntil(lambda: caption(visitor) in ("The first line", "The second line"), timeout=5000)
    qtbot.waitUntil(lambda: caption(visitor) == "The second line", timeout=5000)
    # At its end: stopped, rewound, its poster and play button again, no captions.
    qtbot.waitUntil(lambda: not running(visitor), timeout=10_000)
    qtbot.waitUntil(lambda: visitor.find_all("bigPlay") and not frame_shown(visitor), timeout=5000)
    assert caption(visitor) == "" and visitor.find("poster")


# Without a sound device (as here, and on many booth PCs) Qt says so when sound is asked for; the
# clip plays on, silently.
@pytest.mark.qt_log_ignore("pa_context_connect", "No audio device detected")
def test_pause_and_sound_on_request(visitor):
    qtbot = visitor.qtbot
    visitor.tap("playPause")
    qtbot.waitUntil(lambda: frame_shown(visitor), timeout=10_000)
    player = player_of(visitor)
    assert player.property("sound") is False, "muted until asked"
    sound = visitor.wait_for("sound")  # the clip has a sound track
    assert sound.property("text") == "打开声音"
    visitor.tap(sound)
    assert player.property("sound") is True and visitor.text_of("sound") == "关闭声音"
    visitor.tap("playPause")
    qtbot.waitUntil(lambda: not player.property("playing"), timeout=5000)
    assert running(visitor)
    qtbot.wait(200)  # the frame being shown as it paused, and the position it reached, arrive
    paused = visitor.window.grabWindow()
    qtbot.wait(300)
    assert visitor.window.grabWindow() == paused, "paused: the picture holds"
    assert frame_shown(visitor), "paused on its frame, not the poster"


def test_the_kiosk_stays_awake_while_it_plays(visitor):
    qtbot = visitor.qtbot
    policy = visitor.show.idle._policy
    visitor.tap("bigPlay")
    qtbot.waitUntil(lambda: bool(policy.players), timeout=10_000)
    assert len(policy.players) == 1
    qtbot.waitUntil(lambda: not policy.players, timeout=10_000)  # its end


def test_a_clip_playing_as_staff_switch_packs_holds_the_kiosk_no_more(visitor):
    """The page and its player are destroyed while it plays: it stops holding the kiosk."""
    policy = visitor.show.idle._policy
    visitor.tap("bigPlay")
    visitor.qtbot.waitUntil(lambda: bool(policy.players), timeout=10_000)
    assert visitor.show.switch_pack(visitor.show.pack.root).ok  # the same pack, built anew
    visitor.settle()
    assert not policy.players


def test_the_film_frame_is_made_when_the_clip_is_played_and_lets_its_frames_go_with_the_page(visitor):
    """PySide keeps the Python side of an item QML made after QML destroys it (kiosk/ui/film.py):
    a page with a clip makes its FilmFrame only when played, and a page destroyed keeps no frame."""
    from kiosk.ui.film import FilmFrame

    def frames() -> list:
        return [c for c in items(visitor.window.contentItem()) if c.objectName() == "filmFrame"]

    assert frames() == [], "no frame for a clip nobody played"
    visitor.tap("bigPlay")
    visitor.qtbot.waitUntil(lambda: frame_shown(visitor), timeout=10_000)
    assert len(frames()) == 1
    assert visitor.show.switch_pack(visitor.show.pack.root).ok  # the page is destroyed as it plays
    visitor.settle()
    gc.collect()
    kept = [o for o in gc.get_objects() if isinstance(o, FilmFrame)]
    assert kept, "PySide keeps them (if this fails, it no longer does: _Latest may go)"
    assert not any(o._latest.held() for o in kept)


def test_leaving_the_screen_stops_and_rewinds_it(visitor):
    qtbot = visitor.qtbot
    visitor.tap("bigPlay")
    qtbot.waitUntil(lambda: frame_shown(visitor), timeout=10_000)
    visitor.tap("backButton")
    visitor.settle()
    # The page is gone (a page with a film is built anew each time) or set aside: either way no
    # clip plays, and the kiosk may go idle again.
    assert not [c for c in items(visitor.window.contentItem())
                if c.objectName() == "clipPlayer" and (c.property("started") or c.property("playing"))]
    assert not visitor.show.idle._policy.players
    visitor.show.navigator.open("software")
    visitor.settle()
    assert visitor.find("bigPlay") and not frame_shown(visitor), "a returning visitor finds it at its start"


@pytest.mark.qt_log_ignore("Could not open media")  # Qt says so too; the log line is the kiosk's
def test_a_clip_that_breaks_shows_its_poster_and_the_show_goes_on(visitor, caplog):
    pack = Path(visitor.show.pack.root)
    (pack / "films" / "talk.mp4").write_bytes(b"\x00" * 4096)
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        visitor.tap("bigPlay")
        visitor.qtbot.waitUntil(lambda: any("film cannot be played" in r.getMessage() for r in caplog.records),
                                timeout=10_000)
    assert visitor.find("poster") and visitor.find("bigPlay") and not frame_shown(visitor)
    visitor.tap("backButton")
    visitor.settle()
    assert visitor.show.navigator.screenId == "home"


GALLERY = """id: gallery
kind: gallery
title: {zh: 图集, en: Gallery}
images:
  - image: images/photo.png
    caption: {zh: 照片, en: Photo}
  - video: {file: films/talk.mp4, poster: images/photo.png}
    caption: {zh: 短片, en: A clip}
"""


def test_a_clip_in_a_gallery_plays_only_while_in_view(show_pack, qtbot, tmp_path, talk):
    pack = clip_pack(tmp_path, talk)
    (pack / "screens" / "gallery.yaml").write_text(GALLERY, encoding="utf-8")
    visitor = Visitor(show_pack(pack), qtbot, "touch")
    visitor.show.navigator.open("gallery")
    visitor.settle()
    visitor.tap("next")
    visitor.settle()
    play = visitor.find("bigPlay")
    # The page slides into view.
    qtbot.waitUntil(lambda: visitor.visible_area(play).contains(scene_rect(play)), timeout=3000)
    visitor.tap(play)
    qtbot.waitUntil(lambda: frame_shown(visitor), timeout=10_000)
    assert visitor.show.idle._policy.players
    # Its caption is under the film, not over it or at the foot of the screen.
    box, label = visitor.find("filmBox"), next(c for c in items(visitor.window.contentItem())
                                               if c.property("text") == "短片")
    assert scene_rect(box).bottom() < scene_rect(label).top() < scene_rect(box).bottom() + visitor.window.height() * 0.2
    visitor.tap("previous")
    visitor.settle()
    qtbot.waitUntil(lambda: not running(visitor), timeout=5000)
    assert not visitor.show.idle._policy.players, "turning the page stops it"
