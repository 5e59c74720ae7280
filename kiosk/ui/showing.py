"""What the staff menu and rehearsal need of the show they work on. They are handed the show, but
know it only by this: so neither imports the module that builds them (kiosk.ui.app), and a test
may hand them anything that answers the same."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtQuick import QQuickWindow

from ..content import LoadResult, Pack
from .idle import IdleController
from .navigator import Navigator

if TYPE_CHECKING:  # loaded once the first screen is up (kiosk.ui.app)
    from .inbox import InboxWatcher
    from .visits import VisitRecorder


class RunningShow(Protocol):
    pack: Pack  # the pack on screen
    navigator: Navigator
    idle: IdleController
    window: QQuickWindow
    renderer: str  # how the renderer was chosen, for the diagnostics
    visits: VisitRecorder | None  # the visitor analytics, where they are kept
    inbox: InboxWatcher | None  # the packs that arrive by themselves

    def switch_pack(self, folder: str | Path, keep_place: bool = False) -> LoadResult:
        """Show another pack if it has no errors; the result says what was wrong otherwise."""
        ...

    def reload(self) -> LoadResult:
        """The same pack again, after an edit, on the same screen."""
        ...

    def quit(self) -> None:
        """End the show (staff chose to)."""
        ...
