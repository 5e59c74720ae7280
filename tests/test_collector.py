"""Python's cycle collector in a running show (kiosk.system.collector): off while it starts, the
start's objects set aside after, and a pack switch's garbage cycles still collected."""

from __future__ import annotations

import gc
import weakref

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


def test_a_cycle_let_go_after_a_pack_switch_is_collected():
    collector.hold()
    old_pack = Node()
    gone = weakref.ref(old_pack)
    collector.settle()
    del old_pack  # the switch lets the old pack go
    gc.collect()
    assert gone() is not None, "frozen: a plain pass does not see it"
    collector.renew()
    assert gone() is None
