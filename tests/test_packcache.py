"""The pack cache that lets `kiosk run` start without reading a pack it read before: used only
while nothing the load depends on has changed, never for a pack with errors, and never a reason
to fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import LoadResult, NotAPackFolder, load_pack
from kiosk.system.packcache import cache_file, load_cached

from .support import MINIMAL_PACK, TESTS


class Reads:
    """load_pack, counting its calls."""

    def __init__(self):
        self.count = 0

    def __call__(self, folder: Path) -> LoadResult:
        self.count += 1
        return load_pack(folder)


@pytest.fixture
def pack(tmp_path) -> Path:
    return Path(shutil.copytree(MINIMAL_PACK, tmp_path / "minimal"))


def touch_later(path: Path) -> None:
    """Change a file's modification time as an editor saving it would (same size)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_pack_read_before_is_not_read_again(pack):
    reads = Reads()
    first = load_cached(pack, reads)
    again = load_cached(pack, reads)
    assert reads.count == 1
    assert first.ok and again.pack == first.pack and again.problems == first.problems


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove"])
def test_any_change_in_the_pack_means_reading_it_again(pack, change):
    reads = Reads()
    load_cached(pack, reads)
    pack_yaml = pack / "pack.yaml"
    if change == "edit":
        pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8") + "\n# note\n", encoding="utf-8")
    elif change == "touch":
        touch_later(next((pack / "screens").iterdir()))
    elif change == "add":
        (pack / "images" / "new.txt").write_text("x", encoding="utf-8")
    else:
        next((pack / "images").iterdir()).unlink()
    result = load_cached(pack, reads)
    assert reads.count == 2
    assert result == load_pack(pack)


def test_a_change_in_the_kiosk_code_means_reading_it_again(pack, monkeypatch):
    reads = Reads()
    load_cached(pack, reads)
    monkeypatch.setattr("kiosk.system.fingerprint.__version__", "0.0.0-other")
    load_cached(pack, reads)
    assert reads.count == 2


def test_a_pack_with_errors_is_not_kept(tmp_path):
    broken = Path(shutil.copytree(TESTS / "packs" / "broken" / "missing-image", tmp_path / "broken"))
    reads = Reads()
    assert not load_cached(broken, reads).ok
    assert not load_cached(broken, reads).ok
    assert reads.count == 2
    assert not cache_file(broken).exists()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_damaged_cache_is_read_past(pack, damage):
    reads = Reads()
    load_cached(pack, reads)
    cache_file(pack).write_bytes(damage)
    assert load_cached(pack, reads).ok
    assert reads.count == 2
    assert load_cached(pack, reads).ok and reads.count == 2, "kept again, whole"


def test_a_folder_that_is_gone_is_said_so(tmp_path):
    with pytest.raises(NotAPackFolder):
        load_cached(tmp_path / "gone", load_pack)


def test_a_cache_that_cannot_be_written_costs_nothing(pack):
    cache_file(pack).parent.parent.mkdir(parents=True, exist_ok=True)
    cache_file(pack).parent.write_text("a file where the cache folder would be", encoding="utf-8")
    reads = Reads()
    assert load_cached(pack, reads).ok and load_cached(pack, reads).ok
    assert reads.count == 2


def test_a_kept_pack_starts_the_show_without_the_yaml_reader(pack):
    load_cached(pack, load_pack)
    # What `kiosk run` imports, then the kept pack: PyYAML (18 ms) is never loaded.
    code = ("import sys; from pathlib import Path; import kiosk.cli, kiosk.ui.app; "
            "from kiosk.system.packcache import load_cached; "
            "result = load_cached(Path(sys.argv[1]), read=None); "  # read=None: a miss would fail
            "print(result.ok, 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(pack)], capture_output=True, text=True, cwd=TESTS.parent)
    assert out.stdout.split() == ["True", "False"], out.stdout + out.stderr
