"""Idle policy, corner gesture, PIN hashing and lock-out, the staff panel's states and timeouts, settings
file: no window needed."""

import json

from kiosk.core.idle import (
    ACTIVE,
    ATTRACT,
    BEGIN,
    DURING,
    END,
    HOVER,
    MAX_HOLD,
    ONCE,
    STALL,
    WARNING,
    IdlePolicy,
    WakingTouch,
)
from kiosk.core.staff import (
    CLOSED,
    CORNERS,
    COUNTDOWN_SHOWN,
    EXIT_QUESTION,
    FIRST_LOCK,
    MAX_TRIES,
    MENU,
    PIN,
    STAFF_TIMEOUT,
    WRONG_PIN_SHOWN,
    CornerSequence,
    PinGate,
    StaffSession,
    corner_of,
    hash_pin,
    pin_matches,
    valid_pin,
    valid_timeout,
)
from kiosk.system.settings import Settings


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


def test_a_playing_clip_holds_the_timeout_which_counts_from_its_end():
    p = IdlePolicy(timeout=60, countdown=0)
    p.input(0)
    p.watch(10, "clip", True)
    for t in range(15, 400, 5):
        p.moved(t, "clip")  # its position moves on
        assert p.tick(t) is None
    assert p.next_check(395) == STALL, "nothing to wait for but its end, or it standing still"
    p.watch(400, "clip", False)  # played to its end
    assert p.tick(459.9) is None and p.tick(460) == "reset"


def test_a_clip_and_a_narration_both_hold_it_until_the_last_stops():
    p = IdlePolicy(timeout=60, countdown=0)
    p.watch(0, "clip", True)
    p.watch(5, "narration", True)  # the screen's narration over it
    p.watch(20, "clip", False)  # the clip paused: the narration still plays
    p.watch(21, "clip", False)  # and then destroyed: a second stop counts once
    for t in range(25, 250, 5):
        p.moved(t, "narration")
        assert p.tick(t) is None
    p.watch(250, "narration", False)
    assert p.tick(309.9) is None and p.tick(310) == "reset"


def test_a_long_film_is_never_cut_short_by_the_idle_reset():
    """WCAG 2.2.1: the attract loop never starts while a clip or a narration plays, however long."""
    p = IdlePolicy(timeout=60, countdown=20)
    p.watch(0, "film", True)
    for t in range(5, 2 * 3600, 5):
        p.moved(t, "film")
        assert p.tick(t) is None and p.phase == ACTIVE
    p.watch(2 * 3600, "film", False)  # its end
    assert p.tick(2 * 3600 + 60) == "warn"


def test_a_film_standing_still_while_playing_holds_the_kiosk_no_more():
    """A damaged file or a decoder that hangs leaves a player saying "playing": once its position
    has not moved for STALL seconds it holds the kiosk no more, and the time counts from its last
    move. Another player that moves on holds it still."""
    p = IdlePolicy(timeout=60, countdown=0)
    p.watch(0, "stuck", True)
    p.moved(100, "stuck")  # its last move
    assert p.next_check(100) == STALL
    assert p.tick(100 + STALL - 0.1) is None and "stuck" in p.players
    assert p.tick(100 + STALL) is None and not p.players, "stalled: no longer holding it"
    assert p.tick(159.9) is None and p.tick(160) == "reset", "60 s from its last move"
    q = IdlePolicy(timeout=60, countdown=0)
    q.watch(0, "stuck", True)
    q.watch(10, "narration", True)
    for t in range(15, 100, 5):
        q.moved(t, "narration")
        q.tick(t)
    assert list(q.players) == ["narration"], "the stalled one is dropped, the one that moves holds it"
    q.watch(100, "stuck", False)  # the stalled clip stopped at last: the narration still counts
    assert q.players and q.tick(105) is None
    r = IdlePolicy(timeout=60, countdown=0)
    r.watch(0, "film", True)
    assert r.tick(STALL) is None and not r.players, "a hiccup of 30 s: taken for stalled"
    for t in range(int(STALL) + 5, 200, 5):
        r.moved(t, "film")  # and then it moves on after all
        assert r.tick(t) is None and r.players, "it holds the kiosk again"


def test_a_stuck_touch_does_not_block_idle_forever():
    p = IdlePolicy(timeout=5, countdown=0)
    p.press(0)
    assert p.tick(MAX_HOLD - 1) is None
    assert p.tick(MAX_HOLD + 1) == "reset"


def test_a_mouse_only_moving_keeps_the_kiosk_awake_but_does_not_wake_it():
    p = IdlePolicy(timeout=5, countdown=10)
    p.hover(4)
    assert p.tick(8.9) is None and p.tick(9) == "warn"
    p.hover(10)
    assert p.phase == WARNING and p.tick(19) == "reset"
    p.hover(20)
    assert p.phase == ATTRACT


def test_the_touch_that_wakes_the_kiosk_only_wakes_it():
    w = WakingTouch()
    assert w.swallow("touch", BEGIN, awake=False)
    assert w.swallow("touch", DURING, awake=True), "awake since the press, but it is the same touch"
    assert w.swallow("touch", END, awake=True)
    assert not any(w.swallow("touch", stage, awake=True) for stage in (BEGIN, DURING, END)), \
        "the next one is for the screen"


def test_a_waking_sequence_is_per_device_and_a_wheel_turn_is_one():
    w = WakingTouch()
    assert w.swallow("mouse", BEGIN, awake=False)
    assert not w.swallow("touch", BEGIN, awake=True) and not w.swallow("touch", END, awake=True)
    assert w.swallow("mouse", ONCE, awake=True), "a wheel turn while the waking button is down"
    assert w.swallow("mouse", END, awake=True)
    assert w.swallow("mouse", ONCE, awake=False) and not w.swallow("mouse", ONCE, awake=True)
    assert not w.swallow("mouse", HOVER, awake=False), "nothing to keep from the screen"


def test_a_touch_that_began_awake_goes_through_whatever_happens_meanwhile():
    w = WakingTouch()
    assert not w.swallow("touch", BEGIN, awake=True)
    assert not w.swallow("touch", DURING, awake=False) and not w.swallow("touch", END, awake=False)


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


def _locked_session(pin: str = "1357") -> StaffSession:
    """A PIN pad just locked out at t=100."""
    session = StaffSession(PinGate(hash_pin(pin)))
    session.open(now=90)
    for _ in range(MAX_TRIES):
        for digit in "0000":
            session.type_digit(digit, now=100)
        assert session.submit(now=100) == "wrong"
    return session


def test_staff_panel_closes_itself_without_a_touch():
    session = StaffSession(None, timeout=STAFF_TIMEOUT)
    session.open(now=0)
    assert session.state == MENU, "no PIN: straight to the menu (the caller allows it in rehearsal only)"
    assert session.closes_in(0) == 0 and session.next_check(0) == STAFF_TIMEOUT - COUNTDOWN_SHOWN
    assert session.tick(19.9) == [] and session.closes_in(19.9) == 0
    assert session.closes_in(20) == 10 and session.closes_in(21.5) == 9, "the last seconds, rounded up"
    assert abs(session.next_check(21.5) - 0.5) < 1e-9, "woken when the number shown changes"
    session.touch(25)
    assert session.closes_in(25) == 0 and session.tick(54.9) == [] and session.state == MENU
    assert session.tick(55) == ["timeout"] and session.state == CLOSED
    assert session.next_check(55) is None and session.closes_in(55) == 0


def test_staff_countdown_shows_the_visitors_reset_when_it_comes_first():
    session = StaffSession(None, timeout=30)
    session.open(now=0)
    assert session.closes_in(5, reset_in=7) == 7, "the idle reset closes the panel too"
    assert session.closes_in(25, reset_in=9) == 5, "its own timeout first"
    assert session.closes_in(5, reset_in=60) == 0


def test_the_pin_pad_closes_too():
    session = StaffSession(PinGate(hash_pin("1357")), timeout=12)
    session.open(now=0)
    assert session.state == PIN and session.closes_in(2) == 10
    assert session.tick(12) == ["timeout"] and session.state == CLOSED


def test_a_wrong_pin_is_told_for_a_moment_or_until_the_next_digit():
    session = StaffSession(PinGate(hash_pin("1357")))
    session.open(now=0)
    for digit in "2468":
        assert session.type_digit(digit, now=1)
    assert session.submit(now=2) == "wrong" and session.typed == "" and session.notice(2) == "wrong"
    assert session.next_check(2) == WRONG_PIN_SHOWN
    assert session.notice(2 + WRONG_PIN_SHOWN) == ""
    session.submit(now=10)
    assert session.notice(10) == "wrong"
    assert session.type_digit("1", now=11) and session.notice(11) == "", "the next digit clears it"
    assert not session.type_digit("x", now=11) and not session.type_digit("12", now=11)


def test_locked_out_the_pad_refuses_digits_and_counts_down():
    session = _locked_session()
    assert session.notice(100) == "locked" and session.locked_seconds(100) == FIRST_LOCK
    assert not session.type_digit("1", now=101) and session.typed == "", "no typing while locked"
    assert session.notice(105 + WRONG_PIN_SHOWN) == "locked", "the lock-out is told for all its length"
    assert session.locked_seconds(112.5) == 18
    assert abs(session.next_check(112.5) - 0.5) < 1e-9, "woken when the seconds shown change"
    session.touch(125)
    assert session.tick(125) == [] and session.tick(130) == ["unlocked"] and session.notice(130) == ""
    assert session.tick(131) == [], "told once"
    for digit in "1357":
        assert session.type_digit(digit, now=131)
    assert session.submit(now=132) == "ok" and session.state == MENU


def test_reopened_during_a_lock_out_the_pad_is_still_locked():
    session = _locked_session()
    session.close()
    session.open(now=110)
    assert session.state == PIN and session.notice(110) == "locked" and session.locked_seconds(110) == 20
    assert session.tick(130) == ["unlocked"]


def test_exit_needs_an_answer_in_time():
    pad = StaffSession(PinGate(hash_pin("1357")))
    pad.open(now=0)
    assert not pad.ask_exit(0) and not pad.answer_exit(0), "only from the menu"
    session = StaffSession(None)
    session.open(now=0)
    assert session.ask_exit(1) and not session.ask_exit(2), "asked once"
    assert session.next_check(1) == EXIT_QUESTION
    assert session.answer_exit(1 + EXIT_QUESTION - 0.1) and session.exit_asked_at is None
    assert not session.answer_exit(10), "nothing asked, nothing to confirm"
    session.ask_exit(20)
    assert session.tick(20 + EXIT_QUESTION) == ["exit-expired"] and session.exit_asked_at is None
    assert not session.answer_exit(20 + EXIT_QUESTION), "an expired question confirms nothing"
    session.ask_exit(40)
    session.close()
    assert session.exit_asked_at is None and not session.answer_exit(41)


def test_staff_timeout_from_the_settings_file_is_checked():
    assert valid_timeout(30) and valid_timeout(12.5) and valid_timeout(3600)
    assert not any(valid_timeout(v) for v in (0, 4.9, -30, 3601, "30", None, True, float("nan")))


def test_settings_round_trip_and_survive_a_broken_file(kiosk_home):
    s = Settings.load()
    assert s.staff_timeout == STAFF_TIMEOUT
    s.pack, s.language, s.pin, s.staff_timeout = "/packs/a", "en", hash_pin("1234"), 45
    s.save()
    assert Settings.load() == s
    assert json.loads(Settings.path().read_text(encoding="utf-8"))["staff_timeout"] == 45
    assert oct(Settings.path().stat().st_mode & 0o777) == "0o600"
    Settings.path().write_text("{not json", encoding="utf-8")
    assert Settings.load() == Settings()


def test_settings_made_in_memory_are_never_written(kiosk_home):
    """A render, proof or benchmark makes its own settings: they must never reach the machine."""
    Settings(pack="/packs/a", pin=hash_pin("1234")).save()
    assert not Settings.path().exists()


def test_settings_written_before_staff_timeout_existed_get_the_default(kiosk_home):
    Settings.path().parent.mkdir(parents=True, exist_ok=True)
    Settings.path().write_text('{"pack": "/packs/a", "shoe_size": 44}', encoding="utf-8")
    assert Settings.load().staff_timeout == STAFF_TIMEOUT and Settings.load().pack == "/packs/a"
