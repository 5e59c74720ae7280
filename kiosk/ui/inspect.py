"""Looking at the live view from Python: which texts are cut short, where the pictures and the
touch targets are and how big. Used by the renderer, the rehearsal overlay and the layout lint."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF
from PySide6.QtQuick import QQuickItem, QQuickWindow

MIN_TARGET = 48  # px at 1080p


@dataclass
class Box:
    """An item as it is laid out, in the stage's design pixels."""

    item: QQuickItem
    rect: QRectF

    def side_at_1080p(self, stage: QQuickItem) -> float:
        return min(self.rect.width(), self.rect.height()) / units_per_1080p(stage)


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        # A page being destroyed can still be listed for a moment; the binding may then hand
        # back a wrapper of the wrong type for it. Only real items are walked into.
        if isinstance(child, QQuickItem):
            yield from walk(child)


def shown(item: QQuickItem) -> bool:
    """Visible, with every ancestor visible and not faded out."""
    while item is not None:
        if not item.isVisible() or item.opacity() < 0.01:
            return False
        item = item.parentItem()
    return True


def shown_named(stage: QQuickItem, name: str) -> QQuickItem | None:
    """The item called `name` that a visitor sees (not one on a page built ahead, hidden)."""
    return next((it for it in walk(stage) if it.objectName() == name and shown(it)), None)


def stage_of(window: QQuickWindow) -> QQuickItem:
    return window.findChild(QObject, "stage")


def units_per_1080p(stage: QQuickItem) -> float:
    return min(stage.width(), stage.height()) / 1080


def box(stage: QQuickItem, item: QQuickItem) -> Box:
    return Box(item, stage.mapRectFromItem(item, QRectF(0, 0, item.width(), item.height())))


# Types are asked with inherits() and properties, never through metaObject(): a QMetaObject
# wrapper made for a QML item outlives the item in the binding's cache, and a later item at the
# same address then comes back as that wrapper.

def is_picture(item: QQuickItem) -> bool:
    return bool(item.property("isPicture"))


def texts(stage: QQuickItem) -> list[QQuickItem]:
    return [it for it in walk(stage) if it.inherits("QQuickText") and shown(it)]


def truncated(stage: QQuickItem) -> list[QQuickItem]:
    """Texts that do not fit their box and are shown cut short (elided, or lines dropped)."""
    return [it for it in texts(stage) if it.property("truncated")]


def pictures(stage: QQuickItem) -> list[Box]:
    return [box(stage, it) for it in walk(stage)
            if is_picture(it) and shown(it) and it.property("source").toString()]


def loading(stage: QQuickItem) -> bool:
    """Whether a Loader is still building its item in the background: until it is done, parts of
    that item exist with their sizes and visibility not yet bound, and must not be looked at."""
    # `progress`, not `status`: PySide6 cannot convert the QQuickLoader::Status enum.
    return any(it.inherits("QQuickLoader") and it.property("active") and it.property("progress") < 1
               for it in walk(stage))


def touch_targets(stage: QQuickItem) -> list[Box]:
    """Everything a visitor can tap: items with an enabled TapHandler."""
    found = []
    for it in walk(stage):
        if shown(it) and any(h.inherits("QQuickTapHandler") and h.property("enabled")
                             for h in it.children()):
            found.append(box(stage, it))
    return found
