"""The first moments of `kiosk run`, before Qt Quick or the pack is loaded: the log (so that even
a display that cannot be opened is in it), the application, the machine's settings, and the start
picture on the screen (kiosk.ui.startpicture). Only QtCore and QtGui here."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from ..system.logs import setup_logging
from ..system.settings import Settings
from ..system.startpicture import Start
from .startpicture import StartPicture, show_kept, toolkit

log = logging.getLogger(__name__)


def begin(explicit: Path | None, renderer: str | None, windowed: bool
          ) -> tuple[QGuiApplication, Start, StartPicture | None]:
    """The application, how the show starts, and on a show's screen (not in rehearsal) the kept
    start picture if it shows what this start will show."""
    setup_logging(console=windowed)
    sys.excepthook = _log_uncaught
    qInstallMessageHandler(_qt_to_log)
    app = QGuiApplication(sys.argv)
    app.setApplicationName("kiosk")
    start = Start(explicit, renderer, Settings.load(), toolkit())
    picture = None
    if not windowed:
        try:
            picture = show_kept(start)
        except Exception:  # only a cache: whatever is wrong with it, the show starts without it
            log.exception("start picture not shown")
    return app, start, picture


def _qt_to_log(mode: QtMsgType, context, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def _log_uncaught(kind, value, tb) -> None:
    """An error in our code is written to the log with its traceback; Qt's event loop goes on,
    so the show keeps running wherever it can."""
    log.critical("uncaught exception", exc_info=(kind, value, tb))
