"""`kiosk bench`: what a visitor feels, measured on this machine.

Two ways of looking, printed as two tables:

- **black box** (`blackbox.py`, the default): the kiosk runs as a booth runs it, `python -m
  kiosk run PACK`, fullscreen on a real X screen (a private Xvfb when there is no display), and
  the bench watches it from outside: it grabs the screen every few milliseconds and sends taps
  through XTest (`screen.py`), and reads CPU time and memory of the kiosk's processes. Nothing of
  the bench runs inside the kiosk.
- **in process** (`inprocess.py`, the figures we had first): the show driven from inside its own
  process, timed by Qt's own frameSwapped signal.

The difference between the two tables is worth reading: a real tap's way in (the X server,
Qt's event queue) and a frame's way out, from Qt saying "swapped" to the picture on the screen.

`command.py` runs it all (`kiosk bench`); `screen.py` grabs, taps and reads the processes;
`mirror.py` knows where to tap; `rules.py` holds the arithmetic, tested without a window. This
module imports neither Qt nor the bench's own dependencies.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

# Module -> the distribution that provides it; all are the `bench` extra of pyproject.toml.
BLACK_BOX_NEEDS = {"mss": "mss", "psutil": "psutil", "Xlib": "python-xlib", "av": "av"}


class BenchError(RuntimeError):
    """An expected failure (no X server, the kiosk would not start, ...): `kiosk bench` prints
    the message, which says what happened and what to do, without a traceback."""


@dataclass
class Figure:
    key: str
    value: float
    unit: str
    target: float | None  # at most; at least where `at_least`
    what: str
    at_least: bool = False  # frames per second: more is better

    def misses(self) -> bool:
        """Whether the figure is on the wrong side of its target."""
        if self.target is None:
            return False
        return self.value < self.target if self.at_least else self.value > self.target


def missing_packages() -> list[str]:
    """The bench's packages that are not installed (their names for pip)."""
    return [dist for module, dist in BLACK_BOX_NEEDS.items() if importlib.util.find_spec(module) is None]
