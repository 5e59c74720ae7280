"""Turning the booth's screen off and on again (a `screen: off` rule in the schedule), where the
platform lets a program do it; Qt has no call for it. Plain Python.

- X11 (Xorg): DPMS, with `xset dpms force off|on` (Debian package x11-xserver-utils, which the
  deploy set-up installs). `force` switches DPMS on as it goes (xset's own code), so after
  `force on` comes `xset -dpms`: else Xorg's timeouts (10 minutes by default) would blank the show
  by day; the deploy set-up turns DPMS off for the same reason.
- Windows: the monitor power message (SC_MONITORPOWER) that the screen saver uses.
- Anything else (a Wayland compositor such as cage, a Raspberry Pi's firmware): the commands in
  settings.json, `screen_off_command` and `screen_on_command`, e.g. ["wlr-randr", "--output",
  "HDMI-A-1", "--off"]. They also replace the platform's way where they are given.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence

COMMAND_WITHIN = 10.0  # seconds a command may take


class ScreenPower:
    def __init__(self, off_command: Sequence[str] | None = None, on_command: Sequence[str] | None = None,
                 environ: Mapping[str, str] = os.environ, which: Callable[[str], str | None] = shutil.which,
                 platform: str = sys.platform):
        self.commands: dict[bool, list[list[str]]] | None = None  # run in turn, for off and for on
        if off_command and on_command:
            self.commands = {False: [list(off_command)], True: [list(on_command)]}
        elif platform != "win32" and environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY") and which("xset"):
            self.commands = {False: [["xset", "dpms", "force", "off"]],
                             True: [["xset", "dpms", "force", "on"], ["xset", "-dpms"]]}
        self.windows = self.commands is None and platform == "win32"

    def set(self, on: bool) -> str | None:
        """Turn the screen on or off: None when done, else why it could not be."""
        if self.windows:
            return _monitor_power(on)
        if self.commands is None:
            return ("this platform gives no way to turn the screen off: set \"screen_off_command\" and "
                    "\"screen_on_command\" in settings.json")
        for command in self.commands[on]:
            if (why := _run(command)) is not None:
                return why
        return None


def _run(command: list[str]) -> str | None:
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=COMMAND_WITHIN, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"`{' '.join(command)}` could not run: {e}"
    said = done.stderr.decode(errors="replace").strip().splitlines()
    # xset says "server does not have extension for dpms option" and exits 0 (Xvfb, some
    # virtual displays): a complaint is a failure, whatever the exit status.
    if done.returncode != 0 or said:
        return f"`{' '.join(command)}` failed (exit status {done.returncode}){': ' + said[0] if said else ''}"
    return None


def _monitor_power(on: bool) -> str | None:
    import ctypes  # Windows only

    hwnd_broadcast, wm_syscommand, sc_monitorpower = 0xFFFF, 0x0112, 0xF170
    # PostMessage rather than SendMessage: a window that does not answer cannot stop the show.
    posted = ctypes.windll.user32.PostMessageW(hwnd_broadcast, wm_syscommand, sc_monitorpower,  # type: ignore[attr-defined]
                                               -1 if on else 2)
    return None if posted else "Windows refused the monitor power message"
