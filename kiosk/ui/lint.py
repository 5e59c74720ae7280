"""Content lint with the real fonts and layout: every screen, every page of its timeline or
gallery, in every language, at every target size, laid out offscreen and looked at.

Warnings, each at the file:line of the text, image or link concerned:
- a text cut short (elided) in its box;
- a character no bundled, pack or installed font can show;
- an image upscaled by more than 1.5x, or more than twice as large as needed in both directions;
- a touch target smaller than 48 px at 1080p;
- a caption (a cue of a clip's WebVTT file) that, wrapped to the film's width, covers a third of
  the film or more (at the cue's line in the .vtt file);
- things that cover each other (a text over an icon, a picture or another text, a button over
  a text) or run out of their tile or off the screen (the rules: `kiosk.core.layoutrules`).
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QRawFont, QTextLayout, QTextOption
from PySide6.QtQuick import QQuickItem

from ..content import Figure, Image, Pack, Pos, Problem, Screen, ScreenRef, Text, Tile, parts
from ..content.captions import read_vtt
from ..content.problems import quoted
from ..core.layoutrules import OFF_SCREEN, PICTURE, TARGET, TEXT, Frame, Thing, escape, overlaps
from ..core.lint import kind_of
from ..core.navigation import PACKS_LOOK, Look
from .fonts import bundled_font_files
from .images import natural_size
from .inspect import (
    MIN_TARGET,
    box,
    evaluate,
    is_picture,
    loading,
    scene,
    screen_rect,
    shown_named,
    stage_of,
    units_per_1080p,
    walk,
)
from .present import UI_STRINGS
from .render import pump
from .view import ShowView, view_only

MAX_UPSCALE = 1.5
MAX_OVERSIZE = 2.0
OVERLAP_TOLERANCE = 2  # px at 1080p: antialiasing and rounding, not two things colliding
CAPTION_SHARE = 1 / 3  # a caption taller than this share of its film hides what the film shows


def lint_pack(pack: Pack, sizes: list[tuple[int, int]]) -> list[Problem]:
    found = set(font_problems(pack))
    for size in sizes:
        found.update(layout_problems(pack, size))
    return sorted(found)


# --- fonts -----------------------------------------------------------------------------------


def font_problems(pack: Pack) -> Iterator[Problem]:
    fonts = [QRawFont(str(p), 16) for p in [*bundled_font_files(), *(f.file(pack.root) for f in pack.theme.font_files)]]
    fonts = [f for f in fonts if f.isValid()]
    system: list[QRawFont] | None = None  # looked at only if some character is missing
    for text in parts(pack, Text):
        for lang, value in text.values.items():
            for char in sorted({c for c in value if not c.isspace()}):
                if any(f.supportsCharacter(ord(char)) for f in fonts):
                    continue
                if system is None:
                    system = [QRawFont.fromFont(QFont(family)) for family in QFontDatabase.families()]
                if not any(f.supportsCharacter(ord(char)) for f in system):
                    yield Problem(text.where, "warning",
                                  f"character '{char}' (U+{ord(char):04X}, {lang}) is in no bundled or "
                                  "installed font: it would show as an empty box")


# --- layout ----------------------------------------------------------------------------------


class _Sources:
    """Where on screen things come from: a shown string or picture back to its file:line. A
    screen shows texts written elsewhere too: the pack's title in the dock (pack.yaml), and the
    kiosk's own words (Back, Home), which belong to no file of the pack."""

    def __init__(self, pack: Pack, screen: Screen):
        self.screen = screen
        self.texts: dict[tuple[str, str], Pos] = {}
        # The screen's own texts first: a title that repeats the pack's is the screen's to fix.
        for text in [*parts(screen, Text), *parts(dataclasses.replace(pack, screens=[]), Text)]:
            for lang, value in text.values.items():
                self.texts.setdefault((lang, value), text.where)
                self.texts.setdefault((lang, broken_at_separators(value)), text.where)
        for figure in parts(screen, Figure):
            if isinstance(figure.value, str):
                for lang in pack.languages:
                    self.texts.setdefault((lang, figure.value), figure.pos_of("value"))
        self.app_words = {(lang, words.get(lang, words["en"])) for words in UI_STRINGS.values()
                          for lang in pack.languages}
        self.languages = pack.pos_of("languages")
        self.images: dict[str, Pos] = {}
        # The screen's own mention of an image first; the logo and attract images are shown too.
        for image in [*parts(screen, Image), *parts(pack.theme, Image), *parts(pack.idle, Image)]:
            self.images.setdefault((pack.root / image.path).resolve().as_uri(), image.where)
        self.icons = {(pack.root / tile.icon.path).resolve().as_uri() for tile in parts(screen, Tile) if tile.icon}
        self.refs = {ref.id: ref.where for ref in parts(screen, ScreenRef)}

    def text(self, lang: str, value: str) -> Pos:
        return self.texts.get((lang, value), self.screen.where)

    def kiosks_own(self, lang: str, value: str) -> bool:
        """One of the kiosk's own words (Back, Home), which nothing in the pack can change."""
        return (lang, value) in self.app_words and (lang, value) not in self.texts

    def target(self, name: str) -> Pos:
        kind, _, ref = name.partition(":")
        return self.refs.get(ref, self.screen.where) if kind in ("tile", "card", "link") else self.screen.where


# How the screens are looked at: as the pack made them, then with the larger text a visitor may
# choose (A+), which must reflow without cutting anything. High contrast changes only colours.
LOOKS = {"": PACKS_LOOK, " with A+": Look(large_text=True)}


def layout_problems(pack: Pack, size: tuple[int, int]) -> set[Problem]:
    found: set[Problem] = set()
    show = view_only(pack, size)  # a warning is about the screen shown: nothing built ahead
    try:
        for look_name, look in LOOKS.items():
            # What is wrong in the pack's own look is said once, there: not again for A+.
            known = {kind_of(problem, "") for problem in found}
            show.navigator.set_look(look)
            where_size = f"{size[0]}x{size[1]}{look_name}"
            for lang in pack.languages:
                show.navigator.setLanguage(lang)
                for screen in pack.screens:
                    show.navigator.home()
                    show.navigator.open(screen.id)
                    sources = _Sources(pack, screen)
                    for _ in _pages(show):
                        for problem in [*_look(show, sources, lang, where_size),
                                        *_caption_problems(pack, stage_of(show.window), lang, where_size)]:
                            if kind_of(problem, look_name) not in known:
                                found.add(problem)
    finally:
        show.close()
    return found


def _pages(show: ShowView) -> Iterator[int]:
    """Each page of the screen's pager (timeline events, gallery pictures), laid out in turn."""
    _lay_out(show)
    pager = shown_named(stage_of(show.window), "pager")
    count = pager.property("count") if pager is not None else 1
    for index in range(count):
        if pager is not None:
            pager.setProperty("highlightMoveDuration", 0)
            pager.setProperty("currentIndex", index)
            _lay_out(show)
        yield index


def _lay_out(show: ShowView) -> None:
    pump()
    give_up = time.monotonic() + 10  # a Loader whose component failed never gets its item
    while loading(stage_of(show.window)) and time.monotonic() < give_up:
        pump(5)  # the overlays are built in the background at first
    show.window.grabWindow()  # polishes and lays out everything, as a frame on screen would


def _look(show: ShowView, sources: _Sources, lang: str, size: str) -> Iterator[Problem]:
    stage = stage_of(show.window)
    things = scene(stage)  # one walk of the screen for every check
    for text in (t.info for t in things if t.kind == TEXT and t.info.property("truncated")):
        value = text.property("text")
        if sources.kiosks_own(lang, value):
            yield Problem(sources.languages, "warning",
                          f"the kiosk's own label '{quoted(value)}' is cut short at {size} ({lang}): "
                          "report it to the kiosk's developers; nothing in the pack can fix it")
        else:
            yield Problem(sources.text(lang, value), "warning",
                          f"text is cut short at {size} ({lang}): '{quoted(value)}'; shorten it")
    for picture in (box(stage, t.info) for t in things if t.kind == PICTURE and is_picture(t.info)):
        url = picture.item.property("source").toString()
        where = sources.images.get(url)
        if where is not None:
            yield from _picture_problems(picture, url, where, size)
    for target in (t for t in things if t.kind == TARGET):
        side = min(target.ink.w, target.ink.h) / units_per_1080p(stage)
        if side < MIN_TARGET:
            name = target.info.objectName() or "button"
            yield Problem(sources.target(name), "warning",
                          f"touch target '{name}' is {side:.0f} px at 1080p; fingers need {MIN_TARGET}")
    yield from _collisions(stage, things, sources, lang, size)


def _caption_problems(pack: Pack, stage: QQuickItem, lang: str, size: str) -> Iterator[Problem]:
    """Every cue of each clip's captions in `lang`, wrapped as the clip's caption wraps it, against
    the height of its film. Measured, not shown: a clip shows its captions only while it plays."""
    for player in (item for item in walk(stage) if item.objectName() == "clipPlayer"):
        url = evaluate(player, f"media.captions ? (media.captions[{json.dumps(lang)}] ?? '') : ''")
        caption = next((item for item in walk(player) if item.objectName() == "caption"), None)
        film = next((item for item in walk(player) if item.objectName() == "filmBox"), None)
        if not url or caption is None or film is None or film.height() <= 0:
            continue
        path = Path(QUrl(url).toLocalFile())
        cues, _ = read_vtt(path.read_bytes())  # what is wrong in the file is validate's to say
        width = float(evaluate(caption, "box.width - Ui.px(64)"))  # ClipPlayer.qml's caption
        font = caption.property("font")
        line = QFontMetricsF(font).height() * caption.property("lineHeight")
        padding = float(evaluate(caption, "parent.height - height"))
        name = path.relative_to(pack.root).as_posix() if path.is_relative_to(pack.root) else str(path)
        for cue in cues:
            lines = wrapped_lines(cue.text, font, width)
            if lines * line + padding > film.height() * CAPTION_SHARE:
                yield Problem(Pos(name, cue.line), "warning",
                              f"this caption takes {lines} lines over the film at {size} ({lang}), a third "
                              "of its height or more: shorten it or split it into two cues")


def wrapped_lines(text: str, font: QFont, width: float) -> int:
    """Lines `text` takes in a Text item `width` wide (wrapMode Text.Wrap), each of its own lines
    wrapped."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    total = 0
    for part in text.split("\n"):
        layout = QTextLayout(part, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (row := layout.createLine()).isValid():
            row.setLineWidth(width)
            total += 1
        layout.endLayout()
    return total


def _picture_problems(picture, url: str, where: Pos, size: str) -> Iterator[Problem]:
    path = QUrl(url).toLocalFile()
    width, height, vector = natural_size(path, Path(path).stat().st_mtime_ns)
    if vector or width <= 0 or height <= 0:
        return
    box_w, box_h = picture.rect.width(), picture.rect.height()
    scale = (max if picture.item.property("cropped") else min)(box_w / width, box_h / height)
    detail = picture.item.property("detail") or 1
    name = Path(path).name
    if scale > MAX_UPSCALE:
        yield Problem(where, "warning",
                      f"'{name}' ({width}x{height}) is shown {scale:.1f}x enlarged at {size}, so it looks "
                      f"blurred; use one at least {round(width * scale)}x{round(height * scale)}")
    elif scale * detail * MAX_OVERSIZE < 1:
        need_w, need_h = round(width * scale * detail), round(height * scale * detail)
        yield Problem(where, "warning",
                      f"'{name}' ({width}x{height}) is far larger than needed at {size} "
                      f"(about {need_w}x{need_h}): it wastes memory and decoding time; scale it down")


def broken_at_separators(title: str) -> str:
    """A title as the home screen shows it when it does not fit on one line: broken into lines
    at its '·' separators, which would otherwise end a line (MenuScreen.qml does the same)."""
    return re.sub(r"\s*·\s*", "\n", title)


# --- things that cover each other, or stick out ------------------------------------------------


def _collisions(stage, things: list[Thing], sources: _Sources, lang: str, size: str) -> Iterator[Problem]:
    tolerance = OVERLAP_TOLERANCE * units_per_1080p(stage)
    named = _Names(sources, lang, things)
    escaped = set()
    for thing in things:
        out = escape(thing, screen_rect(stage), tolerance)
        if out is not None:
            escaped.add(thing.id)
            place = "off the screen" if out == OFF_SCREEN else f"out of {_its(out)}"
            yield named.problem(thing, f"at {size} ({lang}) {named(thing)} runs {place}")
    covering: dict[int, tuple[Thing, list[Thing]]] = {}  # one warning for what covers a thing
    for a, b in overlaps(things, tolerance):
        if a.id in escaped or b.id in escaped:
            continue  # reported already, and likely the cause
        subject, other = named.subject(a, b)
        covering.setdefault(subject.id, (subject, []))[1].append(other)
    for subject, others in covering.values():
        more = f" and {len(others) - 1} more" if len(others) > 1 else ""
        yield named.problem(subject, f"at {size} ({lang}) {named(subject)} overlaps {named(others[0], subject)}{more}")


class _Names:
    """Things described for an editor, and reported where the pack can fix them."""

    def __init__(self, sources: _Sources, lang: str, things: list[Thing]):
        self.sources, self.lang = sources, lang
        self.labels = {t.id: t.info.property("text") for t in things if t.kind == TEXT}
        self.things = things

    def __call__(self, thing: Thing, beside: Thing | None = None) -> str:
        if thing.kind == TEXT:
            return f"the text '{quoted(self.labels[thing.id])}'"
        if thing.kind == PICTURE:
            url = thing.info.property("source").toString()
            name = Path(QUrl(url).toLocalFile() or url).name
            if url not in self.sources.images:
                return f"the kiosk's icon '{Path(name).stem}'"
            word = "icon" if url in self.sources.icons else "picture"
            shared = beside is not None and bool(thing.frames) and beside.frames[-1:] == thing.frames[-1:]
            return f"the {word} '{name}'" + (f" of {_its(thing.frames[-1])}" if shared else "")
        # A touch target, by its first words (a button's label, a tile's title).
        words = next((self.labels[t.id] for t in self.things if t.kind == TEXT and thing.id in t.path), "")
        kind = _kind(thing.info.objectName())
        return f"the {kind} '{quoted(words)}'" if words else f"the {kind} '{thing.info.objectName()}'"

    def source(self, thing: Thing) -> Pos | None:
        """Where the pack says what this thing shows; None if the kiosk shows it of its own."""
        if thing.kind == TEXT:
            value = self.labels[thing.id]
            return None if self.sources.kiosks_own(self.lang, value) else self.sources.text(self.lang, value)
        if thing.kind == PICTURE:
            return self.sources.images.get(thing.info.property("source").toString())
        name = thing.info.objectName()
        return self.sources.target(name) if name.partition(":")[0] in ("tile", "card", "link") else None

    def subject(self, a: Thing, b: Thing) -> tuple[Thing, Thing]:
        """Which of two things to report: a text the pack wrote first (shortening it is the fix)."""
        rank = sorted((a, b), key=lambda t: (self.source(t) is None, t.kind != TEXT))
        return rank[0], rank[1]

    def problem(self, thing: Thing, message: str) -> Problem:
        where = self.source(thing)
        if where is None:
            return Problem(self.sources.languages, "warning",
                           f"{message}: report it to the kiosk's developers; nothing in the pack can fix it")
        return Problem(where, "warning", f"{message}; shorten it" if thing.kind == TEXT else message)


def _kind(name: str) -> str:
    return {"tile": "tile", "card": "card"}.get(name.partition(":")[0], "button")


def _its(frame: Frame) -> str:
    return f"its {_kind(frame.name) if frame.name else 'box'}"
