"""The code as written: the Python lint (ruff), the type checker (mypy, strict on content, core
and system; both configured in pyproject.toml) and the QML lint (Qt's qmllint, configured in
kiosk/qml/.qmllint.ini) find nothing, and each would find a mistake."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .support import TESTS

ROOT = TESTS.parent
QML_DIR = ROOT / "kiosk" / "qml"
QMLLINT_SETTINGS = QML_DIR / ".qmllint.ini"


def ruff(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
                           *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


def mypy(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--no-error-summary", *args],
                          cwd=ROOT, capture_output=True, text=True)


def qmllint(files: list[Path], imports: Path = QML_DIR) -> subprocess.CompletedProcess:
    # PySide6's wrapper runs the qmllint of the Qt it bundles, with its module metadata.
    tool = shutil.which("pyside6-qmllint", path=str(Path(sys.executable).parent))
    assert tool, "pyside6-qmllint comes with PySide6"
    # Its settings are found next to the files (QMLLINT_SETTINGS).
    return subprocess.run([tool, "-I", str(imports), *map(str, files)], capture_output=True, text=True)


def test_python_lint_finds_nothing():
    result = ruff(ROOT / "kiosk", ROOT / "tests", ROOT / "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_lint_finds_a_mistake(tmp_path):
    (tmp_path / "bad.py").write_text("import os\n\n\ndef f(x=[]):\n    return undefined_name\n", encoding="utf-8")
    out = ruff(tmp_path / "bad.py").stdout
    assert all(code in out for code in ("F401", "B006", "F821")), out


def test_types_check():
    result = mypy()  # the files and the strictness of pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_checker_finds_a_mistake(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def twice(n):\n    return n * 2\n\n\ndef name(n: int) -> str:\n    return n\n",
                   encoding="utf-8")
    out = mypy("--config-file", str(ROOT / "pyproject.toml"), str(bad)).stdout
    assert "no-untyped-def" in out and "return-value" in out, out


def test_qml_lint_finds_nothing():
    result = qmllint(sorted((QML_DIR / "Kiosk").glob("*.qml")))
    assert result.returncode == 0 and "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr


def test_the_qml_description_of_the_python_types_is_up_to_date():
    """qmllint knows FilmFrame (kiosk/ui/film.py) from kiosk/qml/Kiosk/Media/media.qmltypes only."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "qmltypes.py"), "--check"], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def test_qml_lint_finds_a_mistake(tmp_path):
    copy = Path(shutil.copytree(QML_DIR, tmp_path / "qml"))  # with its settings
    assert (copy / QMLLINT_SETTINGS.name).exists()
    label = copy / "Kiosk" / "Label.qml"
    assert qmllint([label], imports=copy).returncode == 0, "the copy is clean before the mistake"
    label.write_text(label.read_text(encoding="utf-8").replace("Text {", "Text {\n    widht: 10", 1),
                     encoding="utf-8")
    result = qmllint([label], imports=copy)
    assert result.returncode != 0 and "widht" in result.stdout + result.stderr, result.stdout + result.stderr
