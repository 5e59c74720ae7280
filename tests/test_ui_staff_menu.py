"""The staff panel on the real window, with real touches and an injected clock (no sleeping): it
closes itself, counts down above everything, asks before exiting, counts a PIN lock-out down
with its keys off, keeps its keypad still, and logs what staff do."""

from __future__ import annotations

import logging
import shutil

import pytest
from PySide6.QtCore import QRectF

from kiosk.core.staff import EXIT_QUESTION, FIRST_LOCK, MAX_TRIES, WRONG_PIN_SHOWN, hash_pin
from kiosk.system import locations
from kiosk.system.settings import Settings
from kiosk.ui.inspect import shown

from .support import MINIMAL_PACK, YONGCHUAN_PACK
from .test_ui_running_show import PIN, corners, type_pin
from .visitor import Visitor, items, scene_rect

STAFF_LOG = "kiosk.ui.staff"


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def staff_show(show_pack, qtbot):
    """The fullscreen show with a staff PIN in this machine's settings, on a clock of the test's."""
    def open_show(pack=YONGCHUAN_PACK, staff_timeout: float | None = None, **options):
        settings = Settings.load()
        settings.pin = hash_pin(PIN)
        if staff_timeout is not None:
            settings.staff_timeout = staff_timeout
        settings.save()
        clock = Clock()
        show = show_pack(pack, windowed=False, settings=Settings.load(), clock=clock, **options)
        return show, Visitor(show, qtbot), clock
    return open_show


def open_menu(visitor: Visitor) -> None:
    corners(visitor)
    type_pin(visitor, PIN)
    assert visitor.show.staff.state == "menu"


def later(show, clock: Clock, seconds: float) -> None:
    """Time passes with nobody touching; the panel's timer would have woken by now."""
    clock.now += seconds
    show.staff.tick()


def dots(visitor: Visitor) -> int:
    """How many PIN dots are shown."""
    return sum(1 for it in visitor.find("pinDots").childItems() if it.width() > 0 and it.isVisible())


def staff_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == STAFF_LOG]


# --- closing by itself ------------------------------------------------------------------------


def test_the_menu_closes_itself_after_its_timeout_from_the_settings(staff_show, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show(staff_timeout=20)
    open_menu(visitor)
    later(show, clock, 9)
    assert not visitor.find_all("staffCountdown"), "counted down only near the end"
    later(show, clock, 2.5)
    assert visitor.text_of("staffCountdownText") == "9 秒后关闭 · Closes in 9 s"
    later(show, clock, 1)
    assert visitor.text_of("staffCountdownText") == "8 秒后关闭 · Closes in 8 s"
    visitor.tap("staffTitle")  # any touch in the panel starts the time again
    assert not visitor.find_all("staffCountdown")
    later(show, clock, 19.75)
    assert show.staff.state == "menu"
    later(show, clock, 0.25)
    assert show.staff.state == "closed" and not visitor.find_all("staffPanel")
    assert "staff menu closed after 20 s without a touch" in staff_lines(caplog)


def test_the_pin_pad_closes_itself_too(staff_show, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show()
    corners(visitor)
    visitor.tap("pinKey:1")
    later(show, clock, 25)
    assert visitor.text_of("staffCountdownText") == "5 秒后关闭 · Closes in 5 s"
    later(show, clock, 5)
    assert show.staff.state == "closed"
    assert staff_lines(caplog) == ["staff corner gesture: PIN pad opened",
                                   "staff PIN pad closed after 30 s without a touch"]
    corners(visitor)
    assert show.staff.digitsTyped == 0, "opened again, nothing typed before is kept"


def test_a_timeout_that_is_not_a_number_falls_back_to_the_default(staff_show, caplog):
    show, visitor, clock = staff_show(staff_timeout="soon")
    assert "'staff_timeout' must be a number, not \"soon\"; using the default" in caplog.text  # said as it is read
    corners(visitor)
    later(show, clock, 29.75)
    assert show.staff.state == "pin"
    later(show, clock, 0.25)
    assert show.staff.state == "closed"


def test_the_countdown_is_drawn_above_the_visitors_idle_warning(staff_show, qtbot):
    """The idle warning may come while staff work (a pack with a short idle time): the panel
    stays on top, opaque, so not one pixel of it changes when the warning is up behind it."""
    show, visitor, clock = staff_show(idle_timeout=5, idle_countdown=60, animate=False)
    open_menu(visitor)
    later(show, clock, 22)
    show.idle.set_timeouts(5, 60)  # the idle timer looks at the clock again: time for the warning
    qtbot.waitUntil(lambda: show.idle.phase == "warning")
    idle_warning = next(it for it in items(visitor.window.contentItem()) if it.objectName() == "countdown")
    assert shown(idle_warning), "the idle warning is up, under the panel"
    assert visitor.text_of("staffCountdownText") == "8 秒后关闭 · Closes in 8 s"
    with_warning = visitor.window.grabWindow()
    show.idle.activity()
    qtbot.waitUntil(lambda: not shown(idle_warning))
    assert visitor.window.grabWindow() == with_warning


def test_a_tap_on_the_panel_acts_even_with_the_idle_warning_under_it(staff_show, qtbot):
    """The panel is on top: the touch is for it, not a visitor's touch that only wakes."""
    show, visitor, clock = staff_show(idle_timeout=5, idle_countdown=60, animate=False)
    open_menu(visitor)
    later(show, clock, 6)
    show.idle.set_timeouts(5, 60)
    qtbot.waitUntil(lambda: show.idle.phase == "warning")
    visitor.tap("staffClose")
    assert show.staff.state == "closed", "the first tap closed the menu"


def test_when_the_visitors_reset_comes_first_the_panel_counts_down_to_it(staff_show, qtbot, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show(idle_timeout=5, idle_countdown=6, animate=False)
    open_menu(visitor)
    later(show, clock, 6)
    show.idle.set_timeouts(5, 6)
    qtbot.waitUntil(lambda: show.idle.phase == "warning")
    assert visitor.text_of("staffCountdownText") == "6 秒后关闭 · Closes in 6 s"
    clock.now += 6
    qtbot.waitUntil(lambda: show.staff.state == "closed")
    assert "staff menu closed by the visitors' idle reset" in staff_lines(caplog)


# --- exit ---------------------------------------------------------------------------------------


@pytest.fixture
def quits(monkeypatch):
    """Show.quit is recorded, not done: the test run goes on."""
    calls = []
    from kiosk.ui.app import Show
    monkeypatch.setattr(Show, "quit", lambda self: calls.append(self))
    return calls


def test_exit_asks_first_and_the_yes_is_not_where_exit_was(staff_show, quits, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show()
    open_menu(visitor)
    exit_rect = scene_rect(visitor.find("staffExit"))
    visitor.tap("staffExit")
    assert not quits and show.staff.exitAsked
    question = visitor.texts_in(visitor.find("exitQuestion"))
    assert any("停止展示？" in t and "Stop the show? The screen stays black" in t for t in question)
    assert not visitor.find_all("staffExit")
    visitor.tap(exit_rect.center())  # a second tap where Exit was lands on the question's text
    assert not quits and show.staff.exitAsked
    yes = scene_rect(visitor.find("staffExitConfirm"))
    assert not yes.intersects(exit_rect.adjusted(-24, -24, 24, 24)), "not under the same finger"
    visitor.tap("staffExitConfirm")
    assert quits == [show]
    assert staff_lines(caplog)[-2:] == ["staff asked to exit: waiting for confirmation",
                                        "staff confirmed the exit: the show stops"]


def test_exit_cancelled_or_unanswered_brings_the_menu_back(staff_show, quits, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show()
    open_menu(visitor)
    visitor.tap("staffExit")
    visitor.tap("staffExitCancel")
    assert not show.staff.exitAsked and visitor.find("staffExit") and show.staff.state == "menu"
    visitor.tap("staffExit")
    later(show, clock, EXIT_QUESTION - 0.25)
    assert visitor.find_all("exitQuestion")
    later(show, clock, 0.25)
    assert not visitor.find_all("exitQuestion") and visitor.find("staffExit") and show.staff.state == "menu"
    show.staff.confirmExit()  # a late "yes" confirms nothing
    assert not quits
    lines = staff_lines(caplog)
    assert "staff cancelled the exit" in lines and "staff exit cancelled: no answer" in lines


# --- the PIN pad --------------------------------------------------------------------------------


def test_a_lock_out_counts_down_with_the_keys_off_then_the_pin_works(staff_show, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show()
    corners(visitor)
    for _ in range(MAX_TRIES):
        type_pin(visitor, "0000")
    assert visitor.text_of("staffMessage") == (f"已锁定：{FIRST_LOCK:.0f} 秒后再试\n"
                                               f"Locked: try again in {FIRST_LOCK:.0f} s")
    key = visitor.find("pinKey:2")
    assert not key.isEnabled() and key.opacity() < 1, "the keys are off and look it"
    later(show, clock, 12)
    visitor.tap("pinKey:2")
    assert show.staff.digitsTyped == 0 and dots(visitor) == 0
    assert "18 秒后再试" in visitor.text_of("staffMessage") and "try again in 18 s" in visitor.text_of("staffMessage")
    later(show, clock, 17)
    assert "1 秒后再试" in visitor.text_of("staffMessage")
    later(show, clock, 1)
    assert visitor.text_of("staffMessage") == "" and key.isEnabled()
    type_pin(visitor, PIN)
    assert show.staff.state == "menu"
    lines = staff_lines(caplog)
    assert lines.count("wrong staff PIN (1 in a row)") == 1 and "wrong staff PIN (5 in a row)" in lines
    assert f"staff PIN pad locked for {FIRST_LOCK:.0f} s after 5 wrong PINs" in lines
    assert "staff PIN pad lock-out over" in lines and lines[-1] == "staff PIN accepted: menu opened"
    assert not any("0000" in line or PIN in line for line in lines), "never a PIN in the log"


def test_wrong_pin_message_goes_after_a_moment_or_at_the_next_digit(staff_show):
    show, visitor, clock = staff_show()
    corners(visitor)
    type_pin(visitor, "1111")
    assert visitor.text_of("staffMessage") == "密码错误 · Wrong PIN"
    visitor.tap("pinKey:1")
    assert visitor.text_of("staffMessage") == "" and show.staff.digitsTyped == 1
    type_pin(visitor, "111")
    assert visitor.text_of("staffMessage") == "密码错误 · Wrong PIN"
    later(show, clock, WRONG_PIN_SHOWN)
    assert visitor.text_of("staffMessage") == ""


def test_the_keypad_stays_still(staff_show):
    show, visitor, clock = staff_show()
    corners(visitor)

    def keypad() -> QRectF:
        return scene_rect(visitor.find("pinKey:5"))

    before = keypad()
    visitor.tap("pinKey:1")
    assert keypad() == before, "the first dot appears without moving the keys"
    type_pin(visitor, "999")
    assert keypad() == before, "nor does the message"
    later(show, clock, 25)
    assert visitor.find("staffCountdown") and keypad() == before, "nor the countdown"
    for _ in range(MAX_TRIES - 1):
        type_pin(visitor, "0000")
    assert show.staff.locked and keypad() == before, "nor the two lines of the lock-out"


def test_the_menu_scrolls_below_its_close_button(staff_show):
    show, visitor, clock = staff_show()
    open_menu(visitor)
    scroll = visitor.find("staffMenuScroll")
    assert scroll.property("interactive"), "the menu is long enough to scroll at 1080p"
    assert scene_rect(scroll).top() >= scene_rect(visitor.find("staffClose")).bottom()


# --- the log ------------------------------------------------------------------------------------


def test_staff_actions_are_logged(staff_show, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    show, visitor, clock = staff_show()
    open_menu(visitor)
    visitor.tap("staffLanguage:en")
    visitor.tap("pack:starter")
    open_menu(visitor)
    visitor.tap("staffReload")
    open_menu(visitor)
    visitor.tap("staffClose")
    starter = locations.BUILTIN_PACKS_DIR / "starter"
    assert staff_lines(caplog) == [
        "staff corner gesture: PIN pad opened",
        "staff PIN accepted: menu opened",
        "staff set the visitors' default language from zh to en",
        f"staff switched the pack from yongchuan-2022 ({YONGCHUAN_PACK}) to starter ({starter})",
        "staff menu closed after the pack switch",
        "staff corner gesture: PIN pad opened",
        "staff PIN accepted: menu opened",
        f"staff reloaded the pack starter ({starter})",
        "staff menu closed after the reload",
        "staff corner gesture: PIN pad opened",
        "staff PIN accepted: menu opened",
        "staff menu closed by staff",
    ]


def test_a_refused_reload_and_the_rehearsal_menu_are_logged(show_pack, qtbot, tmp_path, caplog):
    caplog.set_level(logging.INFO, STAFF_LOG)
    folder = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, folder)
    show = show_pack(folder, windowed=True)
    visitor = Visitor(show, qtbot)
    (folder / "screens" / "figures.yaml").write_text("id: figures\nkind: figures\n", encoding="utf-8")
    corners(visitor)
    visitor.tap("staffReload")
    lines = staff_lines(caplog)
    assert lines[0] == "staff corner gesture: menu opened without a PIN (rehearsal)"
    assert lines[1].startswith(f"staff reload of {folder} refused: ") and "figures.yaml" in lines[1]


def test_a_pack_on_a_usb_stick_is_offered_with_its_check_and_installed_when_staff_choose(
        staff_show, monkeypatch, tmp_path):
    stick = tmp_path / "stick"
    good, broken = stick / "minimal", stick / "packs" / "broken"
    for folder in (good, broken):
        shutil.copytree(MINIMAL_PACK, folder)
    (good / "pack.yaml").write_text((good / "pack.yaml").read_text(encoding="utf-8")
                                    .replace("Minimal pack", "Minimal from a stick"), encoding="utf-8")
    (broken / "pack.yaml").write_text((broken / "pack.yaml").read_text(encoding="utf-8")
                                      .replace("start: home", "start: nowhere").replace("id: minimal", "id: broken"),
                                      encoding="utf-8")
    on_stick = {p: p.read_bytes() for p in stick.rglob("*") if p.is_file()}
    monkeypatch.setattr("kiosk.system.usb.mounts", lambda: [stick])
    show, visitor, clock = staff_show(MINIMAL_PACK)
    open_menu(visitor)
    rows = {row["folder"]: row for row in show.staff.stickPacks}
    assert rows[str(good)]["ok"] and not rows[str(broken)]["ok"]
    assert "nowhere" in " ".join(rows[str(broken)]["errors"])
    assert visitor.find("stickPack:minimal").isEnabled() and not visitor.find("stickPack:broken").isEnabled()
    visitor.tap("stickPack:minimal")
    visitor.qtbot.waitUntil(lambda: show.pack.title("en") == "Minimal from a stick")
    assert show.pack.root == locations.user_packs_dir() / "minimal"
    assert {p: p.read_bytes() for p in stick.rglob("*") if p.is_file()} == on_stick, "nothing written to the stick"
