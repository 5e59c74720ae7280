"""Resolve a path written in a pack to a file inside that pack, or say why it is refused.

Nothing outside the pack folder is ever read: absolute paths, '..' that climbs out, and symbolic
links that point out are all refused, whatever the file behind them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath, PureWindowsPath

from .problems import did_you_mean


class PathRefused(ValueError):
    """The path cannot be used; the message says why, for a content editor."""


def resolve_in_pack(root: Path, written: str) -> Path:
    """The real file inside `root` that `written` names; raises PathRefused otherwise."""
    if not written.strip():
        raise PathRefused("the path is empty")
    if "\\" in written:
        raise PathRefused(f"'{written}': use '/' between folders, not '\\'")
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).drive:
        raise PathRefused(f"'{written}' is an absolute path; give a path inside the pack folder, "
                          "like images/photo.jpg")
    if posixpath.normpath(written).split("/")[0] == "..":
        raise PathRefused(f"'{written}' leaves the pack folder; files must be inside it")
    base = root.resolve()
    target = root / written
    real = target.resolve()
    if not real.is_relative_to(base):
        raise PathRefused(f"'{written}' is a link to a file outside the pack folder")
    if not target.exists():
        siblings = [p.name for p in target.parent.iterdir()] if target.parent.is_dir() else []
        # Suggested as the editor would write it (images/pic.png), not as a bare file name.
        hint = did_you_mean(target.name, siblings, folder=posixpath.dirname(written))
        raise PathRefused(f"file not found: '{written}'{hint}")
    if not real.is_file():
        raise PathRefused(f"'{written}' is not a file")
    return real
