"""The schedule (kiosk.content.schedule) in the running show: every half minute, which pack the
schedule wants now. When that changes (a rule begins or ends), the show switches at the next idle
moment (kiosk.ui.idleswitch): to the rule's pack, or, as a rule ends, back to the pack that was
on before it. In between, a pack staff choose stays. A `screen: off` rule turns the screen off
at the next idle moment instead, and on again as it ends."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from ..content import resolve_pack
from ..content.schedule import SCREEN_OFF, Rule, pack_at
from ..core.idle import ATTRACT
from ..system import locations
from .idle import IdleController
from .idleswitch import SwitchAtIdle

log = logging.getLogger(__name__)

CHECK_MS = 30_000


class ScreenAtIdle(QObject):
    """The screen off while the schedule says so: turned off at the next idle moment (never in
    the middle of a visit); on again as a visitor touches it at night (DPMS and Windows wake it by
    themselves, an output turned off by a command such as wlr-randr does not), and off again at
    the next idle moment; on as the rule ends. `power(on)` is kiosk.system.display.ScreenPower.set:
    None when done, else why not. It runs commands that may take seconds (a monitor's DDC/CI), so
    it runs on a thread of its own, in order, never holding up the show."""

    def __init__(self, idle: IdleController, power: Callable[[bool], str | None], parent: QObject | None = None):
        super().__init__(parent)
        self._idle, self._power = idle, power
        self.off_wanted = False
        self._off = False  # turned off by us, and not on again since
        self._said: set[str] = set()  # why it could not: said once (touched on the worker thread only)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screen power")
        self._last: Future[None] | None = None
        self._closed = False
        idle.phaseChanged.connect(self._maybe)

    def want_off(self, off: bool) -> None:
        if off == self.off_wanted:
            return
        self.off_wanted = off
        if not off:
            self._set(True)
        self._maybe()

    def wait(self) -> None:
        """Until what was asked is done (for tests; the show closes with close())."""
        if self._last is not None:
            self._last.result()

    def close(self) -> None:
        self._closed = True
        self._worker.shutdown(wait=True)

    def _maybe(self) -> None:
        if self.off_wanted and self._idle.phase == ATTRACT:
            self._set(False)
        elif self._off and self._idle.phase != ATTRACT:
            self._set(True)  # a visitor at night is served

    def _set(self, on: bool) -> None:
        if self._closed:  # the show is closing: the screen stays as it is
            return
        self._off = not on
        self._last = self._worker.submit(self._apply, on)

    def _apply(self, on: bool) -> None:
        why = self._power(on)
        if why is None:
            log.info("schedule: screen %s", "on" if on else "off")
        elif why not in self._said:
            self._said.add(why)
            log.error("schedule: cannot turn the screen %s: %s; the show goes on", "on" if on else "off", why)


class ScheduleWatcher(QObject):
    def __init__(self, rules: list[Rule], switcher: SwitchAtIdle, screen: ScreenAtIdle, current: Callable[[], Path],
                 clock: Callable[[], datetime] = datetime.now, parent: QObject | None = None):
        """`current()` is the folder on screen."""
        super().__init__(parent)
        self.rules, self._switcher, self._current, self._clock = rules, switcher, current, clock
        self.screen = screen
        self._wanted: str | None = None  # what the schedule said at the last check
        self._before: Path | None = None  # on screen when the rules took over
        self._missing: set[str] = set()  # packs the schedule names that are not here (said once)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.check()

    @Slot()
    def check(self) -> None:
        wanted = pack_at(self.rules, self._clock())
        if wanted == self._wanted:
            return
        if self._wanted is None:
            self._before = self._current()
        self._wanted = wanted
        self.screen.want_off(wanted == SCREEN_OFF)
        if wanted == SCREEN_OFF:
            return  # whatever shows stays, unseen
        folder = self._before if wanted is None else resolve_pack(wanted, locations.pack_dirs())
        if folder is None:
            if wanted not in self._missing:
                log.error("schedule: no pack '%s' on this machine; the show goes on as it is", wanted)
                self._missing.add(str(wanted))
            return
        if folder.resolve() != self._current().resolve():
            log.info("schedule: pack %s from now, shown at the next idle moment", wanted or folder.name)
            self._switcher.request(folder)
