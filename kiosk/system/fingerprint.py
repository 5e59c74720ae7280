"""What a folder's load depends on, cheaply: the path, size and modification time of each of its
files, and of the kiosk's own code. Plain Python with nothing heavy to import, because the start
picture (kiosk.system.startpicture) asks it before the content model is loaded; the pack cache
(kiosk.system.packcache) asks it too."""

from __future__ import annotations

import os
from pathlib import Path

from .. import __version__

CODE_DIR = Path(__file__).resolve().parent.parent  # the kiosk package


def files(folder: Path, suffix: str = "") -> list[tuple[str, int, int]]:
    """Each file in `folder` and below whose name ends in `suffix`, with its size and modification
    time."""
    found = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(suffix):
                path = os.path.join(top, name)
                try:
                    stat = os.stat(path)
                except OSError:  # a link to nothing, a file gone as it is read: the load says what is wrong
                    found.append((os.path.relpath(path, folder), -1, -1))
                    continue
                found.append((os.path.relpath(path, folder), stat.st_size, stat.st_mtime_ns))
    return found


def fingerprint(folder: Path, code: str = ".py") -> tuple[object, ...]:
    """What a load of `folder` depends on: where it is, its files and the code that reads and
    checks them (the kiosk's files ending in `code`: "" for all, QML and icons too)."""
    return str(folder.resolve()), __version__, files(CODE_DIR, code), files(folder)
