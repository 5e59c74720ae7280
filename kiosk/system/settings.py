"""This machine's settings: the chosen pack, the last pack that was shown without errors, the
visitors' default language, and the staff PIN hash. A JSON file in the per-machine config folder,
outside every pack, written atomically so a power cut never leaves half a file.

Only settings read from the machine (`Settings.load()`) are ever written back to it. Settings made
in memory (`Settings()`: a render, a proof, a lint, a benchmark, a test) are never saved, whatever
code path calls `save()`: a tool that draws screens must not change which pack the booth shows
next, nor erase the staff PIN."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..core.renderer import AUTO
from ..core.staff import STAFF_TIMEOUT
from . import locations

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    pack: str | None = None  # folder of the pack staff chose
    last_good_pack: str | None = None  # folder of the last pack shown without errors
    language: str | None = None  # visitors' default language on this machine, if not the pack's
    pin: dict[str, Any] | None = None  # see kiosk.core.staff.hash_pin
    staff_timeout: float = STAFF_TIMEOUT  # seconds the staff panel stays open without a touch
    renderer: str = AUTO  # Qt Quick's renderer: auto, software or hardware (see kiosk.core.renderer)
    analytics: bool = True  # count visits on this machine (a pack may also switch it off)
    inbox: str | None = None  # the folder watched for packs (kiosk.system.inbox); None: the default one
    status: str | None = None  # where the status file goes every minute (kiosk.system.fleet); None: the default
    # Portrait screens keep their touch targets in the bottom two thirds (a wall-mounted screen);
    # None: as the pack says (its `lower_content`).
    lower_content: bool | None = None
    # How to turn the screen off and on for a `screen: off` rule of the schedule, where the
    # platform's own way does not work (kiosk.system.display); each a command and its arguments.
    screen_off_command: list[str] | None = None
    screen_on_command: list[str] | None = None
    # The file these settings were read from; None for settings made in memory, never saved.
    file: Path | None = field(default=None, repr=False, compare=False)
    # Values in the file of the wrong kind, not used (logged) but written back as they were:
    # the machine's owner finds their line as they left it, to mend it.
    unused: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @staticmethod
    def path() -> Path:
        return locations.config_dir() / SETTINGS_FILE

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except (OSError, ValueError) as e:
            log.error("settings file %s cannot be read (%s); using defaults", path, e)
            data = {}
        if not isinstance(data, dict):
            data = {}
        kinds = {f.name: str(f.type) for f in fields(cls) if f.name not in ("file", "unused")}
        values, unused = {}, {}
        for key, value in data.items():
            if key not in kinds:
                continue
            if key != "pin" and not _fits(kinds[key], value):  # the PIN's own check says what is wrong with it
                log.error("settings file %s: %r must be %s, not %s; using the default", path, key,
                          _KIND_WORDS.get(kinds[key], kinds[key]), json.dumps(value, ensure_ascii=False))
                unused[key] = value
                continue
            values[key] = value
        return cls(**values, file=path, unused=unused)

    def save(self) -> None:
        """Write these settings back to the file they came from; nothing for in-memory ones."""
        if self.file is None:
            return
        values = asdict(self)
        del values["file"], values["unused"]
        defaults = Settings()
        for key, value in self.unused.items():
            if values[key] == getattr(defaults, key):  # not set since: the owner's line stays
                values[key] = value
        locations.write_json(self.file, values)


# What each kind of setting must be, in the words of the error, and whether a value fits it: a
# wrong type is logged and the default used (a command given as one string would otherwise run
# letter by letter, and "false" in quotes would count as true).
_KIND_WORDS = {
    "str": "text", "str | None": "text", "bool": "true or false", "bool | None": "true, false or null",
    "float": "a number", "list[str] | None": 'a list of words, like ["wlr-randr", "--output", "HDMI-A-1", "--off"]',
}


def _fits(kind: str, value: Any) -> bool:
    if value is None:
        return kind.endswith("| None")
    base = kind.removesuffix(" | None")
    if base == "str":
        return isinstance(value, str)
    if base == "bool":
        return isinstance(value, bool)
    if base == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if base == "list[str]":
        return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
    raise AssertionError(f"no rule for settings of the kind {kind}")  # a new field needs one
