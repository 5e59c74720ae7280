"""Where a problem is in a pack, and how it is reported to a content editor."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
# A checker's verdict on a file (an image, a film): (severity, message[, detail]).
Finding = tuple[str, ...]


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a pack file: path relative to the pack folder, 1-based line and column."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    where: Pos
    severity: Severity
    message: str
    # Lines shown under the message: the source line with a caret, a tool's own words. Not part of
    # what the problem is (so not compared), only help to find it.
    detail: str = field(default="", compare=False)

    def format(self, prefix: str = "") -> str:
        """`prefix/file:line:col: severity: message`, the form editors and IDEs jump to."""
        path = f"{prefix.rstrip('/')}/{self.where.file}" if prefix else self.where.file
        return f"{path}:{self.where.line}:{self.where.col}: {self.severity}: {self.message}"

    def format_with_detail(self, prefix: str = "") -> str:
        """`format()`, then the detail indented below it, as compilers show a source line."""
        lines = [self.format(prefix)] + ["    " + line for line in self.detail.splitlines()]
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects every problem of one load, so an editor sees all of them in one run."""

    items: list[Problem] = field(default_factory=list)

    def error(self, where: Pos, message: str, detail: str = "") -> None:
        self.items.append(Problem(where, "error", message, detail))

    def warning(self, where: Pos, message: str) -> None:
        self.items.append(Problem(where, "warning", message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(self.items)


def did_you_mean(word: str, choices: Iterable[str], folder: str = "") -> str:
    """' (did you mean 'x'?)' for the closest choice (shown inside `folder`, when given), or ''
    when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    shown = f"{folder}/{close[0]}" if close and folder else close[0] if close else ""
    return f" (did you mean '{shown}'?)" if close else ""


def quoted(text: str, n: int = 50) -> str:
    """A text as a message quotes it: on one line, cut to `n` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
