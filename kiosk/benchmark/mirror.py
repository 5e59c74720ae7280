"""Where to tap: the same pack laid out in the bench's own process, offscreen, at the size of the
screen the kiosk runs on, following every tap the kiosk gets.

Why a mirror, rather than asking the kiosk where its buttons are: the kiosk under test then runs
exactly as a booth runs it, with no bench code, no extra work and no extra process inside it,
and the kiosk needs no new way to be talked to. The layout is the same because it is made by the
same code from the same pack, fonts (bundled) and size; the bench checks that at every tap (the
mirror's picture against the grabbed screen, and whether both changed) and says so when they
part. Taps arrive at the kiosk as mouse presses and releases through XTest, and at the mirror as
mouse presses and releases through QTest: both go through the same TapHandlers.

Needs QT_QPA_PLATFORM=offscreen:configfile=... (the screen's size) set before Qt is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import BenchError

# Everything a visitor taps to move through the show: tiles, cards, links, Back, Home, language.
TAPPED = ("tile:", "card:", "link:", "backButton", "homeButton", "languageButton")


@dataclass
class Target:
    name: str
    x: int  # the centre, in screen pixels
    y: int


class Mirror:
    def __init__(self, pack_folder: Path):
        from PySide6.QtGui import QGuiApplication

        from ..content import load_pack
        from ..system.imagecheck import check_image
        from ..ui.view import view_only
        self.app = QGuiApplication.instance() or QGuiApplication([])
        result = load_pack(pack_folder, check_image)
        check_image.close()
        if not result.ok:
            raise BenchError(f"the pack {pack_folder} has errors: kiosk validate {pack_folder}")
        # At the size of the screen, as the kiosk runs; no animations: only where things end up
        # matters here. The kiosk's idle overlay and staff panel draw nothing while it is in use.
        screen = self.app.primaryScreen().geometry()
        self.show = view_only(result.pack, (screen.width(), screen.height()), build_ahead=True)
        self.settle()

    @property
    def state(self) -> tuple[str, str]:
        return self.show.navigator.screenId, self.show.navigator.language

    def settle(self) -> None:
        from ..ui.render import settle
        settle(self.show)

    def targets(self) -> list[Target]:
        """The targets a visitor can see and tap now, at their centres."""
        from ..ui.inspect import stage_of, touch_targets
        window, stage = self.show.window, stage_of(self.show.window)
        found = []
        for box in touch_targets(stage):
            name = box.item.objectName()
            if not name.startswith(TAPPED) or not box.item.isEnabled():
                continue
            centre = stage.mapToScene(box.rect.center())
            if _reachable(box.item, centre) and 0 <= centre.x() < window.width() and 0 <= centre.y() < window.height():
                found.append(Target(name, round(centre.x()), round(centre.y())))
        return found

    def tap(self, target: Target) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        point, window = QPoint(target.x, target.y), self.show.window
        QTest.mouseMove(window, point)
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        self.settle()

    def differs(self, screen: bytes, width: int, height: int) -> float:
        """How far the screen's picture is from the mirror's: the share of pixels of both, shrunk
        eight times (each pixel the average of 8x8), whose colours are more than 32 levels
        apart. Two renderers draw the edges of text and pictures a little differently (OpenGL
        against the mirror's software renderer: up to 12 % of pixels differ, by a few levels);
        shrunk, the same screen then differs by 0.1 % at most, and two different screens by 10 %
        and more."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage

        from .rules import far_apart

        def small(image: QImage) -> bytes:
            image = image.convertToFormat(QImage.Format.Format_RGB32).scaled(
                width // 8, height // 8, Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            return bytes(image.constBits())[:image.sizeInBytes()]

        mine = small(self.show.window.grabWindow())
        theirs = small(QImage(screen, width, height, width * 4, QImage.Format.Format_RGB32))
        return far_apart(mine, theirs, tolerance=32)

    def close(self) -> None:
        self.show.close()


def _reachable(item, point) -> bool:
    """Whether a point of `item` (scene coordinates) is inside every clipping ancestor: a tile
    scrolled under the dock is drawn, but clipped away, and a tap there lands elsewhere."""
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            local = parent.mapFromScene(point)
            if not (0 <= local.x() < parent.width() and 0 <= local.y() < parent.height()):
                return False
        parent = parent.parentItem()
    return True
