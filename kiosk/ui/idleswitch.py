"""Another pack, shown at the next moment nobody is at the screen (the attract loop is on), never
in the middle of a visit: what the inbox and the schedule ask for."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from ..content import LoadResult
from ..core.idle import ATTRACT
from .idle import IdleController

log = logging.getLogger(__name__)


class SwitchAtIdle(QObject):
    def __init__(self, idle: IdleController, switch: Callable[[Path], LoadResult], parent: QObject | None = None):
        super().__init__(parent)
        self._idle, self._switch = idle, switch
        self.waiting: Path | None = None
        self.refused: LoadResult | None = None  # the last switch that was refused
        idle.phaseChanged.connect(self._maybe)

    def request(self, folder: Path) -> None:
        """Show `folder` at the next idle moment (the latest request wins)."""
        self.waiting = folder
        self._maybe()

    def _maybe(self) -> None:
        if self.waiting is None or self._idle.phase != ATTRACT:
            return
        folder, self.waiting = self.waiting, None
        result = self._switch(folder)
        self.refused = None if result.ok else result
