"""Facts about the Qt binding that a kiosk running for days depends on."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()


def test_emitting_signals_does_not_leak_references():
    """PySide6 6.12.0's emit() steals a reference to True on each call; after enough emits (one
    per touch event) Python frees True and the process dies. A pinned version must not."""
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(10_000):
        emitter.ping.emit()
    assert abs(sys.getrefcount(True) - before) < 100
