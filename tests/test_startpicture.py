"""The start picture: the show's first screen, kept by one start and shown by the next while Qt
Quick and the pack load, only while nothing its look depends on has changed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from kiosk.content import load_pack
from kiosk.system import locations, startpicture
from kiosk.system.imagecheck import check_image
from kiosk.system.settings import Settings
from kiosk.system.startpicture import ABOUT_FILE, PIXELS_FILE, Kept, Screen
from kiosk.ui import startpicture as on_screen
from kiosk.ui.app import Show

from .support import MINIMAL_PACK
from .xserver import xvfb

BOOTH = Screen(1920, 1080, 1.0)
HANG = 60  # seconds: only so a broken build fails instead of hanging CI; not a speed limit


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(MINIMAL_PACK, folder)
    return folder


# --- the rules, without a window -------------------------------------------------------------

def test_the_key_changes_with_everything_the_first_screen_depends_on(pack: Path):
    first = startpicture.key(pack, None, None, BOOTH)
    assert startpicture.key(pack, None, None, BOOTH) == first, "the same start, the same key"
    others = {
        "a pack named on the command line": startpicture.key(pack, pack, None, BOOTH),
        "a renderer asked for": startpicture.key(pack, None, "software", BOOTH),
        "a portrait screen": startpicture.key(pack, None, None, Screen(1080, 1920, 1.0)),
        "a screen at twice the pixels": startpicture.key(pack, None, None, Screen(1920, 1080, 2.0)),
    }
    settings = Settings.load()
    settings.language = "en"
    settings.save()
    others["settings.json"] = startpicture.key(pack, None, None, BOOTH)
    time.sleep(0.01)  # a modification time of its own
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    others["an edit of the pack"] = startpicture.key(pack, None, None, BOOTH)
    assert len({first, *others.values()}) == 1 + len(others), others


def test_a_kept_picture_reads_back_and_a_damaged_one_is_not_used():
    kept = Kept("0badcafe", Path("/packs/show"), Screen(4, 2, 1.0))
    data = bytes(range(32))
    startpicture.keep(kept, data)
    assert startpicture.read() == kept
    assert startpicture.pixels(kept) == data

    (locations.cache_dir() / PIXELS_FILE).write_bytes(data[:-1])
    assert startpicture.pixels(kept) is None, "pixels of the wrong size"
    about = locations.cache_dir() / ABOUT_FILE
    for damaged in ("not json", "[]", '{"key": "k"}', '{"key": "k", "pack": "/p", "width": 0, "height": 2, '
                    '"ratio": 1}', '{"key": "k", "pack": "/p", "width": "wide", "height": 2, "ratio": 1}'):
        about.write_text(damaged, encoding="utf-8")
        assert startpicture.read() is None, damaged
    with pytest.raises(ValueError):
        startpicture.keep(kept, data[:-1])


def test_a_write_cut_short_leaves_no_picture_described_as_another(monkeypatch):
    startpicture.keep(Kept("old", Path("/packs/show"), Screen(4, 2, 1.0)), bytes(32))

    def power_cut(*args):
        raise OSError("power cut")
    monkeypatch.setattr(startpicture.os, "replace", power_cut)
    with pytest.raises(OSError):
        startpicture.keep(Kept("new", Path("/packs/show"), Screen(4, 2, 1.0)), bytes(range(32)))
    assert startpicture.read() is None


# --- on the (offscreen) screen -----------------------------------------------------------------

def open_show(folder: Path, qtbot, take_after_ms: int, monkeypatch) -> tuple[Show, on_screen.TakeStartPicture]:
    monkeypatch.setattr(on_screen, "TAKE_AFTER_MS", take_after_ms)
    result = load_pack(folder, check_image)
    assert result.ok
    show = Show(result.pack, windowed=False)
    taker = on_screen.TakeStartPicture(show, None, None, parent=show.view.engine)  # before its first frame
    qtbot.waitExposed(show.window)
    return show, taker


def test_the_first_screen_is_kept_and_shown_by_the_next_start_until_its_first_frame(pack, qtbot, monkeypatch):
    show, taker = open_show(pack, qtbot, 50, monkeypatch)
    try:
        qtbot.waitUntil(lambda: startpicture.read() is not None or taker._writing is not None, timeout=HANG * 1000)
        taker.wait()
        kept = startpicture.read()
        assert kept is not None and kept.pack == pack and kept.screen == BOOTH
        on_show = show.window.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
        assert startpicture.pixels(kept) == bytes(on_show.constBits()), "the picture is the first screen"
    finally:
        show.close()

    picture = on_screen.show_kept(None, None)
    assert picture is not None and picture.isVisible() and picture.painted
    next_show, _ = open_show(pack, qtbot, 50, monkeypatch)
    try:
        picture.close_when_drawn(next_show.window)
        next_show.window.update()
        qtbot.waitUntil(lambda: not shiboken6.isValid(picture), timeout=HANG * 1000)
    finally:
        next_show.close()


def test_a_picture_of_an_older_pack_is_not_shown(pack, qtbot, monkeypatch):
    show, taker = open_show(pack, qtbot, 50, monkeypatch)
    qtbot.waitUntil(lambda: taker._writing is not None, timeout=HANG * 1000)
    taker.wait()
    show.close()
    assert startpicture.read() is not None
    time.sleep(0.01)
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert on_screen.show_kept(None, None) is None


def test_no_picture_is_taken_of_a_screen_a_visitor_has_touched(pack, qtbot, monkeypatch):
    show, taker = open_show(pack, qtbot, 400, monkeypatch)
    try:
        QTest.mouseClick(show.window, Qt.MouseButton.LeftButton, pos=QPointF(960, 540).toPoint())
        qtbot.wait(800)
        assert taker.spoiled and taker._writing is None
        assert startpicture.read() is None
    finally:
        show.close()


# --- the show as a booth runs it: `kiosk run` on a real X server -----------------------------------

def wait_for_line(log: Path, line: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + HANG
    while not (log.exists() and line in log.read_text(encoding="utf-8")):
        assert process.poll() is None, f"the kiosk stopped (exit status {process.returncode})"
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for '{line}' in the log")
        time.sleep(0.05)


def test_kiosk_run_keeps_the_picture_and_the_next_start_shows_it(kiosk_home: Path):
    from kiosk.benchmark.screen import Screen as XScreen
    log = kiosk_home / "state" / "log" / "kiosk.log"
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        for start, waits_for in enumerate(("start picture kept", "first frame on screen")):
            show = subprocess.Popen([sys.executable, "-m", "kiosk", "run", str(MINIMAL_PACK)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_for_line(log, waits_for, show)
                if start == 1:
                    time.sleep(0.5)  # the show's own frames are on the screen
                    screen = XScreen(display)
                    shown = screen.grab().picture  # BGRA; the kept picture is Qt's RGB32: BGRX
                    screen.close()
            finally:
                show.send_signal(signal.SIGTERM)
                show.wait(HANG)
    text = log.read_text(encoding="utf-8")
    assert text.count("start picture shown while the show loads") == 1, "shown by the second start only"
    assert text.count("start picture kept") == 1, "kept once: the second start found it up to date"
    kept = startpicture.read()
    assert kept is not None
    data = startpicture.pixels(kept)
    assert data is not None
    for channel in range(3):
        assert shown[channel::4] == data[channel::4], "the picture is what the show draws on the screen"
