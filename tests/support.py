"""Paths and helpers shared by the tests."""

from pathlib import Path

TESTS = Path(__file__).parent
MINIMAL_PACK = TESTS / "packs" / "minimal"
YONGCHUAN_PACK = TESTS.parent / "content" / "yongchuan-2022"
