"""Which renderer a machine gets: the rule without a window, then the real choice under Xvfb,
whose only OpenGL is Mesa's llvmpipe, a software rasteriser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.renderer import HARDWARE, SOFTWARE, choose

from .support import MINIMAL_PACK
from .xserver import xvfb


@pytest.mark.parametrize("gl, expected", [
    ("llvmpipe (LLVM 15.0.6, 256 bits)", SOFTWARE),
    ("softpipe", SOFTWARE),
    ("Software Rasterizer", SOFTWARE),
    ("GDI Generic", SOFTWARE),
    (None, SOFTWARE),
    ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", HARDWARE),
    ("NVIDIA GeForce RTX 3060/PCIe/SSE2", HARDWARE),
])
def test_auto_picks_software_only_where_opengl_is_a_software_rasteriser(gl, expected):
    assert choose("auto", "xcb", gl).renderer == expected


def test_the_setting_and_the_environment_win():
    assert choose("hardware", "xcb", "llvmpipe").renderer == HARDWARE
    assert choose("software", "xcb", "NVIDIA").renderer == SOFTWARE
    assert choose("auto", "xcb", "NVIDIA", forced_by_env="software").why == "QT_QUICK_BACKEND=software is set"
    assert choose("auto", "offscreen", None).renderer == SOFTWARE


def first_frame_log(home: Path, display: str, *args: str) -> str:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "KIOSK_HOME": str(home)}
    env.pop("QT_QUICK_BACKEND", None)  # the tests' default; a booth has none
    done = subprocess.run([sys.executable, "-m", "kiosk", "run", str(MINIMAL_PACK), "--windowed",
                           "--exit-after-first-frame", *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return (home / "state" / "log" / "kiosk.log").read_text(encoding="utf-8")


def test_under_xvfb_the_software_renderer_is_chosen_and_said_why(tmp_path):
    with xvfb() as display:
        log = first_frame_log(tmp_path / "auto", display)
        assert "renderer chosen: software (OpenGL here is 'llvmpipe" in log, log
        assert "renderer: Software" in log
        log = first_frame_log(tmp_path / "hardware", display, "--renderer", "hardware")
        assert "renderer chosen: hardware (chosen in the settings or on the command line)" in log
        assert "renderer: OpenGL on Mesa/X.org llvmpipe" in log


PICK = """
import sys
from PySide6.QtGui import QGuiApplication
from kiosk.ui.graphics import pick_renderer
app = QGuiApplication(sys.argv[:1])
print(pick_renderer().renderer)
maps = open("/proc/self/maps").read()
print("driver loaded here" if "swrast" in maps or "LLVM" in maps else "no driver here")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_opengl_is_asked_in_a_child_so_its_driver_never_loads_into_the_kiosk(tmp_path):
    """Mesa's llvmpipe, once loaded, stayed in the kiosk all day: 40 MB of PSS after each boot."""
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "KIOSK_HOME": str(tmp_path)}
        env.pop("QT_QUICK_BACKEND", None)
        for run in ("asks a child", "reads the cache"):
            done = subprocess.run([sys.executable, "-c", PICK], env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr[-2000:]
            assert done.stdout.split() == ["software", "no", "driver", "here"], (run, done.stdout)
            assert "llvmpipe" in (tmp_path / "cache" / "renderer.json").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="stands in for the child with shell scripts")
def test_a_child_that_fails_or_hangs_means_no_opengl(tmp_path, monkeypatch):
    from kiosk.ui import graphics
    monkeypatch.setattr(sys, "executable", "/bin/false")
    assert graphics._ask_child("xcb") is None
    hang = tmp_path / "hang"
    hang.write_text("#!/bin/sh\nsleep 30\n")
    hang.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(hang))
    monkeypatch.setattr(graphics, "PROBE_SECONDS", 0.5)
    assert graphics._ask_child("xcb") is None
    assert choose("auto", "xcb", None).why == "no OpenGL driver could be used"


POOL = """
import pathlib, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from kiosk.ui.graphics import pick_renderer
app = QGuiApplication(sys.argv[:1])
pick_renderer(sys.argv[1])
image = QImage(2000, 2000, QImage.Format.Format_ARGB32_Premultiplied)
image.fill(0xFF336699)
image.scaled(1000, 1000, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
names = [task.read_text().strip() for task in pathlib.Path("/proc/self/task").glob("*/comm")]
print(names.count("Thread (pooled)"))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/task")
def test_drawing_in_software_keeps_qt_s_image_work_on_the_thread_that_asks(tmp_path):
    """Qt's pool of threads for image work cost the software renderer more than it saved (slides
    and CPU: kiosk.ui.graphics). The same smooth scale of a big image that starts the pool's
    threads with a hardware renderer starts none in software."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QUICK_BACKEND", "QT_NO_GUI_THREADPOOL")}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_HOME=str(tmp_path))
    pooled = {}
    for renderer in ("hardware", "software"):
        done = subprocess.run([sys.executable, "-c", POOL, renderer], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        pooled[renderer] = int(done.stdout)
    assert pooled["hardware"] > 0 and pooled["software"] == 0, pooled
