"""A pack on screen and nothing more: fonts, the QML engine, the navigator and the window.

Render, lint, proof and the bench's mirror draw with a ShowView alone: it reads no settings,
writes nothing to the machine, never locks the screen, never goes idle and has no staff menu.
The running kiosk (kiosk.ui.app.Show) builds one and adds those before the window opens.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow  # also makes rootObjects() return QQuickWindow

from ..content import Pack, parts
from ..content.model import Media
from ..system import heap
from .fonts import DEFAULT_FAMILY, load_fonts, use_family
from .navigator import Navigator

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parent.parent / "qml"


class ShowError(RuntimeError):
    pass


def apply_pack_fonts(pack: Pack) -> None:
    families = load_fonts([f.file(pack.root) for f in pack.theme.font_files])
    family = pack.theme.font_family or DEFAULT_FAMILY
    if family not in families:
        log.warning("font family %r not found; using %s", family, DEFAULT_FAMILY)
        family = DEFAULT_FAMILY
    use_family(family)


def know_films_of(pack: Pack) -> None:
    """Make the film item (Kiosk.Media) known to QML, and Qt Multimedia quiet, before a pack
    with films, clips or narration is shown. Imported only then: Qt Multimedia costs the start
    15 ms."""
    if next(parts(pack, Media), None) is not None:
        from .film import register
        register()


class ShowView:
    """Built in two steps, so that the running kiosk can give the view its own objects (idle,
    staff, rehearsal) before any binding reads them: the engine and the navigator first, then
    `open()` loads the window. A view alone calls `open()` at once."""

    def __init__(self, pack: Pack, *, language: str | None = None, animate: bool = True,
                 build_ahead: bool = True):
        self.pack = pack
        self.animate, self.build_ahead = animate, build_ahead
        heap.keep_compact()
        apply_pack_fonts(pack)
        know_films_of(pack)
        self.engine: QQmlApplicationEngine | None = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        # A child of the engine, so it outlives every binding that reads it.
        self.navigator = Navigator(pack, language, parent=self.engine)
        self.window: QQuickWindow | None = None

    def open(self, size: tuple[int, int], design: tuple[int, int] | None = None,
             extras: dict[str, QObject] | None = None) -> QQuickWindow:
        """Load the window at `size` (created at its final size, the first screen is laid out
        once: resized after, it was laid out again, 20 ms of every start), the screens laid out
        at `design` if that differs (a rehearsal window smaller than the booth's screen). `extras`
        are set on the Ui singleton beside the navigator."""
        assert self.engine is not None and self.window is None, "a view opens once"
        ui = self.engine.singletonInstance("Kiosk", "Ui")
        if ui is None:
            raise ShowError("the kiosk's QML module failed to load (see the messages above)")
        # Injected before any view exists, so no binding ever sees a missing object. An object
        # the show does not have stays unset (null): set to None, a `var` would be undefined.
        for name, obj in {"nav": self.navigator, **(extras or {})}.items():
            ui.setProperty(name, obj)
        initial = {"animate": self.animate, "buildAhead": self.build_ahead, "width": size[0], "height": size[1]}
        if design is not None and design != size:
            initial |= {"designWidth": design[0], "designHeight": design[1]}
        self.engine.setInitialProperties(initial)
        self.engine.loadFromModule("Kiosk", "Main")
        roots = self.engine.rootObjects()
        if not roots:
            raise ShowError("the kiosk's QML view failed to load (see the messages above)")
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        self.window = window
        return window

    def set_pack(self, pack: Pack, language: str | None, keep_place: bool = False) -> None:
        """Show another pack (checked already), all at once."""
        self.pack = pack
        apply_pack_fonts(pack)
        know_films_of(pack)
        self.navigator.set_pack(pack, language, keep_place=keep_place)

    def close(self) -> None:
        """Close the window and free the engine now: an engine left for Python's exit to destroy
        tears down Qt's image threads in the wrong order and can crash the process."""
        if self.engine is None:
            return
        if self.window is not None:
            self.window.close()  # its pages stop being built (Main.qml, onClosing)
        self.engine.deleteLater()
        self.engine = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def view_only(pack: Pack, size: tuple[int, int], *, animate: bool = False, build_ahead: bool = False) -> ShowView:
    """A view of `pack` in a window of `size`, for drawing: by default still (no slides) and one
    screen at a time (nothing built ahead), so what is drawn is the screen asked for."""
    view = ShowView(pack, animate=animate, build_ahead=build_ahead)
    # Shown, so that it draws frames: a window never shown lays nothing out until it is grabbed.
    view.open(size).show()
    return view
