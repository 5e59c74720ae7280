"""`kiosk bench` end to end, black box, quickly: the kiosk in its own process on a private Xvfb, a
few taps on the minimal pack, and every figure there and sane. Figures only, never timing limits:
this machine is shared with the rest of the suite."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

from .support import MINIMAL_PACK, TESTS

FIGURES = ("launch_first_frame_ms", "launch_settled_ms", "launch_live_ms", "launch_bare_ms", "start_pss_mb",
           "start_uss_mb", "start_pss_allocated_mb",
           "release_to_change_p50_ms", "release_to_change_p95_ms", "slide_fps", "slide_longest_gap_ms",
           "navigation_cpu_ms", "film_first_frame_ms", "film_fps", "film_cpu_percent")


def test_the_black_box_bench_measures_the_kiosk_on_a_private_x_screen(kiosk_home):
    # No DISPLAY: the bench starts its own Xvfb, and never taps on a developer's desktop.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "bench", "--json", "--quick", "--black-box-only", "--backend", "software",
         "--pack", str(MINIMAL_PACK), "--launches", "1", "--taps", "6",
         "--film-loops", "3"],
        env=env, cwd=TESTS.parent, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert "Xvfb" in result["screen"] and "1920x1080" in result["screen"]
    figures = result["black_box"]["software"]
    assert figures["renderer"].startswith("Software"), figures["renderer"]
    for key in FIGURES:
        assert math.isfinite(figures[key]) and figures[key] > 0, (key, figures)
    assert math.isfinite(figures["idle_cpu_percent"]) and figures["idle_cpu_percent"] >= 0
    assert figures["launch_settled_ms"] >= figures["launch_first_frame_ms"]
    assert figures["start_pss_allocated_mb"] < figures["start_pss_mb"], "a part: the files mapped are not in it"
    # The minimal pack has no film: the bench numbered a made-up one and read its frames off the screen.
    assert 0 <= figures["film_dropped_frames"] < figures["film_fps"] * 10
    assert math.isfinite(figures["film_memory_growth_mb"])
    assert any("made-up picture" in note for note in figures["notes"])
    assert figures["release_to_change_p95_ms"] >= figures["release_to_change_p50_ms"]
    assert "in_process" in result and not result["in_process"]  # --black-box-only
    # The kiosk ran in throw-away folders: nothing of it was left in the test's KIOSK_HOME.
    assert not (kiosk_home / "config" / "settings.json").exists()
