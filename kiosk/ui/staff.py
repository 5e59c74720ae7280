"""The hidden staff menu, as QML sees it: four corners, a PIN pad, then packs, language, reload,
diagnostics and exit. The rules live in `kiosk.staff`; the PIN typed never reaches QML."""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication

from .. import __version__, locations
from ..content import LoadResult, PackInfo, describe_pack, find_pack_folders
from ..imagecheck import check_image
from ..logs import LOG_FILE
from ..settings import Settings
from ..staff import PIN_DIGITS, CornerSequence, PinGate
from .present import present

if TYPE_CHECKING:
    from .app import Show

log = logging.getLogger(__name__)

CLOSED, PIN, MENU = "closed", "pin", "menu"
ERRORS_SHOWN = 3  # per invalid pack in the list; `kiosk validate` gives them all


class StaffMenu(QObject):
    changed = Signal()

    def __init__(self, show: Show, settings: Settings, windowed: bool,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self._show = show
        self._settings = settings
        self._windowed = windowed
        self._clock = clock
        self._started = clock()
        self._corners = CornerSequence()
        self._gate = PinGate(settings.pin) if settings.pin else None
        self._state = CLOSED
        self._typed = ""
        self._message = ""
        self._packs: list[dict] = []

    # --- read by QML ----------------------------------------------------------------------

    @Property(str, notify=changed)
    def state(self) -> str:
        return self._state

    @Property(int, notify=changed)
    def digitsTyped(self) -> int:
        return len(self._typed)

    @Property(int, constant=True)
    def maxDigits(self) -> int:
        return PIN_DIGITS[1]

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property("QVariantList", notify=changed)
    def packs(self) -> list[dict]:
        return self._packs

    @Property("QVariantMap", notify=changed)
    def diagnostics(self) -> dict:
        return self._diagnostics() if self._state == MENU else {}

    # --- opening --------------------------------------------------------------------------

    @Slot(str)
    def cornerTapped(self, corner: str) -> None:
        if self._corners.tap(corner or None, self._clock()) and self._state == CLOSED:
            self.open()

    def open(self) -> None:
        if self._gate is not None:
            self._set(PIN, "")
        elif self._windowed:
            self._open_menu()
        else:
            log.warning("staff menu asked for, but no PIN is set: set one with `kiosk set-pin`")

    @Slot(str)
    def typeDigit(self, digit: str) -> None:
        if self._state == PIN and digit.isdigit() and len(digit) == 1 and len(self._typed) < PIN_DIGITS[1]:
            self._typed += digit
            self._message = ""
            self.changed.emit()

    @Slot()
    def erase(self) -> None:
        self._typed = self._typed[:-1]
        self.changed.emit()

    @Slot()
    def submit(self) -> None:
        if self._state != PIN or self._gate is None:
            return
        now = self._clock()
        verdict = self._gate.attempt(self._typed, now)
        self._typed = ""
        if verdict == "ok":
            log.info("staff menu opened")
            self._open_menu()
        elif verdict == "locked":
            self._set(PIN, f"Locked: try again in {round(self._gate.locked_for(now))} s / 已锁定")
        else:
            log.warning("wrong staff PIN (%d in a row)", self._gate.failures)
            wait = self._gate.locked_for(now)
            self._set(PIN, f"Locked: try again in {round(wait)} s / 已锁定" if wait
                      else "Wrong PIN / 密码错误")

    @Slot()
    def close(self) -> None:
        self._typed = ""
        self._set(CLOSED, "")

    # --- the menu -------------------------------------------------------------------------

    def _open_menu(self, message: str = "") -> None:
        self._packs = [self._pack_row(info) for info in self._pack_infos()]
        self._set(MENU, message)

    def _pack_infos(self) -> list[PackInfo]:
        return [describe_pack(folder, check_image) for folder in find_pack_folders(locations.pack_dirs())]

    def _pack_row(self, info: PackInfo) -> dict:
        return {
            "folder": str(info.folder), "id": info.id,
            "title": present(info.title, info.folder) if info.title else {},
            "languages": ", ".join(info.languages),
            "modified": datetime.datetime.fromtimestamp(info.modified).strftime("%Y-%m-%d %H:%M"),
            "ok": info.ok, "errors": info.errors[:ERRORS_SHOWN], "errorCount": len(info.errors),
            "current": info.folder.resolve() == self._show.pack.root.resolve(),
        }

    @Slot(str)
    def choosePack(self, folder: str) -> None:
        result = self._show.switch_pack(folder)
        if result.ok:
            self._settings.pack = folder
            self._settings.save()
            self.close()
        else:
            self._refused(result, folder)

    @Slot()
    def reloadPack(self) -> None:
        result = self._show.reload()
        self.close() if result.ok else self._refused(result, str(self._show.pack.root))

    def _refused(self, result: LoadResult, folder: str) -> None:
        """The show goes on with the current pack; staff see why the other was refused."""
        self._open_menu(f"Not switched: {len(result.errors)} error(s) / 内容包有错误: "
                        + result.errors[0].format(folder))

    @Slot(str)
    def setDefaultLanguage(self, code: str) -> None:
        self._settings.language = code
        self._settings.save()
        self._show.navigator.set_default_language(code)
        self._show.navigator.reset()
        self.changed.emit()

    @Slot()
    def exitApp(self) -> None:
        log.info("staff chose to exit")
        self._show.quit()

    def _diagnostics(self) -> dict:
        uptime = int(self._clock() - self._started)
        # primaryScreen(), not window.screen(): with PySide6 6.10/6.11 a QScreen reached through
        # a window that is later deleted made the next window's creation crash.
        screen = QGuiApplication.primaryScreen().size()
        return {
            "version": __version__,
            "uptime": f"{uptime // 3600} h {uptime % 3600 // 60} min",
            "memory": rss_text(),
            "screen": f"{screen.width()}×{screen.height()}",
            "window": f"{self._show.window.width()}×{self._show.window.height()}",
            "pack": f"{self._show.pack.id} ({self._show.pack.root})",
            "defaultLanguage": self._show.navigator.defaultLanguage,
            "log": log_tail(),
        }

    def _set(self, state: str, message: str) -> None:
        self._state, self._message = state, message
        self.changed.emit()


def rss_text() -> str:
    """Resident memory, from /proc where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            kb = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        return f"{kb / 1024:.0f} MB"
    except (OSError, StopIteration, ValueError):
        return "n/a"


def log_tail(lines: int = 8) -> str:
    try:
        text = (locations.log_dir() / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])
