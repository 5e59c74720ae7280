"""Render a pack's screens to images, headless: for proof sheets, tests and screenshots."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtGui import QImage

from ..content import Pack, visit_order
from ..core.navigation import PACKS_LOOK, Look
from .inspect import is_picture, loading, stage_of, truncated, walk
from .view import ShowView, view_only


@dataclass
class Rendered:
    screen_id: str
    language: str
    image: QImage
    truncated: list[str]  # texts cut short on this screen (elided, or more lines than allowed)


def busy(show: ShowView) -> bool:
    """True while a transition runs, pages one tap away are being built, or an image is still
    being decoded."""
    stack = show.window.findChild(QObject, "stack")
    if stack is not None and (stack.property("busy") or stack.property("preparing")):
        return True
    if loading(stage_of(show.window)):
        return True
    # Pictures on the pages built ahead too: their decoding is work still going on.
    return any(it.property("loading") for it in walk(stage_of(show.window)) if is_picture(it))


def pump(ms: int = 0) -> None:
    """Run the event loop for a moment, as between two touches. A real loop, not
    processEvents(): only a loop frees the pages that deleteLater() left behind."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(show: ShowView, timeout: float = 10.0) -> None:
    """Let animations finish and images load, so a grab shows what a visitor would see."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 3:
        pump(20)
        quiet = 0 if busy(show) else quiet + 1


def render_screens(pack: Pack, size: tuple[int, int], languages: list[str],
                   look: Look = PACKS_LOOK) -> Iterator[Rendered]:
    """Every screen in each language, as a visitor sees it who chose `look` in the dock."""
    show = view_only(pack, size)
    show.navigator.set_look(look)
    try:
        for language in languages:
            show.navigator.setLanguage(language)
            for screen in visit_order(pack):  # the start screen first, as a visitor meets them
                # As a visitor arrives: from the start screen, so Back shows as it would.
                show.navigator.home()
                show.navigator.open(screen.id)
                settle(show)
                cut = [t.property("text") for t in truncated(stage_of(show.window))]
                yield Rendered(screen.id, language, show.window.grabWindow(), cut)
    finally:
        show.close()
