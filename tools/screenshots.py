"""Render the README's screenshots (assets/screenshots/) from the default pack, headless: a few
screens, and the proof contact sheet at 1920x1080.

Run after changing what the home or timeline screens look like:
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from kiosk.content import load_pack
from kiosk.system import locations
from kiosk.ui.proof import proof
from kiosk.ui.render import render_screens

OUT = locations.ASSETS_DIR / "screenshots"
SHOTS = {("home", "zh"): "home-zh.png", ("history", "en"): "timeline-en.png",
         ("history", "zh"): "timeline-zh.png", ("figures", "en"): "figures-en.png"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--width", type=int, default=1280, help="width of the saved images")
    args = parser.parse_args()
    app = QGuiApplication(sys.argv)  # noqa: F841  (Qt needs it alive while rendering)
    pack = load_pack(locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK).pack
    wanted = {screen for screen, _ in SHOTS}
    screens = dataclasses.replace(pack, screens=[s for s in pack.screens if s.id in wanted])
    args.out.mkdir(parents=True, exist_ok=True)
    for shot in render_screens(screens, (1920, 1080), pack.languages):
        name = SHOTS.get((shot.screen_id, shot.language))
        if name:
            save_scaled(shot.image, args.out / name, args.width)
    with tempfile.TemporaryDirectory() as tmp:
        proof(pack, Path(tmp), [(1920, 1080)], pack.languages)
        save_scaled(QImage(str(Path(tmp) / "contact-1920x1080.png")), args.out / "proof-contact-1920x1080.jpg",
                    args.width)
    return 0


def save_scaled(image: QImage, path: Path, width: int) -> None:
    smaller = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    smaller.save(str(path), quality=88 if path.suffix == ".jpg" else -1)
    print(path)


if __name__ == "__main__":
    sys.exit(main())
