"""Look at the machine's OpenGL and set the Qt Quick renderer before the first window exists
(the rule is kiosk.core.renderer). Asking OpenGL its name costs ≈ 40 ms, so the answer is kept in the
cache folder for the rest of the boot: drivers change with an update, which comes with a reboot."""

from __future__ import annotations

import json
import os
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
    exists and before any window is made."""
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
    name = _ask_opengl()
    try:
        locations.write_json(path, {"key": key, "gl_renderer": name})
    except OSError:
        pass  # only a cache: the next start asks again
    return name


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
