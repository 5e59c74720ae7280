"""What the show keeps loaded from its start: nothing it has no use for. OpenSSL (3.4 MB of its
memory, PSS) is loaded only where a file or a PIN is hashed, never by `kiosk run` on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .support import HANG, MINIMAL_PACK, wait_for_line
from .xserver import xvfb


def test_the_running_show_has_not_loaded_openssl(kiosk_home: Path):
    log = kiosk_home / "state" / "log" / "kiosk.log"
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        show = subprocess.Popen([sys.executable, "-m", "kiosk", "run", str(MINIMAL_PACK)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # Taken a second after the first frame, when all that starts after it (the inbox, the
            # status, the schedule) has started.
            wait_for_line(log, "start picture kept", show)
            mapped = Path(f"/proc/{show.pid}/maps").read_text(encoding="utf-8")
        finally:
            show.terminate()
            show.wait(HANG)
    assert "/usr/lib" in mapped or "site-packages" in mapped, "the maps of the running show were read"
    assert "libcrypto" not in mapped and "_hashlib" not in mapped
