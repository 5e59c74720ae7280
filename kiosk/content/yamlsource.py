"""Safe YAML reading that keeps the line and column of every value.

We build our own `Node` tree from the parser's flat event stream instead of using a constructor or
PyYAML's composer. So no tag can ever run code (`!!python/...` is reported, never built); we can
refuse what `yaml.safe_load` silently accepts (duplicate keys); and alias bombs and absurd nesting
are stopped while reading, with bounded memory: the composer recurses once per level (the C one
crashes on a file of 50,000 `[`), the event stream does not. libyaml parses when it is installed
(PyYAML's wheels have it), which makes start-up several times faster.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from .problems import Pos, Problems
from .yamlerrors import explain

MAX_FILE_BYTES = 1_000_000  # a screen is a few KB; a bigger file is a mistake or an attack
MAX_NODES = 100_000  # values, counting each alias as a copy: bounds "billion laughs"
MAX_DEPTH = 60  # no pack needs more

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
    size: int = 1  # values in this subtree, aliases counted in full
    refused: bool = False  # a collection with a forbidden tag: read past, then dropped

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not (self.is_mapping or self.is_sequence)


class _Mark(Protocol):
    """Where the parser is: PyYAML's pure-Python and libyaml parsers each have a Mark class."""

    line: int
    column: int


class _Refused(Exception):
    def __init__(self, message: str, mark: _Mark | None):
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
        root = _Builder(rel, problems).build(yaml.parse(text, Loader=_LOADER))
    except yaml.YAMLError as e:
        told = explain(e, text, MAX_DEPTH)
        problems.error(Pos(rel, told.line, told.col), told.message, told.detail)
        return None
    except _Refused as e:
        problems.error(_pos(rel, e.mark) if e.mark else top, str(e))
        return None
    if root is None:
        problems.error(top, "file is empty")
    return root


def _pos(rel: str, mark: _Mark) -> Pos:
    return Pos(rel, mark.line + 1, mark.column + 1)


class _Builder:
    """Turns parser events into Nodes with an explicit stack: no recursion, however deep."""

    def __init__(self, rel: str, problems: Problems):
        self.rel = rel
        self.problems = problems
        self.anchors: dict[str, Node] = {}
        self.resolver = Resolver()
        self.constructor = SafeConstructor()

    def build(self, events: Iterable[yaml.Event]) -> Node | None:
        root: Node | None = None
        stack: list[tuple[Node, list[Node | None]]] = []  # open collections, with their pending key (mappings)
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Refused("a file holds one YAML document; remove the second '---'",
                                   event.start_mark)
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                node, _ = stack.pop()
                if node.refused:  # reported when it opened; the schema sees "no value"
                    node = Node(None, node.pos)
                if node.size > MAX_NODES:
                    raise _Refused(f"file has more than {MAX_NODES:,} values (too many aliases, or far "
                                   "too big)", event.start_mark)
                root = self._attach(stack, node, root)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue  # stream and document boundaries
            if isinstance(event, yaml.AliasEvent):
                named = self.anchors.get(event.anchor or "")
                if named is None:
                    raise _Refused(f"unknown alias '*{event.anchor}'", event.start_mark)
                if any(named is open_node for open_node, _ in stack):
                    raise _Refused(f"alias '*{event.anchor}' refers to a value that contains it",
                                   event.start_mark)
                root = self._attach(stack, named, root)
                continue
            if len(stack) >= MAX_DEPTH:
                raise _Refused(f"YAML is nested more than {MAX_DEPTH} levels deep", event.start_mark)
            assert isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))
            node = self._open(event)
            if event.anchor:
                self.anchors[event.anchor] = node
            if isinstance(event, yaml.ScalarEvent):
                root = self._attach(stack, node, root)
            else:
                stack.append((node, [None]))
        return root

    def _open(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> Node:
        assert event.start_mark is not None  # the parser marks every event
        pos = _pos(self.rel, event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag and event.tag != "!" else \
                self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
            if tag not in _SCALAR_TAGS:
                self._bad_tag(tag, pos)
                return Node(None, pos)  # reported once here; the schema sees "no value"
            return Node(self._scalar(tag, event), pos, raw=event.value)
        kind = yaml.MappingNode if isinstance(event, yaml.MappingStartEvent) else yaml.SequenceNode
        default = f"{_TAG}map" if kind is yaml.MappingNode else f"{_TAG}seq"
        tag = event.tag if event.tag and event.tag != "!" else default
        if tag != default:
            self._bad_tag(tag, pos)
        return Node({} if kind is yaml.MappingNode else [], pos, refused=tag != default)

    def _attach(self, stack: list[tuple[Node, list[Node | None]]], node: Node, root: Node | None) -> Node | None:
        """Put a finished node into the collection being read (or make it the root)."""
        if not stack:
            return node
        parent, pending = stack[-1]
        parent.size += node.size
        if parent.is_sequence:
            parent.value.append(node)
        elif pending[0] is None:
            pending[0] = node  # a key: its value comes next
        else:
            key, pending[0] = pending[0], None
            self._put(parent, key, node)
        return root

    def _put(self, mapping: Node, key: Node, value: Node) -> None:
        if not key.is_scalar or key.value is None and not key.raw:
            self.problems.error(key.pos, "a key must be a plain name, not a list or mapping")
            return
        name = key.raw
        if name == "<<":
            self.problems.error(key.pos, "merge keys ('<<') are not supported; write the fields out")
        elif name in mapping.value:
            first = mapping.key_pos[name]
            self.problems.error(key.pos, f"duplicate key '{name}' (first given at line {first.line})")
        else:
            mapping.value[name] = value
            mapping.key_pos[name] = key.pos

    def _scalar(self, tag: str, event: yaml.ScalarEvent) -> Any:
        if tag.endswith((":str", ":timestamp")):
            return event.value
        node = yaml.ScalarNode(tag, event.value, style=event.style)  # no marks: its errors are not shown
        try:
            return getattr(self.constructor, f"construct_yaml_{tag.rsplit(':', 1)[1]}")(node)
        except (ConstructorError, ValueError):
            return event.value

    def _bad_tag(self, tag: str, pos: Pos) -> None:
        shown = tag.replace(_TAG, "!!")
        if shown.startswith("!!python/"):
            self.problems.error(pos, f"tag '{shown}' is not allowed: packs may hold data only, never code")
        else:
            self.problems.error(pos, f"unsupported YAML tag '{shown}'")
