"""Compare two proof folders (`kiosk proof PACK -o DIR`) picture by picture, for a change that
must not change what is on screen (a refactoring): every PNG of the first must exist in the
second with the same pixels.

    python tools/proofdiff.py BEFORE AFTER

Prints each picture that differs (how many pixels, where) and exits 1 if any does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def differing(a: QImage, b: QImage) -> tuple[int, int, tuple[int, int, int, int]]:
    """Pixels that differ, the largest difference of a colour channel (0-255: a few levels is
    text anti-aliased a little differently, 100 or more is something else drawn), and the box
    (x0, y0, x1, y1) around them."""
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    width, rows_a, rows_b = a.width(), bytes(a.constBits()), bytes(b.constBits())
    count, largest, box = 0, 0, [width, a.height(), -1, -1]
    stride = a.bytesPerLine()
    for y in range(a.height()):
        row_a, row_b = rows_a[y * stride:(y + 1) * stride], rows_b[y * stride:(y + 1) * stride]
        if row_a == row_b:
            continue
        for x in range(width):
            pa, pb = row_a[4 * x:4 * x + 4], row_b[4 * x:4 * x + 4]
            if pa != pb:
                count += 1
                largest = max(largest, *(abs(i - j) for i, j in zip(pa, pb)))
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    return count, largest, (box[0], box[1], box[2], box[3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    pictures = sorted(p.relative_to(args.before) for p in args.before.rglob("*.png"))
    if not pictures:
        print(f"no PNG files in {args.before}", file=sys.stderr)
        return 2
    bad = 0
    for rel in pictures:
        a, b = QImage(str(args.before / rel)), QImage(str(args.after / rel))
        if b.isNull():
            print(f"{rel}: missing in {args.after}")
        elif a.size() != b.size():
            print(f"{rel}: {a.width()}x{a.height()} before, {b.width()}x{b.height()} after")
        elif a != b:
            count, largest, box = differing(a, b)
            print(f"{rel}: {count} pixels differ, by up to {largest} levels, within {box}")
        else:
            continue
        bad += 1
    print(f"{len(pictures) - bad} of {len(pictures)} pictures identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
