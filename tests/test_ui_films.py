"""Films in the running show's attract loop, on the real window (offscreen, Qt Quick's software
renderer, as chosen on a booth PC without a GPU): the frames move, a film hands over to the next
slide at its end and the loop comes round to it again, a film alone loops, and a film that breaks
shows its poster and the loop goes on."""

from __future__ import annotations

import gc
import logging
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from kiosk.ui.inspect import shown, walk

from .support import MINIMAL_PACK, TESTS
from .test_ui_waking import Clock

sys.path.insert(0, str(TESTS.parent / "tools"))
import make_media  # noqa: E402  (a tool, not a package)


@pytest.fixture(scope="module")
def clip(tmp_path_factory, qapp) -> Path:
    """2 s of H.264 with its frame number on every frame (tools/make_media.py)."""
    return make_media.make_film(tmp_path_factory.mktemp("clips") / "clip.mp4", "h264")


def film_pack(tmp_path: Path, clip: Path, with_images: bool) -> Path:
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (pack / "films").mkdir()
    shutil.copy(clip, pack / "films" / "clip.mp4")
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    films = "  attract_films:\n    - file: films/clip.mp4\n      poster: images/logo.svg\n  attract_interval: 2\n"
    text = text.replace("  timeout: 60\n", "  timeout: 60\n" + films)
    if not with_images:
        text = text.replace("  attract_images: [images/photo.png]\n", "")
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    return pack


def named(show, name: str) -> QObject | None:
    return next((item for item in walk(show.window.contentItem()) if item.objectName() == name and shown(item)),
                None)


def frame_shown(show) -> bool:
    frame = named(show, "filmFrame")
    return frame is not None and frame.property("shown")


def test_the_film_plays_hands_over_at_its_end_and_comes_round_again(show_pack, qtbot, tmp_path, clip):
    show = show_pack(film_pack(tmp_path, clip, with_images=True))
    show.idle.goIdleNow()
    qtbot.waitUntil(lambda: frame_shown(show), timeout=10_000)
    first = show.window.grabWindow()
    qtbot.wait(500)
    assert show.window.grabWindow() != first, "the film's frames move"
    # At its end (2 s) the picture's turn, then (2 s later) the film's again, from its start.
    qtbot.waitUntil(lambda: named(show, "filmFrame") is None, timeout=10_000)
    qtbot.waitUntil(lambda: frame_shown(show), timeout=10_000)


def test_the_attract_pictures_are_decoded_with_the_countdown_and_let_go_when_a_visitor_is_back(
        show_pack, qtbot, tmp_path, clip):
    """While visitors use the show the attract loop's pictures and its film's poster hold no memory
    (8 MB each at 1080p); they are decoded with the countdown, so the loop never fades in from
    nothing. The film's player is made with the first countdown (Qt Multimedia is not loaded at
    start), then kept: PySide keeps what QML made of a FilmFrame."""
    from kiosk.ui.film import FilmFrame

    clock = Clock()
    show = show_pack(film_pack(tmp_path, clip, with_images=True), idle_timeout=60, idle_countdown=10, clock=clock)

    def pictures() -> list[QObject]:
        return [item for item in walk(show.window.contentItem()) if item.property("isPicture")
                and item.objectName() in ("attractPicture", "poster")]

    def wanted() -> list[str]:
        return sorted(Path(p.property("source").toLocalFile()).name for p in pictures()
                      if p.property("source").toString())

    def decoded() -> bool:
        return wanted() == ["logo.svg", "photo.png"] and not any(p.property("loading") for p in pictures())

    def named_all(name: str) -> list[QObject]:
        return [item for item in walk(show.window.contentItem()) if item.objectName() == name]

    qtbot.waitUntil(lambda: named_all("attract") != [])  # the overlay is loaded after the first frame
    assert wanted() == [] and named_all("attractFilm") == [], "no film player before the first countdown"
    made = None
    for _ in range(3):
        clock.now += 60
        show.idle.tick()
        assert show.idle.warning
        qtbot.waitUntil(decoded)
        clock.now += 10
        show.idle.tick()
        assert show.idle.attract and decoded()
        qtbot.waitUntil(lambda: frame_shown(show), timeout=10_000)
        show.idle.release()  # a touch wakes it
        qtbot.waitUntil(lambda: wanted() == [])
        gc.collect()
        films = [o for o in gc.get_objects() if isinstance(o, FilmFrame)]
        made = made or len(films)
        qtbot.waitUntil(lambda films=films: not any(o._latest.held() for o in films))  # nor the last frame (8 MB)
    clock.now += 60
    show.idle.tick()
    qtbot.waitUntil(decoded)
    show.idle.release()  # a touch during the countdown lets them go too
    qtbot.waitUntil(lambda: wanted() == [])
    gc.collect()
    assert sum(isinstance(o, FilmFrame) for o in gc.get_objects()) == made
    other = film_pack(tmp_path / "other", clip, with_images=False)
    (other / "films" / "clip.mp4").rename(other / "films" / "other.mp4")
    yaml = other / "pack.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("films/clip.mp4", "films/other.mp4"), encoding="utf-8")
    assert show.switch_pack(other).ok
    qtbot.waitUntil(lambda: named_all("attract") != [])
    assert named_all("attractFilm") == [], "another pack's films are made with its first countdown"


def test_a_film_alone_loops(show_pack, qtbot, tmp_path, clip):
    show = show_pack(film_pack(tmp_path, clip, with_images=False))
    show.idle.goIdleNow()
    qtbot.waitUntil(lambda: frame_shown(show), timeout=10_000)
    qtbot.wait(3000)  # past its end
    assert frame_shown(show), "still playing after its end"
    before = show.window.grabWindow()
    qtbot.wait(400)
    assert show.window.grabWindow() != before, "its frames still move: it started again"


@pytest.mark.qt_log_ignore("Could not open media")  # Qt says so too; the log line is the kiosk's
def test_a_film_that_breaks_shows_its_poster_and_the_loop_goes_on(show_pack, qtbot, tmp_path, clip, caplog):
    pack = film_pack(tmp_path, clip, with_images=True)
    show = show_pack(pack)
    # Replaced after it was checked (rehearsal's hot reload then refuses the pack; the show goes on).
    (pack / "films" / "clip.mp4").write_bytes(b"\x00" * 4096)
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        show.idle.goIdleNow()
        qtbot.waitUntil(lambda: any("film cannot be played" in r.getMessage() for r in caplog.records),
                        timeout=10_000)
    assert not frame_shown(show)
    assert named(show, "poster") is not None, "its poster instead of a black hole"
    qtbot.waitUntil(lambda: named(show, "poster") is None, timeout=10_000)  # the picture's turn


@pytest.mark.parametrize(("size", "played", "poster"), [((1080, 1920), "tall.mp4", "photo.png"),
                                                         ((1920, 1080), "clip.mp4", "logo.svg")])
def test_a_portrait_screen_plays_the_films_portrait_version(show_pack, qtbot, tmp_path, clip, size, played, poster):
    pack = film_pack(tmp_path, clip, with_images=False)
    make_media.make_film(pack / "films" / "tall.mp4", "tall")
    yaml = pack / "pack.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(
        "poster: images/logo.svg\n", "poster: images/logo.svg\n      portrait: films/tall.mp4\n"
        "      portrait_poster: images/photo.png\n"), encoding="utf-8")
    show = show_pack(pack, size=size)
    show.idle.goIdleNow()
    qtbot.waitUntil(lambda: frame_shown(show), timeout=10_000)
    film = named(show, "attractFilm")
    assert Path(film.property("file").toLocalFile()).name == played
    assert Path(film.property("poster").toLocalFile()).name == poster, "what shows before it starts"
