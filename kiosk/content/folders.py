"""Where packs are: the folders that hold a pack.yaml, and a pack named by id or by path.

Light on purpose: `kiosk run` finds its pack before the start picture is on the screen, and the
content format (model, loading, checks) is loaded only after that (kiosk.content's __init__). Only
a pack named by an id that is not its folder's name costs a YAML read here."""

from __future__ import annotations

from pathlib import Path

PACK_FILE = "pack.yaml"
# A pack's version before the one installed from the inbox (kiosk.system.inbox), kept for a
# rollback: not a pack of its own to list or choose.
KEPT_SUFFIX = ".previous"


class NotAPackFolder(Exception):
    """The path given is not a folder at all: a usage error, not a content problem."""


def find_pack_folders(dirs: list[Path]) -> list[Path]:
    """Pack folders directly inside each of `dirs`, in order, skipping dirs that do not exist,
    versions kept for a rollback and folders being installed (hidden)."""
    found = []
    for d in dirs:
        if d.is_dir():
            found.extend(sorted(p for p in d.iterdir() if (p / PACK_FILE).is_file()
                                and not p.name.startswith(".") and not p.name.endswith(KEPT_SUFFIX)))
    return found


def declared_id(folder: Path) -> str | None:
    """The `id` written in a folder's pack.yaml, or None if it cannot be read."""
    from .problems import Problems
    from .yamlsource import load_yaml  # not at import: see pack.py

    node = load_yaml(folder / PACK_FILE, PACK_FILE, Problems())
    if node is None or not node.is_mapping or "id" not in node.value:
        return None
    value = node.value["id"].value
    return value if isinstance(value, str) else None


def resolve_pack(name: str, dirs: list[Path]) -> Path | None:
    """A pack given as a path (absolute, relative, or anything with a '/'), or as the folder
    name or else the pack id of a pack in one of `dirs` (earlier dirs win). Folder names are
    looked at first: they need no YAML read, and usually are the id."""
    as_path = Path(name).expanduser()
    if as_path.is_dir() and (as_path / PACK_FILE).exists():
        return as_path
    if "/" in name or "\\" in name:
        return as_path if as_path.is_dir() else None
    folders = find_pack_folders(dirs)
    for folder in folders:
        if folder.name == name:
            return folder
    for folder in folders:
        if declared_id(folder) == name:
            return folder
    return None
