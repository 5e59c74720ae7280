"""Narration: a screen read aloud in the visitor's language. The rules that judge a recording
(plain Python), `kiosk validate` on real recordings probed by the show's own player, and the
"listen" button on the real window: it plays, and stops when the visitor leaves."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from kiosk.content.video import LONG_NARRATION_MS, VideoFacts, sound_findings
from kiosk.system.analytics import AnalyticsStore
from kiosk.ui.inspect import walk

from .support import MINIMAL_PACK, TESTS
from .test_films import validate
from .visitor import Visitor

sys.path.insert(0, str(TESTS.parent / "tools"))
import make_media  # noqa: E402  (a tool, not a package)

GOOD = VideoFacts(opened=True, has_audio=True, duration_ms=90_000, first_sound=True, last_sound=True)
# Qt Multimedia's words (category "default") when the machine has no sound card, as in CI: the
# narration then plays silently, which is what the tests check.
NO_SOUND_CARD = ("No audio device detected", "PulseAudioService")


@pytest.mark.parametrize(("changes", "expected"), [
    ({"opened": False, "why_not": "Invalid data found"}, "error: not a recording the kiosk can play"),
    ({"has_video": True}, "error: this file holds a film"),
    ({"has_audio": False}, "error: this file holds no sound"),
    ({"first_sound": False}, "error: no sound could be decoded from the start"),
    ({"last_sound": False}, "error: the end of the recording cannot be decoded"),
    ({"duration_ms": LONG_NARRATION_MS + 60_000}, "warning: 6 minutes long"),
])
def test_each_rule(changes, expected):
    assert sound_findings(GOOD) == []
    found = [f"{severity}: {message}" for severity, message, *_ in
             sound_findings(VideoFacts(**{**GOOD.__dict__, **changes}))]
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("recordings")
    for name in ("home.zh.m4a", "home.en.m4a", "history.m4a"):
        make_media.make_recording(folder / name, 8.0)
    whole = (folder / "history.m4a").read_bytes()
    (folder / "cut.m4a").write_bytes(whole[: len(whole) // 2])  # its index (at the end) lost
    (folder / "notes.mp3").write_text("not a recording\n", encoding="utf-8")
    return folder


def narrated(tmp_path: Path, recordings: Path, home: str, history: str) -> Path:
    """The minimal pack with `narration:` (YAML) on its home and history screens."""
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    shutil.copytree(recordings, pack / "audio")
    for screen, narration in (("home", home), ("history", history)):
        path = pack / "screens" / f"{screen}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nkind:", f"\nnarration: {narration}\nkind:", 1), encoding="utf-8")
    return pack


def test_recordings_that_play_validate_clean(tmp_path, recordings):
    pack = narrated(tmp_path, recordings, "{zh: audio/home.zh.m4a, en: audio/home.en.m4a}",
                    "{zh: audio/history.m4a, en: audio/history.m4a}")
    run = validate(pack, tmp_path)
    assert run.returncode == 0 and "error" not in run.stdout and "warning" not in run.stdout, run.stdout


def test_every_recording_the_show_cannot_play_is_named_at_its_line(tmp_path, recordings):
    pack = narrated(tmp_path, recordings, "{zh: audio/cut.m4a, en: audio/notes.mp3}", "{zh: audio/history.m4a}")
    run = validate(pack, tmp_path)
    assert run.returncode == 1, run.stdout
    for want in ["screens/home.yaml:2:17: error: 'audio/cut.m4a': not a recording the kiosk can play",
                 "screens/home.yaml:2:36: error: 'audio/notes.mp3': not a recording the kiosk can play",
                 "screens/history.yaml:2:12: error: 'narration' has no 'en' file"]:
        assert f"{pack}/{want}" in run.stdout, (want, run.stdout)
    assert "Traceback" not in run.stdout


@pytest.mark.qt_log_ignore(*NO_SOUND_CARD)
def test_listen_plays_the_screen_in_the_visitors_language_and_stops_when_they_leave(
        show_pack, qtbot, tmp_path, recordings):
    pack = narrated(tmp_path, recordings, "{zh: audio/home.zh.m4a, en: audio/home.en.m4a}",
                    "{zh: audio/history.m4a, en: audio/history.m4a}")
    show = show_pack(pack, animate=False, analytics=AnalyticsStore(tmp_path / "analytics.sqlite"))
    visitor = Visitor(show, qtbot)
    visitor.settle()
    policy = show.idle._policy
    player = next(item for item in walk(visitor.window.contentItem()) if item.objectName() == "narration")

    def playing() -> str:
        """The recording playing, or ""."""
        return Path(player.property("file")).name if player.property("playing") else ""

    listen = visitor.find("listenButton")
    assert listen.property("accessibleName") == "收听"
    visitor.tap(listen)
    qtbot.waitUntil(lambda: playing() == "home.zh.m4a")
    assert len(policy.players) == 1, "the kiosk does not go idle while a visitor listens"
    (started,) = policy.players.values()
    # It says it moves on every 5 s of it (a player standing still would be taken for stalled).
    qtbot.waitUntil(lambda: any(moved > started for moved in policy.players.values()), timeout=10_000)
    assert listen.property("accessibleName") == "停止"

    show.navigator.setLanguage("en")  # another language: another recording, started anew
    qtbot.waitUntil(lambda: playing() == "" and not policy.players)
    visitor.tap("listenButton")
    qtbot.waitUntil(lambda: playing() == "home.en.m4a")

    visitor.tap("tile:figures")  # leaving the screen stops it; a screen without one has no button
    visitor.settle()
    assert show.navigator.screenId == "figures"
    assert playing() == "" and not policy.players
    assert visitor.find_all("listenButton") == []

    visitor.tap("backButton")
    visitor.settle()
    visitor.tap("listenButton")
    qtbot.waitUntil(lambda: playing() == "home.en.m4a")
    visitor.tap("listenButton")  # a second tap stops it
    qtbot.waitUntil(lambda: playing() == "" and not policy.players)

    visitor.tap("listenButton")
    qtbot.waitUntil(lambda: playing() == "home.en.m4a")
    show.idle.goIdleNow()  # the attract loop: nobody is listening any more
    qtbot.waitUntil(lambda: playing() == "" and not policy.players)
    show.close()
    heard = sqlite3.connect(tmp_path / "analytics.sqlite").execute(
        "SELECT detail, value FROM events WHERE kind = 'listen'").fetchall()
    assert [file for file, _ in heard] == ["audio/home.zh.m4a"] + ["audio/home.en.m4a"] * 3, "for the report"
    assert 0.6 <= heard[0][1] <= 1, "the first heard past its first beat (5 s of 8)"
    assert all(0 <= share < 0.5 for _, share in heard[1:]), "a few seconds each of the others"


@pytest.mark.qt_log_ignore(*NO_SOUND_CARD, "Could not open")
def test_a_recording_broken_after_validation_is_logged_and_the_screen_goes_on(show_pack, qtbot, tmp_path,
                                                                                recordings, caplog):
    pack = narrated(tmp_path, recordings, "{zh: audio/home.zh.m4a, en: audio/home.en.m4a}",
                    "{zh: audio/history.m4a, en: audio/history.m4a}")
    show = show_pack(pack, animate=False)
    visitor = Visitor(show, qtbot)
    visitor.settle()
    (pack / "audio" / "home.zh.m4a").write_bytes(b"replaced while the show runs")
    with caplog.at_level("WARNING", logger="kiosk"):
        visitor.tap("listenButton")
        qtbot.waitUntil(lambda: any("narration cannot be played" in r.getMessage() for r in caplog.records))
    player = next(item for item in walk(visitor.window.contentItem()) if item.objectName() == "narration")
    assert not player.property("playing") and not show.idle._policy.players
    visitor.tap("tile:figures")
    visitor.settle()
    assert show.navigator.screenId == "figures", "the show goes on"


@pytest.mark.qt_log_ignore(*NO_SOUND_CARD)
def test_one_sound_at_a_time_the_narration_or_a_clip(show_pack, qtbot, tmp_path, recordings):
    """A clip the visitor turned the sound of on, then "listen": the clip goes quiet. Its sound
    on again: the narration stops. Never two voices at once."""
    pack = narrated(tmp_path, recordings, "{zh: audio/home.zh.m4a, en: audio/home.en.m4a}",
                    "{zh: audio/history.m4a, en: audio/history.m4a}")
    (pack / "films").mkdir()
    make_media.make_film(pack / "films" / "talk.mp4", "talk")
    (pack / "screens" / "software.yaml").write_text(
        "id: software\nkind: detail\ntitle: {zh: 软件, en: Software}\nbody: {zh: 正文。, en: Body text.}\n"
        "narration: {zh: audio/history.m4a, en: audio/history.m4a}\n"
        "video: {file: films/talk.mp4, poster: images/photo.png}\n", encoding="utf-8")
    show = show_pack(pack, animate=False)
    visitor = Visitor(show, qtbot)
    show.navigator.open("software")
    visitor.settle()
    clip = visitor.find("clipPlayer")
    narration = next(item for item in walk(visitor.window.contentItem()) if item.objectName() == "narration")
    visitor.tap("bigPlay")
    qtbot.waitUntil(lambda: clip.property("playing"))
    visitor.tap("playPause")  # paused, so that its 3 s do not run out while the test goes on
    visitor.tap("sound")
    assert clip.property("sound")
    visitor.tap("listenButton")
    qtbot.waitUntil(lambda: narration.property("playing"))
    assert not clip.property("sound"), "the narration silences the clip"
    visitor.tap("sound")
    qtbot.waitUntil(lambda: not narration.property("playing"))
    assert clip.property("sound"), "and the clip's sound stops the narration"
