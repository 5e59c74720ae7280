"""The idle policy in Qt: a timer that wakes only when something can change, and the phase QML
shows ("active", "warning" with its countdown, "attract")."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from ..idle import ACTIVE, IdlePolicy


class IdleController(QObject):
    phaseChanged = Signal()
    secondsLeftChanged = Signal()
    resetRequested = Signal()  # nobody there: back to how a new visitor finds the kiosk

    def __init__(self, timeout: float, countdown: float, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._policy = IdlePolicy(timeout, countdown, last_input=clock())
        self._shown = ACTIVE
        self._seconds_left = 0
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._tick)
        self._schedule()

    # --- read by QML ----------------------------------------------------------------------

    @Property(str, notify=phaseChanged)
    def phase(self) -> str:
        return self._shown

    @Property(int, notify=secondsLeftChanged)
    def secondsLeft(self) -> int:
        return self._seconds_left

    # --- input (from InputWatch) ----------------------------------------------------------

    @Slot()
    def press(self) -> None:
        # The overlay stays up until the finger lifts, so the tap that dismisses the attract
        # loop or the countdown never lands on the screen underneath.
        self._policy.press(self._clock())
        self._schedule()

    @Slot()
    def release(self) -> None:
        self._policy.release(self._clock())
        self._show(ACTIVE)
        self._schedule()

    @Slot()
    def activity(self) -> None:
        was = self._policy.phase
        self._policy.input(self._clock())
        if was != ACTIVE and self._policy.held_since is None:
            self._show(ACTIVE)
            self._schedule()

    @Slot()
    def goIdleNow(self) -> None:
        """Straight to the attract loop (a rehearsal shortcut)."""
        self._policy.expire()
        self.resetRequested.emit()
        self._show(self._policy.phase)
        self._schedule()

    def set_timeouts(self, timeout: float, countdown: float) -> None:
        """New idle times (another pack was chosen)."""
        self._policy.timeout, self._policy.countdown = timeout, countdown
        self._schedule()

    # --- clock ----------------------------------------------------------------------------

    def _tick(self) -> None:
        now = self._clock()
        event = self._policy.tick(now)
        if event == "reset":
            self.resetRequested.emit()
        self._show(self._policy.phase)
        self._set_seconds(self._policy.seconds_left(now))
        self._schedule()

    def _schedule(self) -> None:
        wait = self._policy.next_check(self._clock())
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(max(0, round(wait * 1000)))

    def _show(self, phase: str) -> None:
        if phase != self._shown:
            self._shown = phase
            self.phaseChanged.emit()

    def _set_seconds(self, seconds: int) -> None:
        if seconds != self._seconds_left:
            self._seconds_left = seconds
            self.secondsLeftChanged.emit()
