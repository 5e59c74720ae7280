"""Which Qt Quick renderer a machine gets, and why. Plain Python: the facts are gathered by
kiosk.ui.graphics.

On a machine without a usable GPU driver (a VM, a thin client, a remote-desktop preview) the only
OpenGL is a software rasteriser (Mesa's llvmpipe, Windows' GDI Generic), and Qt Quick on it is the
slowest choice there is: measured under Xvfb on a 2-core machine, slides at 21 fps and 1.1 s of CPU
per navigation, against 48 fps and 0.55 s with Qt Quick's own software renderer, which draws the
same pictures (the kiosk uses no shader effects it would drop). With a real GPU, Qt's default
(OpenGL, Vulkan, Direct3D) is the fast one.
"""

from __future__ import annotations

from dataclasses import dataclass

AUTO, SOFTWARE, HARDWARE = "auto", "software", "hardware"
CHOICES = (AUTO, SOFTWARE, HARDWARE)
# What GL_RENDERER says on the rasterisers that draw with the CPU.
SOFTWARE_RASTERISERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer", "gdi generic",
                        "microsoft basic render driver")


@dataclass(frozen=True)
class Choice:
    renderer: str  # SOFTWARE or HARDWARE
    why: str

    def __str__(self) -> str:
        return f"{self.renderer} ({self.why})"


def choose(wanted: str, platform: str, gl_renderer: str | None, forced_by_env: str | None = None) -> Choice:
    """`wanted` is the machine setting or the command line (auto, software, hardware);
    `gl_renderer` what OpenGL calls itself here (None: no OpenGL context could be made);
    `forced_by_env` a QT_QUICK_BACKEND someone set by hand, which Qt obeys whatever we say."""
    if forced_by_env:
        renderer = SOFTWARE if forced_by_env == "software" else HARDWARE
        return Choice(renderer, f"QT_QUICK_BACKEND={forced_by_env} is set")
    if wanted == SOFTWARE:
        return Choice(SOFTWARE, "chosen in the settings or on the command line")
    if wanted == HARDWARE:
        return Choice(HARDWARE, "chosen in the settings or on the command line")
    if platform == "offscreen":
        return Choice(SOFTWARE, "offscreen: no screen to draw on")
    if gl_renderer is None:
        return Choice(SOFTWARE, "no OpenGL driver could be used")
    if any(name in gl_renderer.lower() for name in SOFTWARE_RASTERISERS):
        return Choice(SOFTWARE, f"OpenGL here is '{gl_renderer}', a software rasteriser")
    return Choice(HARDWARE, f"a graphics driver: '{gl_renderer}'")
