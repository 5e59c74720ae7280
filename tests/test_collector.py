"""Python's cycle collector in a running show (kiosk.system.collector): off while it starts, the
start's objects set aside after."""

from __future__ import annotations

import gc

import pytest

from kiosk.system import collector


@pytest.fixture(autouse=True)
def as_it_was():
    yield
    gc.unfreeze()
    gc.enable()


class Node:
    def __init__(self):
        self.other = self  # a cycle: only the collector frees it


def test_off_while_starting_then_the_start_set_aside():
    collector.hold()
    assert not gc.isenabled()
    kept = Node()
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert not any(o is kept for o in gc.get_objects()), "set aside: no pass looks at it"
