"""Captions of a clip: WebVTT files read into timed cues, with every problem at its line.

The show needs little of WebVTT: cues with a start, an end and text. Cue settings (position,
alignment) are read past and ignored: the kiosk places captions itself, where they fit its
layout. Styling tags (<b>, <i>, <c.x>, <v Speaker>) are dropped from the text shown. Plain
Python, read by `kiosk validate` and by the show, which shows what a broken file still holds.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

MAX_LINES = 2  # a cue of more lines covers the film: say it in two cues

_TIME = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})")
_TIMING = re.compile(r"(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Cue:
    start: int  # milliseconds into the clip
    end: int
    text: str  # as shown: tags dropped, entities decoded, lines joined with "\n"
    line: int  # of its timing line in the file, for messages


@dataclass(frozen=True)
class CaptionIssue:
    line: int
    severity: str  # "error" or "warning"
    message: str


def read_vtt(data: bytes) -> tuple[list[Cue], list[CaptionIssue]]:
    """The cues of a WebVTT file, and what is wrong with it. A cue with a broken timing line is
    left out; the others are kept."""
    issues: list[CaptionIssue] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return [], [CaptionIssue(line, "error", "not UTF-8 text: save the captions as UTF-8")]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"WEBVTT(?:[ \t].*)?$", lines[0]):
        return [], [CaptionIssue(1, "error", "a WebVTT file starts with the line WEBVTT")]
    cues: list[Cue] = []
    for first, block in _blocks(lines):
        head = block[0]
        if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head:
            continue  # comments and styling: nothing to show
        timing_at = 0 if "-->" in head else 1  # a cue may start with its own id
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            issues.append(CaptionIssue(first, "error", "expected a timing line like "
                                       "'00:01.000 --> 00:04.000' (a cue without times?)"))
            continue
        line_no = first + timing_at
        cue = _cue(block[timing_at], block[timing_at + 1:], line_no, issues)
        if cue is None:
            continue
        if cues and cue.start < cues[-1].start:
            issues.append(CaptionIssue(line_no, "error", f"this cue starts before the one above it "
                                       f"(line {cues[-1].line}); cues must be in time order"))
            continue
        cues.append(cue)
    if not cues and not issues:
        issues.append(CaptionIssue(1, "error", "no captions in this file"))
    return cues, issues


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Blocks after the header, separated by blank lines, each with its first line's number."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    body = lines[1:]
    # The header block (WEBVTT and any lines right under it) ends at the first blank line.
    skip = next((i for i, line in enumerate(body) if not line.strip()), len(body))
    for number, line in enumerate(body[skip:], start=skip + 2):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _cue(timing: str, text_lines: list[str], line: int, issues: list[CaptionIssue]) -> Cue | None:
    match = _TIMING.fullmatch(timing.strip())
    times = [_ms(t) for t in match.groups()] if match else [None]
    if match is None or None in times:
        issues.append(CaptionIssue(line, "error", f"'{timing.strip()}' is not a timing line; write "
                                   "it like '00:01.000 --> 00:04.000' (minutes:seconds.milliseconds)"))
        return None
    start, end = times[0] or 0, times[1] or 0
    if end <= start:
        issues.append(CaptionIssue(line, "error", "this cue ends before it starts"))
        return None
    shown = [html.unescape(_TAG.sub("", t)).strip() for t in text_lines]
    shown = [t for t in shown if t]
    if not shown:
        issues.append(CaptionIssue(line, "warning", "this cue has no text"))
    elif len(shown) > MAX_LINES:
        issues.append(CaptionIssue(line, "warning", f"{len(shown)} lines in one cue cover the film; "
                                   f"split it into cues of at most {MAX_LINES} lines"))
    return Cue(start, end, "\n".join(shown), line)


def _ms(stamp: str) -> int | None:
    match = _TIME.fullmatch(stamp)
    if match is None:
        return None
    hours, minutes, seconds, millis = match.groups()
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def caption_at(cues: list[Cue], ms: float) -> str:
    """What is said at `ms`: the text of every cue running then, the latest last."""
    starts = [c.start for c in cues]
    running = [c.text for c in cues[: bisect_right(starts, ms)] if c.end > ms]
    return "\n".join(running)
