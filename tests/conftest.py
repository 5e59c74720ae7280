"""Every test runs headless, with a throw-away per-machine folder (config, logs, user packs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .support import TESTS

# Set before anything imports Qt: an offscreen 1920x1080 screen, like the booth's.
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={TESTS / 'offscreen-1080p.json'}"
os.environ.setdefault("QT_QUICK_BACKEND", "software")


@pytest.fixture(autouse=True)
def kiosk_home(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("kiosk-home")
    monkeypatch.setenv("KIOSK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def qapp_cls():
    # The visitor UI is pure Qt Quick: no QWidget, so no QApplication.
    from PySide6.QtGui import QGuiApplication
    return QGuiApplication


@pytest.fixture
def show_pack(qapp, qtbot):
    """Open a kiosk window on a pack; closed again after the test."""
    from kiosk.content import load_pack
    from kiosk.system.imagecheck import check_image
    from kiosk.ui.app import Show
    shows = []

    def open_show(folder: Path, size=(1920, 1080), windowed=True, **options):
        result = load_pack(folder, check_image)
        assert result.ok, [p.format() for p in result.problems]
        show = Show(result.pack, windowed=windowed, size=size, **options)
        shows.append(show)
        qtbot.waitExposed(show.window)
        return show

    yield open_show
    for show in shows:
        show.close()

