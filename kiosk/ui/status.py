"""The running kiosk's status file for the fleet (kiosk.system.fleet): which pack and version it
shows and since when, its uptime, its last visitor, what went wrong; written every minute."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from ..system.fleet import STATUS_SECONDS, record, write_status
from ..system.inbox import manifest_version
from .showing import RunningShow

log = logging.getLogger(__name__)


class StatusWriter(QObject):
    def __init__(self, show: RunningShow, folder: Path, every: float = STATUS_SECONDS,
                 clock: Callable[[], float] = time.time, parent: QObject | None = None):
        super().__init__(parent)
        self._show, self.folder, self._clock = show, folder, clock
        self._started = self._since = clock()
        self._last_visitor: float | None = None
        show.navigator.packChanged.connect(self._pack_changed)
        self._timer = QTimer(self, interval=round(every * 1000))
        self._timer.timeout.connect(self.write)
        self._timer.start()
        self.write()

    def touched(self) -> None:
        self._last_visitor = self._clock()

    def _pack_changed(self) -> None:
        self._since = self._clock()
        self.write()

    @Slot()
    def write(self) -> None:
        inbox = self._show.inbox
        errors = [str(inbox.last)] if inbox is not None and inbox.last is not None and not inbox.last.ok else []
        pack = self._show.pack
        try:
            write_status(self.folder, record(pack=pack.id, version=manifest_version(pack.root), since=self._since,
                                             started=self._started, last_visitor=self._last_visitor,
                                             errors=errors, now=self._clock()))
        except OSError as e:
            log.error("cannot write the status file in %s: %s", self.folder, e)
