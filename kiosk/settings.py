"""This machine's settings: the chosen pack, the last pack that was shown without errors, the
visitors' default language, and the staff PIN hash. A JSON file in the per-machine config folder,
outside every pack, written atomically so a power cut never leaves half a file."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from . import locations

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    pack: str | None = None  # folder of the pack staff chose
    last_good_pack: str | None = None  # folder of the last pack shown without errors
    language: str | None = None  # visitors' default language on this machine, if not the pack's
    pin: dict | None = None  # see kiosk.staff.hash_pin

    @staticmethod
    def path() -> Path:
        return locations.config_dir() / SETTINGS_FILE

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            log.error("settings file %s cannot be read (%s); using defaults", path, e)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known}) if isinstance(data, dict) else cls()

    def save(self) -> None:
        locations.write_json(self.path(), asdict(self))
