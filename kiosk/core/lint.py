"""Content lint that needs no screen: colour contrast of the theme. Plain Python.

The checks that need the real fonts and layout (text cut short, images too small or far too
large for their box, small touch targets) are in `kiosk.ui.lint`.
"""

from __future__ import annotations

import re

from ..content import Pack, Pos, Problem

WCAG_AA = 4.5  # minimum contrast for normal text (WCAG 2.x, level AA)

# (text colour, background colour) pairs the view actually draws text with.
TEXT_ON = [("text", "background"), ("text", "surface"), ("muted", "background"), ("muted", "surface"),
           ("accent", "background"), ("accent", "surface")]


def luminance(color: str) -> float:
    """Relative luminance of "#rgb", "#rrggbb" or "#aarrggbb" (alpha ignored)."""
    hex_digits = color.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    rgb = [int(hex_digits[-6:][i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def theme_problems(pack: Pack) -> list[Problem]:
    theme = pack.theme
    found = []
    for fg, bg in TEXT_ON:
        ratio = contrast(getattr(theme, fg), getattr(theme, bg))
        if ratio < WCAG_AA:
            found.append(Problem(
                theme.pos_of(fg), "warning",
                f"theme colour '{fg}' ({getattr(theme, fg)}) on '{bg}' ({getattr(theme, bg)}) has contrast "
                f"{ratio:.1f}:1; text needs at least {WCAG_AA}:1 (WCAG AA) to be read in a bright hall"))
    return found


def kind_of(problem: Problem, look_name: str) -> tuple[Pos, str]:
    """What a layout problem is, whatever look it was found in and whatever it measured: where,
    and the message without the look's name and its numbers. A picture shown 21.4x enlarged in
    the pack's look and 20.1x with A+ is one problem, said once; a title cut short only with A+
    where a picture of the same line is too small is another, said too."""
    return problem.where, re.sub(r"\d+(\.\d+)?", "#", problem.message.replace(look_name, ""))
