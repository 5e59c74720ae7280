"""Property tests of what reads an editor's files: the YAML reader and the pack validator, given
damaged and strange files, never raise, and every problem they report points into the file it
names. Hypothesis runs derandomized, so CI sees the same inputs every time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import load_pack
from kiosk.content.problems import Problems
from kiosk.content.yamlsource import load_yaml

from .support import MINIMAL_PACK

FUZZ = settings(max_examples=int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "1000")), deadline=None,
                derandomize="KIOSK_FUZZ_EXAMPLES" not in os.environ, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# What editors' typos and hostile files are made of: YAML's own signs, whitespace, CJK, controls.
SIGNS = list("{}[]:,\"'#-|>&*!%@`?\\\t\n ") + ["  ", "\n  ", "---", "...", "<<", "!!python/object", "首页", "\x00",
                                                 "\x08", "\ufeff", "\u2028", "&a", "*a", "0x1F", "1e999"]
SCREEN = (MINIMAL_PACK / "screens" / "history.yaml").read_text(encoding="utf-8")


@st.composite
def damaged(draw, text: str = SCREEN) -> str:
    """A real screen file with a few edits where a careless hand would make them."""
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(SIGNS) | st.text(max_size=3))
        end = min(len(text), at + draw(st.integers(1, 8)))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[end:]
        else:
            text = text[:at] + piece + text[end:]
    return text


def assert_points_into(problems, files: dict[str, str]) -> None:
    for problem in problems:
        assert problem.message and "\n" not in problem.message, problem
        text = files.get(problem.where.file)
        if text is None:
            continue  # a file of the pack not fuzzed here (an image, another screen)
        lines = text.splitlines() or [""]
        assert 1 <= problem.where.line <= len(lines) + 1, (problem, len(lines))
        assert problem.where.col >= 1, problem


@FUZZ
@given(text=damaged() | st.lists(st.sampled_from(SIGNS) | st.characters(), max_size=80).map("".join))
def test_the_yaml_reader_never_raises_and_points_into_the_file(text: str, tmp_path_factory):
    path = tmp_path_factory.mktemp("yaml") / "screen.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = Problems()
    load_yaml(path, "screen.yaml", problems)
    assert_points_into(problems.items, {"screen.yaml": text})


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "minimal"
    shutil.copytree(MINIMAL_PACK, folder)
    return folder


def validate(pack: Path, name: str, text: str) -> None:
    """`name`: the file in the pack (posix path) that `text` replaces while it is validated."""
    target = pack / name
    original = target.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        result = load_pack(pack, lambda path: [])  # pictures are unchanged; the corpus tests them
    finally:
        target.write_text(original, encoding="utf-8")
    assert (result.pack is None) == bool(result.errors)
    assert_points_into(result.problems, {name: text})


@FUZZ
@given(text=damaged())
def test_the_validator_survives_a_damaged_screen(text: str, pack: Path):
    validate(pack, "screens/history.yaml", text)


# Well-formed YAML with the right names in the wrong places: the schema's checks, not the parser's.
KEYS = ["id", "kind", "title", "events", "year", "image", "body", "tiles", "target", "items", "zh", "en",
        "caption", "value", "unit", "cards", "links", "video", "file", "poster", "captions", "narration",
        "bogus", ""]
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats() | st.text(max_size=20)
    | st.sampled_from(["home", "history", "timeline", "images/logo.svg", "../../etc/passwd", "/abs.png",
                       "films/clip.mp4", "films/clip.en.vtt"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
    max_leaves=30)


@FUZZ
@given(screen=st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=6),
       kind=st.sampled_from(["menu", "timeline", "cards", "detail", "figures", "gallery", "roadmap", "video"]))
def test_the_validator_survives_any_shape_of_screen(screen: dict, kind: str, pack: Path):
    screen = {"id": "history", "kind": kind, **screen}
    validate(pack, "screens/history.yaml", yaml.safe_dump(screen, allow_unicode=True))


@FUZZ
@given(media=st.dictionaries(st.sampled_from(["video", "narration"]), VALUES, min_size=1, max_size=2))
def test_the_validator_survives_any_film_or_recording_on_a_valid_screen(media: dict, pack: Path):
    """The film and sound checks run only on a screen otherwise right: so the rest of it is."""
    screen = {"id": "history", "kind": "detail", "title": {"zh": "历史", "en": "History"},
              "body": {"zh": "正文。", "en": "Body text."}, **media}
    validate(pack, "screens/history.yaml", yaml.safe_dump(screen, allow_unicode=True))


PACK_YAML = yaml.safe_load((MINIMAL_PACK / "pack.yaml").read_text(encoding="utf-8"))


@FUZZ
@given(films=VALUES | st.lists(st.dictionaries(st.sampled_from(["file", "poster", "portrait", "portrait_poster",
                                                                 "bogus"]), VALUES, max_size=4), max_size=3))
def test_the_validator_survives_any_attract_films(films, pack: Path):
    data = {**PACK_YAML, "idle": {**PACK_YAML["idle"], "attract_films": films}}
    validate(pack, "pack.yaml", yaml.safe_dump(data, allow_unicode=True))


SCHEDULE = ('- pack: minimal\n  dates: ["2026-05-18"]\n- screen: off\n  from: "22:00"\n  to: "07:00"\n'
            '- pack: minimal\n  days: [sat, sun]\n  from: "10:00"\n  to: "12:30"\n')
SCHEDULE_KEYS = ["pack", "screen", "dates", "days", "from", "to", "bogus"]


@FUZZ
@given(text=damaged(SCHEDULE) | st.lists(st.dictionaries(st.sampled_from(SCHEDULE_KEYS), VALUES | st.sampled_from(
    ["22:00", "7:00", "25:61", "2026-02-30", "mon", "off", "on"]), max_size=5), max_size=4).map(yaml.safe_dump))
def test_the_schedule_reader_never_raises_and_points_into_the_file(text: str, tmp_path_factory):
    """schedule.yaml is written by hand on the booth PC, as a pack is."""
    from kiosk.content.schedule import SCHEDULE_FILE, read_schedule
    path = tmp_path_factory.mktemp("schedule") / SCHEDULE_FILE
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _, problems = read_schedule(path)
    assert_points_into(problems, {SCHEDULE_FILE: text})
