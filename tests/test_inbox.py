"""Packs that arrive in the inbox: never taken half copied, checked against their manifest,
validated, installed with the version before kept; the inbox itself never written to."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from kiosk.content import load_pack
from kiosk.system.inbox import (
    MANIFEST,
    Inbox,
    Refused,
    fingerprint,
    manifest_problems,
    rollback,
    stage,
    take,
    write_manifest,
)

from .support import MINIMAL_PACK


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def check(folder: Path) -> tuple[str | None, list[str]]:
    """Validation as the kiosk does it, without images decoded (the UI test decodes them)."""
    result = load_pack(folder)
    return result.id, [p.format(folder.name) for p in result.errors]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_pack_copied_file_by_file_with_pauses_is_taken_only_once_complete(tmp_path):
    inbox_dir, clock = tmp_path / "inbox", Clock()
    inbox_dir.mkdir()
    inbox = Inbox(inbox_dir, clock, stable=10)
    files = sorted(p for p in MINIMAL_PACK.rglob("*") if p.is_file())
    target = inbox_dir / "minimal"
    for file in files:  # a slow copy: one file every 4 s, each one seen in between
        dest = target / file.relative_to(MINIMAL_PACK)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, dest)
        clock.now += 4
        assert inbox.ready() == [], f"taken while {file.name} was the last file copied"
    clock.now += 6
    assert inbox.ready() == []  # 6 s of quiet: not yet
    clock.now += 4
    assert inbox.ready() == [target]
    inbox.took(target)
    clock.now += 60
    assert inbox.ready() == [], "taken once, not again while it stays the same"
    (target / "pack.yaml").write_text((target / "pack.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    clock.now += 1
    assert inbox.ready() == []
    clock.now += 10
    assert inbox.ready() == [target], "changed, it is taken again"


def test_a_sync_engines_temporary_file_holds_the_pack_back(tmp_path):
    pack = tmp_path / "inbox" / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    assert fingerprint(pack)
    (pack / "images" / ".syncthing.photo.png.tmp").write_bytes(b"half")
    assert fingerprint(pack) is None
    clock = Clock()
    inbox = Inbox(pack.parent, clock, stable=1)
    for _ in range(5):
        clock.now += 5
        assert inbox.ready() == []


def test_a_good_pack_is_installed_and_the_version_before_is_kept(tmp_path):
    packs, inbox_dir = tmp_path / "packs", tmp_path / "inbox"
    arrival = inbox_dir / "minimal-v2"
    shutil.copytree(MINIMAL_PACK, arrival)
    write_manifest(arrival, "2")
    sent = tree(inbox_dir)
    first = take(arrival, check, packs, tmp_path / "staging")
    assert tree(inbox_dir) == sent, "the inbox is never written to"
    assert first.ok and first.folder == packs / "minimal" and first.version == "2", first.problems
    assert tree(packs / "minimal") == tree(arrival)
    (arrival / "pack.yaml").write_text((arrival / "pack.yaml").read_text(encoding="utf-8")
                                       .replace("Minimal pack", "Minimal pack 3"), encoding="utf-8")
    write_manifest(arrival, "3")
    second = take(arrival, check, packs, tmp_path / "staging")
    assert second.ok and second.version == "3"
    assert "Minimal pack 3" in (packs / "minimal" / "pack.yaml").read_text(encoding="utf-8")
    assert "Minimal pack 3" not in (packs / "minimal.previous" / "pack.yaml").read_text(encoding="utf-8")
    rollback(packs, "minimal")
    assert "Minimal pack 3" not in (packs / "minimal" / "pack.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in packs.iterdir()) == ["minimal", "minimal.previous"]
    assert list((tmp_path / "staging").iterdir()) == [], "nothing left in staging"


def test_a_manifest_mismatch_is_refused_and_nothing_is_installed(tmp_path):
    packs, arrival = tmp_path / "packs", tmp_path / "inbox" / "minimal"
    shutil.copytree(MINIMAL_PACK, arrival)
    write_manifest(arrival, "7")
    photo = next(arrival.rglob("photo.png"))
    photo.write_bytes(photo.read_bytes()[:100])  # cut short in transit
    (arrival / "extra.txt").write_text("not sent by the operator", encoding="utf-8")
    sent = tree(arrival)
    taken = take(arrival, check, packs, tmp_path / "staging")
    assert not taken.ok and not packs.exists()
    assert sorted(taken.problems) == ["extra.txt: not listed in manifest.json",
                                      "images/photo.png: not the size manifest.json gives (copied only in part?)"]
    assert tree(arrival) == sent, "the inbox is never written to"
    assert "refused" in str(taken)


def test_a_pack_with_errors_is_refused_with_where_they_are(tmp_path):
    arrival = tmp_path / "inbox" / "minimal"
    shutil.copytree(MINIMAL_PACK, arrival)
    yaml = arrival / "pack.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("start: home", "start: nowhere"), encoding="utf-8")
    taken = take(arrival, check, tmp_path / "packs", tmp_path / "staging")
    assert not taken.ok and any("pack.yaml:" in p and "nowhere" in p for p in taken.problems), taken.problems


def test_a_zip_of_the_pack_folder_is_unpacked_and_a_hostile_zip_refused(tmp_path):
    good = tmp_path / "inbox" / "minimal.zip"
    good.parent.mkdir()
    with zipfile.ZipFile(good, "w") as z:
        for p in MINIMAL_PACK.rglob("*"):
            if p.is_file():
                z.write(p, "minimal/" + p.relative_to(MINIMAL_PACK).as_posix())
    taken = take(good, check, tmp_path / "packs", tmp_path / "staging")
    assert taken.ok and tree(tmp_path / "packs" / "minimal") == tree(MINIMAL_PACK)
    evil = tmp_path / "inbox" / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../../outside.txt", "x")
    with pytest.raises(Refused, match="outside the pack"):
        stage(evil, tmp_path / "staging")
    assert not (tmp_path / "outside.txt").exists()
    broken = tmp_path / "inbox" / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    assert "cannot be read" in take(broken, check, tmp_path / "packs", tmp_path / "staging").problems[0]


def test_no_manifest_is_fine_and_a_damaged_one_is_not(tmp_path):
    pack = tmp_path / "p"
    shutil.copytree(MINIMAL_PACK, pack)
    assert manifest_problems(pack) == []
    (pack / MANIFEST).write_text("{", encoding="utf-8")
    assert manifest_problems(pack) == ["manifest.json cannot be read: write it again with kiosk pack"]


def test_kiosk_pack_makes_what_a_kiosk_takes(tmp_path):
    from kiosk.cli import main
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (tmp_path / "inbox").mkdir()
    assert main(["pack", str(pack), "--version", "2026-12-02.1", "-o", str(tmp_path / "inbox" / "minimal.zip")]) == 0
    taken = take(tmp_path / "inbox" / "minimal.zip", check, tmp_path / "packs", tmp_path / "staging")
    assert taken.ok and taken.version == "2026-12-02.1", taken.problems
    assert (tmp_path / "packs" / "minimal" / MANIFEST).exists()


def test_packs_on_a_stick_are_found_at_its_top_and_one_folder_down(tmp_path):
    from kiosk.system.usb import packs_on
    stick = tmp_path / "stick"
    shutil.copytree(MINIMAL_PACK, stick / "show")
    shutil.copytree(MINIMAL_PACK, stick / "exhibitions" / "spring")
    shutil.copytree(MINIMAL_PACK, stick / ".Trash-1000" / "old")
    (stick / "exhibitions" / "autumn.zip").write_bytes(b"PK")
    (stick / "photos").mkdir()
    (stick / "notes.txt").write_text("x", encoding="utf-8")
    assert packs_on(stick) == [stick / "exhibitions" / "autumn.zip", stick / "exhibitions" / "spring", stick / "show"]
    assert packs_on(tmp_path / "pulled-out") == []
