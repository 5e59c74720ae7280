"""Screen sizes as a pack writes them (model.Size). Apart from the model, which `kiosk run` loads
only once the start picture is on the screen: `--size` and the video checks read sizes too."""

from __future__ import annotations


def size_of(text: str) -> tuple[int, int]:
    """(width, height) of a Size such as "1920x1080"."""
    width, height = text.lower().split("x")
    return int(width), int(height)
