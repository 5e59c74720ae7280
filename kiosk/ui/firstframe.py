"""`kiosk run --exit-after-first-frame`: the line that tells `kiosk bench` (and the installed-package
test) when the first frame was drawn, and with how much memory; then the show ends."""

from __future__ import annotations

import time

from PySide6.QtGui import QGuiApplication

from ..system.memory import rss_mb

FIRST_FRAME_MARK = "KIOSK_FIRST_FRAME"


def report_first_frame(app: QGuiApplication) -> None:
    print(f"{FIRST_FRAME_MARK} {time.time():.4f} {rss_mb() or 0:.1f}", flush=True)
    app.exit(0)  # not quit(): a locked-down window refuses to close, and quit() asks it
