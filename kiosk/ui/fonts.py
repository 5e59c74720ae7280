"""The bundled fonts: Chinese must render on a machine that has no CJK font installed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ..system.locations import ASSETS_DIR

log = logging.getLogger(__name__)

FONTS_DIR = ASSETS_DIR / "fonts"
DEFAULT_FAMILY = "Noto Sans CJK SC"


def bundled_font_files() -> list[Path]:
    return sorted(FONTS_DIR.glob("*.otf")) + sorted(FONTS_DIR.glob("*.ttf"))


# Qt's font database is per process; adding a file twice would only waste memory.
_families_of: dict[Path, list[str]] = {}


def load_fonts(extra: list[Path] = ()) -> list[str]:
    """Register the bundled fonts and a pack's own; return the families Qt now knows from them."""
    families: list[str] = []
    for path in [*bundled_font_files(), *extra]:
        if path not in _families_of:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.error("font cannot be loaded: %s", path)
            _families_of[path] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        families += _families_of[path]
    return families


def use_family(family: str) -> None:
    """Make `family` the default of every Text item, so QML never names a font itself."""
    font = QFont(family)
    # Hinting off keeps glyph shapes identical at every scale (1080p and 4K look the same).
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    QGuiApplication.setFont(font)
