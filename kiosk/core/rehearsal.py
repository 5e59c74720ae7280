"""Rehearsal mode's rules, in plain Python: screen presets and keyboard shortcuts."""

from __future__ import annotations

PRESETS = {
    "1080p": (1920, 1080),
    "4k": (3840, 2160),
    "portrait": (1080, 1920),
    "portrait-4k": (2160, 3840),
}

# (key as shown, action, what it does) in the order the help lists them.
SHORTCUTS = [
    ("← →", "previous/next", "previous / next screen, in the pack's order"),
    ("Home", "home", "the start screen"),
    ("L", "language", "switch language"),
    ("R", "reload", "reload the pack now (it also reloads by itself when a file is saved)"),
    ("O", "overlay", "overlay: screen id, its YAML file:line, touch targets, frame time"),
    ("I", "idle", "go idle now: the attract loop"),
    ("F", "fullscreen", "fullscreen on / off"),
    ("?", "help", "this list"),
]


def fit_scale(design: tuple[int, int], available: tuple[int, int]) -> float:
    """How much to shrink a window laid out at `design` size so it fits on the laptop's screen;
    never enlarged."""
    return min(1.0, available[0] / design[0], available[1] / design[1])


def neighbour(screen_ids: list[str], current: str, step: int) -> str:
    """The screen before (-1) or after (+1) `current`, wrapping around."""
    i = screen_ids.index(current) if current in screen_ids else 0
    return screen_ids[(i + step) % len(screen_ids)]
