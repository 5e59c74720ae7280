"""Content lint with the real fonts and layout: every screen, every page of its timeline or
gallery, in every language, at every target size, laid out offscreen and looked at.

Warnings, each at the file:line of the text, image or link concerned:
- a text cut short (elided) in its box;
- a character no bundled, pack or installed font can show;
- an image upscaled by more than 1.5x, or more than twice as large as needed in both directions;
- a touch target smaller than 48 px at 1080p.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from ..content import Figure, Image, Pack, Pos, Problem, Screen, ScreenRef, Text, parts
from .app import Show
from .fonts import bundled_font_files
from .images import natural_size
from .present import UI_STRINGS
from .inspect import MIN_TARGET, loading, pictures, shown_named, stage_of, touch_targets, truncated
from .render import pump

MAX_UPSCALE = 1.5
MAX_OVERSIZE = 2.0


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
        self.refs = {ref.id: ref.where for ref in parts(screen, ScreenRef)}

    def text(self, lang: str, value: str) -> Pos:
        return self.texts.get((lang, value), self.screen.where)

    def target(self, name: str) -> Pos:
        kind, _, ref = name.partition(":")
        return self.refs.get(ref, self.screen.where) if kind in ("tile", "card", "link") else self.screen.where


def layout_problems(pack: Pack, size: tuple[int, int]) -> set[Problem]:
    where_size = f"{size[0]}x{size[1]}"
    found: set[Problem] = set()
    # One screen at a time, still: nothing built ahead (a warning is about the screen shown).
    show = Show(pack, windowed=True, size=size, animate=False, build_ahead=False)
    try:
        for lang in pack.languages:
            show.navigator.setLanguage(lang)
            for screen in pack.screens:
                show.navigator.home()
                show.navigator.open(screen.id)
                sources = _Sources(pack, screen)
                for _ in _pages(show):
                    found.update(_look(show, sources, lang, where_size))
    finally:
        show.close()
    return found


def _pages(show: Show) -> Iterator[int]:
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


def _lay_out(show: Show) -> None:
    pump()
    while loading(stage_of(show.window)):  # the overlays are built in the background at first
        pump(5)
    show.window.grabWindow()  # polishes and lays out everything, as a frame on screen would


def _look(show: Show, sources: _Sources, lang: str, size: str) -> Iterator[Problem]:
    stage = stage_of(show.window)
    for text in truncated(stage):
        value = text.property("text")
        if value and (lang, value) in sources.app_words and (lang, value) not in sources.texts:
            yield Problem(sources.languages, "warning",
                          f"the kiosk's own label '{_short(value)}' is cut short at {size} ({lang}): "
                          "report it to the kiosk's developers; nothing in the pack can fix it")
        elif value:
            yield Problem(sources.text(lang, value), "warning",
                          f"text is cut short at {size} ({lang}): '{_short(value)}'; shorten it")
    for picture in pictures(stage):
        url = picture.item.property("source").toString()
        where = sources.images.get(url)
        if where is not None:
            yield from _picture_problems(picture, url, where, size)
    for target in touch_targets(stage):
        side = target.side_at_1080p(stage)
        if side < MIN_TARGET:
            name = target.item.objectName() or "button"
            yield Problem(sources.target(name), "warning",
                          f"touch target '{name}' is {side:.0f} px at 1080p; fingers need {MIN_TARGET}")


def _picture_problems(picture, url: str, where: Pos, size: str) -> Iterator[Problem]:
    path = QUrl(url).toLocalFile()
    width, height, vector = natural_size(path, Path(path).stat().st_mtime_ns)
    if vector or width <= 0 or height <= 0:
        return
    box_w, box_h = picture.rect.width(), picture.rect.height()
    crop = picture.item.property("fillMode") == 2  # Image.PreserveAspectCrop
    scale = (max if crop else min)(box_w / width, box_h / height)
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


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
