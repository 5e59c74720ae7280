"""Where the kiosk keeps things on this machine. Plain Python, so the CLI can answer without Qt.

Everything per-machine lives under one base folder: the staff PIN and chosen pack (config), user
packs, logs and caches. `KIOSK_HOME` moves all of it (tests point it at a temporary folder).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

APP = "kiosk"
DEFAULT_PACK = "yongchuan-2022"

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # kiosk/, this file being in kiosk/system/


def _checkout_root() -> Path | None:
    """The source checkout this package runs from (plain or `pip install -e .`), else None.

    A checkout has pyproject.toml, assets/fonts/ and content/ next to kiosk/. An installed kiosk
    (a wheel, pipx) sits in site-packages, where none of them is."""
    root = PACKAGE_DIR.parent
    marks = [root / "pyproject.toml", root / "assets" / "fonts", root / "content"]
    return root if all(mark.exists() for mark in marks) else None


# The bundled fonts and built-in packs. In a checkout they are its own assets/fonts/ and content/
# (so an edit shows at once); an installed kiosk has copies in kiosk/bundled/fonts/ and
# kiosk/bundled/packs/, which pyproject.toml's [tool.hatch.build.targets.wheel] puts in the wheel.
PROJECT_ROOT: Path | None = _checkout_root()  # None when installed: there is no checkout
if PROJECT_ROOT is not None:
    ASSETS_DIR = PROJECT_ROOT / "assets"  # ASSETS_DIR / "fonts": the bundled fonts
    BUILTIN_PACKS_DIR = PROJECT_ROOT / "content"
else:
    ASSETS_DIR = PACKAGE_DIR / "bundled"
    BUILTIN_PACKS_DIR = PACKAGE_DIR / "bundled" / "packs"


def _base(kind: str) -> Path:
    home = os.environ.get("KIOSK_HOME")
    if home:
        return Path(home) / kind
    if sys.platform == "win32":
        root = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(root) / APP / kind
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP / kind
    xdg = {"config": ("XDG_CONFIG_HOME", ".config"), "data": ("XDG_DATA_HOME", ".local/share"),
           "state": ("XDG_STATE_HOME", ".local/state"), "cache": ("XDG_CACHE_HOME", ".cache")}
    var, default = xdg[kind]
    return Path(os.environ.get(var) or Path.home() / default) / APP


def config_dir() -> Path:
    return _base("config")


def data_dir() -> Path:
    """What the machine holds for the show: the user packs, the inbox (kiosk.system.inbox)."""
    return _base("data")


def user_packs_dir() -> Path:
    return data_dir() / "packs"


def state_dir() -> Path:
    """What the running show keeps of its own: logs, the visitor analytics."""
    return _base("state")


def log_dir() -> Path:
    return state_dir() / "log"


def cache_dir() -> Path:
    return _base("cache")


def pack_dirs() -> list[Path]:
    """Where packs are looked for: the bundled ones first, then the user's."""
    return [BUILTIN_PACKS_DIR, user_packs_dir()]


def write_json(path: Path, data: object) -> None:
    """Write `data` to `path` all at once (a power cut leaves the old file or the new one, never
    half of one), readable by this user only: the staff PIN hash is no secret, but there is no
    reason to show it around. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
