"""Start the show: fonts, the pack, the QML window, the idle policy, lockdown and the staff menu."""

from __future__ import annotations

import logging
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRect,
    QSocketNotifier,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow  # also makes rootObjects() return QQuickWindow

from ..content import LoadResult, NotAPackFolder, Pack, Pos, Problem, load_pack
from ..content.folders import PACK_FILE
from ..core.rehearsal import fit_scale
from ..core.renderer import CHOICES as RENDERERS
from ..system import collector, locations
from ..system.imagecheck import CachedImageCheck, check_image, probe_video
from ..system.packcache import load_cached
from ..system.packchoice import pick_pack, start_candidates
from ..system.settings import Settings
from ..system.startpicture import Start
from .awake import KeepAwake
from .firstframe import report_first_frame
from .graphics import pick_renderer
from .idle import IdleController
from .input_watch import InputWatch
from .staff import StaffMenu
from .startcover import StartCover, TakeStartPicture
from .startpicture import StartPicture
from .view import ShowError, ShowView

if TYPE_CHECKING:
    from ..content.schedule import Rule
    from ..system.analytics import AnalyticsStore
    from ..system.inbox import Inbox
    from .idleswitch import SwitchAtIdle
    from .inbox import InboxWatcher
    from .scheduled import ScheduleWatcher
    from .status import StatusWriter

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1920, 1080)


class Show:
    """The running kiosk: a ShowView of one pack at a time, and what makes it a show.

    `windowed` is rehearsal: a normal window, staff menu without a PIN if none is set. Otherwise
    the show is locked down: fullscreen, frameless, on top, no cursor, no way out by keyboard.
    `settings` are the machine's (`Settings.load()`) for the running kiosk; without them nothing
    is written to the machine (tests, the in-process bench).
    """

    renderer = "Qt's default"  # how it was chosen, for the staff menu; see kiosk.core.renderer

    def __init__(self, pack: Pack, *, windowed: bool = True, size: tuple[int, int] | None = None,
                 fit: bool = False, animate: bool = True, build_ahead: bool = True,
                 settings: Settings | None = None, analytics: AnalyticsStore | None = None,
                 idle_timeout: float | None = None,
                 idle_countdown: float | None = None, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time):
        self.windowed = windowed
        self.settings = settings or Settings()
        # Override the pack's idle times: `kiosk run --idle-timeout 5`, and tests.
        self.idle_timeout, self.idle_countdown = idle_timeout, idle_countdown
        self.view = ShowView(pack, language=self.settings.language, animate=animate, build_ahead=build_ahead)
        self.navigator = self.view.navigator
        self.navigator.set_lower_content(self.settings.lower_content)
        engine = self.view.engine
        # Children of the engine, so they outlive every binding that reads them.
        self.idle = IdleController(*self._idle_times(pack), clock=clock, parent=engine)
        self.staff = StaffMenu(self, self.settings, windowed, clock=clock, parent=engine)
        extras: dict[str, QObject] = {"idle": self.idle, "staff": self.staff}
        self.rehearsal = None
        if windowed:  # imported here: a booth never rehearses, and its tools cost 5 ms of every start
            from .rehearsal import Rehearsal
            self.rehearsal = Rehearsal(self, parent=engine)
            extras["rehearsal"] = self.rehearsal
        design = size or DEFAULT_SIZE
        if windowed:
            scale = fit_scale(design, available_screen()) if fit else 1.0
            place = QRect(0, 0, round(design[0] * scale), round(design[1] * scale))
        else:
            # primaryScreen(), not window.screen(): with PySide6 6.10/6.11 a QScreen reached through
            # a window that is later deleted made the next window's creation crash.
            place = QGuiApplication.primaryScreen().geometry()
        # Windowed, the screens are laid out at the booth's size, whatever the size of the window.
        self.window = self.view.open((place.width(), place.height()), design if windowed else None, extras)

        # The staff panel is drawn over the idle countdown: a touch on it is for the panel.
        self.input = InputWatch(self.window, lockdown=not windowed, parent=engine,
                                awake=lambda: self.idle.active or not self.staff.closed)
        self.input.pressed.connect(self.idle.press)
        self.input.released.connect(self.idle.release)
        self.input.activity.connect(self.idle.activity)
        self.input.hovered.connect(self.idle.hover)
        self.input.cornerTapped.connect(self.staff.cornerTapped)
        self.idle.resetRequested.connect(self.navigator.reset)
        self.idle.resetRequested.connect(self.staff.close)  # the menu closes itself when idle
        self.awake = KeepAwake()
        self.wall_clock = wall_clock
        self.visits = None
        self.inbox: InboxWatcher | None = None
        self._switcher: SwitchAtIdle | None = None
        self.schedule: ScheduleWatcher | None = None
        self.status: StatusWriter | None = None
        if analytics is not None:
            self.record_visits(analytics)

        if windowed:
            self.rehearsal.attach(self.window)
            self.window.show()
        else:
            self.window.setFlags(self.window.flags() | Qt.WindowType.FramelessWindowHint
                                 | Qt.WindowType.WindowStaysOnTopHint)
            # Without a window manager FullScreen alone keeps the window small: place it first.
            self.window.setGeometry(place)
            self.window.showFullScreen()
            self.input.hide_cursor()
        self._remember_good(pack)
        self.window.frameSwapped.connect(self._first_frame, Qt.ConnectionType.SingleShotConnection)

    def record_visits(self, store: AnalyticsStore) -> None:
        """Record the visitors' touches into `store` from now on. `kiosk run` calls this once the
        first screen is up: the analytics' modules cost the start 15 ms, and nobody can touch a
        screen before it shows."""
        from .visits import VisitRecorder
        self.visits = VisitRecorder(store, self.navigator, self.idle, self.input,
                                    staff_open=lambda: self.staff.state != "closed", clock=self.wall_clock,
                                    parent=self.view.engine)

    def write_status(self, folder: Path, **options) -> StatusWriter:
        """Say what this kiosk shows, and how it is, in `folder` every minute (kiosk.ui.status)."""
        from .status import StatusWriter
        self.status = StatusWriter(self, folder, parent=self.view.engine, **options)
        self.input.released.connect(self.status.touched)
        return self.status

    def watch_inbox(self, inbox: Inbox, **options) -> InboxWatcher:
        """Take the packs that arrive in `inbox` and show each at the next idle moment
        (kiosk.ui.inbox; `options` are its, for tests)."""
        from .inbox import InboxWatcher
        self.inbox = InboxWatcher(inbox, self.switcher(), parent=self.view.engine, **options)
        return self.inbox

    def follow_schedule(self, rules: list[Rule], power: Callable[[bool], str | None] | None = None,
                        **options) -> ScheduleWatcher:
        """Show what `rules` say when they say it (kiosk.ui.scheduled); `power` turns the screen
        on and off (kiosk.system.display; tests give their own)."""
        from ..system.display import ScreenPower
        from .scheduled import ScheduleWatcher, ScreenAtIdle
        if power is None:
            power = ScreenPower(self.settings.screen_off_command, self.settings.screen_on_command).set
        screen = ScreenAtIdle(self.idle, power, parent=self.view.engine)
        self.schedule = ScheduleWatcher(rules, self.switcher(), screen, lambda: self.pack.root,
                                        parent=self.view.engine, **options)
        return self.schedule

    def switcher(self) -> SwitchAtIdle:
        """What shows another pack at the next idle moment, for the inbox and the schedule."""
        if self._switcher is None:
            from .idleswitch import SwitchAtIdle
            self._switcher = SwitchAtIdle(self.idle, self.switch_pack, parent=self.view.engine)
        return self._switcher

    @property
    def pack(self) -> Pack:
        return self.view.pack

    def _first_frame(self) -> None:
        # The clock's own time too, for `kiosk bench` (the log's is local, in whole milliseconds).
        log.info("first frame on screen: pack %s, screen %s, at %.4f", self.pack.id, self.navigator.screenId,
                 time.time())
        log.info("renderer: %s", drawn_with(self.window))  # read by `kiosk bench`
        if not self.windowed:  # asked once the show is up: D-Bus costs 10 ms of the start
            self.awake.start()

    def _idle_times(self, pack: Pack) -> tuple[float, float]:
        countdown = pack.idle.countdown if self.idle_countdown is None else self.idle_countdown
        return self.idle_timeout or pack.idle.timeout, countdown

    def reload(self) -> LoadResult:
        """The same pack again, after an edit, on the same screen."""
        return self.switch_pack(self.pack.root, keep_place=True)

    def switch_pack(self, folder: str | Path, keep_place: bool = False) -> LoadResult:
        """Validate a pack completely, then show it all at once; a pack with errors is refused and
        the current one goes on."""
        try:
            result = load_pack(Path(folder), check_image, probe_video)
        except NotAPackFolder as e:
            result = LoadResult(Path(folder), [Problem(Pos(PACK_FILE), "error", str(e))])
        if not result.ok:
            log.error("pack %s refused: %d error(s), first: %s", folder, len(result.errors),
                      result.errors[0].format(str(folder)))
            return result
        self.view.set_pack(result.pack, self.settings.language, keep_place=keep_place)
        if self.visits is not None:
            self.visits.pack_switched(result.pack.id)
        self.idle.set_timeouts(*self._idle_times(result.pack))
        self._remember_good(result.pack)
        log.info("now showing pack %s from %s", result.pack.id, folder)
        return result

    def _remember_good(self, pack: Pack) -> None:
        folder = str(pack.root.resolve())
        if self.settings.last_good_pack != folder:
            self.settings.last_good_pack = folder
            try:
                self.settings.save()
            except OSError as e:  # a read-only disk must not stop the show
                log.error("cannot save settings: %s", e)

    def quit(self) -> None:
        self.input.allow_close = True
        QCoreApplication.quit()

    def close(self) -> None:
        if self.view.engine is None:
            return
        self.awake.stop()
        self.input.stop()
        self.input.allow_close = True
        if self.visits is not None:
            self.visits.close()
        if self.schedule is not None:
            self.schedule.screen.close()  # a screen being turned on finishes first
        self.view.close()


def scaled_clock(scale: tuple[float, float, float] | None) -> Callable[[], float]:
    """The clock visits are recorded by: the real one, or (bench/visitors.py) one that says
    `start` at the real time `epoch` and runs `rate` times faster, the same across restarts."""
    if scale is None:
        return time.time
    epoch, start, rate = scale
    return lambda: start + (time.time() - epoch) * rate


def open_analytics(settings: Settings, pack: Pack) -> AnalyticsStore | None:
    """The machine's visitor analytics database, unless the machine or the pack switched them
    off; None too if it cannot be opened (logged: the show goes on without)."""
    import sqlite3

    from ..system.analytics import AnalyticsStore, database_path
    if not (settings.analytics and pack.analytics):
        log.info("visitor analytics off (%s)", "machine setting" if not settings.analytics else "pack")
        return None
    try:
        return AnalyticsStore(database_path())
    except (OSError, sqlite3.Error) as e:
        log.error("visitor analytics off: cannot open %s: %s", database_path(), e)
        return None


def follow_schedule(show: Show) -> None:
    """The machine's schedule.yaml, if it has one and it has no mistakes (they are logged)."""
    from ..content.schedule import SCHEDULE_FILE, read_schedule
    path = locations.config_dir() / SCHEDULE_FILE
    rules, problems = read_schedule(path)
    for problem in problems:
        log.error("%s", problem.format(str(path.parent)))
    if rules and not any(p.severity == "error" for p in problems):
        show.follow_schedule(rules)
        log.info("following the schedule in %s (%d rules)", path, len(rules))


def folder_setting(value: object, default: Callable[[], Path]) -> Path:
    """A folder named in settings.json, or the default where none (or no text) is given."""
    return Path(value) if isinstance(value, str) and value else default()


def open_inbox(settings: Settings) -> Inbox:
    """The folder this machine takes packs from: the settings' `inbox`, else the default one."""
    from ..system.inbox import Inbox, default_inbox
    folder = folder_setting(settings.inbox, default_inbox)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        log.error("inbox %s cannot be made: %s", folder, e)
    log.info("taking packs that arrive in %s", folder)
    return Inbox(folder)


def drawn_with(window: QQuickWindow) -> str:
    """What Qt Quick really draws `window` with: its software renderer, or a graphics API on a
    device (e.g. "OpenGL on llvmpipe (LLVM 15.0.6, 256 bits)")."""
    rhi = window.rhi()
    if rhi is None:
        return window.rendererInterface().graphicsApi().name
    info = rhi.driverInfo()  # kept: its deviceName dies with it
    return f"{rhi.backendName()} on {bytes(info.deviceName).decode(errors='replace')}"


def available_screen() -> tuple[int, int]:
    """Room for a window on this screen, less a title bar."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    return area.width(), max(200, area.height() - 40)


def _stop_on_signals(show: Show) -> QSocketNotifier:
    """SIGTERM (systemd stopping the unit, a reboot) and SIGINT end the show cleanly, locked down
    or not. Through `Show.quit`: Qt 6's quit() first closes every window and gives up if one
    refuses, as the locked-down window does, so the window must first be let go.

    Python runs its signal handlers only when it gets control, and inside Qt's event loop it has
    none. The signal's byte on a socket (signal.set_wakeup_fd) wakes the loop, and the slot that
    drains it gives Python control: no timer polling five times a second on a screen nobody
    touches."""
    def stop(signum, _frame) -> None:
        log.info("stopping: %s received", signal.Signals(signum).name)
        show.quit()

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, stop)
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    signal.set_wakeup_fd(sender.fileno())
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, show.view.engine)
    notifier.activated.connect(lambda: receiver.recv(64))
    notifier.sockets = (receiver, sender)  # open as long as the notifier lives
    return notifier


def run(app: QGuiApplication, start: Start, picture: StartPicture | None, *, windowed: bool,
        size: tuple[int, int] | None, idle_timeout: float | None = None,
        exit_after_first_frame: bool = False, analytics_clock: tuple[float, float, float] | None = None) -> int:
    """The show, after kiosk.ui.begin: the renderer, the pack, the window, and all that runs with it."""
    explicit, renderer, settings = start.explicit, start.renderer, start.settings
    if settings.renderer not in RENDERERS:
        log.warning("settings: renderer %r is not one of %s; choosing automatically", settings.renderer,
                    ", ".join(RENDERERS))
    chosen = pick_renderer(renderer or settings.renderer)
    log.info("renderer chosen: %s", chosen)
    checks = CachedImageCheck(locations.cache_dir() / "image-checks.json")
    result, skipped = pick_pack(start_candidates(explicit, settings),
                                lambda f: load_cached(f, lambda g: load_pack(g, checks, checks.probe_video)))
    checks.save()
    for why in skipped:
        log.warning("not starting on %s", why)
    if explicit and (result is None or result.root.resolve() != explicit.resolve()):
        for problem in load_pack(explicit, check_image, probe_video).problems:
            print(problem.format(str(explicit)), file=sys.stderr)
    check_image.close()  # its ~60 MB are not kept for the day; a pack switch starts it again
    if result is None:
        print("kiosk: no pack without errors to show; fix them (kiosk validate PACK)", file=sys.stderr)
        return 1
    if explicit and result.root.resolve() == explicit.resolve():
        settings.pack = str(explicit.resolve())  # remembered, as if staff had chosen it
        settings.save()
    log.info("showing pack %s from %s", result.pack.id, result.root)
    try:
        show = Show(result.pack, windowed=windowed, size=size, fit=windowed, settings=settings,
                    idle_timeout=idle_timeout, wall_clock=scaled_clock(analytics_clock))
    except ShowError as e:
        log.error("%s", e)
        return 1
    show.renderer = str(chosen)
    del result  # held here for the day, the first pack would outlive a pack switch
    # What changes the first screen: the start picture is no longer of it.
    changes = [show.input.pressed, show.input.activity, show.idle.phaseChanged, show.navigator.moved,
               show.navigator.packChanged]
    shown = None
    if picture is not None:
        log.info("start picture shown while the show loads (pack %s)", picture.kept.pack)
        if picture.kept.pack.resolve() == show.pack.root.resolve():
            StartCover(picture, show.view, changes, parent=show.view.engine)
            shown = picture.kept
        else:  # the key said this pack; a fault of the kiosk's if not: never show the wrong one
            log.warning("start picture of %s, but the show starts on %s", picture.kept.pack, show.pack.root)
            picture.finish()
    if not windowed:
        TakeStartPicture(show.view, start, changes, shown, parent=show.view.engine)

    def first_frame() -> None:  # what can wait until the first screen is up
        QTimer.singleShot(0, collector.settle)  # after this frame's own handlers (the bench's mark)
        from ..system.fleet import default_status_dir
        store = open_analytics(settings, show.pack)
        if store is not None:
            show.record_visits(store)
        show.watch_inbox(open_inbox(settings))
        show.write_status(folder_setting(settings.status, default_status_dir))
        follow_schedule(show)
    show.window.frameSwapped.connect(first_frame, Qt.ConnectionType.SingleShotConnection)
    if exit_after_first_frame:  # `kiosk bench` times the start-up
        show.window.frameSwapped.connect(lambda: report_first_frame(app), Qt.ConnectionType.SingleShotConnection)
    keep = _stop_on_signals(show)  # noqa: F841  (must stay alive while the app runs)
    code = app.exec()
    show.close()
    log.info("the show has stopped (exit status %d)", code)
    return code
