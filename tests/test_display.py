"""Turning the screen off and on (kiosk.system.display): the platform's way chosen, the machine's
own commands run, and a failure said in words, never raised."""

from __future__ import annotations

import sys

from kiosk.system.display import ScreenPower

X11 = {"DISPLAY": ":0"}


def test_on_x11_the_screen_is_turned_off_with_dpms():
    power = ScreenPower(environ=X11, which=lambda name: f"/usr/bin/{name}", platform="linux")
    assert power.commands == {False: [["xset", "dpms", "force", "off"]],
                              True: [["xset", "dpms", "force", "on"], ["xset", "-dpms"]]}, \
        "DPMS off again after `force on`, which turns it on: else Xorg's timeouts blank the show by day"


def test_where_the_platform_has_no_way_the_machine_is_told_what_to_set():
    for environ, which in [({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, lambda name: "/usr/bin/xset"),
                           (X11, lambda name: None), ({}, lambda name: "/usr/bin/xset")]:
        power = ScreenPower(environ=environ, which=which, platform="linux")
        assert power.set(False) == ("this platform gives no way to turn the screen off: set \"screen_off_command\" "
                                    "and \"screen_on_command\" in settings.json")


def test_the_machines_commands_run_and_their_failure_is_said(tmp_path):
    log = tmp_path / "power.log"
    write = f"import sys; open({str(log)!r}, 'a').write(sys.argv[1] + '\\n')"
    power = ScreenPower([sys.executable, "-c", write, "off"], [sys.executable, "-c", write, "on"], environ={},
                        platform="linux")
    assert power.set(False) is None and power.set(True) is None
    assert log.read_text().split() == ["off", "on"]
    failing = ScreenPower([sys.executable, "-c", "import sys; sys.exit('no such output: HDMI-9')"], ["true"])
    assert failing.set(False).endswith("failed (exit status 1): no such output: HDMI-9")
    complaining = ScreenPower([sys.executable, "-c", "import sys; print('no DPMS here', file=sys.stderr)"], ["true"])
    assert complaining.set(False).endswith("failed (exit status 0): no DPMS here"), "exit status 0 is not enough"
    missing = ScreenPower(["/nonexistent/screen-off"], ["/nonexistent/screen-on"])
    assert missing.set(False).startswith("`/nonexistent/screen-off` could not run: ")
