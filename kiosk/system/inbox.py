"""Packs that arrive by themselves: a folder the kiosk watches (its inbox), filled by hand, from a
USB stick or by a sync engine (Syncthing, see deploy/README.md). Plain Python; the running show
(kiosk.ui.inbox) asks it every few seconds and switches to what it installs at the next moment
nobody is at the screen.

A pack in the inbox is a folder, or a .zip of one. It is taken only once it has stopped changing
for STABLE_SECONDS (a copy in progress, file by file, is never picked up half done; nor is
anything beside a sync engine's temporary file), then copied to a staging folder, checked
against its manifest when it has one (`kiosk pack` writes it: every file with its size and
SHA-256), validated in full by the caller (images and films included), and installed into the
user packs folder with a rename, the version it replaces kept beside it for a rollback. A pack
that fails any step is refused with the reason; the inbox is never written to (a receive-only
sync folder must stay as the operator sent it), so what was taken is remembered in the state
folder, by its fingerprint, and taken again only once it changes.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..content.folders import KEPT_SUFFIX as PREVIOUS  # the version kept for a rollback
from . import locations

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
STABLE_SECONDS = 10.0  # unchanged this long, a copy is complete
# Files a copy or a sync leaves while it is at work: a folder holding one is not complete.
IN_PROGRESS = (".syncthing.", "~syncthing~", ".part", ".partial", ".tmp", ".crdownload")
MAX_ZIP_BYTES = 4 << 30  # unpacked; a booth pack with films is well under this
MAX_ZIP_FILES = 20_000

Fingerprint = tuple[tuple[str, int, int], ...]


def default_inbox() -> Path:
    return locations.data_dir() / "inbox"


def staging_dir() -> Path:
    return locations.data_dir() / "staging"


# --- manifests ----------------------------------------------------------------------------------


# hashlib is imported where a file is hashed: it loads OpenSSL, 3.4 MB of the show's memory
# (PSS) from its start, and most days no pack arrives.
def _digest(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)


def write_manifest(folder: Path, version: str) -> Path:
    """`folder/manifest.json`: the pack's version and every file with its size and SHA-256."""
    files = {p.relative_to(folder).as_posix(): {"size": p.stat().st_size, "sha256": _digest(p)}
             for p in _files(folder)}
    path = folder / MANIFEST
    path.write_text(json.dumps({"version": version, "files": files}, indent=1, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path


def manifest_problems(folder: Path) -> list[str]:
    """What does not match the pack's manifest; nothing if it matches or there is none."""
    path = folder / MANIFEST
    if not path.exists():
        return []
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        listed = manifest["files"]
        assert isinstance(listed, dict)
    except (OSError, ValueError, KeyError, AssertionError, TypeError):
        return [f"{MANIFEST} cannot be read: write it again with kiosk pack"]
    problems = []
    present = {p.relative_to(folder).as_posix(): p for p in _files(folder)}
    for name, facts in sorted(listed.items()):
        file = present.get(name)
        if file is None:
            problems.append(f"{name}: listed in {MANIFEST} but missing")
        elif not isinstance(facts, dict) or file.stat().st_size != facts.get("size"):
            problems.append(f"{name}: not the size {MANIFEST} gives (copied only in part?)")
        elif _digest(file) != facts.get("sha256"):
            problems.append(f"{name}: its content differs from {MANIFEST} (changed or damaged)")
    problems += [f"{name}: not listed in {MANIFEST}" for name in sorted(set(present) - set(listed))]
    return problems


def manifest_version(folder: Path) -> str | None:
    try:
        version = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    return str(version) if version is not None else None


# --- the inbox ----------------------------------------------------------------------------------


def fingerprint(entry: Path) -> Fingerprint | None:
    """What changes whenever a copy into `entry` goes on; None while a file in it is still being
    written by a sync engine or a browser (their temporary names)."""
    try:
        if entry.is_file():
            st = entry.stat()
            return (("", st.st_size, st.st_mtime_ns),)
        found = []
        for p in sorted(entry.rglob("*")):
            if any(mark in p.name for mark in IN_PROGRESS):
                return None
            if p.is_file():
                st = p.stat()
                found.append((p.relative_to(entry).as_posix(), st.st_size, st.st_mtime_ns))
        return tuple(found)
    except OSError:  # it went away, or changed, while it was looked at
        return None


@dataclass
class _Seen:
    fingerprint: Fingerprint
    since: float


@dataclass
class Inbox:
    folder: Path
    clock: Callable[[], float] = time.monotonic
    stable: float = STABLE_SECONDS
    taken: dict[str, Fingerprint] = field(default_factory=dict)  # name -> what was taken of it
    _seen: dict[str, _Seen] = field(default_factory=dict)

    def ready(self) -> list[Path]:
        """The packs that arrived and stopped changing, not taken before as they are now."""
        now = self.clock()
        try:
            entries = sorted(p for p in self.folder.iterdir()
                             if not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() == ".zip"))
        except OSError:
            return []
        ready = []
        for entry in entries:
            current = fingerprint(entry)
            seen = self._seen.get(entry.name)
            if not current:  # being written, or empty so far
                self._seen.pop(entry.name, None)
                continue
            if seen is None or seen.fingerprint != current:
                self._seen[entry.name] = _Seen(current, now)
                continue
            if now - seen.since >= self.stable and self.taken.get(entry.name) != current:
                ready.append(entry)
        return ready

    def took(self, entry: Path) -> None:
        """`entry` was taken (installed or refused): not again until it changes."""
        seen = self._seen.get(entry.name)
        if seen is not None:
            self.taken[entry.name] = seen.fingerprint


# --- taking a pack ------------------------------------------------------------------------------


class Refused(Exception):
    """The pack is not installed; the message says why."""


def stage(source: Path, staging: Path) -> Path:
    """A copy of the arrived pack in a new folder under `staging`: a folder copied, a zip
    unpacked (its entries checked: no path out of the folder, no link, bounded size)."""
    staging.mkdir(parents=True, exist_ok=True)
    target = staging / f"{source.stem}-{time.time_ns()}"
    try:
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True)
            return target
        with zipfile.ZipFile(source) as z:
            infos = z.infolist()
            if len(infos) > MAX_ZIP_FILES or sum(i.file_size for i in infos) > MAX_ZIP_BYTES:
                raise Refused(f"{source.name}: too big a zip for a pack")
            for info in infos:
                name = PurePosixPath(info.filename)
                if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
                    raise Refused(f"{source.name}: '{info.filename}' would be written outside the pack")
                if (info.external_attr >> 16) & 0o170000 == 0o120000:
                    raise Refused(f"{source.name}: '{info.filename}' is a link; a pack holds files only")
            z.extractall(target)
    except (OSError, zipfile.BadZipFile) as e:
        shutil.rmtree(target, ignore_errors=True)
        raise Refused(f"{source.name}: cannot be read ({e.__class__.__name__}: {e})") from None
    except Refused:
        shutil.rmtree(target, ignore_errors=True)
        raise
    # A zip of a pack's folder holds that folder: the pack is inside it.
    inner = [p for p in target.iterdir() if not p.name.startswith("__MACOSX")]
    if len(inner) == 1 and inner[0].is_dir() and not (target / "pack.yaml").exists():
        unwrapped = target.with_name(target.name + "-pack")
        os.replace(inner[0], unwrapped)
        shutil.rmtree(target)
        return unwrapped
    return target


def install(staged: Path, packs_dir: Path, pack_id: str) -> Path:
    """Put the staged pack in place as `packs_dir/<pack_id>`, each step a rename: the version
    it replaces becomes `<pack_id>.previous` (the one before that is deleted)."""
    packs_dir.mkdir(parents=True, exist_ok=True)
    current, previous = packs_dir / pack_id, packs_dir / f"{pack_id}{PREVIOUS}"
    # Into the same file system first, so that the last step is one rename.
    arrived = packs_dir / f".{pack_id}.arriving-{time.time_ns()}"
    shutil.move(str(staged), arrived)
    if current.exists():
        if previous.exists():
            shutil.rmtree(previous)
        os.replace(current, previous)
    os.replace(arrived, current)
    return current


def rollback(packs_dir: Path, pack_id: str) -> Path:
    """Swap a pack and the version it replaced."""
    current, previous = packs_dir / pack_id, packs_dir / f"{pack_id}{PREVIOUS}"
    if not previous.is_dir():
        raise Refused(f"no earlier version of {pack_id} is kept")
    swap = packs_dir / f".{pack_id}.swap-{time.time_ns()}"
    os.replace(current, swap)
    os.replace(previous, current)
    os.replace(swap, previous)
    return current


@dataclass
class Taken:
    """What became of one arrival: installed (`folder`), or refused (`problems`)."""

    source: str
    pack_id: str | None = None
    version: str | None = None
    folder: Path | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.folder is not None

    def __str__(self) -> str:
        if self.ok:
            return f"{self.source}: pack {self.pack_id}" + (f" version {self.version}" if self.version else "") \
                + " installed"
        return f"{self.source}: refused: " + "; ".join(self.problems[:3]) \
            + (f" (and {len(self.problems) - 3} more)" if len(self.problems) > 3 else "")


def take(source: Path, check: Callable[[Path], tuple[str | None, list[str]]],
         packs_dir: Path | None = None, staging: Path | None = None) -> Taken:
    """Stage, verify, validate and install one arrival. `check(folder)` validates a pack in full
    and gives its id and its errors (`file:line: message`); it is passed in, as reading images
    and films needs Qt in a worker."""
    packs_dir = packs_dir or locations.user_packs_dir()
    taken = Taken(source.name)
    try:
        staged = stage(source, staging or staging_dir())
    except Refused as e:
        taken.problems = [str(e)]
        return taken
    try:
        taken.version = manifest_version(staged)
        taken.problems = manifest_problems(staged)
        if not taken.problems:
            taken.pack_id, taken.problems = check(staged)
        if not taken.problems and taken.pack_id:
            taken.folder = install(staged, packs_dir, taken.pack_id)
    except OSError as e:
        taken.problems = [f"cannot install: {e}"]
    finally:
        if not taken.ok:
            shutil.rmtree(staged, ignore_errors=True)
    if taken.ok:
        log.info("inbox: %s", taken)
    else:
        log.error("inbox: %s", taken)
    return taken
