"""Idle policy, corner gesture, PIN hashing and lock-out, settings file: no window needed."""

import json

from kiosk.idle import ACTIVE, ATTRACT, MAX_HOLD, WARNING, IdlePolicy
from kiosk.settings import Settings
from kiosk.staff import (CORNERS, FIRST_LOCK, MAX_TRIES, CornerSequence, PinGate, corner_of,
                         hash_pin, pin_matches, valid_pin)


def test_idle_warns_then_resets_then_wakes():
    p = IdlePolicy(timeout=90, countdown=10)
    p.input(0)
    assert p.tick(89.9) is None and abs(p.next_check(89.9) - 0.1) < 1e-9
    assert p.tick(90) == "warn" and p.phase == WARNING
    assert p.seconds_left(90) == 10 and p.seconds_left(95.5) == 5
    assert p.tick(99.9) is None
    assert p.tick(100) == "reset" and p.phase == ATTRACT
    assert p.next_check(100) is None, "the attract loop waits for a touch, no timer"
    p.input(500)
    assert p.phase == ACTIVE and p.tick(589) is None


def test_input_during_the_countdown_cancels_it():
    p = IdlePolicy(timeout=5, countdown=10)
    p.tick(5)
    assert p.phase == WARNING
    p.input(8)
    assert p.phase == ACTIVE and p.tick(12.9) is None and p.tick(13) == "warn"


def test_never_idle_while_a_finger_is_down():
    p = IdlePolicy(timeout=5, countdown=0)
    p.press(0)
    assert p.tick(60) is None, "a long drag or pinch is not cut off"
    p.release(61)
    assert p.tick(65.9) is None and p.tick(66) == "reset"


def test_a_stuck_touch_does_not_block_idle_forever():
    p = IdlePolicy(timeout=5, countdown=0)
    p.press(0)
    assert p.tick(MAX_HOLD - 1) is None
    assert p.tick(MAX_HOLD + 1) == "reset"


def test_corners_clockwise_within_four_seconds():
    w, h = 1920, 1080
    points = {"top-left": (10, 10), "top-right": (1910, 10), "bottom-right": (1910, 1070), "bottom-left": (10, 1070)}
    assert [corner_of(*points[c], w, h) for c in CORNERS] == list(CORNERS)
    assert corner_of(960, 540, w, h) is None and corner_of(300, 10, w, h) is None
    s = CornerSequence()
    assert [s.tap(c, t) for c, t in zip(CORNERS, (0, 1, 2, 3))] == [False, False, False, True]
    assert not any(s.tap(c, t) for c, t in zip(CORNERS, (10, 11, 12, 14.5))), "too slow"
    assert not any(s.tap(c, t) for c, t in zip(reversed(CORNERS), (20, 21, 22, 23))), "anticlockwise"
    s = CornerSequence()
    s.tap("top-left", 30)
    s.tap("top-right", 30.5)
    assert not s.tap(None, 31), "a tap elsewhere starts again"
    assert not s.tap("bottom-right", 31.5)


def test_pin_hash_is_salted_and_checked():
    record = hash_pin("2468")
    assert "2468" not in json.dumps(record)
    assert record != hash_pin("2468"), "a new salt each time"
    assert pin_matches("2468", record) and not pin_matches("2469", record)
    assert not pin_matches("2468", {"algorithm": "md5"}) and not pin_matches("2468", {})
    assert valid_pin("0000") and not valid_pin("12") and not valid_pin("12a4") and not valid_pin("１２３４")


def test_pin_lockout_grows():
    gate = PinGate(hash_pin("1357"))
    for i in range(MAX_TRIES):
        assert gate.attempt("0000", now=i) == "wrong"
    assert gate.locked_for(MAX_TRIES) > 0
    assert gate.attempt("1357", now=MAX_TRIES) == "locked", "even the right PIN waits"
    later = MAX_TRIES - 1 + FIRST_LOCK + 0.1
    assert gate.attempt("0000", now=later) == "wrong"
    assert abs(gate.locked_for(later) - 2 * FIRST_LOCK) < 1e-9, "the next lock is twice as long"
    assert gate.attempt("1357", now=later + 2 * FIRST_LOCK + 1) == "ok"
    assert gate.failures == 0


def test_settings_round_trip_and_survive_a_broken_file(kiosk_home):
    s = Settings.load()
    s.pack, s.language, s.pin = "/packs/a", "en", hash_pin("1234")
    s.save()
    assert Settings.load() == s
    assert oct(Settings.path().stat().st_mode & 0o777) == "0o600"
    Settings.path().write_text("{not json", encoding="utf-8")
    assert Settings.load() == Settings()


def test_settings_made_in_memory_are_never_written(kiosk_home):
    """A render, proof or benchmark makes its own settings: they must never reach the machine."""
    Settings(pack="/packs/a", pin=hash_pin("1234")).save()
    assert not Settings.path().exists()
