"""Render the README's screenshots (assets/screenshots/) from the default pack, headless.

Run after changing what the home or timeline screens look like:
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk import locations
from kiosk.content import load_pack
from kiosk.ui.app import prepare_qt
from kiosk.ui.render import render_screens

OUT = locations.ASSETS_DIR / "screenshots"
SHOTS = {("home", "zh"): "home-zh.png", ("history", "en"): "timeline-en.png",
         ("history", "zh"): "timeline-zh.png", ("figures", "en"): "figures-en.png"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--width", type=int, default=1280, help="width of the saved images")
    args = parser.parse_args()
    prepare_qt()
    app = QGuiApplication(sys.argv)  # noqa: F841  (Qt needs it alive while rendering)
    pack = load_pack(locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK).pack
    wanted = {screen for screen, _ in SHOTS}
    pack = dataclasses.replace(pack, screens=[s for s in pack.screens if s.id in wanted])
    args.out.mkdir(parents=True, exist_ok=True)
    for shot in render_screens(pack, (1920, 1080), pack.languages):
        name = SHOTS.get((shot.screen_id, shot.language))
        if name:
            image = shot.image.scaledToWidth(args.width, Qt.TransformationMode.SmoothTransformation)
            image.save(str(args.out / name))
            print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
