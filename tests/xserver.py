"""A private X server (Xvfb) for tests that need a real window: the show as a booth runs it,
through the xcb platform, not the offscreen one. Nothing listens on TCP."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def xvfb(width: int = 1920, height: int = 1080) -> Iterator[str]:
    """Start Xvfb on a free display number and yield its name (":N")."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: python3 tools/dev.py test installs it (Debian package xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp",
         "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()  # written once the server accepts clients
    try:
        if not number:
            pytest.fail(f"Xvfb did not start (exit status {server.wait()})")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


def send_keys(display_name: str, *chords: str) -> None:
    """Press and release key chords such as "Alt+F4" through XTest, as a keyboard would."""
    from Xlib import XK, X, display
    from Xlib.ext import xtest
    d = display.Display(display_name)
    for chord in chords:
        codes = [d.keysym_to_keycode(XK.string_to_keysym(name)) for name in chord.split("+")]
        for code in codes:
            xtest.fake_input(d, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(d, X.KeyRelease, code)
        d.sync()
    d.close()


def ask_windows_to_close(display_name: str) -> int:
    """Send WM_DELETE_WINDOW to every top-level window that takes it, as a window manager's close
    button or Alt+F4 would; return how many were asked."""
    from Xlib import X, display, protocol
    d = display.Display(display_name)
    protocols, delete = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("WM_DELETE_WINDOW")
    asked = 0
    for window in d.screen().root.query_tree().children:
        taken = window.get_wm_protocols() or []
        if delete in taken:
            event = protocol.event.ClientMessage(window=window, client_type=protocols,
                                                 data=(32, [delete, X.CurrentTime, 0, 0, 0]))
            window.send_event(event)
            asked += 1
    d.sync()
    d.close()
    return asked
