"""The translation round trip: a pack's texts out as PO files, translations back into its YAML,
changing nothing but the texts that changed."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.cli import main
from kiosk.content import load_pack
from kiosk.content.model import Text, parts
from kiosk.content.texts import export_texts, import_texts, places

from .support import YONGCHUAN_PACK


@pytest.fixture
def pack(tmp_path) -> Path:
    copy = tmp_path / "yongchuan-2022"
    shutil.copytree(YONGCHUAN_PACK, copy)
    return copy


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def changed_lines(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    lines = []
    for name in before:
        old, new = before[name].decode().splitlines(), after[name].decode().splitlines()
        lines += [f"{name}: {d}" for d in difflib.unified_diff(old, new, lineterm="", n=0)
                  if d[:1] in "+-" and not d.startswith(("+++", "---"))]
    return lines


def text_at(folder: Path, context: str, language: str) -> str | None:
    result, found = places(folder)
    return next(p.values.get(language) for p in found if p.context == context)


def test_export_writes_one_po_per_other_language_with_every_text_and_its_place(pack, tmp_path):
    counts = export_texts(pack, tmp_path / "texts")
    assert counts == {"en": (206, 0)}
    po = polib.pofile(str(tmp_path / "texts" / "en.po"))
    assert po.metadata["Language"] == "en"
    assert len({e.msgctxt for e in po}) == len(po) == 206
    texts = list(parts(load_pack(pack).pack, Text))
    assert sorted(e.msgid for e in po) == sorted(t("zh") for t in texts)
    dawa = po.find("screens/dawa.yaml#bullets[1]", by="msgctxt")
    assert dawa.msgid == "发布国内第一个全流程自主研发的实时数字人"
    assert dawa.msgstr == "Launched China's first real-time digital human developed entirely in-house"
    assert dawa.occurrences == [("screens/dawa.yaml", "25")]
    assert (pack / "screens/dawa.yaml").read_text(encoding="utf-8").splitlines()[24].startswith("  - zh: 发布")
    assert "characters in 'en' now" in dawa.comment


def test_changing_one_english_string_changes_exactly_that_line(pack, tmp_path):
    export_texts(pack, tmp_path / "texts")
    po_path = tmp_path / "texts" / "en.po"
    po = polib.pofile(str(po_path))
    entry = po.find("screens/dawa.yaml#bullets[1]", by="msgctxt")
    entry.msgstr = "Launched China's first home-grown real-time digital human"
    po.save()
    before = files_of(pack)
    report = import_texts(pack, tmp_path / "texts")
    assert report.files == ["screens/dawa.yaml"] and len(report.changed) == 1
    assert changed_lines(before, files_of(pack)) == [
        "screens/dawa.yaml: -    en: Launched China's first real-time digital human developed entirely in-house",
        "screens/dawa.yaml: +    en: Launched China's first home-grown real-time digital human",
    ]
    assert load_pack(pack).ok


def test_a_block_of_paragraphs_is_rewritten_as_a_block_and_reads_back_the_same(pack, tmp_path):
    export_texts(pack, tmp_path / "texts")
    po = polib.pofile(str(tmp_path / "texts" / "en.po"))
    body = "Policies back Yongchuan's digital-creative industry.\n\nDawa Technology came in 2018.\n"
    po.find("screens/dawa.yaml#body", by="msgctxt").msgstr = body
    po.save()
    before = files_of(pack)
    import_texts(pack, tmp_path / "texts")
    assert text_at(pack, "screens/dawa.yaml#body", "en") == body
    assert sorted(changed_lines(before, files_of(pack))) == sorted([
        "screens/dawa.yaml: -    Backed by supportive policies, Yongchuan's digital-creative industry is gaining "
        "strong momentum.",
        "screens/dawa.yaml: -    Dawa Technology, a tech-driven film company, was brought to Yongchuan in 2018 and "
        "has since set several industry firsts.",
        "screens/dawa.yaml: +    Policies back Yongchuan's digital-creative industry.",
        "screens/dawa.yaml: +    Dawa Technology came in 2018.",
    ])


def test_fuzzy_empty_and_stale_entries_are_reported_and_not_written(pack, tmp_path, capsys):
    export_texts(pack, tmp_path / "texts")
    po = polib.pofile(str(tmp_path / "texts" / "en.po"))
    fuzzy = po.find("screens/dawa.yaml#title", by="msgctxt")
    fuzzy.msgstr, fuzzy.flags = "Dawa Tech?", ["fuzzy"]
    po.find("screens/dawa.yaml#subtitle", by="msgctxt").msgstr = ""
    stale = po.find("screens/dawa.yaml#links[0].title", by="msgctxt")
    stale.msgid, stale.msgstr = "数字文创产业", "Digital culture industry"
    gone = po.find("screens/dawa.yaml#links[1].title", by="msgctxt")
    gone.msgctxt = "screens/nowhere.yaml#title"
    po.save()
    before = files_of(pack)
    assert main(["texts", "import", str(pack), str(tmp_path / "texts")]) == 0
    out = capsys.readouterr().out
    assert files_of(pack) == before  # byte for byte
    assert "1 untranslated, left as it was:\n  en.po:" in out and "screens/dawa.yaml#subtitle" in out
    assert "1 fuzzy, not written:" in out and "1 made for words that have changed since the export" in out
    assert "1 no longer in the pack:" in out and "0 file(s) written" in out


def test_a_new_language_is_exported_untranslated_and_its_translations_are_added(pack, tmp_path):
    pack_yaml = pack / "pack.yaml"
    declared = pack_yaml.read_text(encoding="utf-8").replace("languages: [zh, en]", "languages: [zh, en, ja]")
    pack_yaml.write_text(declared, encoding="utf-8")
    assert "languages: [zh, en, ja]" in pack_yaml.read_text(encoding="utf-8")
    assert export_texts(pack, tmp_path / "texts") == {"en": (206, 0), "ja": (206, 206)}
    po = polib.pofile(str(tmp_path / "texts" / "ja.po"))
    wanted = {"screens/dawa.yaml#title": "ダワ・テクノロジー",  # written {zh: ..., en: ...}
              "screens/dawa.yaml#subtitle": "映像技術の企業: 業界初を多数",  # a block mapping; ": " needs quotes
              "screens/dawa.yaml#body": "政策の後押し。\n\n2018年に永川へ。\n"}  # a block of paragraphs
    for context, words in wanted.items():
        po.find(context, by="msgctxt").msgstr = words
    po.save()
    report = import_texts(pack, tmp_path / "texts")
    assert len(report.changed) == 3 and len(report.untranslated) == 203
    for context, words in wanted.items():
        assert text_at(pack, context, "ja") == words
        assert text_at(pack, context, "en") is not None
    dawa = (pack / "screens/dawa.yaml").read_text(encoding="utf-8")
    assert "title: {zh: 达瓦科技, en: Dawa Technology, ja: ダワ・テクノロジー}" in dawa
    assert '  ja: "映像技术' not in dawa and '  ja: "映像技術の企業: 業界初を多数"' in dawa


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n:#'\"{}[],&*!|>%@`-? "),
                     min_size=1, max_size=40).filter(lambda w: w.strip()))
def test_any_words_read_back_exactly_in_every_kind_of_place(tmp_path, words):
    pack = tmp_path / "yongchuan-2022"
    shutil.rmtree(pack, ignore_errors=True)
    shutil.copytree(YONGCHUAN_PACK, pack)
    export_texts(pack, tmp_path / "texts")
    po_path = tmp_path / "texts" / "en.po"
    po = polib.pofile(str(po_path))
    contexts = ["screens/dawa.yaml#title", "screens/dawa.yaml#subtitle", "screens/dawa.yaml#body",
                "screens/dawa.yaml#bullets[2]"]
    for context in contexts:
        po.find(context, by="msgctxt").msgstr = words
    po.save()
    import_texts(pack, tmp_path / "texts")
    for context in contexts:
        assert text_at(pack, context, "en") == words
