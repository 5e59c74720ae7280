"""YAML syntax errors told in words a content editor understands, at the line where the fix goes.

The parser's own words ("while parsing a flow mapping, did not find expected ',' or '}'") are
jargon, and they change between PyYAML releases (6.0.4 reworded the nesting limit). So what we say
is decided by looking at the text ourselves, around the places the parser marks, and by the kind
of error (scanner or parser), never by matching the parser's sentences; its words are kept only
as a detail under our message, with the line and a caret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# YAML 1.1 allows tab, LF, CR and the printable characters; anything else stops the reader.
_NOT_ALLOWED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CANNOT_START = "@`%"  # reserved by YAML at the start of a plain text


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    col: int  # 1-based
    message: str
    detail: str  # the line with a caret, then the parser's own words


def explain(error: yaml.YAMLError, text: str, max_depth: int) -> Explained:
    """Our message for a YAML error raised while reading `text`."""
    lines = text.splitlines() or [""]
    if not isinstance(error, yaml.MarkedYAMLError):
        return _bad_character(error, text, lines)
    problem = error.problem_mark or error.context_mark
    context = error.context_mark
    if problem is None:  # PyYAML always marks where; a mark-less error is told like a bad character
        return _bad_character(error, text, lines)
    at = _Spot(text, lines, problem.index, problem.line, problem.column)
    opened = _Spot(text, lines, context.index, context.line, context.column) if context else None
    words = ", ".join(p for p in (error.context, error.problem) if p) or type(error).__name__

    def told(spot: _Spot, message: str) -> Explained:
        return Explained(spot.line + 1, spot.column + 1, message, spot.show() + f"\n(YAML parser: {words})")

    if "\t" in at.indent() or at.char == "\t":
        tab = at.row.index("\t")
        return told(_Spot(text, lines, None, at.line, tab),
                    "a tab is used here; YAML needs spaces to indent: replace the tab with spaces")
    if _depth_at(text, at.index, at.row) > max_depth:
        return told(at, f"YAML is nested more than {max_depth} levels deep")
    if opened is not None and opened.char in "{[" and isinstance(error, yaml.parser.ParserError) \
            and _unclosed(text, opened.index):
        close = "}" if opened.char == "{" else "]"
        return told(opened, f"the '{opened.char}' here is never closed: end the value with '{close}', "
                            f"or put the whole text in quotes if the '{opened.char}' is part of it")
    if opened is not None and opened.char in "\"'":
        if at.char == "\\" or text[at.index - 1:at.index] == "\\":
            return told(at, "a backslash in double quotes starts a special character (like \\n): write "
                            "\\\\ for a backslash, or use single quotes ('...') around the text")
        if _unclosed_quote(text, opened.index):
            return told(opened, f"the quote {opened.char} that starts this text is never closed: add "
                                f"{opened.char} at the end of the text")
    if at.char == ":" and isinstance(error, yaml.scanner.ScannerError):
        key = re.match(r"\s*(?:-\s+)?([^:#]+?):\s", at.row)
        if key and key.end() <= at.column:
            value = at.row[key.end():].strip()
            return told(at, "this text holds a colon and a space (': '), which YAML reads as a new key: "
                            f"put the whole text in quotes, e.g. {key.group(1)}: \"{value}\"")
        return told(at, "this line is indented more than the line above allows: line it up with the "
                        "other keys at the same level")
    if at.char and at.char in _CANNOT_START:
        return told(at, f"a text cannot start with '{at.char}': put the whole text in quotes, "
                        f"e.g. \"{at.row[at.column:].strip()}\"")
    if isinstance(error, yaml.parser.ParserError) and at.column > len(at.indent()):
        start = at.row[:at.column].rstrip()
        if start.endswith(("\"", "'", "}", "]")):
            return told(at, f"there is more text after the closing {start[-1]}: put the whole text in "
                            "quotes (and use the other kind of quote inside it)")
    if isinstance(error, yaml.parser.ParserError) and at.column == len(at.indent()):
        if at.char == "-" or (opened is not None and opened.char == "-"):
            return told(at, "this line does not fit the list above it: start every item with '- ' at "
                            "the same indentation, and line keys up with the key the list belongs to")
        return told(at, "this line is not lined up with the lines above: indent it like the other keys "
                        "at the same level (use the same number of spaces)")
    return told(at, "YAML cannot read this line: check its quotes, brackets, colons and indentation")


class _Spot:
    """A place in the text, with the line it is on."""

    def __init__(self, text: str, lines: list[str], index: int | None, line: int, column: int):
        self.line = min(line, len(lines) - 1)
        self.row = lines[self.line]
        self.column = min(column, len(self.row))
        self.index = index if index is not None else 0
        self.char = self.row[self.column] if self.column < len(self.row) else ""

    def indent(self) -> str:
        return self.row[:len(self.row) - len(self.row.lstrip(" \t"))]

    def show(self, width: int = 80) -> str:
        """The line, cut to `width` characters around the column, with a caret under it."""
        shown, column = self.row.replace("\t", " "), self.column
        if len(shown) > width:
            start = max(0, min(column - width // 2, len(shown) - width))
            shown = ("…" if start else "") + shown[start:start + width] + ("…" if start + width < len(shown) else "")
            column = column - start + (1 if start else 0)
        number = f"{self.line + 1} | "
        return f"{number}{shown}\n{' ' * (len(number) - 2)}| {' ' * column}^"


def _depth_at(text: str, index: int, row: str) -> int:
    """How deep the text is nested where the parser stopped: open brackets before it, or its
    indentation (each level of a block needs at least one more space)."""
    before = text[:index]
    brackets = before.count("[") + before.count("{") - before.count("]") - before.count("}")
    return max(brackets, len(row) - len(row.lstrip(" ")))


def _unclosed(text: str, index: int) -> bool:
    """Whether the bracket at `index` has no matching close on its own line."""
    row = text[index:].split("\n", 1)[0]
    depth = 0
    for char in row:
        depth += char in "[{"
        depth -= char in "]}"
        if depth == 0:
            return False
    return True


def _unclosed_quote(text: str, index: int) -> bool:
    quote = text[index]
    rest = text[index + 1:]
    if quote == "'":
        rest = rest.replace("''", "")  # '' is a quote inside single quotes
    else:
        rest = re.sub(r"\\.", "", rest)
    return quote not in rest


def _bad_character(error: yaml.YAMLError, text: str, lines: list[str]) -> Explained:
    found = _NOT_ALLOWED.search(text)
    if found is None:
        return Explained(1, 1, "YAML cannot read this file", f"(YAML reader: {_one_line(error)})")
    line = text.count("\n", 0, found.start())
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1)
    spot = _Spot(text, lines, found.start(), line, column)
    return Explained(line + 1, column + 1,
                     f"the file holds an invisible control character (U+{ord(found.group()):04X}) that "
                     "YAML does not allow: delete it (it often comes from copying text out of a PDF)",
                     spot.show() + f"\n(YAML reader: {_one_line(error)})")


def _one_line(error: yaml.YAMLError) -> str:
    return " ".join(str(error).split())
