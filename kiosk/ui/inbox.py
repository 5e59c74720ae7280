"""The running show's side of the inbox (kiosk.system.inbox): look every few seconds for packs
that arrived, take each one off the window's thread (copying, checking every file, decoding
every picture takes seconds for a pack with films), and switch to an installed pack at the next
moment nobody is at the screen: when the attract loop is on, never during a visit."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from ..content import load_pack
from ..system import locations
from ..system.imagecheck import ImageChecker
from ..system.inbox import Inbox, Taken, take
from .idleswitch import SwitchAtIdle
from .offthread import OffThread

log = logging.getLogger(__name__)

POLL_MS = 2000
STATE_FILE = "inbox.json"  # what was taken, by fingerprint: not again after a restart


def full_check(folder: Path) -> tuple[str | None, list[str]]:
    """A pack validated as a pack switch validates it (pictures and films decoded), in a worker
    of its own: the show's is the window thread's."""
    checker = ImageChecker()
    try:
        result = load_pack(folder, checker, checker.probe_video)
    finally:
        checker.close()
    return result.id, [p.format(folder.name) for p in result.errors]


class InboxWatcher(QObject):
    def __init__(self, inbox: Inbox, switcher: SwitchAtIdle,
                 check: Callable[[Path], tuple[str | None, list[str]]] = full_check,
                 packs_dir: Path | None = None, state: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.inbox, self._switcher, self._check = inbox, switcher, check
        self._packs_dir = packs_dir
        self._state = state or locations.state_dir() / STATE_FILE
        self._load_state()
        self.last: Taken | None = None  # for the staff menu
        self._work = OffThread(self)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _load_state(self) -> None:
        try:
            data = json.loads(self._state.read_text(encoding="utf-8"))
            self.inbox.taken = {name: tuple(tuple(f) for f in files) for name, files in data.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            pass  # nothing taken yet, or a state file we cannot use: packs are taken again

    def _save_state(self) -> None:
        try:
            locations.write_json(self._state, {name: list(map(list, f)) for name, f in self.inbox.taken.items()})
        except OSError as e:
            log.error("inbox: cannot save %s: %s", self._state, e)

    @Slot()
    def poll(self) -> None:
        if self._work.busy:
            return
        ready = self.inbox.ready()
        if not ready:
            return
        entry = ready[0]  # one at a time; the others stay ready for the next polls
        self.inbox.took(entry)
        self._save_state()
        self._work.run(lambda: take(entry, self._check, self._packs_dir), self._took)

    def _took(self, taken: Taken) -> None:
        self.last = taken
        if taken.folder is not None:
            self._switcher.request(taken.folder)

    def status(self) -> str:
        """For the staff menu."""
        if self._work.busy:
            return "taking a pack that arrived…"
        if self.last is not None and self.last.folder is not None and self._switcher.waiting == self.last.folder:
            return f"{self.last}; shown at the next idle moment"
        return str(self.last) if self.last else f"nothing arrived in {self.inbox.folder}"
