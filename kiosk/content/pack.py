"""Load a content pack folder and check it completely: every problem, in one run.

A pack is `pack.yaml` plus one screen per `screens/*.yaml` file (screens may also be listed in
pack.yaml under `screens:`), and the images and fonts they name, all inside the folder.
`load_pack` returns a `Pack` only when there is no error, so the view never sees a broken pack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .captions import read_vtt
from .folders import PACK_FILE, NotAPackFolder
from .model import (
    LANGUAGE_CODE,
    Asset,
    Clip,
    DetailScreen,
    GalleryItem,
    Image,
    Pack,
    Screen,
    ScreenRef,
    Sound,
    Text,
    Video,
    parts,
)
from .paths import PathRefused, resolve_in_pack
from .problems import Finding, Pos, Problem, Problems, did_you_mean
from .sizes import size_of
from .video import VideoFacts, VideoProbe, clip_findings, shape_findings, sound_findings, video_findings

# The YAML reader (schema, yamlsource and PyYAML) is imported where a pack is read, not here:
# a show that starts from its pack cache (kiosk/system/packcache.py) never needs it (18 ms).
if TYPE_CHECKING:
    from .yamlsource import Node

SCREENS_DIR = "screens"

# Checks that an image file can be shown; returns (severity, message) pairs, none when it is fine.
# It is passed in because reading images needs Qt, and this package imports no Qt.
ImageCheck = Callable[[Path], "list[Finding]"]


@dataclass
class LoadResult:
    root: Path
    problems: list[Problem]
    pack: Pack | None = None  # set only when there are no errors
    # The pack as far as it could be read, errors and all: for tools that work on a pack being
    # edited (kiosk texts, where a language just added has no texts yet). Never shown.
    draft: Pack | None = None
    # Best-effort facts for listings, known even when the pack has errors:
    id: str | None = None
    title: Text | None = None
    languages: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def load_pack(root: Path, check_image: ImageCheck | None = None, probe_video: VideoProbe | None = None) -> LoadResult:
    from .schema import Reader

    root = Path(root)
    if not root.is_dir():
        raise NotAPackFolder(f"{root}: no such folder")
    problems = Problems()
    result = LoadResult(root, [])
    if not (root / PACK_FILE).exists():
        problems.error(Pos(PACK_FILE), f"no {PACK_FILE} in this folder: every pack needs one")
        result.problems = problems.sorted()
        return result

    node = _load_inside(root, PACK_FILE, problems)
    if node is None:
        result.problems = problems.sorted()
        return result
    languages = _languages(node)
    reader = Reader(problems, languages)
    pack = reader.read_model(node, Pack)
    if pack is None:  # pack.yaml is not a mapping at all; nothing more to check
        result.problems = problems.sorted()
        return result
    result.id, result.title, result.languages = pack.id, pack.title, languages or []

    screens = list(pack.screens or [])
    unreadable: set[str] = set()  # ids of screens too broken to read, so links to them don't cascade
    for path in _screen_files(root):
        rel = path.relative_to(root).as_posix()
        screen_node = _load_inside(root, rel, problems)
        if screen_node is None:
            unreadable.add(path.stem)
            continue
        screen = reader.read(screen_node, Screen)
        if screen is not None and screen.id is not None:
            screens.append(screen)
        else:
            unreadable.update(i for i in (_written_id(screen_node), path.stem) if i is not None)
    pack = dataclasses.replace(pack, screens=screens, root=root)
    result.draft = pack

    if pack.id and pack.id != root.resolve().name:
        problems.warning(node.value["id"].pos, f"pack id '{pack.id}' differs from its folder name "
                         f"'{root.resolve().name}'; make them the same so staff find it by either")
    _check_languages(pack, node, problems)
    _check_screens(pack, problems, unreadable)
    _check_media_choice(pack, problems)
    _check_timing(pack, problems)
    films = _check_assets(pack, problems, check_image, probe_video)
    _check_captions(pack, problems, films)
    _check_film_shapes(pack, problems, films)
    _check_clip_lengths(pack, problems, films)
    result.problems = problems.sorted()
    if result.ok:
        result.pack = pack
    return result


def _load_inside(root: Path, rel: str, problems: Problems) -> Node | None:
    """A YAML file of the pack, read only if it really is inside the pack (not a link out)."""
    from .yamlsource import load_yaml

    if (root / rel).is_dir():
        return load_yaml(root / rel, rel, problems)  # which says it is a folder
    try:
        real = resolve_in_pack(root, rel)
    except PathRefused as e:
        problems.error(Pos(rel), str(e))
        return None
    return load_yaml(real, rel, problems)


def _screen_files(root: Path) -> list[Path]:
    folder = root / SCREENS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def _written_id(node: Node) -> str | None:
    id_node = node.value.get("id") if node.is_mapping else None
    return id_node.value if id_node is not None and isinstance(id_node.value, str) else None


def _languages(node: Node) -> list[str] | None:
    """The declared languages, read quietly first so that every text can be checked against
    them; the full read reports any problem with the field itself."""
    from .schema import Reader

    langs = node.value.get("languages") if node.is_mapping else None
    if langs is None:
        return None
    value = Reader(Problems()).read(langs, list[str])
    return value or None


def _check_languages(pack: Pack, node: Node, problems: Problems) -> None:
    langs_node = node.value.get("languages")
    for lang, item in zip(pack.languages or [], langs_node.value if langs_node else []):
        if not LANGUAGE_CODE.fullmatch(lang):
            problems.error(item.pos, f"'{lang}' is not a language code; use codes like zh, en, ja")
    seen: set[str] = set()
    for lang, item in zip(pack.languages or [], langs_node.value if langs_node else []):
        if lang in seen:
            problems.error(item.pos, f"language '{lang}' is listed twice")
        seen.add(lang)
    if pack.languages and pack.default_language and pack.default_language not in pack.languages:
        where = node.value["default_language"].pos
        problems.error(
            where,
            f"default_language '{pack.default_language}' is not one of the pack's languages "
            f"({', '.join(pack.languages)}){did_you_mean(pack.default_language, pack.languages)}",
        )


def _check_screens(pack: Pack, problems: Problems, unreadable: set[str]) -> None:
    by_id: dict[str, Screen] = {}
    for screen in pack.screens:
        if screen.id is None:
            continue
        if screen.id in by_id:
            problems.error(
                screen.where, f"duplicate screen id '{screen.id}' (also used at {by_id[screen.id].where})"
            )
        else:
            by_id[screen.id] = screen

    for ref in parts(pack, ScreenRef):
        if ref.id not in by_id and ref.id not in unreadable:
            hint = did_you_mean(ref.id, [*by_id, *unreadable])
            problems.error(ref.where, f"no screen has the id '{ref.id}'{hint}")

    if pack.start is None or pack.start.id not in by_id:
        return
    reached = set(_reach(pack.start.id, by_id))
    for screen_id, screen in by_id.items():
        if screen_id not in reached:
            problems.warning(
                screen.where,
                f"screen '{screen_id}' cannot be reached: no tile, card or link leads to it "
                f"from the start screen '{pack.start.id}'",
            )


# WCAG 2.2.1 (timing adjustable): before a time limit ends, at least 20 seconds to say "more time",
# with one simple action. The kiosk's "Still there?" countdown is that warning; one tap extends.
MIN_COUNTDOWN = 20.0


def _check_timing(pack: Pack, problems: Problems) -> None:
    countdown = pack.idle.countdown
    if countdown < MIN_COUNTDOWN:
        said = "no warning before the reset" if countdown == 0 else f"a {countdown:g} s warning before the reset"
        problems.warning(pack.idle.pos_of("countdown"),
                         f"idle countdown {countdown:g}: {said} leaves a visitor who reads or moves slowly no "
                         f"time to keep the screen; give at least {MIN_COUNTDOWN:g} s (WCAG 2.2.1)")


def _check_media_choice(pack: Pack, problems: Problems) -> None:
    """A detail screen shows a picture or a clip in one place; a gallery item is one or the other."""
    for screen in pack.screens:
        if isinstance(screen, DetailScreen) and screen.image and screen.video:
            problems.error(screen.pos_of("video"), "a detail screen shows an image or a video, not both: "
                           "remove one of them")
    for item in parts(pack, GalleryItem):
        if item.image is None and item.video is None and "image" not in item.field_pos \
                and "video" not in item.field_pos:
            problems.error(item.where, "a gallery item needs an 'image' or a 'video'")
        elif item.image and item.video:
            problems.error(item.pos_of("video"), "a gallery item is an image or a video, not both: "
                           "make them two items")


def _check_assets(pack: Pack, problems: Problems, check_image: ImageCheck | None,
                  probe_video: VideoProbe | None) -> dict[Path, VideoFacts]:
    """Every file the pack names is inside it and can be shown; returns what the probe found of
    each film, for the checks that depend on it (captions against its length)."""
    verdicts: dict[Path, list[Finding]] = {}  # each file is read once, however often used
    films: dict[Path, VideoFacts] = {}
    for asset in parts(pack, Asset):
        try:
            real = resolve_in_pack(pack.root, asset.path)
        except PathRefused as e:
            problems.error(asset.where, str(e))
            continue
        if real not in verdicts:
            if isinstance(asset, Image) and check_image is not None:
                verdicts[real] = check_image(real)
            elif isinstance(asset, Video) and probe_video is not None:
                films[real] = probe_video(real)
                verdicts[real] = video_findings(films[real], pack.target_sizes)
            elif isinstance(asset, Sound) and probe_video is not None:  # the same probe, for a recording
                verdicts[real] = sound_findings(probe_video(real))
        for severity, message, *detail in verdicts.get(real, []):
                problems.items.append(Problem(asset.where, "warning" if severity == "warning" else "error",
                                              f"'{asset.path}': {message}", *detail))
    return films


def _facts(pack: Pack, films: dict[Path, VideoFacts], video: Video | None) -> VideoFacts | None:
    """What the probe found of a film of the pack; None if it was not probed (no `file:`, or a
    path refused: both reported already)."""
    if video is None:  # the schema leaves a missing or wrong `file:` empty, and says so
        return None
    try:
        return films.get(resolve_in_pack(pack.root, video.path))
    except PathRefused:
        return None


def _check_captions(pack: Pack, problems: Problems, films: dict[Path, VideoFacts]) -> None:
    """Each caption file read as the show reads it; problems at their line in that file."""
    read: set[Path] = set()
    for clip in parts(pack, Clip):
        if clip.captions is None or clip.file is None:
            continue
        film = _facts(pack, films, clip.file)
        for file in clip.captions.files.values():
            try:
                real = resolve_in_pack(pack.root, file.path)
            except PathRefused:
                continue  # reported with the assets
            if real in read:
                continue
            read.add(real)
            cues, issues = read_vtt(real.read_bytes())
            for issue in issues:
                problems.items.append(Problem(Pos(file.path, issue.line), "warning" if issue.severity == "warning"
                                              else "error", issue.message, f"(captions of {clip.file.path}, "
                                              f"named at {file.where})"))
            if film is not None and film.duration_ms and cues and cues[-1].end > film.duration_ms + 500:
                problems.warning(Pos(file.path, cues[-1].line), f"this cue ends at {cues[-1].end / 1000:g} s, "
                                 f"after the film ({film.duration_ms / 1000:g} s): it is never shown whole")


def _check_film_shapes(pack: Pack, problems: Problems, films: dict[Path, VideoFacts]) -> None:
    """Each attract film against the screens it will fill: the portrait ones go to its portrait
    version where it has one."""
    tall = [s for s in pack.target_sizes if size_of(s)[1] > size_of(s)[0]]
    for film in pack.idle.attract_films:
        versions = [(film.file, [s for s in pack.target_sizes if not (film.portrait and s in tall)], False)]
        if film.portrait:
            versions.append((film.portrait, tall, True))
        for video, screens, portrait in versions:
            facts = _facts(pack, films, video)
            for _, message, *_ in shape_findings(facts, screens, portrait) if facts else []:
                problems.warning(video.where, f"'{video.path}': {message}")


def _check_clip_lengths(pack: Pack, problems: Problems, films: dict[Path, VideoFacts]) -> None:
    for clip in parts(pack, Clip):
        facts = _facts(pack, films, clip.file)
        for _, message, *_ in clip_findings(facts) if facts else []:
            problems.warning(clip.file.where, f"'{clip.file.path}': {message}")


def _reach(start: str, by_id: dict[str, Screen]) -> list[str]:
    """Screen ids in the order a visitor meets them: the start screen, then breadth first along
    its tiles, cards and links."""
    order = [start]
    for screen_id in order:  # the list grows while it is walked
        for ref in parts(by_id[screen_id], ScreenRef):
            if ref.id in by_id and ref.id not in order:  # a screen may link to another twice
                order.append(ref.id)
    return order


def visit_order(pack: Pack) -> list[Screen]:
    """The pack's screens as a visitor meets them (proof sheets read like the show), then any
    screen no visitor can reach."""
    by_id: dict[str, Screen] = {screen.id: screen for screen in pack.screens}
    met = _reach(pack.start.id, by_id)
    return [by_id[i] for i in met] + [s for s in pack.screens if s.id not in met]


