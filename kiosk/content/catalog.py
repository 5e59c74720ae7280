"""What staff see of a pack before choosing it (kiosk.content.folders finds the packs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Text
from .pack import ImageCheck, load_pack
from .video import VideoProbe


@dataclass
class PackInfo:
    """What staff see about a pack before choosing it."""

    folder: Path
    id: str
    title: Text | None
    languages: list[str]
    modified: float  # newest file's modification time (seconds since the epoch)
    errors: list[str]  # all errors, formatted file:line:col: ...
    warnings: int

    @property
    def ok(self) -> bool:
        return not self.errors


def describe_pack(folder: Path, check_image: ImageCheck | None = None,
                  probe_video: VideoProbe | None = None) -> PackInfo:
    result = load_pack(folder, check_image, probe_video)
    return PackInfo(
        folder=folder, id=result.id or folder.name, title=result.title, languages=result.languages,
        modified=last_change(folder), errors=[p.format() for p in result.errors],
        warnings=len(result.warnings),
    )


def last_change(folder: Path) -> float:
    times = [p.stat().st_mtime for p in folder.rglob("*") if p.is_file()]
    return max(times, default=folder.stat().st_mtime)
