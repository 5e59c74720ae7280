"""Slow work (copying a pack, checking every picture and film in it) on a thread of its own, so
the window never waits for it; its result is handed back on the window's thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class OffThread(QObject):
    _finished = Signal(object, object)  # what to call with the result, the result

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.busy = False
        self._finished.connect(self._deliver)  # queued: it is emitted from the work's thread

    def run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """`work()` on a new thread, then `then(result)` here. One piece of work at a time."""
        assert not self.busy, "one piece of work at a time"
        self.busy = True

        def go() -> None:
            try:
                result = work()
            except Exception:  # a mistake of ours: logged, and the next work may start
                log.exception("background work failed")
                self._finished.emit(None, None)
                return
            self._finished.emit(then, result)

        threading.Thread(target=go, name="kiosk-work", daemon=True).start()

    def _deliver(self, then: Callable[[Any], None] | None, result: Any) -> None:
        self.busy = False
        if then is not None:
            then(result)
