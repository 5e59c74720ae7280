"""When the kiosk decides nobody is there any more. Plain Python; times are passed in.

active --(no input for `timeout` s)--> warning --(no input for `countdown` s)--> reset, attract
Any input in `warning` or `attract` goes back to `active`. While a finger or a mouse button is
down the kiosk is never idle, so a visitor dragging or pinching is not reset mid-gesture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ACTIVE, WARNING, ATTRACT = "active", "warning", "attract"
# A press held longer than this is a stuck touch (a faulty panel, a leaning object), not a visitor.
MAX_HOLD = 300.0


@dataclass
class IdlePolicy:
    timeout: float
    countdown: float
    phase: str = ACTIVE
    last_input: float = 0.0
    warned_at: float = 0.0
    held_since: float | None = None

    def input(self, now: float) -> None:
        """A touch, click, wheel or key anywhere."""
        self.last_input = now
        self.phase = ACTIVE

    def press(self, now: float) -> None:
        self.input(now)
        self.held_since = now

    def release(self, now: float) -> None:
        self.held_since = None
        self.input(now)

    def tick(self, now: float) -> str | None:
        """Advance the clock; returns "warn" or "reset" when that happens now."""
        if self.phase == ACTIVE and not self._held(now) and now - self.last_input >= self.timeout:
            if self.countdown > 0:
                self.phase, self.warned_at = WARNING, now
                return "warn"
            self.phase = ATTRACT
            return "reset"
        if self.phase == WARNING and now - self.warned_at >= self.countdown:
            self.phase = ATTRACT
            return "reset"
        return None

    def expire(self) -> None:
        """Nobody is there, starting now: straight to the attract loop."""
        self.phase = ATTRACT
        self.held_since = None

    def next_check(self, now: float) -> float | None:
        """Seconds until `tick` may change something (once a second while counting down, so the
        number on screen moves); None when only input can change the phase."""
        if self.phase == ACTIVE:
            if self._held(now):
                return self.held_since + MAX_HOLD - now
            return max(0.0, self.last_input + self.timeout - now)
        if self.phase == WARNING:
            return max(0.0, min(1.0, self.warned_at + self.countdown - now))
        return None

    def seconds_left(self, now: float) -> int:
        """The countdown as shown: whole seconds, rounded up."""
        if self.phase != WARNING:
            return 0
        return max(0, math.ceil(self.warned_at + self.countdown - now - 1e-6))

    def _held(self, now: float) -> bool:
        return self.held_since is not None and now - self.held_since < MAX_HOLD
