"""The layers stay as the folders say (see ARCHITECTURE.md): which package may import which, no
Qt below kiosk.ui, and no import cycle among kiosk's modules. Read from the source with ast, so a
lazy import inside a function counts as much as one at the top."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parent.parent / "kiosk"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
NO_QT = ("kiosk.content", "kiosk.core", "kiosk.system", "kiosk.report")
# Who may use whom, between kiosk's packages (a package may always use itself).
ALLOWED = {
    "kiosk.content": set(),
    "kiosk.core": {"kiosk.content"},
    "kiosk.system": {"kiosk.content", "kiosk.core"},
    "kiosk.ui": {"kiosk.content", "kiosk.core", "kiosk.system"},
    "kiosk.report": {"kiosk.content", "kiosk.core", "kiosk.system"},
    "kiosk.benchmark": {"kiosk.content", "kiosk.core", "kiosk.system", "kiosk.ui"},
    "kiosk": {"kiosk.content", "kiosk.core", "kiosk.system", "kiosk.ui", "kiosk.benchmark", "kiosk.report"},
}
# What only draws a pack (renders, proofs, the layout lint, the bench's mirror of the screen) is
# built on the view (kiosk.ui.view) and never on the running kiosk (kiosk.ui.app), whose settings,
# lockdown, idle policy and staff menu it has no use for.
DRAWING_ONLY = ("kiosk.ui.render", "kiosk.ui.proof", "kiosk.ui.lint", "kiosk.benchmark.mirror")
RUNNING_KIOSK = "kiosk.ui.app"


def module_name(path: Path, root: Path = KIOSK) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path = KIOSK) -> set[str]:
    """Every module `path` imports, anywhere in it, as absolute names: `from a import b` is the
    module a.b when there is one (of kiosk's), else a."""
    known = {module_name(p, root) for p in root.rglob("*.py")}
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            submodules = {f"{base}.{alias.name}" for alias in node.names} & known
            found.update(submodules or {base})
    return found


def modules(root: Path = KIOSK) -> dict[str, set[str]]:
    """kiosk's modules and the kiosk modules each imports."""
    paths = {module_name(p, root): p for p in root.rglob("*.py")}
    return {name: {m for m in imports(path, root) if m in paths and m != name} for name, path in paths.items()}


def layer_of(name: str) -> str:
    return next((layer for layer in sorted(ALLOWED, key=len, reverse=True)
                 if name == layer or name.startswith(layer + ".")), "kiosk")


def qt_imports(root: Path = KIOSK) -> list[str]:
    return sorted(f"{module_name(p, root)} imports {m}" for p in root.rglob("*.py")
                  if module_name(p, root).startswith(NO_QT)
                  for m in imports(p, root) if m.split(".")[0] in QT)


def crossings(root: Path = KIOSK) -> list[str]:
    bad = []
    for name, used in modules(root).items():
        mine = layer_of(name)
        for other in used:
            theirs = layer_of(other)
            if other == "kiosk":  # the package itself: its version, for every layer
                continue
            if theirs != mine and theirs not in ALLOWED[mine] and other not in ALLOWED[mine]:
                bad.append(f"{name} ({mine}) imports {other} ({theirs})")
    return sorted(bad)


def reaches(start: str, root: Path = KIOSK) -> set[str]:
    """Every kiosk module that importing `start` may import, directly or through others."""
    graph, seen, todo = modules(root), set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def cycles(root: Path = KIOSK) -> list[list[str]]:
    """Each import cycle among kiosk's modules, once (Tarjan's strongly connected components).
    A package's __init__ that gathers its own modules is not a cycle with them."""
    graph = {name: {m for m in used if not name.startswith(m + ".")} for name, used in modules(root).items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_nothing_below_ui_imports_qt():
    assert qt_imports() == []


def test_packages_use_only_the_layers_below_them():
    assert crossings() == []


def test_there_is_no_import_cycle():
    assert cycles() == []


@pytest.mark.parametrize("name", DRAWING_ONLY)
def test_what_only_draws_never_builds_the_running_kiosk(name):
    assert RUNNING_KIOSK not in reaches(name)


def test_the_contracts_can_fail(tmp_path):
    """A rule that cannot fail checks nothing: a tiny kiosk that breaks each of them."""
    root = tmp_path / "kiosk"
    for package in ("content", "core", "ui"):
        (root / package).mkdir(parents=True)
        (root / package / "__init__.py").write_text("", encoding="utf-8")
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "core" / "rules.py").write_text("def f():\n    from PySide6.QtCore import QTimer\n", encoding="utf-8")
    (root / "content" / "model.py").write_text("from ..ui import view\n", encoding="utf-8")
    (root / "ui" / "view.py").write_text("from ..content import model\n", encoding="utf-8")
    (root / "ui" / "render.py").write_text("from . import view\n\n\ndef f():\n    from .app import Show\n",
                                          encoding="utf-8")
    (root / "ui" / "app.py").write_text("", encoding="utf-8")
    assert qt_imports(root) == ["kiosk.core.rules imports PySide6.QtCore"]
    assert "kiosk.content.model (kiosk.content) imports kiosk.ui.view (kiosk.ui)" in crossings(root)
    assert cycles(root) == [["kiosk.content.model", "kiosk.ui.view"]]
    assert RUNNING_KIOSK in reaches("kiosk.ui.render", root)


@pytest.mark.parametrize("package", NO_QT)
def test_importing_a_plain_layer_loads_no_qt(package):
    """The same, as Python sees it: every module of the layer imported, and no Qt loaded."""
    names = sorted(module_name(p) for p in (KIOSK / package.split(".")[1]).rglob("*.py"))
    code = (f"import importlib, sys\nfor n in {names!r}: importlib.import_module(n)\n"
            f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]\nassert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_content_package_hands_out_each_name_from_the_module_its_imports_name():
    """kiosk.content gives a name from the first of its modules that holds it (its __init__, at the
    name's first use): the same object as its imports for type checkers say, for every name."""
    tree = ast.parse((KIOSK / "content" / "__init__.py").read_text(encoding="utf-8"))
    home = {alias.name: node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and node.level == 1 for alias in node.names}
    code = ("import importlib, sys, kiosk.content as c\n"
            f"home = {home!r}\n"
            "assert sorted(home) == sorted(c.__all__), set(home) ^ set(c.__all__)\n"
            "for n in c.__all__:\n"
            "    assert getattr(c, n) is getattr(importlib.import_module('kiosk.content.' + home[n]), n), n\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
