"""The hidden staff menu, as QML sees it: four corners, a PIN pad, then packs, language, reload,
diagnostics and exit. The rules live in `kiosk.core.staff`; the PIN typed never reaches QML. Every
staff action is logged (never a PIN), so the log tells who did what at the booth and when."""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from .. import __version__
from ..content import LoadResult, PackInfo, describe_pack, find_pack_folders
from ..content.folders import KEPT_SUFFIX
from ..core.staff import (
    CLOSED,
    MENU,
    PIN,
    PIN_DIGITS,
    STAFF_TIMEOUT,
    TIMEOUT_RANGE,
    CornerSequence,
    PinGate,
    StaffSession,
    valid_timeout,
)
from ..system import locations
from ..system.imagecheck import check_image, probe_video
from ..system.logs import LOG_FILE
from ..system.memory import rss_mb
from ..system.settings import Settings
from .offthread import OffThread
from .present import present
from .showing import RunningShow

if TYPE_CHECKING:
    from ..system.inbox import Taken

log = logging.getLogger(__name__)

ERRORS_SHOWN = 3  # per invalid pack in the list; `kiosk validate` gives them all


class StaffMenu(QObject):
    changed = Signal()  # what is open, and what it shows
    packsChanged = Signal()  # the list of packs: rebuilt only when the menu opens
    ticked = Signal()  # what the clock changes: countdowns, lock-out, messages

    def __init__(self, show: RunningShow, settings: Settings, windowed: bool,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None):
        super().__init__(parent)
        self._show = show
        self._stick_packs: list[dict] = []  # packs on USB sticks, looked for when the menu opens
        self._installing = OffThread(self)  # a pack copied in from a stick
        self._settings = settings
        self._windowed = windowed
        self._clock = clock
        self._started = clock()
        self._corners = CornerSequence()
        self._session = StaffSession(PinGate(settings.pin) if settings.pin else None, self._timeout())
        self._message = ""  # why the menu refused something
        self._packs: list[dict] = []
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.tick)
        # The visitors' idle reset closes the panel too: when it comes first, its countdown is ours.
        show.idle.secondsLeftChanged.connect(self.ticked)
        show.idle.phaseChanged.connect(self.ticked)

    def _timeout(self) -> float:
        timeout = self._settings.staff_timeout
        if valid_timeout(timeout):
            return float(timeout)
        log.warning("staff_timeout %r in the settings is not a number of seconds from %g to %g; using %g",
                    timeout, *TIMEOUT_RANGE, STAFF_TIMEOUT)
        return STAFF_TIMEOUT

    # --- read by QML ----------------------------------------------------------------------

    @Property(str, notify=changed)
    def state(self) -> str:
        return self._session.state

    # The state as QML asks it, so that no view file spells a state (kiosk.core.staff owns them).
    @Property(bool, notify=changed)
    def closed(self) -> bool:
        return self._session.state == CLOSED

    @Property(bool, notify=changed)
    def askingPin(self) -> bool:
        return self._session.state == PIN

    @Property(bool, notify=changed)
    def menuOpen(self) -> bool:
        return self._session.state == MENU

    @Property(int, notify=changed)
    def digitsTyped(self) -> int:
        return len(self._session.typed)

    @Property(int, constant=True)
    def maxDigits(self) -> int:
        return PIN_DIGITS[1]

    @Property(bool, notify=ticked)
    def locked(self) -> bool:
        return self._session.locked_for(self._clock()) > 0

    @Property(str, notify=ticked)
    def message(self) -> str:
        now = self._clock()
        notice = self._session.notice(now)
        if notice == "locked":
            seconds = self._session.locked_seconds(now)
            return f"已锁定：{seconds} 秒后再试\nLocked: try again in {seconds} s"
        if notice == "wrong":
            return "密码错误 · Wrong PIN"
        return self._message if self._session.state == MENU else ""

    @Property(int, notify=ticked)
    def closesIn(self) -> int:
        """Seconds until the panel closes by itself, once that is near; else 0."""
        idle = self._show.idle
        reset_in = idle.secondsLeft if idle.phase == "warning" else None
        return self._session.closes_in(self._clock(), reset_in)

    @Property(bool, notify=changed)
    def exitAsked(self) -> bool:
        return self._session.exit_asked_at is not None

    @Property("QVariantList", notify=packsChanged)
    def packs(self) -> list[dict]:
        return self._packs

    @Property("QVariantMap", notify=changed)
    def diagnostics(self) -> dict:
        return self._diagnostics() if self._session.state == MENU else {}

    # --- opening --------------------------------------------------------------------------

    @Slot(str)
    def cornerTapped(self, corner: str) -> None:
        """Every press in the window comes here ("" away from the corners): while the panel is
        up it covers the screen, so each press is a touch in it and keeps it open."""
        now = self._clock()
        if self._session.state != CLOSED:
            self._session.touch(now)
            self._refresh()
        elif self._corners.tap(corner or None, now):
            self.open()

    def open(self) -> None:
        if self._session.gate is None and not self._windowed:
            log.warning("staff menu asked for, but no PIN is set: set one with `kiosk set-pin`")
            return
        self._session.open(self._clock())
        if self._session.state == PIN:
            log.info("staff corner gesture: PIN pad opened")
        else:
            log.info("staff corner gesture: menu opened without a PIN (rehearsal)")
            self._open_menu()
        self._refresh(changed=True)

    @Slot(str)
    def typeDigit(self, digit: str) -> None:
        if self._session.type_digit(digit, self._clock()):
            self._refresh(changed=True)

    @Slot()
    def erase(self) -> None:
        self._session.erase()
        self._refresh(changed=True)

    @Slot()
    def submit(self) -> None:
        now = self._clock()
        verdict = self._session.submit(now)
        if verdict == "ok":
            log.info("staff PIN accepted: menu opened")
            self._open_menu()
        elif verdict == "wrong":
            failures = self._session.gate.failures
            log.warning("wrong staff PIN (%d in a row)", failures)
            if self._session.locked_for(now) > 0:
                log.warning("staff PIN pad locked for %d s after %d wrong PINs",
                            self._session.locked_seconds(now), failures)
        self._refresh(changed=verdict is not None)

    @Slot()
    def dismiss(self) -> None:
        """Staff closed the panel."""
        self._close("by staff")

    @Slot()
    def close(self) -> None:
        """The visitors' idle reset closes the panel (and whatever else closes it from outside)."""
        self._close("by the visitors' idle reset")

    def _close(self, why: str) -> None:
        if self._session.state == CLOSED:
            return
        log.info("staff %s closed %s", self._what_is_open(), why)
        self._session.close()
        self._refresh(changed=True)

    def _what_is_open(self) -> str:
        return "PIN pad" if self._session.state == PIN else "menu"

    # --- the menu -------------------------------------------------------------------------

    def _open_menu(self, message: str = "") -> None:
        self._packs = [self._pack_row(info) for info in self._pack_infos()]
        self._stick_packs = self._on_sticks()
        self._message = message
        self.packsChanged.emit()

    def _pack_infos(self) -> list[PackInfo]:
        return [describe_pack(folder, check_image, probe_video)
                for folder in find_pack_folders(locations.pack_dirs())]

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
        before = self._show.pack
        result = self._show.switch_pack(folder)
        if result.ok:
            log.info("staff switched the pack from %s (%s) to %s (%s)",
                     before.id, before.root, result.pack.id, folder)
            self._settings.pack = folder
            self._settings.save()
            self._close("after the pack switch")
        else:
            self._refused("switch to", result, folder)

    @Property(bool, notify=packsChanged)
    def canRollBack(self) -> bool:
        """The pack on screen came from the inbox, which kept the version before it."""
        root = self._show.pack.root
        return (root.parent / (root.name + KEPT_SUFFIX)).is_dir()

    @Slot()
    def rollBack(self) -> None:
        from ..system.inbox import Refused, rollback  # not at start: the inbox's modules can wait
        root = self._show.pack.root
        try:
            rollback(root.parent, root.name)
        except (Refused, OSError) as e:
            self._open_menu(f"Not rolled back / 未能回退: {e}")
            self._refresh(changed=True)
            return
        result = self._show.switch_pack(root)
        if result.ok:
            log.info("staff went back to the previous version of %s", root)
            self._close("after going back to the previous version")
        else:  # the version before was refused: keep the one that was on
            rollback(root.parent, root.name)
            self._refused("going back to the previous version of", result, str(root))

    # --- packs on a USB stick: offered with their validation, copied in only when staff choose -----

    @Property("QVariantList", notify=packsChanged)
    def stickPacks(self) -> list[dict]:
        return self._stick_packs

    def _on_sticks(self) -> list[dict]:
        from ..system import usb
        rows = []
        for stick in usb.mounts():
            for found in usb.packs_on(stick):
                if found.is_dir():
                    info = describe_pack(found, check_image, probe_video)
                    rows.append({**self._pack_row(info), "current": False})
                else:  # a zip: checked as it is copied in
                    rows.append({"folder": str(found), "id": found.stem, "title": {}, "languages": "",
                                 "modified": "", "ok": True, "errors": [], "errorCount": 0, "current": False})
        return rows

    @Slot(str)
    def installFromStick(self, source: str) -> None:
        """Copy a pack from a stick in, through every check of the inbox, off the window's thread
        (a stick is slow, and a pack with films big), and show it once done: staff chose it,
        behind the PIN."""
        from ..system.inbox import take
        from .inbox import full_check
        if self._installing.busy:
            return
        self._message = f"正在安装 · Installing {Path(source).name} …"
        self._refresh(changed=True)
        self._installing.run(lambda: take(Path(source), full_check), lambda taken: self._installed(source, taken))

    def _installed(self, source: str, taken: Taken) -> None:
        if not taken.ok or taken.folder is None:
            log.warning("staff install from %s refused: %s", source, taken)
            self._open_menu(f"Not installed / 未安装: {taken}")
            self._refresh(changed=True)
            return
        log.info("staff installed %s from a USB stick", taken)
        self.choosePack(str(taken.folder))

    @Slot()
    def reloadPack(self) -> None:
        folder = str(self._show.pack.root)
        result = self._show.reload()
        if result.ok:
            log.info("staff reloaded the pack %s (%s)", result.pack.id, folder)
            self._close("after the reload")
        else:
            self._refused("reload of", result, folder)

    def _refused(self, action: str, result: LoadResult, folder: str) -> None:
        """The show goes on with the current pack; staff see why the other was refused."""
        first = result.errors[0].format(folder)
        log.warning("staff %s %s refused: %d error(s), first: %s", action, folder, len(result.errors), first)
        self._open_menu(f"Not switched: {len(result.errors)} error(s) / 内容包有错误: " + first)
        self._refresh(changed=True)

    @Slot(str)
    def setDefaultLanguage(self, code: str) -> None:
        log.info("staff set the visitors' default language from %s to %s",
                 self._show.navigator.defaultLanguage, code)
        self._settings.language = code
        self._settings.save()
        self._show.navigator.set_default_language(code)
        self._show.navigator.reset()
        self._refresh(changed=True)

    # --- exit, confirmed: exit status 0 is a wanted stop, which nothing restarts -------------

    @Slot()
    def askExit(self) -> None:
        if self._session.ask_exit(self._clock()):
            log.info("staff asked to exit: waiting for confirmation")
            self._refresh(changed=True)

    @Slot()
    def confirmExit(self) -> None:
        if self._session.answer_exit(self._clock()):
            log.info("staff confirmed the exit: the show stops")
            self._show.quit()
        self._refresh(changed=True)

    @Slot()
    def cancelExit(self) -> None:
        if self._session.answer_exit(self._clock()):
            log.info("staff cancelled the exit")
        self._refresh(changed=True)

    # --- the clock ------------------------------------------------------------------------

    def tick(self) -> None:
        """What changes by itself (the timer's; tests call it after moving their clock)."""
        what = self._what_is_open()
        events = self._session.tick(self._clock())
        if "timeout" in events:
            log.info("staff %s closed after %g s without a touch", what, self._session.timeout)
        if "exit-expired" in events:
            log.info("staff exit cancelled: no answer")
        if "unlocked" in events:
            log.info("staff PIN pad lock-out over")
        self._refresh(changed=bool(events))

    def _refresh(self, changed: bool = False) -> None:
        if changed:
            self.changed.emit()
        self.ticked.emit()
        wait = self._session.next_check(self._clock())
        if wait is None:
            self._timer.stop()
        else:
            self._timer.start(max(0, round(wait * 1000)))

    def _diagnostics(self) -> dict:
        uptime = int(self._clock() - self._started)
        # primaryScreen(), not window.screen(): with PySide6 6.10/6.11 a QScreen reached through
        # a window that is later deleted made the next window's creation crash.
        screen = QGuiApplication.primaryScreen().size()
        return {
            "version": __version__,
            "uptime": f"{uptime // 3600} h {uptime % 3600 // 60} min",
            "memory": "n/a" if (mb := rss_mb()) is None else f"{mb:.0f} MB",
            "screen": f"{screen.width()}×{screen.height()}",
            "window": f"{self._show.window.width()}×{self._show.window.height()}",
            "pack": f"{self._show.pack.id} ({self._show.pack.root})",
            "defaultLanguage": self._show.navigator.defaultLanguage,
            "renderer": self._show.renderer,
            "visitors": self._show.visits.today() if self._show.visits else "visitor analytics off",
            "inbox": self._show.inbox.status() if self._show.inbox else "not watched",
            "log": log_tail(),
        }


def log_tail(lines: int = 8) -> str:
    try:
        text = (locations.log_dir() / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])
