"""Each folder in packs/broken holds one authoring fault, laid over a copy of packs/minimal; its
expected.txt lists exactly what the validator must report (file:line:col: severity: message)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content import load_pack
from kiosk.system.imagecheck import check_image

from .support import MINIMAL_PACK, TESTS

BROKEN = sorted(p for p in (TESTS / "packs" / "broken").iterdir() if p.is_dir())


def build(tmp_path: Path, *overlays: Path) -> Path:
    pack = tmp_path / "minimal"  # same folder name as the pack id, so no id warning
    shutil.copytree(MINIMAL_PACK, pack)
    for overlay in overlays:
        shutil.copytree(overlay, pack, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return pack


def reported(pack: Path) -> list[str]:
    return [p.format() for p in load_pack(pack, check_image).problems]


def test_minimal_pack_is_clean():
    result = load_pack(MINIMAL_PACK, check_image)
    assert result.problems == []
    assert result.pack is not None
    assert {s.KIND for s in result.pack.screens} == {
        "menu", "timeline", "cards", "detail", "figures", "gallery", "roadmap"}


def test_there_are_enough_distinct_faults():
    assert len(BROKEN) >= 15


@pytest.mark.parametrize("case", BROKEN, ids=lambda p: p.name)
def test_broken_pack_reports_exactly_its_faults(case: Path, tmp_path: Path):
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case.name}/expected.txt must name at least one problem"
    assert reported(build(tmp_path, case)) == expected


@pytest.mark.parametrize("case", BROKEN, ids=lambda p: p.name)
def test_a_pack_with_errors_is_never_handed_out(case: Path, tmp_path: Path):
    result = load_pack(build(tmp_path, case), check_image)
    assert (result.pack is None) == bool(result.errors)


def test_one_run_lists_every_error_of_every_file(tmp_path: Path):
    """Six faults in six files of one pack: all are reported in one run."""
    names = ["bad-default-language", "missing-language", "missing-link-target", "missing-image",
             "unknown-key", "yaml-syntax"]
    cases = [c for c in BROKEN if c.name in names]
    expected = sorted(line for c in cases for line in (c / "expected.txt").read_text(encoding="utf-8").splitlines())
    assert len(expected) == 6
    assert reported(build(tmp_path, *cases)) == expected


def test_python_tag_is_never_executed(tmp_path: Path):
    marker = tmp_path / "executed"
    pack = build(tmp_path)
    (pack / "screens" / "software.yaml").write_text(
        "id: software\nkind: detail\ntitle: {zh: 软件, en: Software}\n"
        f'body: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    problems = reported(pack)
    assert not marker.exists()
    assert problems == ["screens/software.yaml:4:7: error: tag '!!python/object/apply:os.system' "
                        "is not allowed: packs may hold data only, never code"]


def test_symlink_leaving_the_pack_is_refused(tmp_path: Path):
    outside = tmp_path / "secret.png"
    shutil.copy(MINIMAL_PACK / "images" / "photo.png", outside)
    pack = build(tmp_path)
    (pack / "images" / "photo.png").unlink()
    (pack / "images" / "photo.png").symlink_to(outside)
    problems = reported(pack)
    assert "pack.yaml:13:20: error: 'images/photo.png' is a link to a file outside the pack folder" in problems
    assert all("outside the pack folder" in p for p in problems)


def test_symlink_inside_the_pack_is_fine(tmp_path: Path):
    pack = build(tmp_path)
    (pack / "images" / "alias.png").symlink_to(pack / "images" / "photo.png")
    (pack / "screens" / "gallery.yaml").write_text(
        "id: gallery\nkind: gallery\ntitle: {zh: 图集, en: Gallery}\nimages:\n  - image: images/alias.png\n",
        encoding="utf-8")
    assert reported(pack) == []


def test_file_not_in_utf8(tmp_path: Path):
    pack = build(tmp_path)
    (pack / "screens" / "software.yaml").write_bytes(
        "id: software\nkind: detail\ntitle: {zh: 软件, en: Software}\n".encode("gbk"))
    assert reported(pack) == ["screens/software.yaml:3:13: error: file is not UTF-8 text; save it as UTF-8"]


def test_screen_file_that_is_a_folder(tmp_path: Path):
    pack = build(tmp_path)
    (pack / "screens" / "extra.yaml").mkdir()
    assert reported(pack) == ["screens/extra.yaml:1:1: error: is a folder, not a YAML file"]


def test_missing_pack_yaml(tmp_path: Path):
    pack = build(tmp_path)
    (pack / "pack.yaml").unlink()
    assert reported(pack) == ["pack.yaml:1:1: error: no pack.yaml in this folder: every pack needs one"]


def test_alias_bomb_is_refused(tmp_path: Path):
    pack = build(tmp_path)
    lines = ["id: software", "kind: detail", "title: {zh: 软件, en: Software}", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 10)]
    (pack / "screens" / "software.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = reported(pack)
    assert len(problems) == 1 and "too many aliases" in problems[0]


@pytest.fixture
def reworded_yaml(monkeypatch):
    """PyYAML as a new release might word it: every sentence of its errors changed (6.0.4 did
    this to the nesting limit, and broke a message that quoted it)."""
    import yaml.error
    import yaml.reader
    marked, reader = yaml.error.MarkedYAMLError.__init__, yaml.reader.ReaderError.__init__

    def marked_reworded(self, context=None, context_mark=None, problem=None, problem_mark=None, note=None):
        marked(self, context and "reworded context", context_mark, problem and "reworded problem",
               problem_mark, note)

    def reader_reworded(self, name, position, character, encoding, reason):
        reader(self, name, position, character, encoding, "reworded reason")

    monkeypatch.setattr(yaml.error.MarkedYAMLError, "__init__", marked_reworded)
    monkeypatch.setattr(yaml.reader.ReaderError, "__init__", reader_reworded)


YAML_CASES = [c for c in BROKEN if c.name.startswith(("yaml-", "tab-"))]


@pytest.mark.parametrize("case", YAML_CASES, ids=lambda p: p.name)
def test_messages_do_not_depend_on_the_yaml_library_wording(case: Path, tmp_path: Path, reworded_yaml):
    problems = load_pack(build(tmp_path, case), check_image).problems
    assert [p.format() for p in problems] == (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert all("reworded" in p.detail for p in problems), "the library's words stay, as a detail"


def test_a_yaml_error_shows_the_line_and_a_caret(tmp_path: Path):
    case = TESTS / "packs" / "broken" / "yaml-unquoted-colon"
    [problem] = load_pack(build(tmp_path, case), check_image).problems
    assert problem.format_with_detail().splitlines()[1:3] == [
        "    5 |   en: New: a page",
        "      |          ^"]


@pytest.mark.parametrize("countdown, said", [(10, "a 10 s warning before the reset"),
                                             (0, "no warning before the reset")])
def test_an_idle_countdown_under_20_seconds_is_a_warning(tmp_path, countdown, said):
    """WCAG 2.2.1: at least 20 s to ask for more time before the reset."""
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    (pack / "pack.yaml").write_text(text.replace("  timeout: 60\n", f"  timeout: 60\n  countdown: {countdown}\n"),
                                    encoding="utf-8")
    result = load_pack(pack)
    assert [p.format("minimal") for p in result.warnings] == [
        f"minimal/pack.yaml:13:14: warning: idle countdown {countdown}: {said} leaves a visitor who reads or "
        "moves slowly no time to keep the screen; give at least 20 s (WCAG 2.2.1)"]
