"""Start the show: fonts, the pack, the QML window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow  # noqa: F401  (makes rootObjects() return QQuickWindow)
from PySide6.QtQuickControls2 import QQuickStyle

from ..content import Pack, load_pack
from ..imagecheck import check_image
from ..logs import setup_logging
from .fonts import DEFAULT_FAMILY, load_fonts, use_family
from .navigator import Navigator

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parent.parent / "qml"
DEFAULT_SIZE = (1920, 1080)


class ShowError(RuntimeError):
    pass


def prepare_qt() -> None:
    """Settings that must be made before the first QML engine exists."""
    # Only StackView is taken from Qt Quick Controls; the Basic style keeps it identical on
    # every platform and loads no native theme.
    QQuickStyle.setStyle("Basic")


def apply_pack_fonts(pack: Pack) -> None:
    families = load_fonts([f.file(pack.root) for f in pack.theme.font_files])
    family = pack.theme.font_family or DEFAULT_FAMILY
    if family not in families:
        log.warning("font family %r not found; using %s", family, DEFAULT_FAMILY)
        family = DEFAULT_FAMILY
    use_family(family)


class Show:
    """One kiosk window showing one pack."""

    def __init__(self, pack: Pack, *, windowed: bool = True, size: tuple[int, int] | None = None):
        self.pack = pack
        apply_pack_fonts(pack)
        self.engine = QQmlApplicationEngine()
        # A child of the engine, so it outlives every binding that reads it.
        self.navigator = Navigator(pack, parent=self.engine)
        self.engine.addImportPath(str(QML_DIR))
        # Injected before any view exists, so no binding ever sees a missing navigator.
        ui = self.engine.singletonInstance("Kiosk", "Ui")
        if ui is None:
            raise ShowError("the kiosk's QML module failed to load (see the messages above)")
        ui.setProperty("nav", self.navigator)
        self.engine.loadFromModule("Kiosk", "Main")
        roots = self.engine.rootObjects()
        if not roots:
            raise ShowError("the kiosk's QML view failed to load (see the messages above)")
        self.window = roots[0]
        if windowed:
            self.window.resize(QSize(*(size or DEFAULT_SIZE)))
            self.window.show()
        else:
            # Without a window manager FullScreen alone keeps the window small: size it first.
            self.window.setGeometry(self.window.screen().geometry())
            self.window.showFullScreen()

    def close(self) -> None:
        """Close the window and free the engine now: an engine left for Python's exit to destroy
        tears down Qt's image threads in the wrong order and can crash the process."""
        self.window.close()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _qt_to_log(mode: QtMsgType, context, message: str) -> None:
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def run(folder: Path, *, windowed: bool, size: tuple[int, int] | None) -> int:
    setup_logging(console=windowed)
    qInstallMessageHandler(_qt_to_log)
    prepare_qt()
    app = QGuiApplication(sys.argv)
    app.setApplicationName("kiosk")
    result = load_pack(folder, check_image)
    if not result.ok:
        for problem in result.problems:
            print(problem.format(str(folder)), file=sys.stderr)
        print(f"kiosk: {folder} has errors; fix them (kiosk validate {folder})", file=sys.stderr)
        return 1
    log.info("showing pack %s from %s", result.pack.id, folder)
    try:
        show = Show(result.pack, windowed=windowed, size=size)
    except ShowError as e:
        log.error("%s", e)
        return 1
    code = app.exec()
    show.close()
    return code
