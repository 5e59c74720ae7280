"""Looking at the live view from Python: which texts are cut short, where the pictures and the
touch targets are and how big, and what a visitor sees of a screen for the layout rules
(`kiosk.core.layoutrules`). Used by the renderer, the rehearsal overlay and the layout lint."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRectF
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow

from ..core.layoutrules import (
    ALIGN_HCENTER,
    ALIGN_HORIZONTAL,
    ALIGN_VCENTER,
    ALIGN_VERTICAL,
    PICTURE,
    TARGET,
    TEXT,
    Clip,
    Frame,
    Rect,
    Thing,
    aligned,
)

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
    # Loader.item is set only once incubation is complete (`status` cannot be read from Python:
    # PySide6 has no converter for its enum, and `progress` is 1 at once for a sourceComponent).
    return any(it.inherits("QQuickLoader") and it.property("active") and it.property("item") is None
               for it in walk(stage))


def pictures_loading(stage: QQuickItem) -> bool:
    """Whether a picture a visitor sees is still being decoded."""
    return any(is_picture(it) and it.property("loading") and shown(it) for it in walk(stage))


def taps(item: QQuickItem) -> bool:
    """Whether a visitor can tap it: it has an enabled TapHandler, or holds an enabled TapTarget
    (which fills it; its box, with the words and picture on it, is what is tapped)."""
    if item.property("isTapTarget"):
        return False
    return any((h.inherits("QQuickTapHandler") or bool(h.property("isTapTarget"))) and h.property("enabled")
               for h in item.children())


def touch_targets(stage: QQuickItem) -> list[Box]:
    """Everything a visitor can tap: not an item of no size yet (a page still being laid out)."""
    return [box(stage, it) for it in walk(stage) if shown(it) and taps(it) and it.width() > 0 and it.height() > 0]


# --- the screen for the layout rules -------------------------------------------------------------


def scene(stage: QQuickItem) -> list[Thing]:
    """What a visitor sees and touches on the stage: texts (their lines, not their boxes),
    pictures and icons (as fitted in their boxes) and touch targets, each with where it sits
    in the item tree, what clips it and the boxes drawn around it."""
    things: list[Thing] = []
    ids = itertools.count()

    def visit(item: QQuickItem, path: tuple[int, ...], clips: tuple[Clip, ...], frames: tuple[Frame, ...]) -> None:
        if not item.isVisible() or item.opacity() < 0.01:
            return  # nor is anything it holds
        path = (*path, next(ids))
        rect = _rect(stage, item, QRectF(0, 0, item.width(), item.height()))
        if item.inherits("QQuickText") and item.property("text").strip():
            things.append(Thing(TEXT, _text_ink(stage, item), path, clips, frames, info=item))
        elif (is_picture(item) or item.inherits("QQuickImage")) and item.property("source").toString():
            parent = item.parentItem()
            # A picture as large as what holds it is that item's background (a page's).
            backdrop = is_picture(item) and rect.same(_rect(stage, parent, parent.boundingRect()), 1)
            things.append(Thing(PICTURE, _picture_ink(stage, item), path, clips, frames, backdrop, item))
        if is_picture(item):
            return  # its image and its placeholder are the picture itself
        if taps(item):
            things.append(Thing(TARGET, rect, path, clips, frames, info=item))
        if item.clip():
            clips = (*clips, Clip(path[-1], rect, item.inherits("QQuickFlickable")))
        if item.inherits("QQuickRectangle") and _drawn(item):
            frames = (*frames, Frame(path[-1], rect, item.objectName()))
        for child in item.childItems():
            if isinstance(child, QQuickItem):  # see walk()
                visit(child, path, clips, frames)

    visit(stage, (), (), ())
    return things


def screen_rect(stage: QQuickItem) -> Rect:
    return Rect(0, 0, stage.width(), stage.height())


def _rect(stage: QQuickItem, item: QQuickItem, local: QRectF) -> Rect:
    r = stage.mapRectFromItem(item, local)
    return Rect(r.x(), r.y(), r.width(), r.height())


def evaluate(item: QQuickItem, expression: str):
    """A property read in QML, for those PySide6 cannot convert (alignment enums, a border)."""
    context = QQmlEngine.contextForObject(item)
    if context is None:  # made by Qt itself, not declared in QML: its defaults hold
        return None
    value, undefined = QQmlExpression(context, item, expression).evaluate()
    return None if undefined else value


def _drawn(rectangle: QQuickItem) -> bool:
    """Whether a Rectangle shows as a box (filled or outlined), rather than only holding things."""
    return (rectangle.property("color").alpha() > 0
            or bool(evaluate(rectangle, "border.width > 0 && border.color.a > 0")))


def _text_ink(stage: QQuickItem, text: QQuickItem) -> Rect:
    """Where a text's lines are: its box is often larger (a full-width label with a short word)."""
    left, top = text.property("leftPadding"), text.property("topPadding")
    inner = Rect(left, top, text.width() - left - text.property("rightPadding"),
                 text.height() - top - text.property("bottomPadding"))
    flags = int(evaluate(text, "effectiveHorizontalAlignment | verticalAlignment") or 0)
    lines = aligned(inner, text.property("contentWidth"), text.property("contentHeight"),
                    flags & ALIGN_HORIZONTAL, flags & ALIGN_VERTICAL)
    return _rect(stage, text, QRectF(lines.x, lines.y, lines.w, lines.h))


def _picture_ink(stage: QQuickItem, picture: QQuickItem) -> Rect:
    """Where a picture is painted: fitted in its box, so often narrower or shorter than it.
    Cropped, or its size not known: its box."""
    w, h = picture.width(), picture.height()
    painted_w, painted_h = picture.property("paintedWidth"), picture.property("paintedHeight")
    if painted_w <= 0 or painted_h <= 0:
        return _rect(stage, picture, QRectF(0, 0, w, h))
    if is_picture(picture):  # always centred across: a Picture has no horizontal alignment
        flags = ALIGN_HCENTER | int(evaluate(picture, "verticalAlignment") or ALIGN_VCENTER)
    else:
        flags = int(evaluate(picture, "horizontalAlignment | verticalAlignment") or ALIGN_HCENTER | ALIGN_VCENTER)
    ink = aligned(Rect(0, 0, w, h), min(w, painted_w), min(h, painted_h),
                  flags & ALIGN_HORIZONTAL, flags & ALIGN_VERTICAL)
    return _rect(stage, picture, QRectF(ink.x, ink.y, ink.w, ink.h))
