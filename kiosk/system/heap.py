"""Keep the process's memory flat over a day of visitors (glibc only; elsewhere nothing to do).

Each screen change frees megabytes of page items, text layouts and decoded images. glibc's
allocator raises its mmap threshold every time such a block is freed, so after a few hundred
navigations those blocks come from the heap instead, and a freed heap block is kept by the
process rather than given back: `kiosk bench` measured +32 MB of resident memory over the first
500 navigations, held from then on. A fixed threshold keeps large blocks in mmap (returned the
moment they are freed) and a low trim threshold gives the heap's free top back: +1 MB over
4,000 navigations, and 20 MB less at start.

What is left grows little once the show has been used a while. `bench/soak.py` (10,000
navigations with 100 idle resets and 50 pack switches) finds 3.8 to 6.2 MB of growth after a
warm-up of 800 navigations, and the first few hundred navigations fill 5.5 to 5.8 MB more.
heaptrack finds 2.8 MB more in use after 2,000 navigations than after the warm-up's first part
(1.7 MB of it pictures Qt Quick decoded: Qt keeps up to 2 MB of those no longer shown) and 42 KB
more after 10,000 than after 2,000; the rest is the C heap's pages fragmented and a JavaScript
heap 1 to 3 MB larger. None of these did better, in two soaks each: one arena (MALLOC_ARENA_MAX=1),
a 64 KB threshold, mimalloc (40 MB more at start), jemalloc (Qt Quick crashes under it within
seconds; valgrind finds no bad access under glibc).
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 256 * 1024  # bytes: a 256x256 RGBA image; a page item's data is far smaller
TRIM_ABOVE = 1024 * 1024


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")  # not find_library(): it runs ldconfig, 7 ms at start
    except OSError:
        return None
    # musl (Alpine) has neither function; the defaults then stand.
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


_LIBC = _glibc()


def keep_compact() -> None:
    """Set the allocator's thresholds; call once, before the window is built."""
    if _LIBC and not (_LIBC.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK) and _LIBC.mallopt(M_TRIM_THRESHOLD, TRIM_ABOVE)):
        log.warning("could not set the memory allocator's thresholds; memory may grow a little")


def trim() -> None:
    """Give the heap's free pages back now, so that resident memory shows what is held (the soak
    bench measures with it; the kiosk itself leaves it to TRIM_ABOVE)."""
    if _LIBC:
        _LIBC.malloc_trim(0)
