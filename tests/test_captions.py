"""Captions of clips: WebVTT read as the show reads it (plain Python), and `kiosk validate` naming
every problem at its line, in the caption file or in the screen that names it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content import load_pack
from kiosk.content.captions import caption_at, read_vtt

from .support import MINIMAL_PACK

GOOD = """WEBVTT

NOTE the first cue has an id; the second has settings and tags

intro
00:00.000 --> 00:02.500
永川大数据产业园

00:02.500 --> 00:05.000 line:85% align:center
<b>Chongqing</b> &amp; <i>Yongchuan</i>
second line
"""


def issues_of(text: str) -> list[tuple[int, str, str]]:
    return [(i.line, i.severity, i.message) for i in read_vtt(text.encode())[1]]


def test_cues_are_read_with_their_times_and_plain_text():
    cues, issues = read_vtt(GOOD.encode())
    assert issues == []
    assert [(c.start, c.end, c.text, c.line) for c in cues] == [
        (0, 2500, "永川大数据产业园", 6),
        (2500, 5000, "Chongqing & Yongchuan\nsecond line", 9),
    ]


def test_what_is_said_at_a_moment():
    cues, _ = read_vtt(GOOD.encode())
    assert caption_at(cues, 0) == "永川大数据产业园"
    assert caption_at(cues, 2499) == "永川大数据产业园"
    assert caption_at(cues, 2500) == "Chongqing & Yongchuan\nsecond line"
    assert caption_at(cues, 5000) == ""
    assert caption_at([], 100) == ""


def test_hours_a_byte_order_mark_and_windows_line_ends_are_read():
    cues, issues = read_vtt("\ufeffWEBVTT - film\r\n\r\n01:00:00.000 --> 01:00:01.000\r\nhi\r\n".encode())
    assert issues == [] and [(c.start, c.text) for c in cues] == [(3_600_000, "hi")]


@pytest.mark.parametrize(("text", "expected"), [
    ("", [(1, "error", "a WebVTT file starts with the line WEBVTT")]),
    ("1\n00:00:01,000 --> 00:00:02,000\nan SRT file\n",
     [(1, "error", "a WebVTT file starts with the line WEBVTT")]),
    ("WEBVTT\n\n00:01.000 -> 00:02.000\nhi\n", [(3, "error", "expected a timing line")]),
    ("WEBVTT\n\n00:01,000 --> 00:02.000\nhi\n", [(3, "error", "'00:01,000 --> 00:02.000' is not a timing line")]),
    ("WEBVTT\n\n00:03.000 --> 00:02.000\nhi\n", [(3, "error", "this cue ends before it starts")]),
    ("WEBVTT\n\n00:05.000 --> 00:06.000\nb\n\n00:01.000 --> 00:02.000\na\n",
     [(6, "error", "this cue starts before the one above it (line 3)")]),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\n<b></b>\n", [(3, "warning", "this cue has no text")]),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\n1\n2\n3\n", [(3, "warning", "3 lines in one cue cover the film")]),
    ("WEBVTT\n\nNOTE nothing else\n", [(1, "error", "no captions in this file")]),
])
def test_each_problem_at_its_line(text, expected):
    found = issues_of(text)
    assert [(line, sev) for line, sev, _ in found] == [(line, sev) for line, sev, _ in expected], found
    assert all(msg.startswith(want) for (_, _, msg), (_, _, want) in zip(found, expected)), found


def test_text_that_is_not_utf8_is_named_with_its_line():
    _, issues = read_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\n重庆\n".encode("gb18030"))
    assert [(i.line, i.message) for i in issues] == [(4, "not UTF-8 text: save the captions as UTF-8")]


def test_a_broken_cue_costs_only_itself():
    cues, issues = read_vtt(b"WEBVTT\n\n00:01.000 --> 00:00.500\nbad\n\n00:02.000 --> 00:03.000\ngood\n")
    assert [c.text for c in cues] == ["good"] and len(issues) == 1


# --- in a pack ---------------------------------------------------------------------------------

DETAIL = """id: software
kind: detail
title: {zh: 软件, en: Software}
body: {zh: 正文。, en: Body text.}
video:
  file: films/clip.mp4
  poster: images/photo.png
  captions: CAPTIONS
"""


def pack_with_clip(tmp_path: Path, captions: str, files: dict[str, str]) -> Path:
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    (pack / "films").mkdir()
    (pack / "films" / "clip.mp4").write_bytes(b"")  # the probe is not asked here; see test_films.py
    for name, text in files.items():
        (pack / "films" / name).write_text(text, encoding="utf-8")
    (pack / "screens" / "software.yaml").write_text(DETAIL.replace("CAPTIONS", captions), encoding="utf-8")
    return pack


def problems_of(pack: Path) -> list[str]:
    return [p.format() for p in load_pack(pack).problems]


def test_captions_in_every_language_load(tmp_path):
    pack = pack_with_clip(tmp_path, "{zh: films/zh.vtt, en: films/en.vtt}",
                          {"zh.vtt": GOOD, "en.vtt": GOOD})
    result = load_pack(pack)
    assert result.ok, result.problems
    clip = result.pack.screen("software").video
    assert sorted(clip.captions.files) == ["en", "zh"] and clip.captions.files["en"].path == "films/en.vtt"


def test_a_missing_language_a_missing_file_and_a_bad_cue(tmp_path):
    pack = pack_with_clip(tmp_path, "{zh: films/zh.vtt}", {"zh.vtt": "WEBVTT\n\n00:02.000 --> 00:01.000\nx\n"})
    assert problems_of(pack) == [
        "films/zh.vtt:3:1: error: this cue ends before it starts",
        "screens/software.yaml:8:13: error: 'captions' has no 'en' file (the pack declares language 'en')",
    ]
    pack = pack_with_clip(tmp_path / "b", "{zh: films/zh.vtt, en: films/en.vtt}", {"zh.vtt": GOOD})
    assert problems_of(pack) == ["screens/software.yaml:8:36: error: file not found: 'films/en.vtt' "
                                 "(did you mean 'films/zh.vtt'?)"]


def test_an_image_and_a_video_in_one_place(tmp_path):
    pack = pack_with_clip(tmp_path, "{zh: films/zh.vtt, en: films/zh.vtt}", {"zh.vtt": GOOD})
    path = pack / "screens" / "software.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "image: images/photo.png\n", encoding="utf-8")
    gallery = pack / "screens" / "gallery.yaml"
    gallery.write_text(gallery.read_text(encoding="utf-8") + "  - caption: {zh: 空, en: Empty}\n"
                       "  - image: images/photo.png\n    video: {file: films/clip.mp4, poster: images/photo.png}\n",
                       encoding="utf-8")
    assert problems_of(pack) == [
        "screens/gallery.yaml:7:5: error: a gallery item needs an 'image' or a 'video'",
        "screens/gallery.yaml:9:12: error: a gallery item is an image or a video, not both: make them two items",
        "screens/software.yaml:6:3: error: a detail screen shows an image or a video, not both: remove one of them",
    ]
