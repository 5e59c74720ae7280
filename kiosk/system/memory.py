"""How much memory this process holds: for the staff menu's diagnostics and the benchmarks."""

from __future__ import annotations


def rss_mb() -> float | None:
    """Resident memory in MB, from /proc where there is one (None elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration, ValueError):
        return None
