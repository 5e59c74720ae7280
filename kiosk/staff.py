"""Rules of the hidden staff menu, in plain Python: the corner gesture, the PIN and its lock-out.

The PIN is never stored: only a salted scrypt hash, so the settings file of a stolen kiosk PC
gives nothing away, and guessing is slow.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass, field

CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")
CORNER_SIZE = 0.12  # of the short side: a corner zone is about 130 px at 1080p
SEQUENCE_SECONDS = 4.0

MAX_TRIES = 5
FIRST_LOCK = 30.0  # seconds; doubles with each further wrong PIN
LONGEST_LOCK = 3600.0

PIN_DIGITS = (4, 12)
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


def hash_pin(pin: str, salt: bytes | None = None) -> dict:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return {"algorithm": "scrypt", **_SCRYPT,
            "salt": base64.b64encode(salt).decode(), "hash": base64.b64encode(digest).decode()}


def pin_matches(pin: str, record: dict) -> bool:
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

    record: dict
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
