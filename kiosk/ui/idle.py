"""The idle policy in Qt: a timer that wakes only when something can change, and the phase QML
shows (active, warning with its countdown, attract)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from ..core.idle import ACTIVE, ATTRACT, PLAYING_BEAT_MS, WARNING, IdlePolicy

log = logging.getLogger(__name__)

# A timer that runs this much later than it was due ran on a UI thread held up (a machine under
# load): a touch made meanwhile may wait in the queue behind it. The controller lets the queue run
# for LOOK_AGAIN_MS before it judges, so that touch is not split off into a visit of its own.
LATE = 0.05
LOOK_AGAIN_MS = 100


class IdleController(QObject):
    phaseChanged = Signal()
    secondsLeftChanged = Signal()
    # Nobody there: back to how a new visitor finds the kiosk. With why, for the log.
    resetRequested = Signal(str)

    def __init__(self, timeout: float, countdown: float, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._policy = IdlePolicy(timeout, countdown, last_input=clock())
        self._shown = ACTIVE
        self._asleep_since = 0.0  # when the attract loop came up, for the log
        self._seconds_left = 0
        self._timer = QTimer(self, singleShot=True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # late means held up (LATE)
        self._timer.timeout.connect(self._due_now)
        self._due = 0.0  # when the timer was due
        self._looked_again = False
        self._schedule()

    # --- read by QML ----------------------------------------------------------------------

    @Property(str, notify=phaseChanged)
    def phase(self) -> str:
        return self._shown

    # The phase as QML asks it, so that no view file spells a phase (kiosk.core.idle owns them).
    @Property(bool, notify=phaseChanged)
    def active(self) -> bool:
        """Neither the countdown nor the attract loop is up: input is for the screen."""
        return self._shown == ACTIVE

    @Property(bool, notify=phaseChanged)
    def warning(self) -> bool:
        return self._shown == WARNING

    @Property(bool, notify=phaseChanged)
    def attract(self) -> bool:
        return self._shown == ATTRACT

    @Property(int, constant=True)
    def playingBeatMs(self) -> int:
        """How often a playing player says it moves on (playingOn)."""
        return PLAYING_BEAT_MS

    @Property(int, notify=secondsLeftChanged)
    def secondsLeft(self) -> int:
        return self._seconds_left

    # --- input (from InputWatch) ----------------------------------------------------------

    @Slot()
    def press(self) -> None:
        # The overlay stays up until the finger lifts: a finger that rests or drags has not
        # yet "touched to continue". (InputWatch keeps that whole touch from the screen.)
        self._policy.press(self._clock())
        self._schedule()

    @Slot()
    def release(self) -> None:
        self._policy.release(self._clock())
        self._show(ACTIVE)
        self._schedule()

    @Slot()
    def hover(self) -> None:
        self._policy.hover(self._clock())
        self._schedule()

    @Slot()
    def activity(self) -> None:
        was = self._policy.phase
        self._policy.input(self._clock())
        if was != ACTIVE and self._policy.held_since is None:
            self._show(ACTIVE)
            self._schedule()

    @Slot(str, bool)
    def watching(self, player: str, playing: bool) -> None:
        """A clip in a screen or a screen's narration (`player`: its own id) started or stopped
        (ClipPlayer.qml, NarrationPlayer.qml)."""
        self._policy.watch(self._clock(), player, playing)
        self._schedule()

    @Slot(str)
    def playingOn(self, player: str) -> None:
        """A playing player's position moved on (every core.idle.PLAYING_BEAT_MS of it): it is
        not stalled (QML says so only while it plays)."""
        self._policy.moved(self._clock(), player)
        self._schedule()

    @Slot()
    def goIdleNow(self) -> None:
        """Straight to the attract loop (a rehearsal shortcut)."""
        self._policy.expire()
        self.resetRequested.emit("idle now (rehearsal shortcut)")
        self._show(self._policy.phase)
        self._schedule()

    def set_timeouts(self, timeout: float, countdown: float) -> None:
        """New idle times (another pack was chosen)."""
        self._policy.timeout, self._policy.countdown = timeout, countdown
        self._schedule()

    # --- clock ----------------------------------------------------------------------------

    def _due_now(self) -> None:
        if not self._looked_again and self._clock() - self._due > LATE:
            self._looked_again = True
            self._timer.start(LOOK_AGAIN_MS)
            return
        self.tick()

    def tick(self) -> None:
        """Warn, count down or reset as the clock says is due: called by the timer, and by tests
        that move their own clock on."""
        now = self._clock()
        event = self._policy.tick(now)
        if event == "reset":
            idle_for = round(now - self._policy.last_input)
            self.resetRequested.emit(f"idle reset after {idle_for} s without a touch")
        self._show(self._policy.phase)
        self._set_seconds(self._policy.seconds_left(now))
        self._schedule()

    def _schedule(self) -> None:
        now = self._clock()
        wait = self._policy.next_check(now)
        if self._looked_again and self._timer.isActive() and wait is not None and wait <= 0:
            return  # still overdue (a hover, new idle times): the second look stands
        self._looked_again = False
        if wait is None:
            self._timer.stop()
        else:
            self._due = now + wait
            self._timer.start(max(0, round(wait * 1000)))

    def _show(self, phase: str) -> None:
        if phase == self._shown:
            return
        now = self._clock()
        if phase == ATTRACT:
            self._asleep_since = now
        elif self._shown == ATTRACT:
            log.info("woken from the attract loop after %d s", round(now - self._asleep_since))
        self._shown = phase
        self.phaseChanged.emit()

    def _set_seconds(self, seconds: int) -> None:
        if seconds != self._seconds_left:
            self._seconds_left = seconds
            self.secondsLeftChanged.emit()
