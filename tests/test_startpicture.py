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
from PySide6.QtCore import QObject, QPointF, Qt, qVersion
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtTest import QTest

from kiosk.content import load_pack
from kiosk.system import locations, startpicture
from kiosk.system.imagecheck import check_image
from kiosk.system.settings import Settings
from kiosk.system.startpicture import ABOUT_FILE, PIXELS_FILE, Kept, Screen, Start
from kiosk.ui import startcover
from kiosk.ui.app import Show
from kiosk.ui.inspect import is_picture, pictures_loading, shown, stage_of, walk
from kiosk.ui.startcover import StartCover, TakeStartPicture
from kiosk.ui.startpicture import StartPicture, show_kept

from .support import HANG, MINIMAL_PACK, wait_for_line
from .xserver import xvfb

BOOTH = Screen(1920, 1080, 1.0)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(MINIMAL_PACK, folder)
    return folder


# --- the rules, without a window -------------------------------------------------------------

def start(explicit: Path | None = None, renderer: str | None = None) -> Start:
    return Start(explicit, renderer, Settings.load(), "6.0.0")


def test_the_key_changes_with_everything_the_first_screen_depends_on(pack: Path, tmp_path: Path, monkeypatch):
    code = tmp_path / "code"
    (code / "qml").mkdir(parents=True)
    (code / "qml" / "Main.qml").write_text("Item {}", encoding="utf-8")
    fonts = tmp_path / "assets" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "Sans.otf").write_bytes(b"font")
    monkeypatch.setattr("kiosk.system.fingerprint.CODE_DIR", code)
    monkeypatch.setattr(locations, "ASSETS_DIR", tmp_path / "assets")
    settings = Settings.load()
    settings.pack = str(pack)
    settings.save()

    first = startpicture.key(pack, start(), BOOTH)
    assert first is not None and startpicture.key(pack, start(), BOOTH) == first, "the same start, the same key"
    others = {
        "a pack named on the command line": startpicture.key(pack, start(explicit=pack), BOOTH),
        "a renderer asked for": startpicture.key(pack, start(renderer="software"), BOOTH),
        "another Qt": startpicture.key(pack, Start(None, None, Settings.load(), "6.1.0"), BOOTH),
        "a portrait screen": startpicture.key(pack, start(), Screen(1080, 1920, 1.0)),
        "a screen at twice the pixels": startpicture.key(pack, start(), Screen(1920, 1080, 2.0)),
    }
    changes = {
        "settings.json": lambda: (setattr(settings, "language", "en"), settings.save()),
        "an edit of the pack": lambda: (pack / "pack.yaml").write_text(
            (pack / "pack.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"),
        "an edit of the QML": lambda: (code / "qml" / "Main.qml").write_text("Item { }", encoding="utf-8"),
        "another font": lambda: (fonts / "Serif.otf").write_bytes(b"font"),
    }
    for what, change in changes.items():
        time.sleep(0.01)  # a modification time of its own
        change()
        others[what] = startpicture.key(pack, start(), BOOTH)
    assert None not in others.values()
    assert len({first, *others.values()}) == 1 + len(others), others


def test_the_key_follows_the_packs_the_show_passed_over(pack: Path, tmp_path: Path):
    chosen = tmp_path / "chosen"  # staff chose it, but it is not there (a USB stick not yet in)
    settings = Settings.load()
    settings.pack, settings.last_good_pack = str(chosen), str(pack)
    settings.save()
    before = startpicture.key(pack, start(), BOOTH)
    shutil.copytree(MINIMAL_PACK, chosen)
    assert startpicture.key(pack, start(), BOOTH) != before, "the chosen pack is back: the show starts on it"
    assert startpicture.key(tmp_path / "elsewhere", start(), BOOTH) is None, "a pack the show never starts on"


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

def faded(stage) -> bool:
    """Whether a picture a visitor sees is not fully there: decoding, or fading in."""
    return pictures_loading(stage) or any(
        it.findChild(QObject, "image").property("opacity") < 1 for it in walk(stage) if is_picture(it) and shown(it))


def open_show(folder: Path, qtbot, monkeypatch, take_after_ms: int = 50,
              picture: StartPicture | None = None) -> tuple[Show, TakeStartPicture, list[tuple[bool, bool]]]:
    """A show as `kiosk run` starts it, with the start picture over it if one is given; and for
    each of its frames, whether the cover was on it and whether a picture was not fully there."""
    monkeypatch.setattr(startcover, "TAKE_AFTER_MS", take_after_ms)
    result = load_pack(folder, check_image)
    assert result.ok
    show = Show(result.pack, windowed=False)
    frames: list[tuple[bool, bool]] = []
    ui = show.view.engine.singletonInstance("Kiosk", "Ui")
    show.window.frameSwapped.connect(lambda: frames.append(
        (bool(ui.property("cover")) and ui.property("cover").shown, faded(stage_of(show.window)))))
    # Made before its first frame, as `kiosk run` makes them.
    changes = [show.input.pressed, show.input.activity, show.idle.phaseChanged, show.navigator.moved]
    if picture is not None:
        StartCover(picture, show.view, changes, parent=show.view.engine)
    taker = TakeStartPicture(show.view, start(explicit=folder), changes, parent=show.view.engine)
    qtbot.waitExposed(show.window)
    return show, taker, frames


def keep_first_screen(folder: Path, qtbot, monkeypatch) -> Kept:
    show, taker, _ = open_show(folder, qtbot, monkeypatch)
    try:
        qtbot.waitUntil(lambda: taker._writing is not None, timeout=HANG * 1000)
        taker.wait()
        kept = startpicture.read()
        assert kept is not None and kept.pack == folder and kept.screen == BOOTH
        on_show = show.window.grabWindow().convertToFormat(QImage.Format.Format_RGB32)
        assert startpicture.pixels(kept) == bytes(on_show.constBits()), "the picture is the first screen"
    finally:
        show.close()
    return kept


def big_photo(path: Path) -> None:
    """A photo that takes its time to decode (half a second here), so it arrives after the first
    frame, when pictures fade in."""
    image = QImage(8000, 6000, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 8000, 6000)
    gradient.setColorAt(0, QColor("#204060"))
    gradient.setColorAt(1, QColor("#e0a040"))
    painter.fillRect(image.rect(), gradient)
    painter.end()
    assert image.save(str(path))


@pytest.mark.parametrize("first", ["home", "gallery"], ids=["words", "photos"])
def test_the_first_screen_is_kept_and_covers_the_next_start_until_its_pictures_are_there(
        first, pack, qtbot, monkeypatch):
    yaml = pack / "pack.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("start: home", f"start: {first}"), encoding="utf-8")
    big_photo(pack / "images" / "photo.png")
    keep_first_screen(pack, qtbot, monkeypatch)

    picture = show_kept(start(explicit=pack))
    assert picture is not None and picture.isVisible() and picture.painted
    show, _, frames = open_show(pack, qtbot, monkeypatch, picture=picture)
    try:
        qtbot.waitUntil(lambda: not shiboken6.isValid(picture), timeout=HANG * 1000)
        qtbot.waitUntil(lambda: not frames[-1][0], timeout=HANG * 1000)
    finally:
        show.close()
    assert frames[0][0], "the show's first frame has the start picture on it"
    assert all(covered for covered, partial in frames if partial), "a picture not fully there was seen"


def test_a_touch_or_time_lifts_the_cover(pack, qtbot, monkeypatch):
    monkeypatch.setattr(startcover, "pictures_loading", lambda stage: True)  # pictures that never come
    keep_first_screen(pack, qtbot, monkeypatch)
    show, _, frames = open_show(pack, qtbot, monkeypatch, picture=show_kept(start(explicit=pack)))
    try:
        qtbot.waitUntil(lambda: len(frames) > 0, timeout=HANG * 1000)
        cover = show.view.engine.singletonInstance("Kiosk", "Ui").property("cover")
        assert cover.shown
        QTest.mousePress(show.window, Qt.MouseButton.LeftButton, pos=QPointF(960, 540).toPoint())
        assert not cover.shown, "a touch is for the screen under it: the visitor sees it"
    finally:
        show.close()

    show, _, frames = open_show(pack, qtbot, monkeypatch, picture=show_kept(start(explicit=pack)))
    try:
        cover = show.view.engine.singletonInstance("Kiosk", "Ui").property("cover")
        assert cover.shown
        show.idle.goIdleNow()
        assert not cover.shown, "the attract loop is not under it"
    finally:
        show.close()

    monkeypatch.setattr(startcover, "COVER_LONGEST_MS", 100)
    show, _, frames = open_show(pack, qtbot, monkeypatch, picture=show_kept(start(explicit=pack)))
    try:
        cover = show.view.engine.singletonInstance("Kiosk", "Ui").property("cover")
        qtbot.waitUntil(lambda: not cover.shown, timeout=HANG * 1000)
    finally:
        show.close()


def test_a_picture_of_an_older_pack_or_with_pixels_lost_is_not_shown(pack, qtbot, monkeypatch):
    kept = keep_first_screen(pack, qtbot, monkeypatch)
    (locations.cache_dir() / PIXELS_FILE).unlink()
    assert show_kept(start(explicit=pack)) is None
    assert keep_first_screen(pack, qtbot, monkeypatch) == kept, "the next start keeps it again"
    time.sleep(0.01)
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert show_kept(start(explicit=pack)) is None


def test_no_picture_is_taken_of_files_that_came_after_the_show_loaded_them(pack, qtbot, monkeypatch):
    show, taker, _ = open_show(pack, qtbot, monkeypatch, take_after_ms=400)
    try:
        time.sleep(0.01)
        (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
        qtbot.wait(1500)  # the looks and the take are over by then
        assert taker._looks >= 2 and taker._writing is None
        assert startpicture.read() is None
    finally:
        show.close()


def test_no_picture_is_taken_of_a_screen_a_visitor_has_touched(pack, qtbot, monkeypatch):
    show, taker, _ = open_show(pack, qtbot, monkeypatch, take_after_ms=400)
    try:
        QTest.mouseClick(show.window, Qt.MouseButton.LeftButton, pos=QPointF(960, 540).toPoint())
        qtbot.wait(800)
        assert taker.spoiled and taker._writing is None
        assert startpicture.read() is None
    finally:
        show.close()


# --- the show as a booth runs it: `kiosk run` on a real X server -----------------------------------

def viewable_windows(name: str) -> int:
    from Xlib import X, display
    d = display.Display(name)
    try:
        return sum(w.get_attributes().map_state == X.IsViewable for w in d.screen().root.query_tree().children)
    finally:
        d.close()


def test_kiosk_run_keeps_the_picture_and_the_next_start_shows_it(kiosk_home: Path):
    from kiosk.benchmark.screen import Screen as XScreen
    log = kiosk_home / "state" / "log" / "kiosk.log"
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        for run, waits_for in enumerate(("start picture kept", "start picture lifted")):
            show = subprocess.Popen([sys.executable, "-m", "kiosk", "run", str(MINIMAL_PACK)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_for_line(log, waits_for, show)
                if run == 1:
                    time.sleep(0.5)  # the show's own frame without the picture is on the screen
                    screen = XScreen(display)
                    shown = screen.grab().picture  # BGRA; the kept picture is Qt's RGB32: BGRX
                    screen.close()
                    assert viewable_windows(display) == 1, "the start picture's window is gone"
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


@pytest.mark.parametrize("pack", ["", "yongchuan-2022", str(MINIMAL_PACK)])
def test_the_start_picture_waits_for_no_more_than_qt_s_core_and_gui(pack: str, kiosk_home: Path):
    """What `kiosk run [PACK]` imports before the picture is on the screen (kiosk.cli, the pack
    found, then kiosk.ui.begin): not Qt Quick, the content format, the YAML reader or the image
    checks, which load behind the picture (50 ms on a 2-core machine). A pack named by its folder's
    name is found without reading YAML ("starter" comes before it)."""
    later = ["PySide6.QtQuick", "PySide6.QtQml", "yaml", "kiosk.system.imagecheck", "kiosk.ui.app"]
    code = ("import sys, kiosk.cli\n"
            f"if {pack!r}: kiosk.cli.find_pack({pack!r})\n"
            "import kiosk.ui.begin\n"
            f"print([m for m in sys.modules if m in {later!r} or m.startswith('kiosk.content.')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG)
    assert out.stdout.strip() == "['kiosk.content.folders']", out.stdout + out.stderr


def kiosk_run(*options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", "run", "--exit-after-first-frame", *options],
                          capture_output=True, text=True, timeout=HANG, env=env)


def keep_a_picture_of(pack: Path) -> None:
    """As if the last start had kept one, of the staff's pack."""
    settings = Settings.load()
    settings.pack = str(pack)
    settings.save()
    kept = Kept(startpicture.key(pack, Start(None, None, settings, qVersion()), BOOTH) or "", pack, BOOTH)
    startpicture.keep(kept, bytes(kept.size))


def test_a_link_to_nothing_in_the_pack_changes_nothing(pack: Path, kiosk_home: Path):
    """A file that is not there as the key is made (a dangling link here; Syncthing swapping a
    file in a real booth) is a file like any other to the key, and the pack cache."""
    (pack / "images" / "gone.png").symlink_to(pack / "nowhere.png")
    keep_a_picture_of(pack)
    done = kiosk_run()
    assert done.returncode == 0, done.stderr
    text = (kiosk_home / "state" / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "start picture shown" in text and "first frame on screen: pack minimal" in text


def test_a_fault_in_the_start_picture_never_stops_the_start(pack: Path, kiosk_home: Path, tmp_path: Path):
    keep_a_picture_of(pack)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import kiosk.system.startpicture as s\n"
        "def fault(*args, **kwargs):\n    raise RuntimeError('a fault of the kiosk')\n"
        "s.key = fault\n", encoding="utf-8")
    done = kiosk_run(env={**os.environ, "PYTHONPATH": str(hooks)})
    assert done.returncode == 0, done.stderr
    text = (kiosk_home / "state" / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "start picture not shown" in text and "a fault of the kiosk" in text
    assert "first frame on screen: pack minimal" in text
