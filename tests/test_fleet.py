"""A fleet: packs reach kiosks through Syncthing, and each kiosk's status comes back. Two real
Syncthing instances in temporary homes, bound to 127.0.0.1, with every discovery, relay, NAT,
STUN, reporting and upgrade feature off (nothing leaves the machine); a running kiosk
(offscreen) takes what arrives at its next idle moment."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.system.fleet import STALE_SECONDS, read_statuses, table, write_status
from kiosk.system.inbox import Inbox

from .support import MINIMAL_PACK, TESTS
from .test_inbox import Clock

SETUP = TESTS.parent / "deploy" / "syncthing" / "fleet_setup.py"


def test_status_files_make_one_line_per_kiosk_and_say_which_are_silent(tmp_path):
    now = 1_800_000_000.0
    base = {"pack": "yongchuan-2022", "version": "2026-12-02.1", "since": now - 3600, "started": now - 7200,
            "last_visitor": now - 60, "errors": [], "free_disk_mb": 20480}
    write_status(tmp_path, {**base, "host": "booth-1", "written": now - 30})
    write_status(tmp_path, {**base, "host": "booth-2", "written": now - STALE_SECONDS - 1})
    write_status(tmp_path, {**base, "host": "booth-3", "written": now - 5, "errors": ["new.zip: refused: x"]})
    (tmp_path / "notes.json").write_text("{", encoding="utf-8")
    lines = table(read_statuses(tmp_path), now)
    assert lines[0].split()[:3] == ["host", "pack", "version"]
    assert lines[1].startswith("booth-1") and lines[1].endswith("ok") and "2h 0m" in lines[1] and "20.0 GB" in lines[1]
    assert "not heard of since" in lines[2]
    assert lines[3].endswith("new.zip: refused: x")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".stignore", "booth-1.json", "booth-2.json",
                                                          "booth-3.json", "notes.json"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Syncthing:
    """One Syncthing of the fleet, in a home of its own, set up by deploy/syncthing/fleet_setup.py."""

    ENV = {"STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "STNORESTART": "1"}

    def __init__(self, home: Path):
        self.home = home
        subprocess.run(["syncthing", "generate", f"--home={home}", "--no-default-folder", "--skip-port-probing"],
                       check=True, capture_output=True, env={**os.environ, **self.ENV})
        self.id = subprocess.run(["syncthing", "serve", "--device-id", f"--home={home}"], check=True,
                                 capture_output=True, text=True).stdout.strip()
        self.port, self.gui = free_port(), free_port()
        self.process: subprocess.Popen | None = None

    def configure(self, role: str, packs: Path, status: Path, peer: Syncthing) -> None:
        subprocess.run([sys.executable, str(SETUP), role, "--home", str(self.home), "--packs", str(packs),
                        "--status", str(status), "--peer", f"{peer.id}=tcp://127.0.0.1:{peer.port}",
                        "--listen", f"tcp://127.0.0.1:{self.port}", "--gui", f"127.0.0.1:{self.gui}",
                        "--rescan", "5"], check=True, capture_output=True)

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             f"--logfile={self.home / 'syncthing.log'}"],
            env={**os.environ, **self.ENV}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def nothing_leaves_the_machine(home: Path) -> None:
    root = ET.parse(home / "config.xml").getroot()
    options = root.find("options")
    off = {k: options.findtext(k) for k in ("globalAnnounceEnabled", "localAnnounceEnabled", "relaysEnabled",
                                            "natEnabled", "crashReportingEnabled", "startBrowser",
                                            "announceLANAddresses")}
    assert set(off.values()) == {"false"}, off
    assert options.findtext("urAccepted") == "-1" and options.findtext("autoUpgradeIntervalH") == "0"
    assert options.findtext("stunKeepaliveStartS") == "0"
    assert all(e.text.startswith("tcp://127.0.0.1:") for e in options.findall("listenAddress"))
    assert root.find("gui").findtext("address").startswith("127.0.0.1:")
    peers = [d for d in root.findall("device")][1:]
    assert peers and all(d.findtext("address").startswith("tcp://127.0.0.1:") for d in peers)


def zip_of(pack: Path, version: str, out: Path) -> None:
    assert main(["pack", str(pack), "--version", version, "-o", str(out)]) == 0


@pytest.mark.skipif(shutil.which("syncthing") is None,
                    reason="Syncthing is not installed (python3 tools/dev.py test installs it; apt install syncthing)")
def test_a_pack_goes_out_through_syncthing_and_the_kiosk_status_comes_back(show_pack, qtbot, tmp_path):
    operator, kiosk = Syncthing(tmp_path / "operator-home"), Syncthing(tmp_path / "kiosk-home")
    op_packs, op_status = tmp_path / "operator" / "packs", tmp_path / "operator" / "status"
    ki_inbox, ki_status = tmp_path / "kiosk" / "inbox", tmp_path / "kiosk" / "status"
    operator.configure("operator", op_packs, op_status, kiosk)
    kiosk.configure("kiosk", ki_inbox, ki_status, operator)
    for side in (operator, kiosk):
        nothing_leaves_the_machine(side.home)

    idle_clock = Clock()
    show = show_pack(MINIMAL_PACK, clock=idle_clock, idle_timeout=60, idle_countdown=0)
    watcher = show.watch_inbox(Inbox(ki_inbox, stable=2), packs_dir=tmp_path / "kiosk" / "packs",
                               state=tmp_path / "kiosk" / "inbox.json")
    show.write_status(ki_status, every=1)
    try:
        operator.start()
        kiosk.start()
        v2 = tmp_path / "work" / "minimal"
        shutil.copytree(MINIMAL_PACK, v2)
        (v2 / "pack.yaml").write_text((v2 / "pack.yaml").read_text(encoding="utf-8")
                                      .replace("Minimal pack", "Minimal pack v2"), encoding="utf-8")
        zip_of(v2, "2", op_packs / "minimal.zip")

        qtbot.waitUntil(lambda: watcher.last is not None, timeout=120_000)
        assert watcher.last.ok, watcher.last.problems
        assert show.pack.title("en") == "Minimal pack", "not during a visit"
        idle_clock.now += 61
        show.idle.tick()
        qtbot.waitUntil(lambda: show.pack.title("en") == "Minimal pack v2")

        def status() -> dict:
            found = read_statuses(op_status)
            return found[0] if found else {}
        qtbot.waitUntil(lambda: status().get("version") == "2", timeout=120_000)
        assert status()["pack"] == "minimal" and status()["errors"] == []

        broken = tmp_path / "work" / "broken"
        shutil.copytree(v2, broken)
        (broken / "pack.yaml").write_text((broken / "pack.yaml").read_text(encoding="utf-8")
                                          .replace("start: home", "start: nowhere"), encoding="utf-8")
        (op_packs / "broken").mkdir()
        for file in broken.rglob("*"):
            if file.is_file():
                target = op_packs / "broken" / file.relative_to(broken)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target)
        qtbot.waitUntil(lambda: any("broken: refused" in e for e in status().get("errors", [])), timeout=120_000)
        assert show.pack.title("en") == "Minimal pack v2", "the show goes on"
        lines = table(read_statuses(op_status))
        assert len(lines) == 2 and "minimal" in lines[1] and " 2 " in lines[1] and "broken: refused" in lines[1]
        assert main(["fleet", "status", str(op_status)]) == 0
    finally:
        kiosk.stop()
        operator.stop()
