"""Where the visitor is: current screen, the way back, and the language. Plain Python, no Qt.

The QML view never decides any of this; it calls `open`, `back`, `home`, `set_language` through
the Qt adapter in `kiosk.ui.navigator` and redraws from the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

MAX_HISTORY = 64  # visitors wander in circles for hours; the way back must not grow forever

FORWARD, BACKWARD, JUMP = 1, -1, 0  # JUMP: a fresh start (reset, new pack), shown without animation
# How a screen came: a tile, card or link, Back (or the edge swipe), Home; "start" for the
# screen a visit begins on (kiosk.core.visits).
OPEN, BACK, HOME, START = "open", "back", "home", "start"

# How much larger the type is for a visitor who chose "A+" in the dock: a quarter more, which
# takes body text from 26-28 px to 33-35 px at 1080p (about 9 mm on a 55" screen), but never past
# LARGE_PRINT, nor a heading that is larger already: a heading is not hard to read, and growing it
# would only take the room the body text needs to reflow.
LARGE_TEXT = 1.25
LARGE_PRINT = 40  # px at 1080p


def text_size(size: float, scale: float) -> float:
    """The size of a text of `size` px at 1080p, for a visitor whose look has `scale`."""
    return max(size, min(size * scale, LARGE_PRINT))


@dataclass(frozen=True)
class Look:
    """What a visitor may change about how the kiosk looks, from the dock, until the next visitor."""

    high_contrast: bool = False  # the colours of kiosk.core.contrast instead of the pack's
    large_text: bool = False  # "A+": type LARGE_TEXT times larger

    @property
    def text_scale(self) -> float:
        return LARGE_TEXT if self.large_text else 1.0

    def switched(self, name: str) -> Look:
        """This look with one choice ("high_contrast", "large_text") turned the other way."""
        return replace(self, **{name: not getattr(self, name)})


PACKS_LOOK = Look()  # as the pack made it: how every visitor finds the kiosk


@dataclass
class Navigation:
    start: str
    screen_ids: frozenset[str]
    languages: tuple[str, ...]
    default_language: str
    # The screens each screen's tiles, cards and links open.
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    current: str = ""
    language: str = ""
    history: list[str] = field(default_factory=list)
    direction: int = FORWARD  # of the last move, so the view slides the right way
    # Where the visitor is within the screen shown, as the view reports it ("page": the event or
    # picture of a pager, "scroll": how far its text is scrolled): kept over a reload after an
    # edit, forgotten on leaving the screen.
    place: dict[str, float] = field(default_factory=dict)
    look: Look = PACKS_LOOK

    def __post_init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Back to how a new visitor finds the kiosk: start screen from its beginning, default
        language."""
        self.current = self.start
        self.place = {}
        self.language = self.default_language
        self.look = PACKS_LOOK
        self.history.clear()
        self.direction = JUMP

    def continue_from(self, old: Navigation) -> None:
        """Stay where the visitor was when the pack is reloaded after an edit: same screen, place
        on it, way back and language, as far as they still exist."""
        if old.current in self.screen_ids:
            self.current = old.current
            self.place = dict(old.place)
        self.history = [s for s in old.history if s in self.screen_ids and s != self.current]
        if old.language in self.languages:
            self.language = old.language
        self.look = old.look
        self.direction = JUMP

    def open(self, screen_id: str) -> bool:
        if screen_id not in self.screen_ids or screen_id == self.current:
            return False
        self.history.append(self.current)
        del self.history[:-MAX_HISTORY]
        self._go(screen_id)
        self.direction = FORWARD
        return True

    def back(self) -> bool:
        if not self.history:
            return False
        self._go(self.history.pop())
        self.direction = BACKWARD
        return True

    def home(self) -> bool:
        if self.current == self.start and not self.history:
            return False
        self.history.clear()
        moved = self.current != self.start
        self._go(self.start)
        self.direction = BACKWARD
        return moved

    def _go(self, screen_id: str) -> None:
        if screen_id != self.current:
            self.place = {}  # a screen opened again starts from its beginning
        self.current = screen_id

    def remember(self, screen_id: str, key: str, value: float) -> None:
        """The view reports where the visitor is within a screen. Only the screen shown counts,
        not a page built ahead or one sliding out."""
        if screen_id == self.current:
            self.place[key] = value

    def place_in(self, screen_id: str, key: str, limit: float) -> float:
        """Where a page of `screen_id` built now opens along `key`: where the visitor was, if it is
        the screen shown (rebuilt after an edit), but no further than `limit` (the edited screen
        may now have fewer events or less text); else at the beginning."""
        if screen_id != self.current:
            return 0.0
        return max(0.0, min(self.place.get(key, 0.0), limit))

    def set_language(self, code: str) -> bool:
        if code not in self.languages or code == self.language:
            return False
        self.language = code
        return True

    def next_language(self) -> str:
        """The language one tap on the language button switches to."""
        i = self.languages.index(self.language)
        return self.languages[(i + 1) % len(self.languages)]

    @property
    def can_go_back(self) -> bool:
        return bool(self.history)

    @property
    def can_go_home(self) -> bool:
        """Home takes the visitor somewhere only from another screen than the start."""
        return self.current != self.start

    def one_tap_away(self) -> list[str]:
        """The screens a single tap opens from here: its tiles, cards and links, Back and Home."""
        candidates = [*self.links.get(self.current, ()), *self.history[-1:], self.start]
        return [s for s in dict.fromkeys(candidates) if s != self.current and s in self.screen_ids]


def is_back_swipe(dx: float, dy: float, width: float) -> bool:
    """A drag that started at the left edge counts as Back when it went mostly right and far
    enough: a fifth of the screen width, so scrolling a list sideways never triggers it."""
    return dx > 0.2 * width and abs(dy) < 0.6 * dx
