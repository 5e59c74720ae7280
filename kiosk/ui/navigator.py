"""The navigator QML binds to: a thin Qt adapter over `kiosk.core.navigation.Navigation`."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Property, QObject, QSize, QUrl, Signal, Slot

from ..content import Pack, ScreenRef, parts
from ..content.captions import Cue, caption_at, read_vtt
from ..core.contrast import HIGH_CONTRAST
from ..core.navigation import BACK, HOME, LARGE_PRINT, OPEN, Look, Navigation, is_back_swipe
from .images import decode_size_for
from .present import font_features, language_name, present, present_pack

log = logging.getLogger(__name__)


class Navigator(QObject):
    moved = Signal()  # screen, history or direction changed
    navigated = Signal(str, str)  # a visitor's move: how ("open", "back", "home"), and to which screen
    languageChosen = Signal(str)  # a visitor's choice (not a reset to the default)
    # What a visitor does within a screen, for the visitor analytics: a page turned (screen,
    # page), a picture zoomed (screen, picture), a clip stopped or ended (its file in the pack,
    # the share of it played).
    paged = Signal(str, int)
    zoomed = Signal(str, int)
    clipWatched = Signal(str, float)
    narrationHeard = Signal(str, float)  # likewise, a screen's narration
    languageChanged = Signal()
    packChanged = Signal()
    lookChanged = Signal()  # the colours and type: another pack, high contrast or A+ switched
    soundChanged = Signal()

    def __init__(self, pack: Pack, language: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._failed_images: set[str] = set()
        self._lower_content: bool | None = None
        self._sound = ""  # what may be heard (see takeSound)
        self._set_pack(pack, language)

    def _set_pack(self, pack: Pack, language: str | None) -> None:
        self._pack = pack
        self._captions: dict[str, list[Cue]] = {}  # captions file URL -> its cues, read on first use
        self._pack_view = present_pack(pack)
        self._screens = {s.id: present(s, pack.root) for s in pack.screens}
        self._nav = Navigation(
            start=pack.start.id, screen_ids=frozenset(self._screens), languages=tuple(pack.languages),
            default_language=language if language in pack.languages else pack.default_language,
            links={s.id: tuple(ref.id for ref in parts(s, ScreenRef)) for s in pack.screens},
        )

    def set_pack(self, pack: Pack, language: str | None = None, keep_place: bool = False) -> None:
        """Show another pack all at once: from its start screen, or (`keep_place`, a reload after
        an edit) on the same screen as before."""
        old = self._nav
        self._set_pack(pack, language)
        if keep_place:
            self._nav.continue_from(old)
        self.packChanged.emit()
        self.lookChanged.emit()
        self.languageChanged.emit()
        self.moved.emit()

    def set_default_language(self, code: str) -> None:
        """The language each new visitor starts in (staff may change it for this machine)."""
        if code in self._nav.languages:
            self._nav.default_language = code

    @Slot(str)
    def reset(self, why: str = "") -> None:
        """As a new visitor finds the kiosk: start screen, default language, no history. `why`,
        if given, goes to the log with where the kiosk is now."""
        self._nav.reset()
        if why:
            log.info("%s: back to the start screen, language %s", why, self._nav.language)
        self.lookChanged.emit()
        self.languageChanged.emit()
        self.moved.emit()

    # --- what QML reads -------------------------------------------------------------------

    @Property("QVariantMap", notify=packChanged)
    def pack(self) -> dict:
        return self._pack_view

    @Property("QVariantMap", notify=lookChanged)
    def theme(self) -> dict:
        """The pack's theme, in the high-contrast colours if the visitor chose them."""
        theme = self._pack_view["theme"]
        return {**theme, **HIGH_CONTRAST} if self._nav.look.high_contrast else theme

    @Property(bool, notify=lookChanged)
    def highContrast(self) -> bool:
        return self._nav.look.high_contrast

    @Property(float, notify=lookChanged)
    def textScale(self) -> float:
        """1, or larger while the visitor has A+ on (kiosk.core.navigation.LARGE_TEXT)."""
        return self._nav.look.text_scale

    @Property(bool, notify=packChanged)
    def lowerContent(self) -> bool:
        """On a portrait screen, the screens in the bottom two thirds: the machine's setting if
        it has one, else the pack's `lower_content`."""
        return self._pack.lower_content if self._lower_content is None else self._lower_content

    def set_lower_content(self, lower: bool | None) -> None:
        """This machine's setting (None: as the pack says), before the window opens."""
        self._lower_content = lower

    @Property(float, constant=True)
    def largePrint(self) -> float:
        """Text this large (px at 1080p) does not grow with A+ (kiosk.core.navigation.text_size)."""
        return LARGE_PRINT

    @Property(bool, notify=lookChanged)
    def largeText(self) -> bool:
        return self._nav.look.large_text

    @Property("QVariantMap", notify=moved)
    def screen(self) -> dict:
        return self._screens[self._nav.current]

    @Property("QVariantList", notify=moved)
    def upcoming(self) -> list[dict]:
        """The screens one tap away: the view builds them ahead while the visitor reads, so
        that a tap only has to show one."""
        return [self._screens[s] for s in self._nav.one_tap_away()]

    @property
    def screen_ids(self) -> list[str]:
        """In the pack's order: the order of files in screens/."""
        return list(self._screens)

    @Property(str, notify=moved)
    def screenId(self) -> str:
        return self._nav.current

    @Property(bool, notify=moved)
    def canGoBack(self) -> bool:
        return self._nav.can_go_back

    @Property(bool, notify=moved)
    def canGoHome(self) -> bool:
        return self._nav.can_go_home

    @Property(int, notify=moved)
    def direction(self) -> int:
        return self._nav.direction

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._nav.language

    @Property(str, notify=languageChanged)
    def defaultLanguage(self) -> str:
        return self._nav.default_language

    @Property(str, notify=languageChanged)
    def nextLanguage(self) -> str:
        return self._nav.next_language()

    @Property(str, notify=languageChanged)
    def nextLanguageName(self) -> str:
        """The language button's label: the next language named in itself."""
        return language_name(self._nav.next_language())

    @Property("QVariantMap", notify=languageChanged)
    def fontFeatures(self) -> dict[str, int]:
        """How the current language's text is shaped (kiosk.ui.present.font_features)."""
        return font_features(self._nav.language)

    # --- what QML asks for ----------------------------------------------------------------

    @Slot(str)
    def open(self, screen_id: str) -> None:
        if self._nav.open(screen_id):
            self.moved.emit()
            self.navigated.emit(OPEN, self._nav.current)

    @Slot()
    def back(self) -> None:
        if self._nav.back():
            self.moved.emit()
            self.navigated.emit(BACK, self._nav.current)

    @Slot()
    def home(self) -> None:
        if self._nav.home():
            self.moved.emit()
            self.navigated.emit(HOME, self._nav.current)

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if self._nav.set_language(code):
            self.languageChanged.emit()
            self.languageChosen.emit(code)

    @Slot()
    def toggleLanguage(self) -> None:
        self.setLanguage(self._nav.next_language())

    @Slot()
    def toggleContrast(self) -> None:
        self.set_look(self._nav.look.switched("high_contrast"))

    @Slot()
    def toggleLargeText(self) -> None:
        self.set_look(self._nav.look.switched("large_text"))

    def set_look(self, look: Look) -> None:
        """Show the screens as a visitor who chose `look` sees them (also for proofs and the lint)."""
        self._nav.look = look
        self.lookChanged.emit()

    @Slot(str, str, float)
    def remember(self, screen_id: str, key: str, value: float) -> None:
        """Where the visitor is within a screen ("page", "scroll"), kept over a hot reload."""
        self._nav.remember(screen_id, key, value)
        if key == "page":
            self.paged.emit(screen_id, int(value))

    @Slot(str, int)
    def noteZoom(self, screen_id: str, index: int) -> None:
        """A visitor zoomed picture `index` of a gallery."""
        self.zoomed.emit(screen_id, index)

    @Property(str, notify=soundChanged)
    def sound(self) -> str:
        """What may be heard: the narration ("narration"), a clip (its file), or nothing yet."""
        return self._sound

    @Slot(str)
    def takeSound(self, who: str) -> None:
        """One sound at a time: a narration starting silences a clip the visitor turned the sound
        of on, and turning a clip's sound on stops the narration (each player, told by `sound`)."""
        if who != self._sound:
            self._sound = who
            self.soundChanged.emit()

    @Slot(str, float, float)
    def noteClip(self, url: str, position_ms: float, duration_ms: float) -> None:
        """A visitor's clip stopped (or played to its end) at `position_ms`."""
        self.clipWatched.emit(*self._played(url, position_ms, duration_ms))

    @Slot(str, float, float)
    def noteNarration(self, url: str, position_ms: float, duration_ms: float) -> None:
        """A screen's narration stopped (or was heard to its end) at `position_ms`."""
        self.narrationHeard.emit(*self._played(url, position_ms, duration_ms))

    def _played(self, url: str, position_ms: float, duration_ms: float) -> tuple[str, float]:
        """The file (as the pack names it) and the share of it played."""
        path = Path(QUrl(url).toLocalFile())
        name = path.relative_to(self._pack.root).as_posix() if path.is_relative_to(self._pack.root) else path.name
        return name, min(1.0, position_ms / duration_ms) if duration_ms > 0 else 0.0

    @Slot(str, str, float, result=float)
    def placeIn(self, screen_id: str, key: str, limit: float) -> float:
        """Where a page being built opens: see Navigation.place_in."""
        return self._nav.place_in(screen_id, key, limit)

    @Slot(float, float, float)
    def edgeSwipe(self, dx: float, dy: float, width: float) -> None:
        if is_back_swipe(dx, dy, width):
            self.back()

    @Slot(str, float, float, bool, result=QSize)
    def decodeSize(self, url: str, width: float, height: float, crop: bool) -> QSize:
        """The size a picture is decoded at, shown in a width x height box."""
        return QSize(*decode_size_for(url, (width, height), crop))

    @Slot(str, float, result=str)
    def caption(self, url: str, ms: float) -> str:
        """What a clip's captions file (a file URL) says at `ms` into the clip. Read on first
        use; a file that cannot be read shows no captions (kiosk validate names the problem)."""
        if not url:
            return ""
        if url not in self._captions:
            try:
                self._captions[url] = read_vtt(Path(QUrl(url).toLocalFile()).read_bytes())[0]
            except OSError as e:
                log.warning("captions cannot be read, the clip plays without them: %s (%s)", url, e)
                self._captions[url] = []
        return caption_at(self._captions[url], ms)

    @Slot(str, str)
    def filmFailed(self, url: str, why: str) -> None:
        # Its poster shows instead, and the loop goes on.
        log.warning("film cannot be played, showing its poster: %s (%s)", url, why)

    @Slot(str, str)
    def narrationFailed(self, url: str, why: str) -> None:
        # The Listen button goes back to "listen"; the screen stays as it is.
        log.warning("narration cannot be played: %s (%s)", url, why)

    @Slot(str)
    def imageFailed(self, url: str) -> None:
        # A broken image shows a placeholder; say so once, not on every visit to the screen.
        if url not in self._failed_images:
            self._failed_images.add(url)
            log.warning("image cannot be shown, showing a placeholder: %s", url)
