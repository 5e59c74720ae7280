"""Films in a pack: the rules that judge them (plain Python) and `kiosk validate` on real files of
every kind, encoded here by tools/make_media.py and probed by the show's own player in the image
worker. "Validates" must mean "plays": an AV1 film opens but never shows a picture without a
hardware decoder, a film cut short opens and then stops."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.video import LONG_CLIP_MS, VideoFacts, clip_findings, video_findings

from .support import MINIMAL_PACK, TESTS

sys.path.insert(0, str(TESTS.parent / "tools"))
import make_media  # noqa: E402  (a tool, not a package)

SCREENS = ["1920x1080", "1080x1920"]
GOOD = VideoFacts(opened=True, has_video=True, codec="H264", width=1920, height=1080, fps=30, duration_ms=20_000,
                  bit_rate=6_000_000, first_frame=True, bit_depth=8, last_frame=True)


def judged(**changes) -> list[str]:
    return [f"{severity}: {message}" for severity, message, *_ in
            video_findings(VideoFacts(**{**GOOD.__dict__, **changes}), SCREENS)]


def test_a_film_made_for_the_screen_passes():
    assert judged() == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"opened": False, "why_not": "moov atom not found"}, "error: not a video the kiosk can play"),
    ({"has_video": False}, "error: this file holds no picture"),
    ({"codec": "AV1", "first_frame": False}, "error: AV1 video plays only where the graphics hardware decodes it"),
    ({"first_frame": False}, "error: no picture could be decoded from the start"),
    ({"bit_depth": 10}, "error: 10-bit video"),
    ({"last_frame": False}, "error: the end of the film cannot be decoded"),
    ({"width": 3840, "height": 2160}, "warning: 3840x2160 is larger than the largest screen"),
    ({"fps": 60}, "warning: 60 frames a second"),
    ({"bit_rate": 45_000_000}, "warning: 45 Mbit/s is more than a booth PC decodes smoothly"),
])
def test_each_rule(changes, expected):
    found = judged(**changes)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_clip_long_enough_to_hold_the_kiosk_for_long_is_warned():
    assert clip_findings(GOOD) == []
    (severity, message), = clip_findings(VideoFacts(**{**GOOD.__dict__, "duration_ms": LONG_CLIP_MS + 60_000}))
    assert severity == "warning" and message.startswith("11 minutes long: while a clip plays the kiosk never goes")


def test_the_decoder_words_are_a_detail_not_the_message():
    (severity, message, detail), = video_findings(VideoFacts(opened=False, why_not="moov atom not found"), SCREENS)
    assert "moov" not in message and detail == "(decoder: moov atom not found)"


@pytest.fixture(scope="module")
def films(tmp_path_factory, qapp) -> Path:
    """One film of each kind of tools/make_media.py, and two broken ones."""
    folder = tmp_path_factory.mktemp("films")
    for kind, (*_, container) in make_media.KINDS.items():
        make_media.make_film(folder / f"{kind}.{container}", kind)
    whole = (folder / "h264.mp4").read_bytes()
    (folder / "cut.mp4").write_bytes(whole[: len(whole) * 2 // 3])  # its index (at the end) lost
    whole = (folder / "vp9.webm").read_bytes()
    (folder / "cut.webm").write_bytes(whole[: len(whole) * 2 // 3])  # its last pictures lost
    (folder / "notes.mp4").write_text("not a film\n", encoding="utf-8")
    return folder


def pack_with_films(tmp_path: Path, films: Path, names: list[str]) -> Path:
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (pack / "films").mkdir()
    for name in names:
        shutil.copy(films / name, pack / "films" / name)
    entries = "".join(f"    - file: films/{name}\n      poster: images/photo.png\n" for name in names)
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    # For landscape screens: the films are landscape (a portrait screen is test_a_film_for_the_screens_shape).
    text = text.replace("  timeout: 60\n", "  timeout: 60\n  attract_films:\n" + entries)
    text += "target_sizes: [1920x1080]\n"
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    return pack


def validate(pack: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """`kiosk validate` as an editor runs it, in a process of its own."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "kiosk", "validate", str(pack)], cwd=TESTS.parent,
                          env={**os.environ, "KIOSK_HOME": str(home)}, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600)


def test_making_the_test_films_leaves_this_process_scheduled_as_it_was(films):
    """SVT-AV1 run as root turns its caller to real-time scheduling: the rest of the tests (and
    the Syncthing they start) would starve the machine (tools/make_media.py puts it back)."""
    assert os.sched_getscheduler(0) == os.SCHED_OTHER


def test_films_that_play_validate_clean(tmp_path, films):
    run = validate(pack_with_films(tmp_path, films, ["h264.mp4", "vp9.webm"]), tmp_path)
    assert run.returncode == 0, run.stdout
    assert "error" not in run.stdout and "warning" not in run.stdout, run.stdout


def test_every_film_the_show_cannot_play_is_named_at_its_line(tmp_path, films):
    names = ["av1.mp4", "hevc10.mp4", "cut.mp4", "cut.webm", "notes.mp4", "uhd.mp4", "fast.mp4"]
    pack = pack_with_films(tmp_path, films, names)
    run = validate(pack, tmp_path)
    assert run.returncode == 1, run.stdout
    lines = [line for line in run.stdout.splitlines() if ": error: " in line or ": warning: " in line]
    # pack.yaml: idle at line 11, timeout 12, attract_films 13, then two lines per film from 14.
    expected = [
        "pack.yaml:14:13: error: 'films/av1.mp4': AV1 video plays only where the graphics hardware decodes it",
        "pack.yaml:16:13: error: 'films/hevc10.mp4': 10-bit video",
        "pack.yaml:18:13: error: 'films/cut.mp4': not a video the kiosk can play",
        "pack.yaml:20:13: error: 'films/cut.webm': the end of the film cannot be decoded",
        "pack.yaml:22:13: error: 'films/notes.mp4': not a video the kiosk can play",
        "pack.yaml:24:13: warning: 'films/uhd.mp4': 3840x2160 is larger than the largest screen",
        "pack.yaml:26:13: warning: 'films/fast.mp4': 60 frames a second",
    ]
    for want in expected:
        assert any(line.startswith(f"{pack}/{want}") for line in lines), (want, run.stdout)
    assert len(lines) == len(expected), run.stdout
    assert "Traceback" not in run.stdout and "[h264" not in run.stdout and "moov" not in run.stdout.split(
        "(decoder:")[0], run.stdout


def test_a_film_for_the_screens_shape_or_a_portrait_version_of_it(tmp_path, films):
    """An attract film fills the screen: a landscape one on a portrait screen shows its middle third."""
    pack = pack_with_films(tmp_path, films, ["h264.mp4", "vp9.webm"])
    yaml = pack / "pack.yaml"
    text = yaml.read_text(encoding="utf-8").replace("target_sizes: [1920x1080]", "target_sizes: [1920x1080, 1080x1920]")
    shutil.copy(films / "tall.mp4", pack / "films" / "tall.mp4")
    # The second film gets a portrait version, the wrong way round: the first, none.
    yaml.write_text(text.replace("      poster: images/photo.png\n", "      poster: images/photo.png\n"
                                 "      portrait: films/h264.mp4\n", 2).replace(
        "      portrait: films/h264.mp4\n", "", 1), encoding="utf-8")
    run = validate(pack, tmp_path)
    lines = [line[len(str(pack)) + 1:] for line in run.stdout.splitlines() if ": warning: " in line]
    assert lines == [
        "pack.yaml:14:13: warning: 'films/h264.mp4': on a 1080x1920 screen this 320x180 film shows only its middle "
        "32%: add 'portrait:' with a version made for it (1080x1920)",
        "pack.yaml:18:17: warning: 'films/h264.mp4': on a 1080x1920 screen this 320x180 film shows only its middle "
        "32%: make it 1080x1920"], run.stdout
    yaml.write_text(text.replace("      poster: images/photo.png\n", "      poster: images/photo.png\n"
                                 "      portrait: films/tall.mp4\n"), encoding="utf-8")
    run = validate(pack, tmp_path)
    assert run.returncode == 0 and "warning" not in run.stdout, run.stdout


def test_a_missing_film_is_named_with_its_path(tmp_path, films):
    pack = pack_with_films(tmp_path, films, ["h264.mp4"])
    (pack / "films" / "h264.mp4").unlink()
    run = validate(pack, tmp_path)
    assert run.returncode == 1 and "pack.yaml:14:13: error: file not found: 'films/h264.mp4'" in run.stdout, run.stdout


SABOTEUR = """
import os
from kiosk.ui import imageworker, videoprobe
real = videoprobe.probe_video
def probe_video(path):
    if path.name == "crash.mp4":
        os.abort()
    return real(path)
videoprobe.probe_video = probe_video
imageworker.main()
"""


def test_a_decoder_that_crashes_on_a_film_costs_that_film(tmp_path, films, capsys, monkeypatch):
    from kiosk.cli import main
    from kiosk.system.imagecheck import ImageChecker
    checker = ImageChecker([sys.executable, "-c", SABOTEUR])
    monkeypatch.setattr("kiosk.system.imagecheck.probe_video", checker.probe_video)  # what `kiosk validate` probes with
    shutil.copy(films / "h264.mp4", films / "crash.mp4")
    pack = pack_with_films(tmp_path, films, ["crash.mp4", "h264.mp4", "av1.mp4"])
    try:
        assert main(["validate", str(pack)]) == 1
    finally:
        checker.close()
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"{pack}/pack.yaml:14:13: error: 'films/crash.mp4': not a video the kiosk can play (it "
                       "plays MP4 with H.264 or H.265, and WebM with VP8 or VP9); export it again",
                       "    (decoder: the video decoder crashed on this file)"], out
    assert out[2].startswith(f"{pack}/pack.yaml:18:13: error: 'films/av1.mp4': AV1 video"), out
    assert out[3] == f"{pack}: 2 errors, 0 warnings", out
