"""Which things on a laid-out screen collide, or stick out of where they belong: the rectangle
rules of the layout lint (`kiosk.ui.lint`), in plain Python so that they are tested without a
window. `kiosk.ui.inspect` describes a screen as Things; nothing here knows about Qt.

What is compared, and why:
- texts with texts, pictures (and icons) and touch targets: a text under anything is unreadable;
- pictures with pictures, touch targets with touch targets (a tap would be ambiguous);
- never a touch target with a picture: the pagers' round buttons sit on the edge of a picture
  by design, which stays in view around them;
- what a touch target holds (its label, its icon) as the target itself, against anything outside;
- never a thing with what it holds (a tile with its icon and its title);
- never a picture that fills its parent (a page's background) with what else that parent holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# Qt's alignment flags (Qt::AlignmentFlag), as Qt Quick reports a text's or an image's alignment.
ALIGN_LEFT, ALIGN_RIGHT, ALIGN_HCENTER = 0x1, 0x2, 0x4
ALIGN_TOP, ALIGN_BOTTOM, ALIGN_VCENTER = 0x20, 0x40, 0x80
ALIGN_HORIZONTAL, ALIGN_VERTICAL = 0x0F, 0xF0  # the masks of each direction's flags

TEXT, PICTURE, TARGET = "text", "picture", "target"
COMPARED = {frozenset({TEXT}), frozenset({TEXT, PICTURE}), frozenset({TEXT, TARGET}),
            frozenset({PICTURE}), frozenset({TARGET})}

OFF_SCREEN = "screen"  # where a thing sticks out (see `escape`), when not out of a frame


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def cut(self, other: Rect) -> Rect | None:
        """The part of this rectangle inside `other`; None if there is none."""
        x, y = max(self.x, other.x), max(self.y, other.y)
        right, bottom = min(self.right, other.right), min(self.bottom, other.bottom)
        return Rect(x, y, right - x, bottom - y) if right > x and bottom > y else None

    def sticks_out_of(self, other: Rect, by: float) -> bool:
        return (other.x - self.x > by or self.right - other.right > by
                or other.y - self.y > by or self.bottom - other.bottom > by)

    def same(self, other: Rect, within: float) -> bool:
        return all(abs(a - b) <= within for a, b in
                   ((self.x, other.x), (self.y, other.y), (self.right, other.right), (self.bottom, other.bottom)))


def aligned(box: Rect, w: float, h: float, halign: int = ALIGN_LEFT, valign: int = ALIGN_TOP) -> Rect:
    """Content of w x h placed in `box` as Qt aligns it: a text's lines in its item, a picture
    fitted in its box. Content larger than the box runs out of it where the alignment says
    (a left-aligned text too long for its box, on the right)."""
    if halign & ALIGN_RIGHT:
        x = box.right - w
    elif halign & ALIGN_HCENTER:
        x = box.x + (box.w - w) / 2
    else:  # left, or justified
        x = box.x
    if valign & ALIGN_BOTTOM:
        y = box.bottom - h
    elif valign & ALIGN_VCENTER:
        y = box.y + (box.h - h) / 2
    else:
        y = box.y
    return Rect(x, y, w, h)


@dataclass(frozen=True)
class Clip:
    """An item that cuts off what it holds at its edges."""

    id: int
    rect: Rect
    scrolls: bool  # a view that scrolls (or pages): what it hides is there to be brought into view


@dataclass(frozen=True)
class Frame:
    """A box drawn on screen (a tile, a card, a button, a pill): what it holds must stay inside."""

    id: int
    rect: Rect
    name: str  # the item's objectName, e.g. "tile:history"


@dataclass(frozen=True, eq=False)
class Thing:
    """Something a visitor sees or touches, as laid out, in the screen's pixels."""

    kind: str  # TEXT, PICTURE or TARGET
    ink: Rect  # a text's lines (not its larger box), a picture as fitted, a touch target's box
    path: tuple[int, ...]  # the ids of its ancestors, outermost first, then its own
    clips: tuple[Clip, ...] = ()  # the items it is drawn in that clip, outermost first
    frames: tuple[Frame, ...] = ()  # the boxes drawn around it, outermost first
    backdrop: bool = False  # a picture filling its parent: the background of what else it holds
    info: Any = None  # the caller's: what to report it as

    @property
    def id(self) -> int:
        return self.path[-1]

    def seen(self, clips: Iterable[Clip]) -> Rect | None:
        """Its ink as cut by `clips`; None if nothing of it is left."""
        rect: Rect | None = self.ink
        for clip in clips:
            rect = rect.cut(clip.rect) if rect is not None else None
        return rect


def overlaps(things: list[Thing], tolerance: float) -> Iterator[tuple[Thing, Thing]]:
    """Pairs of things that cover each other by more than `tolerance` both ways, in the order
    of `things`."""
    targets = {t.id for t in things if t.kind == TARGET}
    order = {t.id: i for i, t in enumerate(things)}
    across = sorted(things, key=lambda t: t.ink.x)
    for i, a in enumerate(across):
        for b in across[i + 1:]:
            if b.ink.x >= a.ink.right - tolerance:
                break  # nor does any after it reach back to `a` (a screen has hundreds of things)
            if _cover(a, b, targets, tolerance):
                yield (a, b) if order[a.id] < order[b.id] else (b, a)


def _cover(a: Thing, b: Thing, targets: set[int], tolerance: float) -> bool:
    if a.ink.cut(b.ink) is None:
        return False
    kinds = frozenset({_role(a, b, targets), _role(b, a, targets)})
    if kinds not in COMPARED or _nested(a, b) or _behind(a, b) or _behind(b, a):
        return False
    # What clips both cuts (or scrolls) both alike: two cards far down a scrolling list
    # overlap as much once scrolled to as now.
    shared = set(a.clips) & set(b.clips)
    seen_a = a.seen(c for c in a.clips if c not in shared)
    seen_b = b.seen(c for c in b.clips if c not in shared)
    common = seen_a.cut(seen_b) if seen_a is not None and seen_b is not None else None
    return common is not None and common.w > tolerance and common.h > tolerance


def escape(thing: Thing, screen: Rect, tolerance: float) -> Frame | str | None:
    """OFF_SCREEN if a thing runs off the screen or is cut off by an area that does not scroll
    (the page above the dock); else the innermost box drawn around it that it sticks out of (a
    chip's label out of its card, with the chip); else None. What a view scrolls out of sight
    is not cut off: it is checked where it can be seen."""
    within = thing.seen(c for c in thing.clips if c.scrolls)
    if within is None:
        return None
    bounds: Rect | None = screen
    for clip in thing.clips:
        if not clip.scrolls and bounds is not None:
            bounds = bounds.cut(clip.rect)
    if bounds is None or within.sticks_out_of(bounds, tolerance):
        return OFF_SCREEN
    return next((f for f in reversed(thing.frames) if thing.ink.sticks_out_of(f.rect, tolerance)), None)


def _role(thing: Thing, other: Thing, targets: set[int]) -> str:
    """TARGET for what a touch target holds that `other` is not part of, else its own kind."""
    held = any(i in targets and i not in other.path for i in thing.path[:-1])
    return TARGET if held else thing.kind


def _nested(a: Thing, b: Thing) -> bool:
    return a.id in b.path or b.id in a.path


def _behind(back: Thing, front: Thing) -> bool:
    """`back` is a background picture of something that holds `front`."""
    return back.backdrop and len(back.path) > 1 and back.path[-2] in front.path
