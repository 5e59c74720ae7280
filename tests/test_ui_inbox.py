"""A running show takes the packs that arrive in its inbox: validated in full off the window's
thread, shown at the next idle moment and never during a visit; a broken one refused and said
in the staff menu while the show goes on."""

from __future__ import annotations

import shutil

from kiosk.system.inbox import Inbox, write_manifest

from .support import MINIMAL_PACK
from .test_inbox import Clock


def arrive(inbox, clock, watcher, qtbot) -> None:
    """Let the arrival stand still long enough, and wait until the watcher has taken it."""
    watcher.poll()
    clock.now += 30
    before = watcher.last
    watcher.poll()
    qtbot.waitUntil(lambda: watcher.last is not before, timeout=60_000)


def test_a_pack_that_arrives_is_shown_at_the_next_idle_moment_and_a_broken_one_refused(show_pack, qtbot, tmp_path):
    idle_clock = Clock()
    show = show_pack(MINIMAL_PACK, clock=idle_clock, idle_timeout=60, idle_countdown=0)
    inbox_dir, packs = tmp_path / "inbox", tmp_path / "packs"
    inbox_dir.mkdir()
    clock = Clock()
    watcher = show.watch_inbox(Inbox(inbox_dir, clock, stable=10), packs_dir=packs, state=tmp_path / "inbox.json")

    sent = inbox_dir / "minimal-v2"
    shutil.copytree(MINIMAL_PACK, sent)
    pack_yaml = sent / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace("Minimal pack", "Minimal pack v2"),
                         encoding="utf-8")
    write_manifest(sent, "2")
    arrive(inbox_dir, clock, watcher, qtbot)
    assert watcher.last.ok, watcher.last.problems
    assert "shown at the next idle moment" in show.staff._diagnostics()["inbox"]
    assert show.pack.title("en") == "Minimal pack", "not while someone may be at the screen"

    idle_clock.now += 61
    show.idle.tick()  # nobody: the attract loop
    assert show.idle.phase == "attract"
    qtbot.waitUntil(lambda: show.pack.title("en") == "Minimal pack v2")
    assert show.pack.root == packs / "minimal"

    broken = inbox_dir / "broken"
    shutil.copytree(MINIMAL_PACK, broken)
    (broken / "pack.yaml").write_text(pack_yaml.read_text(encoding="utf-8").replace("start: home", "start: nowhere"),
                                      encoding="utf-8")
    arrive(inbox_dir, clock, watcher, qtbot)
    assert not watcher.last.ok
    said = show.staff._diagnostics()["inbox"]
    assert said.startswith("broken: refused: ") and "pack.yaml:" in said and "nowhere" in said, said
    assert show.pack.title("en") == "Minimal pack v2", "the show goes on"
    assert sorted(p.name for p in packs.iterdir()) == ["minimal"]
    assert not show.staff.canRollBack  # the first version installed: nothing before it

    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace("Minimal pack v2", "Minimal pack v3"),
                         encoding="utf-8")
    write_manifest(sent, "3")
    arrive(inbox_dir, clock, watcher, qtbot)
    idle_clock.now += 61
    show.idle.tick()
    qtbot.waitUntil(lambda: show.pack.title("en") == "Minimal pack v3")
    assert show.staff.canRollBack and sorted(p.name for p in packs.iterdir()) == ["minimal", "minimal.previous"]
    show.staff.rollBack()  # staff, in the menu: "Previous version"
    assert show.pack.title("en") == "Minimal pack v2"
    assert show.pack.root == packs / "minimal"
