"""The last good load of each pack, kept so that the show starts without reading its YAML again.

Reading a pack (YAML, checks, the model) costs each start of the show about 20 ms, and importing
the YAML reader 25 ms more, for a pack that is the same as yesterday's. A pack that loaded without
an error is kept here, pickled, with a fingerprint of every file in its folder (path, size,
modification time) and of the kiosk's own code; when either differs, the pack is read again.
Only `kiosk run` uses it: `kiosk validate` always reads everything. It lives in the machine's
cache folder, written by the kiosk alone, so unpickling it trusts no one else's file.
"""

from __future__ import annotations

import logging
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path

from ..content import LoadResult
from . import locations
from .fingerprint import fingerprint

log = logging.getLogger(__name__)


def cache_file(folder: Path) -> Path:
    # A short name for the folder; two folders that share it only take turns (the fingerprint
    # holds the folder). Not hashlib: loading OpenSSL would cost the start 4 ms.
    key = zlib.crc32(str(folder.resolve()).encode())
    return locations.cache_dir() / "packs" / f"{key:08x}.pickle"


def load_cached(folder: Path, read: Callable[[Path], LoadResult]) -> LoadResult:
    """`read(folder)`, or what it returned last time if nothing it depends on has changed."""
    stamp = fingerprint(folder) if folder.is_dir() else None
    path = cache_file(folder)
    if stamp is not None:
        try:
            with path.open("rb") as f:
                kept_stamp, kept = pickle.load(f)
            if kept_stamp == stamp and isinstance(kept, LoadResult):
                return kept
        except FileNotFoundError:
            pass
        except Exception as e:  # damaged or from another version: read the pack
            log.info("pack cache %s not used (%s)", path, type(e).__name__)
    result = read(folder)  # NotAPackFolder goes to the caller, as without the cache
    if result.ok and stamp is not None:
        _keep(path, stamp, result)
    return result


def _keep(path: Path, stamp: tuple[object, ...], result: LoadResult) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_suffix(".tmp")
        with scratch.open("wb") as f:
            pickle.dump((stamp, result), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(scratch, path)
    except OSError as e:  # only a cache: the next start reads the pack
        log.info("cannot keep pack cache %s: %s", path, e)
