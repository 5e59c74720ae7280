"""What a film or a recording must be for the show to play it, judged from what the show's own
decoder found.

The facts come from a probe that opens the file with Qt Multimedia, the player the show uses,
and decodes a picture from its start and one from its end (kiosk/ui/videoprobe.py, run in the
image worker so that a decoder crash costs one file). So "validates" means "plays here". The
rules are plain Python, tested without a decoder.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .problems import Finding
from .sizes import size_of

MAX_FPS = 30.5  # a booth screen gains nothing above 30 frames a second; software decoding pays
MAX_MBIT = 20.0  # megabits per second: above this, a 2-core booth PC decodes 1080p H.264 too slowly
HARDWARE_ONLY = {"AV1"}  # Qt's FFmpeg decodes these only with the graphics hardware's help
LONG_NARRATION_MS = 5 * 60_000  # few visitors stand at a screen longer than this
LONG_CLIP_MS = 10 * 60_000  # longer, and a clip left playing holds the kiosk (kiosk.core.idle) for long
MIN_SHOWN = 0.5  # of a film's width (or height), on a screen it fills: less, and its subject is cut off


@dataclass(frozen=True)
class VideoFacts:
    opened: bool
    why_not: str = ""  # the decoder's words when it could not open the file (a detail line)
    has_video: bool = False
    codec: str = ""  # as Qt names it: H264, H265, VP9, AV1...
    width: int = 0
    height: int = 0
    fps: float = 0.0
    duration_ms: int = 0
    bit_rate: int = 0  # bits per second, 0 when the file does not say
    first_frame: bool = False  # a picture decoded from its start
    bit_depth: int = 0  # of that picture: 8, or 10 and more
    last_frame: bool = False  # a picture decoded near its end
    has_audio: bool = False
    first_sound: bool = False  # of a file with no picture (a recording): sound decoded from its start
    last_sound: bool = False  # and from near its end

    @classmethod
    def from_json(cls, data: dict[str, object]) -> VideoFacts:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]  # the worker writes these fields only


VideoProbe = Callable[[Path], VideoFacts]


def video_findings(facts: VideoFacts, screens: Sequence[str]) -> list[Finding]:
    """Problems with a film for a pack made for `screens` ("1920x1080"...): errors for what will
    not play, warnings for what is heavier than the screens need."""
    if not facts.opened:
        return [("error", "not a video the kiosk can play (it plays MP4 with H.264 or H.265, and WebM "
                          "with VP8 or VP9); export it again", f"(decoder: {facts.why_not})")]
    if not facts.has_video:
        return [("error", "this file holds no picture (sound only?); the kiosk shows films")]
    if not facts.first_frame:
        if facts.codec in HARDWARE_ONLY:
            return [("error", f"{facts.codec} video plays only where the graphics hardware decodes it, "
                              "and many booth PCs cannot; export it as H.264 (MP4)")]
        return [("error", "no picture could be decoded from the start of this file (damaged?); "
                          "export it again as H.264 (MP4)")]
    if facts.bit_depth > 8:
        return [("error", f"{facts.bit_depth}-bit video: booth PCs decode it slowly or not at all; "
                          "export it as 8-bit (H.264, yuv420p)")]
    if not facts.last_frame:
        return [("error", "the end of the film cannot be decoded: the file is cut short (an interrupted "
                          "copy?) or damaged; copy it again")]
    found: list[Finding] = []
    largest = max((size_of(s) for s in screens), key=lambda wh: wh[0] * wh[1], default=None)
    if largest is not None and facts.width * facts.height > largest[0] * largest[1] * 1.1:
        found.append(("warning", f"{facts.width}x{facts.height} is larger than the largest screen this "
                                 f"pack is made for ({largest[0]}x{largest[1]}): export it at that size; "
                                 "it decodes with far less work"))
    if facts.fps > MAX_FPS:
        found.append(("warning", f"{facts.fps:g} frames a second: 30 look as smooth on a booth screen and "
                                 "cost half the decoding; export it at 30 or 25"))
    if facts.bit_rate > MAX_MBIT * 1e6:
        found.append(("warning", f"{facts.bit_rate / 1e6:.0f} Mbit/s is more than a booth PC decodes smoothly "
                                 f"without a graphics card; export it at {MAX_MBIT:g} Mbit/s or less"))
    return found


def sound_findings(facts: VideoFacts) -> list[Finding]:
    """Problems with a recording (a screen's narration): errors for what will not play, a
    warning for one longer than a visitor stays."""
    if not facts.opened:
        return [("error", "not a recording the kiosk can play (it plays MP3, M4A (AAC), Ogg, FLAC and WAV); "
                          "export it again", f"(decoder: {facts.why_not})")]
    if facts.has_video:
        return [("error", "this file holds a film: a narration is a recording of sound only (MP3, M4A); "
                          "export its sound")]
    if not facts.has_audio:
        return [("error", "this file holds no sound")]
    if not facts.first_sound:
        return [("error", "no sound could be decoded from the start of this file (damaged?); export it again")]
    if not facts.last_sound:
        return [("error", "the end of the recording cannot be decoded: the file is cut short (an interrupted "
                          "copy?) or damaged; copy it again")]
    if facts.duration_ms > LONG_NARRATION_MS:
        return [("warning", f"{facts.duration_ms / 60_000:.0f} minutes long: few visitors stay that long at a "
                            f"screen; keep a screen's narration under {LONG_NARRATION_MS // 60_000} minutes")]
    return []


def shown_share(film: tuple[int, int], screen: tuple[int, int]) -> float:
    """How much of a film's width (or height) a screen it fills shows: 1.0 when their shapes
    match, 0.32 for a landscape 16:9 film on a portrait 9:16 screen."""
    (fw, fh), (sw, sh) = film, screen
    scale = max(sw / fw, sh / fh)
    return min(sw / (fw * scale), sh / (fh * scale))


def shape_findings(facts: VideoFacts, screens: Sequence[str], portrait_version: bool) -> list[Finding]:
    """An attract film (which fills the screen) on `screens` ("1920x1080"...) of a shape so
    different that most of it is cut off. `portrait_version`: this is the version made for
    portrait screens, named in `portrait:`."""
    if not facts.width or not facts.height:
        return []
    found: list[Finding] = []
    for screen in screens:
        share = shown_share((facts.width, facts.height), size_of(screen))
        if share >= MIN_SHOWN:
            continue
        fix = (f"make it {screen}" if portrait_version else
               f"add 'portrait:' with a version made for it ({screen})")
        found.append(("warning", f"on a {screen} screen this {facts.width}x{facts.height} film shows only "
                                 f"its middle {share:.0%}: {fix}"))
    return found


def clip_findings(facts: VideoFacts) -> list[Finding]:
    """A clip in a screen long enough to hold the kiosk for long: the attract loop never starts
    while one plays, so a visitor who walks away from it leaves it playing to its end."""
    if facts.duration_ms <= LONG_CLIP_MS:
        return []
    return [("warning", f"{facts.duration_ms / 60_000:.0f} minutes long: while a clip plays the kiosk never goes "
                        "back to its attract loop, so one a visitor leaves playing holds the screen until its end; "
                        f"keep clips under {LONG_CLIP_MS // 60_000} minutes")]
