"""Rules of the hidden staff menu, in plain Python: the corner gesture, the PIN and its lock-out,
what the panel allows in each state and when it closes by itself.

The PIN is never stored: only a salted scrypt hash, so the settings file of a stolen kiosk PC
gives nothing away, and guessing is slow.
"""

from __future__ import annotations

import base64
import math
import os
from dataclasses import dataclass, field
from typing import Any

CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")
CORNER_SIZE = 0.12  # of the short side: a corner zone is about 130 px at 1080p
SEQUENCE_SECONDS = 4.0

MAX_TRIES = 5
FIRST_LOCK = 30.0  # seconds; doubles with each further wrong PIN
LONGEST_LOCK = 3600.0

PIN_DIGITS = (4, 12)
WRONG_PIN_SHOWN = 4.0  # seconds "Wrong PIN" stays up, unless a digit is typed sooner

# The panel is on a public screen: it closes by itself after this long without a touch in it.
STAFF_TIMEOUT = 30.0  # the default of Settings.staff_timeout
TIMEOUT_RANGE = (5.0, 3600.0)  # what the settings file, edited by hand, may ask for
COUNTDOWN_SHOWN = 10.0  # the last seconds before it closes are counted down on screen
EXIT_QUESTION = 8.0  # seconds "Stop the show?" waits for an answer, then goes away

CLOSED, PIN, MENU = "closed", "pin", "menu"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~16 MB and ~50 ms a try


def corner_of(x: float, y: float, width: float, height: float) -> str | None:
    size = CORNER_SIZE * min(width, height)
    left, right, top, bottom = x < size, x > width - size, y < size, y > height - size
    if top and left:
        return "top-left"
    if top and right:
        return "top-right"
    if bottom and right:
        return "bottom-right"
    if bottom and left:
        return "bottom-left"
    return None


@dataclass
class CornerSequence:
    """Taps on the four corners, clockwise from top-left, within four seconds. Any other tap
    starts again, so a visitor touching around will practically never complete it."""

    seconds: float = SEQUENCE_SECONDS
    taps: list[tuple[str, float]] = field(default_factory=list)

    def tap(self, corner: str | None, now: float) -> bool:
        expected = CORNERS[len(self.taps)]
        if corner != expected or (self.taps and now - self.taps[0][1] > self.seconds):
            self.taps = [(corner, now)] if corner == CORNERS[0] else []
            return False
        self.taps.append((corner, now))
        if len(self.taps) == len(CORNERS):
            self.taps = []
            return True
        return False


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and pin.isascii() and PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]


# hashlib and hmac are imported where a PIN is hashed: loading OpenSSL costs every start of the
# show about 5 ms, and most starts never see a PIN.
def hash_pin(pin: str, salt: bytes | None = None) -> dict[str, Any]:
    import hashlib

    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return {"algorithm": "scrypt", **_SCRYPT,
            "salt": base64.b64encode(salt).decode(), "hash": base64.b64encode(digest).decode()}


def pin_matches(pin: str, record: dict[str, Any]) -> bool:
    import hashlib
    import hmac

    try:
        if record.get("algorithm") != "scrypt":
            return False
        salt = base64.b64decode(record["salt"])
        expected = base64.b64decode(record["hash"])
        digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=len(expected),
                                n=int(record["n"]), r=int(record["r"]), p=int(record["p"]))
    except (KeyError, ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


@dataclass
class PinGate:
    """Checks PINs; after MAX_TRIES wrong ones, refuses every try for a growing while."""

    record: dict[str, Any]
    failures: int = 0
    locked_until: float = 0.0

    def locked_for(self, now: float) -> float:
        return max(0.0, self.locked_until - now)

    def attempt(self, pin: str, now: float) -> str:
        """"ok", "wrong" or "locked" (then the PIN is not even checked)."""
        if self.locked_for(now) > 0:
            return "locked"
        if pin_matches(pin, self.record):
            self.failures = 0
            return "ok"
        self.failures += 1
        if self.failures >= MAX_TRIES:
            extra = self.failures - MAX_TRIES
            self.locked_until = now + min(LONGEST_LOCK, FIRST_LOCK * 2**extra)
        return "wrong"


def valid_timeout(value: object) -> bool:
    """Whether a staff timeout from the settings file (edited by hand) can be used."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and TIMEOUT_RANGE[0] <= value <= TIMEOUT_RANGE[1])


def _whole_seconds(left: float) -> int:
    """A time left as shown: whole seconds, rounded up (less a hair of float error, so 10 s
    left after some arithmetic shows 10, not 11)."""
    return max(0, math.ceil(left - 1e-6))


def _next_second(left: float) -> float:
    """Seconds until the whole seconds shown for `left` change, or it runs out."""
    shown = _whole_seconds(left)
    return left - (shown - 1) if shown > 0 else max(0.0, left)


@dataclass
class StaffSession:
    """The staff panel from opening to closing: PIN pad, menu, the exit question, and the times
    after which each thing shown goes away by itself. `now` is passed in; the caller calls `tick`
    when `next_check` says something may have changed."""

    gate: PinGate | None  # None: no PIN set, the menu opens straight away (rehearsal only)
    timeout: float = STAFF_TIMEOUT
    state: str = CLOSED
    typed: str = ""
    last_touch: float = 0.0
    wrong_at: float | None = None  # when the PIN shown as wrong was refused
    exit_asked_at: float | None = None
    was_locked: bool = False  # the PIN pad showed a lock-out at the last tick

    def open(self, now: float) -> None:
        self.close()
        self.state = PIN if self.gate is not None else MENU
        self.last_touch = now
        self.was_locked = self.locked_for(now) > 0

    def close(self) -> None:
        self.state, self.typed, self.wrong_at, self.exit_asked_at = CLOSED, "", None, None

    def touch(self, now: float) -> None:
        """A touch anywhere while the panel is up (it covers the screen) keeps it open."""
        self.last_touch = now

    # --- the PIN pad ------------------------------------------------------------------------

    def locked_for(self, now: float) -> float:
        return self.gate.locked_for(now) if self.state == PIN and self.gate is not None else 0.0

    def type_digit(self, digit: str, now: float) -> bool:
        """False when refused: not on the PIN pad, locked out, not a digit, or the PIN is full."""
        if (self.state != PIN or self.locked_for(now) > 0 or not (digit.isdigit() and digit.isascii())
                or len(digit) != 1 or len(self.typed) >= PIN_DIGITS[1]):
            return False
        self.typed += digit
        self.wrong_at = None
        return True

    def erase(self) -> None:
        self.typed = self.typed[:-1]

    def submit(self, now: float) -> str | None:
        """The PinGate's verdict ("ok": the menu is open now), or None when there is no PIN pad."""
        if self.state != PIN or self.gate is None:
            return None
        verdict = self.gate.attempt(self.typed, now)
        self.typed = ""
        if verdict == "ok":
            self.state, self.wrong_at = MENU, None
        elif verdict == "wrong":
            self.wrong_at = now
            self.was_locked = self.locked_for(now) > 0
        return verdict

    def notice(self, now: float) -> str:
        """What the PIN pad tells: "locked" (for all of the lock-out), "wrong" (for a moment), ""."""
        if self.locked_for(now) > 0:
            return "locked"
        if self.wrong_at is not None and now - self.wrong_at < WRONG_PIN_SHOWN:
            return "wrong"
        return ""

    def locked_seconds(self, now: float) -> int:
        return _whole_seconds(self.locked_for(now))

    # --- the exit question ------------------------------------------------------------------

    def ask_exit(self, now: float) -> bool:
        if self.state != MENU or self.exit_asked_at is not None:
            return False
        self.exit_asked_at = now
        return True

    def answer_exit(self, now: float) -> bool:
        """True if the question was up to be answered (the answer is then taken); either way it
        goes away."""
        asked = self.exit_asked_at is not None and now - self.exit_asked_at < EXIT_QUESTION
        self.exit_asked_at = None
        return asked

    # --- the clock --------------------------------------------------------------------------

    def closes_in(self, now: float, reset_in: float | None = None) -> int:
        """The countdown shown: whole seconds until the panel closes (its own timeout, or the
        visitors' idle reset `reset_in` seconds away if that comes first), 0 while it is not yet
        worth showing."""
        if self.state == CLOSED:
            return 0
        left = self.last_touch + self.timeout - now
        if reset_in is not None:
            left = min(left, reset_in)
        return _whole_seconds(left) if left <= COUNTDOWN_SHOWN else 0

    def tick(self, now: float) -> list[str]:
        """What happened by itself by `now`: "timeout" (the panel is closed), "exit-expired" (the
        question went unanswered), "unlocked" (the lock-out is over)."""
        if self.state == CLOSED:
            return []
        if now - self.last_touch >= self.timeout:
            self.close()
            return ["timeout"]
        events = []
        if self.exit_asked_at is not None and now - self.exit_asked_at >= EXIT_QUESTION:
            self.exit_asked_at = None
            events.append("exit-expired")
        locked = self.locked_for(now) > 0
        if self.was_locked and not locked:
            events.append("unlocked")
        self.was_locked = locked
        return events

    def next_check(self, now: float) -> float | None:
        """Seconds until `tick` or anything shown may change (once a second while a number
        counts down on screen); None while the panel is closed."""
        if self.state == CLOSED:
            return None
        left = self.last_touch + self.timeout - now
        waits = [left - COUNTDOWN_SHOWN if left > COUNTDOWN_SHOWN else _next_second(left)]
        if self.locked_for(now) > 0:
            waits.append(_next_second(self.locked_for(now)))
        if self.wrong_at is not None and now - self.wrong_at < WRONG_PIN_SHOWN:
            waits.append(self.wrong_at + WRONG_PIN_SHOWN - now)
        if self.exit_asked_at is not None:
            waits.append(self.exit_asked_at + EXIT_QUESTION - now)
        return max(0.0, min(waits))
