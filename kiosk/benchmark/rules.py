"""The arithmetic of the black-box bench, without a screen or a window: how different two
grabbed pictures are, percentiles, when a screen has settled, and what a run of frame times says
about a slide. Plain Python (no numpy), fast enough on 1920x1080 pictures: every loop over the
pixels runs inside C (big-integer XOR, bytes.translate, bytes.count).

A picture is what the X server hands back: rows of 4-byte pixels, B G R and a pad byte that
means nothing on a 24-bit screen, so only the first three bytes of each pixel are compared.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

PIXEL = 4  # bytes per pixel: B, G, R, pad
SETTLED_WITHIN = 0.01  # a screen has settled once it stays within 1 % of its final picture

# A bytes.translate table: any non-zero byte becomes 1 (a changed channel).
_NONZERO = bytes([0] + [1] * 255)


def changed_fraction(a: bytes, b: bytes) -> float:
    """The share of pixels (0..1) whose colour differs at all between two pictures of the same
    size."""
    if len(a) != len(b):
        raise ValueError(f"pictures of different sizes: {len(a)} and {len(b)} bytes")
    if a == b:  # the usual case, and a memcmp
        return 0.0
    pixels = len(a) // PIXEL
    # XOR of the two pictures as one big number: zero bytes where they agree.
    x = (int.from_bytes(a, "little") ^ int.from_bytes(b, "little")).to_bytes(len(a), "little")
    # One 0/1 byte per pixel for each colour channel, OR-ed together as big numbers.
    changed = 0
    for channel in range(3):
        changed |= int.from_bytes(x[channel::PIXEL].translate(_NONZERO), "little")
    return changed.to_bytes(pixels, "little").count(1) / pixels


def sample_rows(picture: bytes, width: int, step: int = 4) -> bytes:
    """Every `step`-th row of a picture: a quarter of the bytes to keep and compare, for the
    many pictures of a start-up (1 % of the pixels is still thousands of them)."""
    stride = width * PIXEL
    return b"".join(picture[y:y + stride] for y in range(0, len(picture), stride * step))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), interpolated between the two nearest values (as numpy's
    default, and Excel's PERCENTILE.INC). Needs at least one value."""
    if not values:
        raise ValueError("no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is not within 0..100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def settled_index(differences_to_final: Sequence[float], within: float = SETTLED_WITHIN) -> int:
    """Given, for each distinct picture in time order, its difference from the last one (the
    final picture), the index of the first picture from which the screen stays within `within`
    of the final picture to the end. A screen that goes close, then away again (a flash, a page
    that slides in late), has not settled until it comes back for good."""
    if not differences_to_final:
        raise ValueError("no pictures")
    index = len(differences_to_final) - 1  # the final picture is within 0 % of itself
    while index > 0 and differences_to_final[index - 1] <= within:
        index -= 1
    return index


def frame_gaps(times: Sequence[float]) -> list[float]:
    """The time between each two successive distinct pictures."""
    return [b - a for a, b in zip(times, times[1:])]


def slide_figures(times: Sequence[float]) -> tuple[float, float] | None:
    """Frames per second and the longest gap between frames (ms), for the times (ms) at which
    the distinct pictures of one slide were first seen, the first changed picture to the last.
    None for fewer than two pictures: a page that appears at once has no frame rate."""
    if len(times) < 2:
        return None
    span = times[-1] - times[0]
    if span <= 0:
        raise ValueError("frame times must increase")
    return (len(times) - 1) / span * 1000, max(frame_gaps(times))


def cpu_percent(cpu_seconds: float, wall_seconds: float) -> float:
    """CPU used over a stretch of time, in percent of one core."""
    if wall_seconds <= 0:
        raise ValueError("no time passed")
    return cpu_seconds / wall_seconds * 100


def far_apart(a: bytes, b: bytes, tolerance: int) -> float:
    """The share of pixels (0..1) with a colour channel that differs by more than `tolerance`
    levels between two pictures of the same size. For small pictures (a Python loop): two
    renderers' pictures of the same screen, shrunk, differ by a few levels where they differ
    at all (anti-aliased edges, averaged away); two different screens differ by far more."""
    if len(a) != len(b):
        raise ValueError(f"pictures of different sizes: {len(a)} and {len(b)} bytes")
    if a == b:
        return 0.0
    apart = 0
    for i in range(0, len(a), PIXEL):
        if (abs(a[i] - b[i]) > tolerance or abs(a[i + 1] - b[i + 1]) > tolerance
                or abs(a[i + 2] - b[i + 2]) > tolerance):
            apart += 1
    return apart / (len(a) // PIXEL)


# --- films: each frame's number drawn in a code a grab of the screen can read --------------------

CODE_BITS = 10  # frame numbers 0..1023: 34 s of a 30 fps film


def code_cells(width: int, height: int) -> list[tuple[int, int, int]]:
    """Where a frame's number is drawn on a film of `width` x `height`: a row of square cells
    at the top, centred (a portrait screen crops a landscape film's sides), as (left, top, side)
    in the film's pixels. The cells are: white, the number's bits from the highest (white = 1),
    a parity cell (white when the bits hold an odd number of ones), black."""
    side = max(8, round(height / 27))
    count = CODE_BITS + 3
    left = (width - count * side) // 2
    return [(left + i * side, side, side) for i in range(count)]


def code_whites(number: int) -> list[bool]:
    """Which cells of `code_cells` are white for frame `number`."""
    if not 0 <= number < 2 ** CODE_BITS:
        raise ValueError(f"frame number {number} does not fit in {CODE_BITS} bits")
    bits = [bool(number >> (CODE_BITS - 1 - i) & 1) for i in range(CODE_BITS)]
    return [True, *bits, sum(bits) % 2 == 1, False]


def read_code(levels: Sequence[float]) -> int | None:
    """The frame number from the brightness (0..255) of each cell's middle; None when the cells
    do not hold one: a poster, a fade, a picture that was half drawn when grabbed."""
    if len(levels) != CODE_BITS + 3 or any(64 < level < 192 for level in levels):
        return None
    whites = [level >= 192 for level in levels]
    bits = whites[1:1 + CODE_BITS]
    if not whites[0] or whites[-1] or (sum(bits) % 2 == 1) != whites[1 + CODE_BITS]:
        return None
    return sum(1 << (CODE_BITS - 1 - i) for i, bit in enumerate(bits) if bit)


def cover(screen: tuple[int, int], film: tuple[int, int]) -> tuple[float, float, float]:
    """How a film fills a screen, cropped (as the attract loop shows it): its scale, and where
    its top-left corner lands (x, y; negative where it is cropped)."""
    scale = max(screen[0] / film[0], screen[1] / film[1])
    return scale, (screen[0] - film[0] * scale) / 2, (screen[1] - film[1] * scale) / 2


def frames_missed(numbers: Sequence[int], frames: int) -> tuple[int, int]:
    """From the frame numbers read off the screen in time order (repeats where a grab saw the
    same frame again; a film that loops goes from its last frame back to 0), the frames shown
    and the frames skipped between them, counted forward around the loop of `frames`."""
    shown = skipped = 0
    previous = None
    for number in numbers:
        if number == previous:
            continue
        if previous is not None:
            skipped += (number - previous - 1) % frames
        shown += 1
        previous = number
    return shown, skipped
