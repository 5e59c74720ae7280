"""The start picture: the show's first screen as it looked the last time the show started, kept so
that the next start can put it on the screen at once, while Qt Quick, the pack and the screens load
behind it (on a PC without a GPU that is 150-250 ms before the show's own first frame; the show
then keeps it over its first screen until that screen's pictures are there: kiosk.ui.startcover).

It is used only if nothing the first screen's look depends on has changed since it was taken: the
pack's files, the kiosk's code, QML, icons and fonts, the Qt version, the machine's settings.json
(the chosen pack, the language, the look), the pack named on the command line, the renderer asked
for, the screen's size and pixel ratio, and the packs the show passed over to start on it (missing
or with errors: one that comes back or is mended is the one the show starts on). Any change, and the
show starts without it and takes a new one. What `auto` makes of the renderer on this machine is
not in it: after a new graphics driver, its anti-aliasing may differ by a few levels until the
cover lifts (at most 5 s).

One picture per machine, in the cache folder, written by `kiosk run` alone. Its pixels are kept
raw (32 bits each, as Qt draws them): reading 8 MB costs a start 5 ms, decoding a PNG of the same
screen 35 ms. Plain Python: it is asked before the content model or Qt Quick is loaded.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

from . import locations
from .fingerprint import files, fingerprint
from .packchoice import start_candidates
from .settings import Settings

PIXELS_FILE = "start-picture.raw"
ABOUT_FILE = "start-picture.json"


@dataclass(frozen=True)
class Screen:
    width: int  # in device pixels, as grabbed
    height: int
    ratio: float  # device pixels per layout pixel


@dataclass(frozen=True)
class Kept:
    key: str
    pack: Path
    screen: Screen

    @property
    def size(self) -> int:
        return self.screen.width * self.screen.height * 4


@dataclass(frozen=True)
class Start:
    """How the show is started: what `kiosk run` was given and what it runs with."""
    explicit: Path | None  # the pack named on the command line
    renderer: str | None  # asked for on the command line
    settings: Settings
    toolkit: str  # the Qt version


def passed_over(pack: Path, start: Start) -> list[Path] | None:
    """The packs the show tries before `pack` when it starts (kiosk.system.packchoice), or None if
    it never starts on `pack`."""
    ahead: list[Path] = []
    for _, folder in start_candidates(start.explicit, start.settings):
        if folder.resolve() == pack.resolve():
            return ahead
        ahead.append(folder)
    return None


def key(pack: Path, start: Start, screen: Screen) -> str | None:
    """What the first screen of `pack` looks like depends on, as a short text; None if the show
    does not start on `pack`. A CRC: two different looks share one with a chance of 1 in 4
    billion, and then the wrong picture shows until the cover lifts (a touch, or at most 5 s);
    hashlib would load OpenSSL, 4 ms of every start. Raises OSError if settings.json cannot be
    read."""
    ahead = passed_over(pack, start)
    if ahead is None:
        return None
    try:
        settings = Settings.path().read_bytes()
    except FileNotFoundError:
        settings = b""
    parts = (fingerprint(pack, code=""), [files(p) if p.is_dir() else str(p) for p in ahead],
             files(locations.ASSETS_DIR / "fonts"), str(start.explicit.resolve()) if start.explicit else None,
             start.renderer, os.environ.get("QT_QUICK_BACKEND"), start.toolkit, screen, settings)
    return f"{zlib.crc32(repr(parts).encode()):08x}"


def _folder() -> Path:
    return locations.cache_dir()


def read() -> Kept | None:
    """What the kept picture shows, or None if there is none or its description is damaged."""
    try:
        about = json.loads((_folder() / ABOUT_FILE).read_text(encoding="utf-8"))
        screen = Screen(int(about["width"]), int(about["height"]), float(about["ratio"]))
        kept = Kept(str(about["key"]), Path(str(about["pack"])), screen)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return kept if screen.width > 0 and screen.height > 0 and screen.ratio > 0 else None


def whole(kept: Kept) -> bool:
    """Whether the kept picture's pixels are there, of the size they must be."""
    try:
        return (_folder() / PIXELS_FILE).stat().st_size == kept.size
    except OSError:
        return False


def pixels(kept: Kept) -> bytes | None:
    """The kept picture's pixels, or None if the file is missing or not the size it must be."""
    try:
        data = (_folder() / PIXELS_FILE).read_bytes()
    except OSError:
        return None
    return data if len(data) == kept.size else None


def keep(kept: Kept, data: bytes) -> None:
    """Keep `data` as the picture `kept` describes. The description goes first and comes back
    last: a power cut in between leaves no picture, never one described as another. Raises
    OSError."""
    if len(data) != kept.size:
        raise ValueError(f"{len(data)} bytes for a {kept.screen.width}x{kept.screen.height} picture")
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ABOUT_FILE).unlink(missing_ok=True)
    scratch = folder / (PIXELS_FILE + ".tmp")
    scratch.write_bytes(data)
    os.replace(scratch, folder / PIXELS_FILE)
    screen = kept.screen
    locations.write_json(folder / ABOUT_FILE, {"key": kept.key, "pack": str(kept.pack), "width": screen.width,
                                               "height": screen.height, "ratio": screen.ratio})
