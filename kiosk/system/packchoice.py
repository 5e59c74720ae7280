"""Which pack the show starts on. Plain Python.

In order: the one named on the command line, else the one staff chose; if that is gone or has
errors, the last pack that was shown without errors; then the bundled default. A broken pack never
replaces a working one, and the log says why a pack was passed over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.folders import NotAPackFolder
from . import locations
from .settings import Settings

if TYPE_CHECKING:  # not at import: the start picture is shown before the content format loads
    from ..content import LoadResult

log = logging.getLogger(__name__)


def start_candidates(explicit: Path | None, settings: Settings) -> list[tuple[str, Path]]:
    chosen = [("named on the command line", explicit)] if explicit else []
    if not explicit and settings.pack:
        chosen.append(("chosen by staff", Path(settings.pack)))
    if settings.last_good_pack:
        chosen.append(("last shown without errors", Path(settings.last_good_pack)))
    chosen.append(("the default pack", locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK))
    return chosen


def pick_pack(candidates: list[tuple[str, Path]], load: Callable[[Path], LoadResult]
              ) -> tuple[LoadResult | None, list[str]]:
    """The first candidate that loads without errors, and why each one before it was skipped."""
    skipped: list[str] = []
    seen: set[Path] = set()
    for why, folder in candidates:
        if folder.resolve() in seen:
            continue
        seen.add(folder.resolve())
        try:
            result = load(folder)
        except NotAPackFolder:
            skipped.append(f"{folder} ({why}) is gone")
            continue
        except Exception:  # a fault in the checking code, not in the pack: the show starts on the next one
            log.exception("checking the pack %s failed", folder)
            skipped.append(f"{folder} ({why}) could not be checked (a fault of the kiosk's, in the log)")
            continue
        if result.ok:
            return result, skipped
        first = result.errors[0].format(str(folder))
        skipped.append(f"{folder} ({why}) has {len(result.errors)} error(s), first: {first}")
    return None, skipped
