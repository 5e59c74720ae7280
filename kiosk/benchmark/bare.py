"""A bare PySide6 window that fills the screen with one colour: the least a PySide6 program pays
to put a picture on this screen (Python's start, QtCore and QtGui, the platform, one paint).

`kiosk bench` starts it before each launch of the kiosk and times it the same way (launch_bare_ms),
so that the kiosk's start-up can be read against the machine as it was at that moment: one 2-core
VM drew a minimal Qt Quick window 1.6 to 2 times slower on one day than on another. Run as a
script, so that nothing of kiosk is imported."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QRasterWindow

COLOUR = QColor("#1f4e8c")  # anything but the empty screen's black


class Bare(QRasterWindow):
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), COLOUR)
        painter.end()


if __name__ == "__main__":
    app = QGuiApplication(sys.argv)
    window = Bare()
    # As the kiosk's start picture is shown (kiosk/ui/startpicture.py).
    window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
    window.setCursor(Qt.CursorShape.BlankCursor)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    sys.exit(app.exec())  # until the bench stops it (SIGTERM)
