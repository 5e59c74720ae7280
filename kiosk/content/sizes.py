"""Screen sizes as a pack writes them (model.Size). Apart from the model: the video checks need
it, and they load before the start picture (kiosk.system.imagecheck), the model after it."""

from __future__ import annotations


def size_of(text: str) -> tuple[int, int]:
    """(width, height) of a Size such as "1920x1080"."""
    width, height = text.lower().split("x")
    return int(width), int(height)
