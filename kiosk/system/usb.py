"""Packs on a USB stick: where removable drives are mounted, and the packs on them (a pack folder
or a .zip of one, at the stick's top or one folder down). Plain Python. Nothing on a stick is ever
run: the staff menu offers what it finds, and a pack staff choose is copied in through the same
checks as the inbox (kiosk.system.inbox.take)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..content.folders import PACK_FILE

LINUX_ROOTS = (Path("/media"), Path("/run/media"))  # udisks mounts sticks at /media/USER/LABEL


def mounts() -> list[Path]:
    """The removable drives mounted now."""
    if sys.platform == "win32":
        return _windows_removable()
    found: list[Path] = []
    for root in LINUX_ROOTS:
        for entry in _folders(root):
            # /media/LABEL (some automounters) or /media/USER/LABEL (udisks)
            found += [entry] if os.path.ismount(entry) else [c for c in _folders(entry) if os.path.ismount(c)]
    return found


def _folders(path: Path) -> list[Path]:
    """The folders in `path`; none where it cannot be read (another user's /media/USER)."""
    try:
        return sorted(p for p in path.iterdir() if p.is_dir())
    except OSError:
        return []


def _windows_removable() -> list[Path]:
    import ctypes
    import string
    drive_removable = 2
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    return [Path(f"{letter}:\\") for i, letter in enumerate(string.ascii_uppercase)
            if mask >> i & 1 and kernel.GetDriveTypeW(f"{letter}:\\") == drive_removable]


def packs_on(stick: Path) -> list[Path]:
    """Pack folders and zips at the top of `stick` or one folder down."""
    found: list[Path] = []
    try:
        for entry in sorted(stick.iterdir()):
            if entry.name.startswith("."):
                continue
            if entry.is_dir() and (entry / PACK_FILE).is_file():
                found.append(entry)
            elif entry.suffix.lower() == ".zip" and entry.is_file():
                found.append(entry)
            elif entry.is_dir():
                found += [p for p in sorted(entry.iterdir()) if not p.name.startswith(".") and (
                    (p.is_dir() and (p / PACK_FILE).is_file()) or (p.suffix.lower() == ".zip" and p.is_file()))]
    except OSError:
        pass  # pulled out while it was looked at
    return found
