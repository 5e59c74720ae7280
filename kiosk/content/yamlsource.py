"""Safe YAML reading that keeps the line and column of every value.

PyYAML's composer gives a node tree with positions; we turn it into `Node`s ourselves instead of
calling a constructor, so no tag can ever run code (`!!python/...` is reported, never built), and
we can refuse what `yaml.safe_load` silently accepts: duplicate keys, alias bombs, absurd depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from .problems import Pos, Problems

MAX_FILE_BYTES = 1_000_000  # a screen is a few KB; a bigger file is a mistake or an attack
MAX_NODES = 100_000  # bounds alias expansion ("billion laughs") and memory
MAX_DEPTH = 60  # no pack needs more; deep nesting would exhaust the recursion limit

_TAG = "tag:yaml.org,2002:"
# Timestamps stay text: "2008-09-01" is a date a visitor reads, not a datetime to compute with.
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class Node:
    """A YAML value with its position. Mappings hold `dict[str, Node]`, sequences `list[Node]`."""

    value: Any
    pos: Pos
    key_pos: dict[str, Pos] = field(default_factory=dict)  # mappings only: where each key is
    raw: str = ""  # scalars only: the text as written, e.g. "1.70" for the float 1.7

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not (self.is_mapping or self.is_sequence)


class _Budget(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None):
        super().__init__(message)
        self.mark = mark


def load_yaml(path: Path, rel: str, problems: Problems) -> Node | None:
    """Parse one file; report every problem found into `problems`; None if it cannot be used."""
    top = Pos(rel)
    if path.is_dir():
        problems.error(top, "is a folder, not a YAML file")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(top, f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
            return None
        data = path.read_bytes()
    except OSError as e:
        problems.error(top, f"cannot read file: {e.strerror or e}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        problems.error(Pos(rel, line, col), "file is not UTF-8 text; save it as UTF-8")
        return None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = _pos(rel, mark) if mark else top
        problems.error(where, f"YAML syntax error: {_yaml_message(e)}")
        return None
    except yaml.YAMLError as e:
        problems.error(top, f"YAML error: {e}")
        return None
    except RecursionError:
        problems.error(top, "YAML is nested too deeply")
        return None
    if root is None:
        problems.error(top, "file is empty")
        return None
    converter = _Converter(rel, problems)
    try:
        return converter.convert(root, 0)
    except _Budget as e:
        problems.error(_pos(rel, e.mark) if e.mark else top, str(e))
        return None


def _pos(rel: str, mark: yaml.Mark) -> Pos:
    return Pos(rel, mark.line + 1, mark.column + 1)


def _allowed_tag(node: yaml.Node) -> bool:
    if isinstance(node, yaml.MappingNode):
        return node.tag == f"{_TAG}map"
    if isinstance(node, yaml.SequenceNode):
        return node.tag == f"{_TAG}seq"
    return node.tag in _SCALAR_TAGS


def _yaml_message(e: yaml.MarkedYAMLError) -> str:
    context = e.context
    if context and e.context_mark and e.problem_mark and e.context_mark.line != e.problem_mark.line:
        context += f" (started at line {e.context_mark.line + 1})"
    parts = [p for p in (context, e.problem) if p]
    message = ", ".join(parts) if parts else "invalid YAML"
    if "found character '\\t'" in message:
        message += " (use spaces, not tabs, to indent)"
    return message


class _Converter:
    def __init__(self, rel: str, problems: Problems):
        self.rel = rel
        self.problems = problems
        self.nodes = 0
        self.constructor = SafeConstructor()

    def convert(self, node: yaml.Node, depth: int) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Budget(
                f"file has more than {MAX_NODES:,} values (too many aliases, or far too big)",
                node.start_mark,
            )
        if depth > MAX_DEPTH:
            raise _Budget(f"YAML is nested more than {MAX_DEPTH} levels deep", node.start_mark)
        pos = _pos(self.rel, node.start_mark)
        if not _allowed_tag(node):
            self._bad_tag(node, pos)
            return Node(None, pos)  # reported once here; the schema sees "no value"
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pos, depth)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.convert(item, depth + 1) for item in node.value], pos)
        return Node(self._scalar(node), pos, raw=node.value)

    def _mapping(self, node: yaml.MappingNode, pos: Pos, depth: int) -> Node:
        out: dict[str, Node] = {}
        key_pos: dict[str, Pos] = {}
        for key_node, value_node in node.value:
            kpos = _pos(self.rel, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.error(kpos, "a key must be a plain name, not a list or mapping")
                continue
            key = key_node.value
            if key == "<<":
                self.problems.error(kpos, "merge keys ('<<') are not supported; write the fields out")
                continue
            if key in out:
                first = key_pos[key]
                self.problems.error(kpos, f"duplicate key '{key}' (first given at line {first.line})")
                continue
            out[key] = self.convert(value_node, depth + 1)
            key_pos[key] = kpos
        return Node(out, pos, key_pos)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag.endswith(":str") or node.tag.endswith(":timestamp"):
            return node.value
        try:
            kind = node.tag.rsplit(":", 1)[1]
            return getattr(self.constructor, f"construct_yaml_{kind}")(node)
        except (ConstructorError, ValueError):
            return node.value

    def _bad_tag(self, node: yaml.Node, pos: Pos) -> None:
        tag = node.tag.replace(_TAG, "!!")
        if tag.startswith("!!python/"):
            self.problems.error(pos, f"tag '{tag}' is not allowed: packs may hold data only, never code")
        else:
            self.problems.error(pos, f"unsupported YAML tag '{tag}'")
