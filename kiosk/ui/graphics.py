"""Look at the machine's OpenGL and set the Qt Quick renderer before the first window exists
(the rule is kiosk.core.renderer).

OpenGL is asked its name in a child process (`python -m kiosk.ui.graphics`): a driver, once
loaded, stays in the process that loaded it, and Mesa's software rasteriser brought 40 MB (LLVM)
into a kiosk that then drew without it all day (PSS 218 MB instead of 178 after each boot); and a
driver that crashes takes only the child down. The child takes ≈ 0.3 s, so the answer is kept in
the cache folder for the rest of the boot: drivers change with an update, which comes with a
reboot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

from ..core.renderer import AUTO, SOFTWARE, Choice, choose
from ..system import locations

GL_RENDERER = 0x1F01
CACHE_FILE = "renderer.json"


def pick_renderer(wanted: str = AUTO) -> Choice:
    """Choose the renderer for this machine and tell Qt Quick. Call after the QGuiApplication
    exists and before the first QQuickWindow is made (the start picture's plain window may be
    up already)."""
    platform = QGuiApplication.platformName()
    forced = os.environ.get("QT_QUICK_BACKEND") or None
    needs_probe = wanted == AUTO and not forced and platform != "offscreen"
    choice = choose(wanted, platform, gl_renderer(platform) if needs_probe else None, forced)
    if choice.renderer == SOFTWARE:
        if not forced:
            QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        # No OpenGL for Qt Multimedia either: it would convert each film frame from YUV with
        # OpenGL on the same software rasteriser (Mesa's llvmpipe took a core and a half for a
        # 1080p30 film); with this attribute it converts on the CPU, as it must offscreen.
        QGuiApplication.setAttribute(Qt.ApplicationAttribute.AA_ForceRasterWidgets)
        # Qt's raster engine hands each large fill and image conversion to a pool of threads (two
        # here) and waits for them. Drawing a whole window in software, the hand-offs cost more
        # than they save and take the cores the X server needs: measured on screen (Xvfb, 2 cores,
        # kiosk bench, 246 slides), without the pool slides ran at 62 fps instead of 57 with a
        # longest gap of 39 ms instead of 54, and a navigation took 121 ms of CPU instead of 193.
        # Qt reads this once, when the pool is first wanted: nothing before this point draws
        # enough to want it (the start picture is a plain copy).
        os.environ["QT_NO_GUI_THREADPOOL"] = "1"
    return choice


def gl_renderer(platform: str) -> str | None:
    """What OpenGL calls itself on this machine (GL_RENDERER), or None if it cannot be used."""
    key = f"{qVersion()}|{platform}|{os.environ.get('DISPLAY', '')}|{_boot()}"
    path = locations.cache_dir() / CACHE_FILE
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and cached.get("key") == key:
            return cached.get("gl_renderer")
    except (OSError, ValueError):
        pass
    name = _ask_child(platform)
    try:
        locations.write_json(path, {"key": key, "gl_renderer": name})
    except OSError:
        pass  # only a cache: the next start asks again
    return name


PROBE_SECONDS = 30  # a driver that hangs longer than this counts as no driver


def _ask_child(platform: str) -> str | None:
    """GL_RENDERER as a child process on the same platform sees it; None if it has no OpenGL,
    fails, crashes or hangs."""
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console flashing up
    try:
        done = subprocess.run([sys.executable, "-m", __name__], env=env, capture_output=True, text=True,
                              timeout=PROBE_SECONDS, stdin=subprocess.DEVNULL, creationflags=flags)
    except (OSError, subprocess.TimeoutExpired):
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and name else None


def _ask_opengl() -> str | None:
    context = QOpenGLContext()
    if not context.create():
        return None
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not context.makeCurrent(surface):
            return None
        name = context.functions().glGetString(GL_RENDERER)
        context.doneCurrent()
        return name or None
    finally:
        surface.destroy()


def _boot() -> int:
    """When this machine booted, to the minute: the monotonic clock counts from the boot."""
    return round((time.time() - time.monotonic()) / 60)


if __name__ == "__main__":  # the child of _ask_child
    _app = QGuiApplication(sys.argv[:1])
    print(_ask_opengl() or "", flush=True)
