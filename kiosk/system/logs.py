"""Logging: a rotating file in the per-machine log folder, plus the console in rehearsal."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from . import locations

LOG_FILE = "kiosk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(console: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    folder = locations.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # 5 x 2 MB: days of a show's log, and never a full disk on a kiosk PC.
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    except OSError as e:  # a read-only disk must not stop the show
        print(f"kiosk: cannot write logs to {folder}: {e}", file=sys.stderr)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
