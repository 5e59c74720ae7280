"""Fleet status: each running kiosk writes a small JSON file about itself every minute into its
status folder, which a sync engine carries to the operator's machine (deploy/syncthing/); there
`kiosk fleet status` reads them all. Plain Python; no server of ours."""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from . import locations

STATUS_SECONDS = 60  # how often a kiosk writes its status
STALE_SECONDS = 3 * STATUS_SECONDS  # a status older than this: the kiosk is off, or cut off
IGNORE = ".stignore"  # Syncthing's ignore file: our temporary files are never sent half written


def default_status_dir() -> Path:
    return locations.data_dir() / "status"


def write_status(folder: Path, record: dict[str, Any]) -> Path:
    """`folder/<host>.json`, replaced at once (written aside, then renamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / IGNORE
    if not ignore.exists():
        ignore.write_text("*.tmp\n", encoding="utf-8")
    path = folder / f"{record['host']}.json"
    tmp = folder / f".{record['host']}.json.tmp"
    tmp.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def record(*, pack: str, version: str | None, since: float, started: float, last_visitor: float | None,
           errors: list[str], now: float | None = None) -> dict[str, Any]:
    """What a kiosk says of itself."""
    now = time.time() if now is None else now
    try:
        free = shutil.disk_usage(locations.data_dir() if locations.data_dir().exists() else Path.home()).free
    except OSError:
        free = None
    return {"host": socket.gethostname(), "pack": pack, "version": version, "since": since,
            "started": started, "last_visitor": last_visitor, "errors": errors,
            "free_disk_mb": None if free is None else free // (1 << 20), "written": now}


def read_statuses(folder: Path) -> list[dict[str, Any]]:
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # being replaced, or not one of ours
        if isinstance(data, dict) and "host" in data:
            found.append(data)
    return found


def _when(epoch: object) -> str:
    return datetime.fromtimestamp(epoch).strftime("%m-%d %H:%M") if isinstance(epoch, (int, float)) else "-"


def _span(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 86400}d {seconds % 86400 // 3600}h" if seconds >= 86400 else \
        f"{seconds // 3600}h {seconds % 3600 // 60}m"


def table(statuses: list[dict[str, Any]], now: float | None = None) -> list[str]:
    """One line per kiosk, for `kiosk fleet status`."""
    now = time.time() if now is None else now
    rows = [("host", "pack", "version", "since", "uptime", "last visitor", "free disk", "status")]
    for s in sorted(statuses, key=lambda s: str(s.get("host"))):
        written = s.get("written") or 0
        stale = now - written > STALE_SECONDS
        errors = s.get("errors") or []
        state = f"not heard of since {_when(written)}" if stale else ("; ".join(errors) if errors else "ok")
        free = s.get("free_disk_mb")
        rows.append((str(s.get("host")), str(s.get("pack")), str(s.get("version") or "-"), _when(s.get("since")),
                     _span(now - s["started"]) if isinstance(s.get("started"), (int, float)) else "-",
                     _when(s.get("last_visitor")), f"{free / 1024:.1f} GB" if isinstance(free, int) else "-",
                     state))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows]
