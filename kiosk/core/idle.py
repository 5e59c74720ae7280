"""When the kiosk decides nobody is there any more. Plain Python; times are passed in.

active --(no input for `timeout` s)--> warning --(no input for `countdown` s)--> reset, attract
Any input in `warning` or `attract` goes back to `active` (a mouse merely moving only keeps it
active: `hover`). While a finger or a mouse button is down the kiosk is never idle, so a visitor
dragging or pinching is not reset mid-gesture. The touch that wakes the kiosk only wakes it
(`WakingTouch`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

ACTIVE, WARNING, ATTRACT = "active", "warning", "attract"
# The stages of an input sequence (see WakingTouch): its first press, what follows, its last
# release; ONCE is a sequence of its own (a wheel turn), HOVER a mouse moving with no button down.
BEGIN, DURING, END, ONCE, HOVER = "begin", "during", "end", "once", "hover"
# A press held longer than this is a stuck touch (a faulty panel, a leaning object), not a visitor.
MAX_HOLD = 300.0
# A film or a recording that plays holds the kiosk until its end, as long as that is; this long
# after its end, had it played on, it is taken for stalled (a damaged file, a decoder stuck) and
# holds it no more: a player stuck in "playing" must not keep the last visitor's screen all day.
WATCH_GRACE = 60.0


@dataclass
class IdlePolicy:
    timeout: float
    countdown: float
    phase: str = ACTIVE
    last_input: float = 0.0
    warned_at: float = 0.0
    held_since: float | None = None
    players: int = 0  # clips and narrations the visitor started that are playing
    watch_until: float | None = None  # when the last of them should have ended, plus WATCH_GRACE


    def input(self, now: float) -> None:
        """A touch, click, wheel or key anywhere."""
        self.last_input = now
        self.phase = ACTIVE

    def hover(self, now: float) -> None:
        """A mouse moving with no button down: someone at the screen while it is awake, but it
        does not end the countdown or the attract loop, only a touch does. A touch panel that
        works as a mouse moves the pointer to the finger just before it presses, and that touch
        must wake the screen, not land on it (WakingTouch)."""
        if self.phase == ACTIVE:
            self.last_input = now

    def press(self, now: float) -> None:
        self.input(now)
        self.held_since = now

    def release(self, now: float) -> None:
        self.held_since = None
        self.input(now)

    def watch(self, now: float, playing: bool, left: float | None = None) -> None:
        """A clip or a narration started or stopped, with `left` seconds of it to play (None:
        not known). Someone who pressed play is watching or listening, not gone: the timeout is
        held for as long as anything plays (WCAG 2.2.1: no time limit cuts a film or a narration
        short) and counts from the end (or pause) of the last. A clip plays to its end and stops;
        `kiosk validate` warns of clips long enough to hold the kiosk for long
        (kiosk.content.video.LONG_CLIP_MS)."""
        self.players = self.players + 1 if playing else max(0, self.players - 1)
        if not self.players:
            self.watch_until = None
        elif playing:
            self.plays_on(now, left)
        if self.phase == ACTIVE:
            self.last_input = now

    def plays_on(self, now: float, left: float | None) -> None:
        """What plays has `left` seconds still to go (the visitor moved it back): held as long."""
        if not self.players:
            return
        until = now + left + WATCH_GRACE if left else math.inf  # a length not known: held until it stops
        self.watch_until = until if self.watch_until is None else max(self.watch_until, until)

    def tick(self, now: float) -> str | None:
        """Advance the clock; returns "warn" or "reset" when that happens now."""
        if self.players and self.watch_until is not None and now >= self.watch_until:
            # Stalled: it holds no more, and the time counts from when it should have ended.
            self.last_input = max(self.last_input, self.watch_until - WATCH_GRACE)
            self.players, self.watch_until = 0, None
        if self.phase == ACTIVE and not self._held(now) and not self.players and now - self.last_input >= self.timeout:
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
            if self.held_since is not None and self._held(now):
                return self.held_since + MAX_HOLD - now
            if self.players:  # until it stops (watch), a touch, or it is taken for stalled
                return None if self.watch_until in (None, math.inf) else max(0.0, self.watch_until - now)
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


@dataclass
class WakingTouch:
    """The touch that wakes the kiosk from the attract loop or the countdown only wakes it:
    every event of a sequence that began while it was not awake (press, moves, more fingers,
    release) is kept from the screen underneath, so the visitor does not land on whatever tile,
    Home button or picture was under the finger. A sequence that begins once it is awake goes
    through. A sequence is per kind of device ("touch", "mouse"): from its first finger or
    button down to its last one up."""

    asleep: set[str] = field(default_factory=set)  # devices whose sequence began before waking

    def swallow(self, device: str, stage: str, awake: bool) -> bool:
        """Whether this event is kept from the screen; `awake` as shown before the event."""
        if stage == BEGIN:
            if awake:
                self.asleep.discard(device)
            else:
                self.asleep.add(device)
        swallowed = device in self.asleep or (stage == ONCE and not awake)
        if stage == END:
            self.asleep.discard(device)
        return swallowed
