"""The content-pack format, as plain dataclasses.

These classes ARE the schema: `schema.py` reads a YAML mapping into one of them by looking at its
fields and their types, so a field added here is a field editors can write (document it in
`content/README.md`). A field without a default is required. `where` is filled by the reader with
the position of the mapping in its file; it is never written in YAML.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, NewType

from .problems import Pos

Color = NewType("Color", str)  # "#rrggbb", "#rgb" or "#aarrggbb"
Size = NewType("Size", str)  # "1920x1080": a screen size in pixels (sizes.size_of reads it)
Id = NewType("Id", str)  # lowercase letters, digits, '-' and '_': screen and pack ids
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # zh, en, pt-BR


def meta(*, min_items: int = 0, minimum: float | None = None, maximum: float | None = None) -> dict[str, Any]:
    """Extra checks on a field, read by the schema reader."""
    return {"min_items": min_items, "minimum": minimum, "maximum": maximum}


@dataclass(frozen=True)
class Text:
    """A visitor-facing text, one string per language of the pack."""

    values: dict[str, str]
    where: Pos

    def __call__(self, lang: str) -> str:
        return self.values.get(lang) or next(iter(self.values.values()), "")


@dataclass(frozen=True)
class Asset:
    """A file inside the pack folder, as written in YAML (relative, with '/')."""

    path: str
    where: Pos

    def file(self, root: Path) -> Path:
        return root / self.path


class Image(Asset):
    """An image file: PNG, JPEG, SVG, WebP or GIF."""


class Media(Asset):
    """A file the show plays with Qt Multimedia: a film or a recording."""


class Video(Media):
    """A film: MP4 (H.264 or H.265) or WebM (VP8 or VP9), 8-bit; see content/README.md."""


class CaptionFile(Asset):
    """Captions of a clip in one language: a WebVTT file (.vtt); see content/README.md."""


class Sound(Media):
    """A recording: MP3, M4A (AAC), Ogg (Vorbis or Opus), FLAC or WAV; see content/README.md."""


@dataclass(frozen=True)
class FilesPerLanguage:
    """One file for each language of the pack ({zh: films/x.zh.vtt, en: ...})."""

    FILE: ClassVar[type[Asset]]
    files: dict[str, Asset]
    where: Pos


class Captions(FilesPerLanguage):
    """A clip's captions: WebVTT files."""

    FILE = CaptionFile


class Narration(FilesPerLanguage):
    """A screen read aloud: recordings, played when the visitor taps "listen"."""

    FILE = Sound


class FontFile(Asset):
    """A font file (TTF/OTF) the pack brings for its own look."""


@dataclass(frozen=True)
class ScreenRef:
    """The id of another screen, e.g. the target of a tile."""

    id: str
    where: Pos


@dataclass(frozen=True, kw_only=True)
class Model:
    where: Pos = field(default=Pos("?"), compare=False, repr=False, metadata={"internal": True})
    # Where each field's value is written, for messages about a value (a colour, a size).
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, repr=False,
                                      metadata={"internal": True})

    def pos_of(self, name: str) -> Pos:
        return self.field_pos.get(name, self.where)


# --- parts of screens -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Link(Model):
    title: Text
    target: ScreenRef


@dataclass(frozen=True, kw_only=True)
class Figure(Model):
    """A key number: `value` is shown large ("274", "8,000"), `unit` beside it. The value is the
    same in every language, or given per language where numbers are said differently
    ({zh: "1.73", en: "¥173"} with unit {zh: 亿元, en: million})."""

    value: Text | str
    label: Text
    unit: Text | None = None
    note: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Tile(Model):
    title: Text
    target: ScreenRef
    subtitle: Text | None = None
    icon: Image | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Model):
    year: str
    title: Text
    text: Text | None = None
    image: Image | None = None
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Card(Model):
    title: Text
    text: Text | None = None
    image: Image | None = None
    chips: list[Text] = field(default_factory=list)  # short labels, e.g. firm names
    target: ScreenRef | None = None


@dataclass(frozen=True, kw_only=True)
class Clip(Model):
    """A film inside a screen: its poster until the visitor taps play; muted until they ask for
    sound; `captions`, shown in the visitor's language, for a loud floor and for those who
    cannot hear."""

    file: Video
    poster: Image
    captions: Captions | None = None


@dataclass(frozen=True, kw_only=True)
class GalleryItem(Model):
    """A picture or a clip: exactly one of the two."""

    image: Image | None = None
    video: Clip | None = None
    caption: Text | None = None


@dataclass(frozen=True, kw_only=True)
class Step(Model):
    when: Text
    title: Text
    text: Text | None = None
    figures: list[Figure] = field(default_factory=list)


# --- screens ----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Screen(Model):
    """Fields every screen kind has. `kind` in YAML picks the subclass."""

    KIND: ClassVar[str] = ""
    id: Id
    title: Text
    background: Image | None = None
    links: list[Link] = field(default_factory=list)  # "see also" buttons at the bottom
    narration: Narration | None = None


@dataclass(frozen=True, kw_only=True)
class MenuScreen(Screen):
    KIND: ClassVar[str] = "menu"
    tiles: list[Tile] = field(metadata=meta(min_items=1))
    subtitle: Text | None = None
    tagline: Text | None = None


@dataclass(frozen=True, kw_only=True)
class TimelineScreen(Screen):
    KIND: ClassVar[str] = "timeline"
    events: list[Event] = field(metadata=meta(min_items=1))
    intro: Text | None = None


@dataclass(frozen=True, kw_only=True)
class CardsScreen(Screen):
    KIND: ClassVar[str] = "cards"
    cards: list[Card] = field(metadata=meta(min_items=1))
    intro: Text | None = None


@dataclass(frozen=True, kw_only=True)
class DetailScreen(Screen):
    KIND: ClassVar[str] = "detail"
    subtitle: Text | None = None
    body: Text | None = None  # paragraphs separated by a blank line
    image: Image | None = None
    video: Clip | None = None  # in the picture's place (a screen has one or the other)
    bullets: list[Text] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class FiguresScreen(Screen):
    KIND: ClassVar[str] = "figures"
    figures: list[Figure] = field(metadata=meta(min_items=1))
    intro: Text | None = None


@dataclass(frozen=True, kw_only=True)
class GalleryScreen(Screen):
    KIND: ClassVar[str] = "gallery"
    images: list[GalleryItem] = field(metadata=meta(min_items=1))
    intro: Text | None = None


@dataclass(frozen=True, kw_only=True)
class RoadmapScreen(Screen):
    KIND: ClassVar[str] = "roadmap"
    steps: list[Step] = field(metadata=meta(min_items=1))
    intro: Text | None = None


SCREEN_KINDS: dict[str, type[Screen]] = {
    cls.KIND: cls
    for cls in (MenuScreen, TimelineScreen, CardsScreen, DetailScreen, FiguresScreen, GalleryScreen,
                RoadmapScreen)
}


# --- the pack ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Theme(Model):
    background: Color = Color("#071428")
    surface: Color = Color("#0f2747")
    primary: Color = Color("#2f8cff")
    accent: Color = Color("#19d3c5")
    text: Color = Color("#f4f8ff")
    muted: Color = Color("#9fb4d3")
    logo: Image | None = None
    font_family: str | None = None  # default: the bundled Noto Sans CJK SC
    font_files: list[FontFile] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Film(Model):
    """A film of the attract loop: it plays muted, and `poster` is shown until its first frame is
    on screen and whenever it cannot be played. It fills the screen: on a portrait screen a
    landscape film shows only its middle, unless `portrait` gives a version made for it."""

    file: Video
    poster: Image
    portrait: Video | None = None
    portrait_poster: Image | None = None  # the portrait version's first picture; default: `poster`


@dataclass(frozen=True, kw_only=True)
class Idle(Model):
    timeout: float = field(default=90.0, metadata=meta(minimum=5, maximum=3600))
    countdown: float = field(default=20.0, metadata=meta(minimum=0, maximum=120))  # see pack.MIN_COUNTDOWN
    attract_films: list[Film] = field(default_factory=list)  # played in turn, then the images
    attract_images: list[Image] = field(default_factory=list)
    attract_text: Text | None = None
    attract_interval: float = field(default=7.0, metadata=meta(minimum=2, maximum=120))


@dataclass(frozen=True, kw_only=True)
class Pack(Model):
    """pack.yaml, plus the screens of `screens/*.yaml` once loaded."""

    id: Id
    title: Text
    languages: list[str] = field(metadata=meta(min_items=1))
    default_language: str
    start: ScreenRef
    description: Text | None = None
    theme: Theme = field(default_factory=Theme)
    idle: Idle = field(default_factory=Idle)
    # The booth screens this pack is made for: what `kiosk validate` and `kiosk proof` check.
    target_sizes: list[Size] = field(default_factory=lambda: [Size("1920x1080"), Size("1080x1920")])
    # Count visits on the device (anonymous; see kiosk.core.visits). A machine setting can also
    # switch it off.
    analytics: bool = True
    # On a portrait screen, every touch target in the bottom two thirds: for a screen mounted on a
    # wall, which a visitor in a wheelchair or a child cannot reach to the top of. A machine
    # setting may say otherwise for one kiosk.
    lower_content: bool = False
    screens: list[Screen] = field(default_factory=list)
    root: Path = field(default=Path("."), compare=False, metadata={"internal": True})

    def screen(self, screen_id: str) -> Screen | None:
        return next((s for s in self.screens if s.id == screen_id), None)


def parts(obj: Any, kind: type) -> Iterator[Any]:
    """Every value of type `kind` inside a model object, depth first (texts, images, refs...)."""
    if isinstance(obj, kind):
        yield obj
    if isinstance(obj, Model):
        for f in dataclasses.fields(obj):
            if not f.metadata.get("internal"):
                yield from parts(getattr(obj, f.name), kind)
    elif isinstance(obj, list):
        for item in obj:
            yield from parts(item, kind)
    elif isinstance(obj, FilesPerLanguage):
        for file in obj.files.values():
            yield from parts(file, kind)
