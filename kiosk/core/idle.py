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
# A film or a recording that plays holds the kiosk for as long as it plays, however long; one
# whose position has not moved for this long is taken for stalled (a damaged file, a decoder
# stuck) and holds it no more: a player stuck in "playing" must not keep the last visitor's
# screen all day. Players say that they move every few seconds (PLAYING_BEAT_MS).
STALL = 30.0
PLAYING_BEAT_MS = 5000


@dataclass
class IdlePolicy:
    timeout: float
    countdown: float
    phase: str = ACTIVE
    last_input: float = 0.0
    warned_at: float = 0.0
    held_since: float | None = None
    # The clips and narrations a visitor started that play: each player's id, and when its
    # position last moved.
    players: dict[str, float] = field(default_factory=dict)


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

    def watch(self, now: float, player: str, playing: bool) -> None:
        """A clip or a narration (`player`, an id of its own) started or stopped. Someone who
        pressed play is watching or listening, not gone: the timeout is held for as long as
        anything plays (WCAG 2.2.1: no time limit cuts a film or a narration short) and counts
        from the end (or pause) of the last. A clip plays to its end and stops; `kiosk validate`
        warns of clips long enough to hold the kiosk for long (kiosk.content.video.LONG_CLIP_MS).
        A stop said twice (a player stopped, then destroyed) counts once."""
        if playing:
            self.players[player] = now
        else:
            self.players.pop(player, None)
        if self.phase == ACTIVE:
            self.last_input = now

    def moved(self, now: float, player: str) -> None:
        """A playing player's position moved on (every PLAYING_BEAT_MS of it): it holds the kiosk
        again if it had been taken for stalled (a decoder's hiccup, a long wait for a disk)."""
        self.players[player] = now

    def tick(self, now: float) -> str | None:
        """Advance the clock; returns "warn" or "reset" when that happens now."""
        for player, moved in list(self.players.items()):
            if now - moved >= STALL:  # stalled: it holds no more, and the time counts from its last move
                del self.players[player]
                self.last_input = max(self.last_input, moved)
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
            if self.players:  # until it stops (watch), a touch, or the first to stand still is stalled
                return max(0.0, min(self.players.values()) + STALL - now)
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
