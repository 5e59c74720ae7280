"""Rehearsal on a laptop (`kiosk run --windowed`): keyboard shortcuts, the overlay that shows what
each screen is made of, and hot reload with an error panel over the last good content."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Property, QEvent, QFileSystemWatcher, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QWindow

from ..core.rehearsal import SHORTCUTS, neighbour
from .inspect import MIN_TARGET, stage_of, touch_targets
from .showing import RunningShow

log = logging.getLogger(__name__)

RELOAD_DELAY_MS = 300  # editors write a file in several steps (or by rename); let them finish
SETTLE_MS = 350  # after a move, for the transition to end before the targets are measured

_KEYS = {Qt.Key.Key_Left: "previous", Qt.Key.Key_Right: "next", Qt.Key.Key_Home: "home",
         Qt.Key.Key_L: "language", Qt.Key.Key_R: "reload", Qt.Key.Key_O: "overlay",
         Qt.Key.Key_I: "idle", Qt.Key.Key_F: "fullscreen", Qt.Key.Key_Question: "help"}


class Rehearsal(QObject):
    changed = Signal()
    frameChanged = Signal()

    def __init__(self, show: RunningShow, parent: QObject | None = None):
        super().__init__(parent)
        self._show = show
        self._overlay = False
        self._help = False
        self._problems: list[str] = []
        self._targets: list[dict] = []
        self._frame_ms = 0.0
        self._frame_started = 0.0

        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._soon)
        self._watcher.directoryChanged.connect(self._soon)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._measure_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._measure_timer.timeout.connect(self._measure)
        # The frame time is shown twice a second: showing it each frame would itself cause a
        # frame, and the kiosk would never stop repainting.
        self._frame_timer = QTimer(self, interval=500)
        self._frame_timer.timeout.connect(self.frameChanged)
        show.navigator.moved.connect(self._measure_soon)
        show.navigator.languageChanged.connect(self._measure_soon)
        self.watch()

    def attach(self, window: QWindow) -> None:
        window.installEventFilter(self)
        window.beforeSynchronizing.connect(self._frame_start)
        window.frameSwapped.connect(self._frame_end)

    # --- read by QML ----------------------------------------------------------------------

    @Property(bool, notify=changed)
    def overlay(self) -> bool:
        return self._overlay

    @Property(bool, notify=changed)
    def help(self) -> bool:
        return self._help

    @Property("QVariantList", notify=changed)
    def shortcuts(self) -> list[dict]:
        return [{"key": key, "text": text} for key, _, text in SHORTCUTS]

    @Property("QVariantList", notify=changed)
    def problems(self) -> list[str]:
        return self._problems

    @Property("QVariantList", notify=changed)
    def targets(self) -> list[dict]:
        return self._targets

    @Property(str, notify=changed)
    def source(self) -> str:
        screen = self._show.pack.screen(self._show.navigator.screenId)
        return str(screen.where) if screen else ""

    @Property(float, notify=frameChanged)
    def frameMs(self) -> float:
        return self._frame_ms

    # --- shortcuts ------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = _KEYS.get(Qt.Key(event.key()))
            if action:
                self.do(action)
                return True
        return False

    @Slot(str)
    def do(self, action: str) -> None:
        nav, show = self._show.navigator, self._show
        if action in ("previous", "next"):
            nav.open(neighbour(nav.screen_ids, nav.screenId, -1 if action == "previous" else 1))
        elif action == "home":
            nav.home()
        elif action == "language":
            nav.toggleLanguage()
        elif action == "reload":
            self.reload()
        elif action == "overlay":
            self._overlay = not self._overlay
            self._frame_timer.start() if self._overlay else self._frame_timer.stop()
            self._measure()
        elif action == "help":
            self._help = not self._help
            self.changed.emit()
        elif action == "idle":
            show.idle.goIdleNow()
        elif action == "fullscreen":
            show.window.showNormal() if show.window.visibility() == QWindow.Visibility.FullScreen \
                else show.window.showFullScreen()

    # --- hot reload -----------------------------------------------------------------------

    def watch(self) -> None:
        """Watch every file and folder of the pack. Folders too: an editor that saves by
        writing a new file and renaming it over the old one leaves a file watch behind."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        root = self._show.pack.root
        paths = [root, *root.rglob("*")]
        self._watcher.addPaths([str(p) for p in paths if p.exists()])

    def _soon(self, _path: str) -> None:
        self._reload_timer.start()

    @Slot()
    def reload(self) -> None:
        result = self._show.reload()
        self.watch()  # files may have been replaced, added or removed
        self._problems = [p.format() for p in result.errors]
        if result.ok:
            log.info("pack reloaded after an edit")
        self.changed.emit()

    # --- overlay --------------------------------------------------------------------------

    def _measure_soon(self) -> None:
        if self._overlay:
            self._measure_timer.start()

    def _measure(self) -> None:
        """Outline every touch target, red when smaller than 48 px at 1080p."""
        stage = stage_of(self._show.window)
        self._targets = [] if not self._overlay or stage is None else [
            {"x": b.rect.x(), "y": b.rect.y(), "w": b.rect.width(), "h": b.rect.height(),
             "small": b.side_at_1080p(stage) < MIN_TARGET}
            for b in touch_targets(stage)
        ]
        self.changed.emit()

    def _frame_start(self) -> None:
        self._frame_started = time.perf_counter()

    def _frame_end(self) -> None:
        if self._frame_started:
            self._frame_ms = (time.perf_counter() - self._frame_started) * 1000
