"""Whether an image file can be shown, read from its header with Qt's own decoders.

Lives outside `kiosk.content` (which imports no Qt) and is handed to `load_pack` by the caller.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImageReader


def check_image(path: Path) -> str | None:
    """None when Qt can decode the file, else a message for the content editor."""
    reader = QImageReader(str(path))
    # The extension can lie (a PNG saved as .jpg); what counts is what the bytes are.
    reader.setDecideFormatFromContent(True)
    if not reader.canRead():
        return f"not a readable image ({reader.errorString().lower()})"
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return "not a readable image (its size cannot be read)"
    return None
