"""The schedule (kiosk.content.schedule) in the running show: every half minute, which pack the
schedule wants now. When that changes (a rule begins or ends), the show switches at the next idle
moment (kiosk.ui.idleswitch): to the rule's pack, or, as a rule ends, back to the pack that was
on before it. In between, a pack staff choose stays."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from ..content import resolve_pack
from ..content.schedule import Rule, pack_at
from ..system import locations
from .idleswitch import SwitchAtIdle

log = logging.getLogger(__name__)

CHECK_MS = 30_000


class ScheduleWatcher(QObject):
    def __init__(self, rules: list[Rule], switcher: SwitchAtIdle, current: Callable[[], Path],
                 clock: Callable[[], datetime] = datetime.now, parent: QObject | None = None):
        """`current()` is the folder on screen."""
        super().__init__(parent)
        self.rules, self._switcher, self._current, self._clock = rules, switcher, current, clock
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
        folder = self._before if wanted is None else resolve_pack(wanted, locations.pack_dirs())
        if folder is None:
            if wanted not in self._missing:
                log.error("schedule: no pack '%s' on this machine; the show goes on as it is", wanted)
                self._missing.add(str(wanted))
            return
        if folder.resolve() != self._current().resolve():
            log.info("schedule: pack %s from now, shown at the next idle moment", wanted or folder.name)
            self._switcher.request(folder)
