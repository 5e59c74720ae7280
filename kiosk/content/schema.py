"""Read YAML nodes into the dataclasses of `model.py`, reporting every mismatch with its position.

One generic reader walks the dataclass fields and their type hints, so the model is the only
description of the format. It never stops at the first problem: a bad value is reported, replaced
by None, and reading goes on, so an editor gets all problems of a pack in one run. Callers must
only *use* the result when no error was reported.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar, Union

from .model import (
    ID_PATTERN,
    SCREEN_KINDS,
    Asset,
    Color,
    FilesPerLanguage,
    Id,
    Model,
    Screen,
    ScreenRef,
    Size,
    Text,
)
from .problems import Pos, Problems, did_you_mean
from .yamlsource import Node

_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_SIZE = re.compile(r"(\d+)x(\d+)")

M = TypeVar("M", bound=Model)
F = TypeVar("F", bound=FilesPerLanguage)
V = TypeVar("V")

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


class Reader:
    def __init__(self, problems: Problems, languages: list[str] | None = None):
        self.problems = problems
        self.languages = languages  # None while reading pack.yaml's own header

    # --- entry points ---------------------------------------------------------------------

    def read(self, node: Node, tp: Any, what: str = "value") -> Any:
        """Read `node` as type `tp`; on a mismatch report it and return None."""
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            inner = [a for a in typing.get_args(tp) if a is not type(None)]
            if node.value is None:
                return None
            if Text in inner and len(inner) > 1:  # `Text | str`: per language, or one for all
                return self.read(node, Text if node.is_mapping else inner[1 - inner.index(Text)], what)
            return self.read(node, inner[0], what)
        if origin is list:
            return self._list(node, typing.get_args(tp)[0], what)
        if tp is Screen:
            return self._screen(node)
        if isinstance(tp, type) and issubclass(tp, Model):
            return self._model(node, tp)
        if isinstance(tp, type) and issubclass(tp, Asset):
            path = self._plain(node, str, what)
            return tp(path, node.pos) if path is not None else None
        if tp is Text:
            return self._text(node, what)
        if isinstance(tp, type) and issubclass(tp, FilesPerLanguage):
            return self._files(node, tp, what)
        if tp is ScreenRef:
            ref = self._id(node, what)
            return ScreenRef(ref, node.pos) if ref is not None else None
        if tp is Color:
            return self._color(node, what)
        if tp is Size:
            return self._size(node, what)
        if tp is Id:
            return self._id(node, what)
        return self._plain(node, tp, what)

    def read_model(self, node: Node, cls: type[M], skip: tuple[str, ...] = ()) -> M | None:
        return self._model(node, cls, skip)

    # --- structures -----------------------------------------------------------------------

    def _model(self, node: Node, cls: type[M], skip: tuple[str, ...] = ()) -> M | None:
        name = _display_name(cls)
        if not node.is_mapping:
            self.problems.error(node.pos, f"expected a mapping of fields for {name}, got {_kind(node)}")
            return None
        fields = _fields(cls)
        known = set(fields) | set(skip)
        for key, kpos in node.key_pos.items():
            if key not in known:
                self.problems.error(kpos, f"unknown field '{key}' in {name}{did_you_mean(key, known)}")
        values: dict[str, Any] = {"where": node.pos,
                                   "field_pos": {k: v.pos for k, v in node.value.items()}}
        for fname, (ftype, fdef) in fields.items():
            if fname in skip:
                continue
            child = node.value.get(fname)
            if child is None:
                if fdef.required:
                    self.problems.error(node.pos, f"missing required field '{fname}' in {name}")
                    values[fname] = None
                continue
            if child.value is None and not _optional(ftype):
                hint = (" (an unquoted # starts a comment in YAML: write the colour in quotes, "
                        "like \"#1e88e5\")") if ftype is Color else ""
                self.problems.error(child.pos, f"'{fname}' has no value{hint}")
                # Said; the checks after this one go on with the default (an empty list of films,
                # not None), so that one mistake is one error and never a traceback.
                values[fname] = None if fdef.required else fdef.fallback()
                continue
            value = self.read(child, ftype, f"'{fname}'")
            value = self._check_limits(child, value, fdef.field, fname)
            if value is not None or not fdef.required:
                values[fname] = value if value is not None else fdef.fallback()
            else:
                values[fname] = None
        return cls(**values)

    def _screen(self, node: Node) -> Screen | None:
        if not node.is_mapping:
            self.problems.error(node.pos, f"expected a screen (a mapping of fields), got {_kind(node)}")
            return None
        kind_node = node.value.get("kind")
        if kind_node is None or kind_node.value is None:
            self.problems.error(
                node.pos, f"missing required field 'kind' in screen (one of: {', '.join(SCREEN_KINDS)})"
            )
            return None
        kind = str(kind_node.value)
        cls = SCREEN_KINDS.get(kind)
        if cls is None:
            self.problems.error(
                kind_node.pos,
                f"unknown screen kind '{kind}'{did_you_mean(kind, SCREEN_KINDS)}; "
                f"kinds are: {', '.join(SCREEN_KINDS)}",
            )
            return None
        return self._model(node, cls, skip=("kind",))

    def _list(self, node: Node, item_type: Any, what: str) -> list[Any] | None:
        if not node.is_sequence:
            self.problems.error(node.pos, f"{what} must be a list (items starting with '- '), got {_kind(node)}")
            return None
        items = [self.read(child, item_type, what) for child in node.value]
        return [i for i in items if i is not None]

    # --- leaves ---------------------------------------------------------------------------

    def _text(self, node: Node, what: str) -> Text | None:
        values = self._per_language(node, what, "text", self._words)
        return Text(values, node.pos) if values is not None else None

    def _files(self, node: Node, cls: type[F], what: str) -> F | None:
        files = self._per_language(node, what, "file", lambda n, w: self.read(n, cls.FILE, w))
        return cls(files, node.pos) if files is not None else None

    def _words(self, node: Node, what: str) -> str | None:
        text: str | None = self._plain(node, str, what)
        if text is not None and not text.strip():
            self.problems.error(node.pos, f"{what} is empty")
            return None
        return text

    def _per_language(self, node: Node, what: str, noun: str,
                      read_one: Callable[[Node, str], V | None]) -> dict[str, V] | None:
        """{language: value} for a mapping keyed by the pack's languages, each one required."""
        langs = self.languages or []
        if not node.is_mapping:
            example = " ".join(f"{lang}: ..." for lang in langs) or "zh: ... en: ..."
            self.problems.error(
                node.pos, f"{what} must be given per language, like {{{example}}}; got {_kind(node)}"
            )
            return None
        values: dict[str, V] = {}
        for lang, child in node.value.items():
            kpos = node.key_pos[lang]
            if self.languages is not None and lang not in self.languages:
                hint = did_you_mean(lang, self.languages)
                if hint:
                    self.problems.error(kpos, f"unknown language '{lang}'{hint}")
                else:
                    self.problems.warning(
                        kpos, f"language '{lang}' is not one of the pack's languages "
                        f"({', '.join(self.languages)}); this {noun} is never shown"
                    )
                continue
            value = read_one(child, f"{what} ({lang})")
            if value is not None:
                values[lang] = value
        for lang in langs:
            if lang not in node.value:
                self.problems.error(node.pos, f"{what} has no '{lang}' {noun} "
                                    f"(the pack declares language '{lang}')")
        return values

    def _plain(self, node: Node, tp: Any, what: str) -> Any:
        value = node.value
        if typing.get_origin(tp) is typing.Literal:
            choices = typing.get_args(tp)
            if value in choices:
                return value
            self.problems.error(node.pos, f"{what} must be one of {', '.join(map(str, choices))}")
            return None
        if not node.is_scalar or value is None:
            self.problems.error(node.pos, f"{what} must be {_TYPE_NAMES.get(tp, tp)}, got {_kind(node)}")
            return None
        if tp is str:
            # Keep what the editor typed: `value: 1.73` or `year: 2008` are texts on screen.
            return str(value) if isinstance(value, str) else node.raw
        if tp is bool and isinstance(value, bool):
            return value
        if tp is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if tp is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        self.problems.error(node.pos, f"{what} must be {_TYPE_NAMES.get(tp, tp)}, got {_kind(node)}")
        return None

    def _color(self, node: Node, what: str) -> str | None:
        value: str | None = self._plain(node, str, what)
        if value is not None and not _COLOR.fullmatch(value):
            self.problems.error(node.pos, f"{what} must be a colour like \"#1e88e5\", got '{value}'")
            return None
        return value

    def _size(self, node: Node, what: str) -> str | None:
        value: str | None = self._plain(node, str, what)
        match = _SIZE.fullmatch(value) if value is not None else None
        if value is not None and not (match and all(200 <= int(n) <= 16384 for n in match.groups())):
            self.problems.error(node.pos, f"{what} must be a screen size like 1920x1080, got '{value}'")
            return None
        return value

    def _id(self, node: Node, what: str) -> str | None:
        value: str | None = self._plain(node, str, what)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.problems.error(
                node.pos, f"{what} must be an id of lowercase letters, digits, '-' and '_', "
                f"got '{value}'"
            )
            return None
        return value

    def _check_limits(self, node: Node, value: Any, f: dataclasses.Field[Any], name: str) -> Any:
        if value is None or not f.metadata:
            return value
        m = f.metadata
        if isinstance(value, list) and len(value) < m.get("min_items", 0):
            count = "one item" if m["min_items"] == 1 else f"{m['min_items']} items"
            self.problems.error(node.pos, f"'{name}' needs at least {count}")
        if isinstance(value, (int, float)):
            low, high = m.get("minimum"), m.get("maximum")
            if (low is not None and value < low) or (high is not None and value > high):
                self.problems.error(node.pos, f"'{name}' must be between {low:g} and {high:g}, got {value:g}")
                return None
        return value


@dataclasses.dataclass(frozen=True)
class _FieldInfo:
    field: dataclasses.Field[Any]

    @property
    def required(self) -> bool:
        return (self.field.default is dataclasses.MISSING
                and self.field.default_factory is dataclasses.MISSING)

    def fallback(self) -> Any:
        if self.field.default_factory is not dataclasses.MISSING:
            return self.field.default_factory()
        return self.field.default


_FIELDS: dict[type[Model], dict[str, tuple[Any, _FieldInfo]]] = {}  # read once per class


def _fields(cls: type[Model]) -> dict[str, tuple[Any, _FieldInfo]]:
    if cls not in _FIELDS:
        hints = typing.get_type_hints(cls)
        _FIELDS[cls] = {
            f.name: (hints[f.name], _FieldInfo(f))
            for f in dataclasses.fields(cls)
            if not f.metadata.get("internal")
        }
    return _FIELDS[cls]


def _optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType) and type(None) in typing.get_args(tp)


def _display_name(cls: type) -> str:
    if issubclass(cls, Screen):
        return f"{cls.KIND} screen"
    return {"Pack": "pack.yaml"}.get(cls.__name__, cls.__name__.lower())


def _kind(node: Node) -> str:
    if node.is_mapping:
        return "a mapping"
    if node.is_sequence:
        return "a list"
    if node.value is None:
        return "nothing"
    if isinstance(node.value, bool):
        return f"{str(node.value).lower()}"
    if isinstance(node.value, (int, float)):
        return f"the number {node.raw}"
    return f"the text '{_short(str(node.value))}'"


def _short(s: str, n: int = 40) -> str:
    """`s` on one line, control characters written as escapes (a problem is one line), cut at n."""
    s = "".join(c if c.isprintable() else repr(c)[1:-1] for c in s)
    return s if len(s) <= n else s[: n - 1] + "…"


def where_of(node: Node, key: str) -> Pos:
    """Position of a key's value if present, else of the mapping."""
    child = node.value.get(key) if node.is_mapping else None
    return child.pos if child is not None else node.pos
