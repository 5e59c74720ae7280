"""The `kiosk` command as a user runs it: exit codes, messages, --help everywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import locations
from kiosk.cli import main

from .support import MINIMAL_PACK, TESTS


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "error"})


@pytest.mark.parametrize("command", [[], ["run"], ["validate"], ["packs"]])
def test_every_command_has_help(command):
    out = kiosk(*command, "--help")
    assert out.returncode == 0
    assert out.stdout.startswith("usage: kiosk")


def test_validate_clean_pack_exits_0(capsys):
    assert main(["validate", str(MINIMAL_PACK)]) == 0
    assert capsys.readouterr().out == f"{MINIMAL_PACK}: ok, 7 screens\n"


def test_validate_reports_errors_with_path_and_exits_1(tmp_path, capsys):
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    shutil.copytree(TESTS / "packs" / "broken" / "several-errors", pack, dirs_exist_ok=True)
    assert main(["validate", str(pack)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{pack}/pack.yaml:2:8: error: 'title' has no 'en' text (the pack declares language 'en')"
    assert lines[-1] == f"{pack}: 6 errors, 0 warnings"


def test_warnings_pass_unless_strict(tmp_path, capsys):
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    shutil.copytree(TESTS / "packs" / "broken" / "unreachable-screen", pack, dirs_exist_ok=True)
    assert main(["validate", str(pack)]) == 0
    assert main(["validate", "--strict", str(pack)]) == 1
    assert "warning: screen 'secret' cannot be reached" in capsys.readouterr().out


def test_validate_several_packs_reports_each(tmp_path, capsys):
    broken = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, broken)
    (broken / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert main(["validate", str(MINIMAL_PACK), str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{MINIMAL_PACK}: ok" in out and f"{broken}/pack.yaml:2:1: error: YAML syntax error" in out


def test_usage_errors_exit_2_without_traceback(tmp_path):
    for args in (["validate", str(tmp_path / "nope")], ["validate", "--bogus", str(MINIMAL_PACK)],
                 ["run", "--size", "huge"], ["frobnicate"]):
        out = kiosk(*args)
        assert out.returncode == 2, args
        assert "Traceback" not in out.stderr and out.stderr.strip(), args


def test_packs_lists_builtin_and_user_packs(kiosk_home, capsys):
    user = locations.user_packs_dir()
    user.mkdir(parents=True)
    shutil.copytree(MINIMAL_PACK, user / "minimal")
    shutil.copytree(MINIMAL_PACK, user / "broken")
    (user / "broken" / "pack.yaml").write_text("id: broken\n", encoding="utf-8")
    assert main(["packs"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split() == ["ID", "TITLE", "LANGUAGES", "STATUS", "FOLDER"]
    minimal = next(r for r in rows if r.startswith("minimal "))
    assert "最小样例" in minimal and "zh, en" in minimal and " valid " in minimal
    broken = next(r for r in rows if r.startswith("broken "))
    assert "invalid (4 errors)" in broken
    assert any(r.startswith(locations.DEFAULT_PACK + " ") and " valid " in r for r in rows)


def test_default_pack_is_valid():
    assert main(["validate", "--strict", str(locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK)]) == 0
