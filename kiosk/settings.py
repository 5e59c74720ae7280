"""This machine's settings: the chosen pack, the last pack that was shown without errors, the
visitors' default language, and the staff PIN hash. A JSON file in the per-machine config folder,
outside every pack, written atomically so a power cut never leaves half a file."""

from __future__ import annotations

import json
import logging
import os
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
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        # Owner-only: the PIN hash is no secret, but there is no reason to show it around.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
