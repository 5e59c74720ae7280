"""A pack's texts out to translators and back, as gettext PO files (Poedit, Weblate, any CAT tool).

`export_texts` writes one PO file per language of the pack other than its default one: each entry
is one text, its msgid the default language's words, its msgstr the translation there is (empty
where there is none), its msgctxt the text's place (`screens/dawa.yaml#bullets[1]`), its reference
the file and line, and a note for the translator on what the text is and how long it is now.

`import_texts` writes the translations of such files back into the YAML. Only the value of each
text that changed is rewritten, in place: comments, key order, quoting and the rest of every line
stay as the editor left them. A translation is not written where the translator marked it fuzzy,
left it empty, or where the default language's words changed since the export (it translates
words that are no longer there); each of those is reported.

The YAML is read here with PyYAML's pure-Python parser: its marks count characters of the text,
which is what an edit in place needs (libyaml's count bytes).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml

from .model import Text, parts
from .pack import LoadResult, load_pack

SOURCE_NOTE = "X-Kiosk-Source-Language"  # the PO header naming the language msgid is in


class TextsError(Exception):
    """The pack or the PO files cannot be worked on; the message says why."""


@dataclass
class Entry:
    """One key of a YAML mapping and where its value is in the file's text."""

    start: int
    end: int
    style: str | None  # None: plain; "'", '"', "|", ">"
    value: object


@dataclass
class Mapping:
    path: str  # within its file: "title", "bullets[1]", "links[0].title"
    line: int  # where it starts, 1-based, as the pack's reader reports it
    col: int
    flow: bool  # written {zh: ..., en: ...}
    start: int
    end: int = 0
    entries: dict[str, Entry] = field(default_factory=dict)


@dataclass
class _Open:
    """A collection the scan is inside: a mapping, with the key whose value comes next, or a
    sequence (`mapping` None), with its path and the index of its next item."""

    mapping: Mapping | None
    path: str = ""
    key: str | None = None
    index: int = 0


def _mark(event: yaml.Event, end: bool = False) -> yaml.error.Mark:
    mark = event.end_mark if end else event.start_mark
    assert isinstance(mark, yaml.error.Mark)  # the pure-Python parser's, counting characters
    return mark


def scan(text: str) -> dict[tuple[int, int], Mapping]:
    """Every mapping of a YAML text by where it starts (line, column; 1-based), with the place
    of each of its values."""
    found: dict[tuple[int, int], Mapping] = {}
    stack: list[_Open] = []

    def child_path() -> str:
        if not stack:
            return ""
        top = stack[-1]
        if top.mapping is not None:
            return f"{top.mapping.path}.{top.key}" if top.mapping.path else str(top.key)
        top.index += 1
        return f"{top.path}[{top.index - 1}]"

    def value_seen(entry: Entry | None) -> None:
        top = stack[-1] if stack else None
        if top is not None and top.mapping is not None:
            if entry is not None and top.key is not None:
                top.mapping.entries[top.key] = entry
            top.key = None

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        top = stack[-1] if stack else None
        if isinstance(event, yaml.ScalarEvent):
            if top is not None and top.mapping is not None and top.key is None:
                top.key = str(event.value)
                continue
            if top is not None and top.mapping is None:
                child_path()
            value_seen(Entry(_mark(event).index, _mark(event, end=True).index, event.style, event.value))
        elif isinstance(event, yaml.MappingStartEvent):
            path, mark = child_path(), _mark(event)
            mapping = Mapping(path, mark.line + 1, mark.column + 1, bool(event.flow_style), mark.index)
            found[(mapping.line, mapping.col)] = mapping
            stack.append(_Open(mapping))
        elif isinstance(event, yaml.SequenceStartEvent):
            stack.append(_Open(None, child_path()))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            closed = stack.pop()
            if closed.mapping is not None:
                closed.mapping.end = _mark(event).index
            value_seen(None)
        elif isinstance(event, yaml.AliasEvent):
            if top is not None and top.mapping is None:
                child_path()
            value_seen(None)
    return found


@dataclass(frozen=True)
class Place:
    """One text of the pack: in which file, at what path, and its words in each language."""

    file: str
    path: str
    line: int
    col: int
    values: dict[str, str]

    @property
    def context(self) -> str:
        return f"{self.file}#{self.path}"


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # keep the file's own line endings
        return f.read()


def places(root: Path) -> tuple[LoadResult, list[Place]]:
    """The pack and every text in it, in file order. A text lacking a language (a language just
    added to the pack) is still there, without it."""
    result = load_pack(root)
    pack = result.draft
    if pack is None:
        raise TextsError(f"{root}: cannot read pack.yaml; run kiosk validate {root}")
    scans: dict[str, dict[tuple[int, int], Mapping]] = {}
    found: list[Place] = []
    for text in parts(pack, Text):
        where = text.where
        if where.file not in scans:
            scans[where.file] = scan(_read(root / where.file))
        mapping = scans[where.file].get((where.line, where.col))
        if mapping is None:  # not a mapping: a text written once for every language
            continue
        found.append(Place(where.file, mapping.path, where.line, where.col, dict(text.values)))
    found.sort(key=lambda p: (p.file != "pack.yaml", p.file, p.line, p.col))
    return result, found


def _note(place: Place, source: str, language: str) -> str:
    field_name = place.path.rsplit(".", 1)[-1].split("[")[0]
    now = place.values.get(language)
    length = f"{len(now)} characters in '{language}' now" if now else f"{len(place.values[source])} in '{source}'"
    return f"{field_name}: {length} (kiosk validate checks that a new one fits its box on screen)"


def export_texts(root: Path, folder: Path) -> dict[str, tuple[int, int]]:
    """Write `folder/<language>.po` for every language of the pack but its default one. Returns
    {language: (texts, of them untranslated)}."""
    result, found = places(root)
    pack = result.draft
    assert pack is not None
    source = pack.default_language
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, tuple[int, int]] = {}
    for language in pack.languages:
        if language == source:
            continue
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": f"{pack.id}",
            "Language": language,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            SOURCE_NOTE: source,
        }
        missing = 0
        for place in found:
            if source not in place.values:
                continue  # nothing to translate from (validate says so)
            translation = place.values.get(language, "")
            missing += not translation
            po.append(polib.POEntry(msgctxt=place.context, msgid=place.values[source], msgstr=translation,
                                    occurrences=[(place.file, str(place.line))],
                                    comment=_note(place, source, language)))
        po.save(str(folder / f"{language}.po"))
        counts[language] = (len(po), missing)
    return counts


@dataclass
class ImportReport:
    changed: list[str] = field(default_factory=list)  # "file:line: context"
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # the source words changed since the export
    unknown: list[str] = field(default_factory=list)  # a place the pack no longer has
    files: list[str] = field(default_factory=list)  # rewritten


def import_texts(root: Path, folder: Path) -> ImportReport:
    """Write the translations of `folder/*.po` into the pack's YAML, in place."""
    result, found = places(root)
    pack = result.draft
    assert pack is not None
    by_context = {p.context: p for p in found}
    report = ImportReport()
    edits: dict[str, list[tuple[Place, str, str]]] = {}  # file -> (place, language, words)
    files = sorted(folder.glob("*.po"))
    if not files:
        raise TextsError(f"{folder}: no .po files here")
    for po_path in files:
        try:
            po = polib.pofile(str(po_path))
        except (OSError, ValueError) as e:
            raise TextsError(f"{po_path}: not a PO file ({e})") from None
        language = po.metadata.get("Language") or po_path.stem
        source = po.metadata.get(SOURCE_NOTE) or pack.default_language
        if language not in pack.languages:
            raise TextsError(f"{po_path}: language '{language}' is not one of the pack's "
                             f"({', '.join(pack.languages)}); add it to pack.yaml first")
        for entry in po:
            if entry.obsolete:
                continue
            where = f"{po_path.name}:{entry.linenum}: {entry.msgctxt}"
            place = by_context.get(entry.msgctxt or "")
            if place is None:
                report.unknown.append(where)
            elif place.values.get(source) != entry.msgid:
                report.stale.append(where)
            elif "fuzzy" in entry.flags:
                report.fuzzy.append(where)
            elif not entry.msgstr:
                report.untranslated.append(where)
            elif entry.msgstr != place.values.get(language):
                edits.setdefault(place.file, []).append((place, language, entry.msgstr))
                report.changed.append(f"{place.file}:{place.line}: {place.context} ({language})")
    for rel, changes in edits.items():
        path = root / rel
        text = _read(path)
        _write(path, rewrite(text, [(p.line, p.col, lang, words) for p, lang, words in changes]))
        report.files.append(rel)
    return report


def rewrite(text: str, changes: list[tuple[int, int, str, str]]) -> str:
    """`text` with each (line, col, language, words) applied: the value of `language` in the
    mapping starting at (line, col) set to `words`, or added to that mapping if it has none."""
    mappings = scan(text)
    splices: list[tuple[int, int, str]] = []
    for line, col, language, words in changes:
        mapping = mappings[(line, col)]
        entry = mapping.entries.get(language)
        if entry is not None:
            splices.append((entry.start, entry.end, _scalar(text, entry, words, mapping)))
        else:
            splices.append(_addition(text, mapping, language, words))
    for start, end, new in sorted(splices, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _plain_ok(words: str, flow: bool) -> bool:
    """Whether `words` reads back as the same string written plain (unquoted)."""
    if not words or words != words.strip() or "\n" in words or (flow and any(c in words for c in ",[]{}")):
        return False
    try:  # read back where it will stand: in a flow mapping or as a block mapping's value
        return bool(yaml.safe_load(f"{{k: {words}}}" if flow else f"k: {words}") == {"k": words})
    except yaml.YAMLError:
        return False


def _quoted(words: str) -> str:
    return json.dumps(words, ensure_ascii=False)  # JSON's escapes are YAML's double-quoted ones


def _block(words: str, indent: str) -> str:
    """A literal block (|) holding `words` exactly, its lines at `indent`."""
    chomp = "" if words.endswith("\n") and not words.endswith("\n\n") else "-" if not words.endswith("\n") else "+"
    lines = words[:-1].split("\n") if words.endswith("\n") else words.split("\n")
    body = "".join(f"{indent}{line}\n" if line else "\n" for line in lines)
    return f"|{chomp}\n{body}"


def _scalar(text: str, entry: Entry, words: str, mapping: Mapping) -> str:
    """`words` written in the place of `entry`, in its style where the words allow it."""
    key_indent = " " * (mapping.col - 1)
    if entry.style in ("|", ">"):
        if "\n" not in words.rstrip("\n"):
            # One line now: written plain or quoted; a block's span takes its last line break.
            return (words if _plain_ok(words, False) else _quoted(words)) + "\n"
        # The block's own indentation, from its first line of words.
        first = text.index("\n", entry.start) + 1
        while first < entry.end and text[first] == "\n":
            first += 1
        indent = text[first:first + len(text[first:]) - len(text[first:].lstrip(" "))]
        return _block(words, indent or key_indent + "  ")
    if "\n" in words:
        return _quoted(words) if mapping.flow else _block(words, key_indent + "  ").rstrip("\n")
    if entry.style == "'" and "\n" not in words:
        return "'" + words.replace("'", "''") + "'"
    if entry.style is None and _plain_ok(words, mapping.flow):
        return words
    return _quoted(words)


def _addition(text: str, mapping: Mapping, language: str, words: str) -> tuple[int, int, str]:
    """The splice that adds `language: words` as the mapping's last entry."""
    last = max(mapping.entries.values(), key=lambda e: e.end)
    if mapping.flow:
        value = words if _plain_ok(words, True) else _quoted(words)
        return last.end, last.end, f", {language}: {value}"
    indent = " " * (mapping.col - 1)
    if "\n" in words.rstrip("\n"):
        value = _block(words, indent + "  ")
    else:
        value = (words if _plain_ok(words, False) else _quoted(words)) + "\n"
    if text[last.end - 1:last.end] == "\n":  # after a block, at the start of the next line
        return last.end, last.end, f"{indent}{language}: {value}"
    return last.end, last.end, f"\n{indent}{language}: {value.rstrip(chr(10))}"


def _write(path: Path, text: str) -> None:
    """Replace the file at once: an editor or a kiosk reading it never sees half of it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
