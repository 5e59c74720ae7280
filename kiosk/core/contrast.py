"""The high-contrast look a visitor can switch on at the kiosk, and the contrast arithmetic of
WCAG 2 that says it is one. Plain Python.

The pack's own colours are the designer's; a visitor who sees poorly may switch (from the dock)
to these, which give every text at least WCAG's AAA contrast (7:1) against everything it is
drawn on. Pictures and the pack's logo stay as they are.
"""

from __future__ import annotations

AAA = 7.0  # WCAG 2 success criterion 1.4.6: body text against its background

HIGH_CONTRAST = {
    "background": "#000000",
    "surface": "#000000",  # cards and tiles stand out by their outline, not a tint
    "primary": "#1a1a1a",
    "accent": "#ffd600",  # a yellow: 15:1 on black, and read by most colour-blind visitors
    "text": "#ffffff",
    "muted": "#e6e6e6",
}


def luminance(colour: str) -> float:
    """Relative luminance of '#rrggbb' (WCAG 2)."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
