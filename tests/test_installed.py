"""The kiosk as someone who installs it gets it: a wheel built from this checkout, installed into a
new virtual environment with the locked dependencies, and run from a folder far from any checkout.
Its fonts and built-in packs must come with it (kiosk/bundled/ inside the wheel), while a checkout
keeps using its own assets/fonts/ and content/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from kiosk.system import locations
from kiosk.ui.firstframe import FIRST_FRAME_MARK

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "tools" / "locks" / "dev.txt"
WINDOWS = os.name == "nt"


@dataclass
class Installed:
    python: Path
    kiosk: Path  # the console script pip made
    site_packages: Path
    home: Path  # KIOSK_HOME
    work: Path  # the working directory, outside the repository
    env: dict[str, str]

    def run(self, *args: str | Path) -> subprocess.CompletedProcess:
        return subprocess.run([str(a) for a in args], cwd=self.work, env=self.env,
                              capture_output=True, text=True, encoding="utf-8")


def checked(command: list, **options) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, **options)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def clean_environment() -> dict[str, str]:
    """This machine's environment without anything that could lead Python to the checkout or to
    the test run's own virtual environment."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "VIRTUAL_ENV",
                        "__PYVENV_LAUNCHER__")
           and not k.startswith("QT_")}
    env["PYTHONNOUSERSITE"] = "1"  # nor the user's own ~/.local site-packages
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_QUICK_BACKEND"] = "software"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    root = tmp_path_factory.mktemp("installed")
    assert not root.resolve().is_relative_to(REPO)
    env = clean_environment()
    venv = root / "venv"
    # A new environment from the interpreter the tests run on, without its packages
    # (venv never gives it the system site-packages unless asked to).
    checked([sys.executable, "-m", "venv", venv], cwd=root, env=env)
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    pip = [python, "-m", "pip", "--disable-pip-version-check"]
    # The same exact, hash-checked versions a developer has (pip's cache makes this quick).
    checked([*pip, "install", "--require-hashes", "-r", LOCK], cwd=root, env=env)
    # The wheel, built by the locked hatchling just installed there (as tools/dev.py builds the
    # editable install), so a new hatchling release cannot change what this test checks.
    checked([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", root / "wheel", REPO],
            cwd=root, env=env)
    wheels = list((root / "wheel").glob("kiosk-*.whl"))
    assert len(wheels) == 1, wheels
    checked([*pip, "install", "--no-deps", wheels[0]], cwd=root, env=env)
    checked([*pip, "check"], cwd=root, env=env)  # the lock meets the wheel's requirements
    paths = json.loads(checked([python, "-c", "import json, sysconfig; print(json.dumps(sysconfig.get_paths()))"],
                               cwd=root, env=env).stdout)
    work = root / "elsewhere"
    work.mkdir()
    home = root / "kiosk-home"
    return Installed(
        python=python,
        kiosk=Path(paths["scripts"]) / ("kiosk.exe" if WINDOWS else "kiosk"),
        site_packages=Path(paths["purelib"]).resolve(),
        home=home,
        work=work,
        env={**env, "KIOSK_HOME": str(home)},
    )


def test_the_checkout_uses_its_own_fonts_and_packs():
    """Tests (and developers) run from the checkout, editable install or not: an edit to a font or
    a pack there must show without reinstalling."""
    assert locations.PROJECT_ROOT == REPO
    assert locations.ASSETS_DIR / "fonts" == REPO / "assets" / "fonts"
    assert locations.BUILTIN_PACKS_DIR == REPO / "content"


def test_the_installed_kiosk_is_the_wheel_not_the_checkout(installed: Installed):
    code = ("import json, kiosk, kiosk.system.locations as l; print(json.dumps([kiosk.__file__, "
            "str(l.PROJECT_ROOT), str(l.ASSETS_DIR), str(l.BUILTIN_PACKS_DIR)]))")
    result = installed.run(installed.python, "-c", code)
    assert result.returncode == 0, result.stderr
    module, project_root, assets, packs = json.loads(result.stdout)
    assert Path(module).resolve().is_relative_to(installed.site_packages), module
    assert project_root == "None"  # no checkout
    for folder in (assets, packs):
        assert Path(folder).resolve().is_relative_to(installed.site_packages / "kiosk" / "bundled")
    # The fonts' licence and notes travel with them, and so does the editors' guide.
    assert (Path(assets) / "fonts" / "OFL.txt").is_file()
    assert (Path(assets) / "fonts" / "README.md").is_file()
    assert (Path(packs) / "README.md").is_file()


def test_the_installed_kiosk_loads_its_bundled_fonts(installed: Installed):
    code = """if True:
        import json
        from PySide6.QtGui import QGuiApplication
        from kiosk.ui.fonts import bundled_font_files, load_fonts
        app = QGuiApplication([])
        print(json.dumps({"files": [str(f) for f in bundled_font_files()], "families": load_fonts()}))
    """
    result = installed.run(installed.python, "-c", code)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["files"], "no bundled fonts found"
    for file in loaded["files"]:
        assert Path(file).resolve().is_relative_to(installed.site_packages), file
    assert "Noto Sans CJK SC" in loaded["families"]


def test_the_installed_kiosk_lists_its_built_in_packs(installed: Installed):
    result = installed.run(installed.kiosk, "packs")
    assert result.returncode == 0, result.stdout + result.stderr
    # ID  TITLE  LANGUAGES  STATUS  FOLDER, one line a pack
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:] if line.strip()}
    for pack in ("yongchuan-2022", "starter"):
        assert " valid " in rows.get(pack, ""), result.stdout
        folder = Path(rows[pack].split(" valid ", 1)[1].strip())
        assert folder.resolve().is_relative_to(installed.site_packages), result.stdout
    # Every built-in pack of the checkout is in the wheel (pyproject.toml lists them one by one).
    assert set(rows) >= {pack_file.parent.name for pack_file in (REPO / "content").glob("*/pack.yaml")}


def test_the_installed_kiosk_starts_and_validates_a_new_pack(installed: Installed, tmp_path: Path):
    target = tmp_path / "somewhere" / "my-show"
    target.parent.mkdir()
    result = installed.run(installed.kiosk, "new", target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert yaml.safe_load((target / "pack.yaml").read_text(encoding="utf-8"))["id"] == "my-show"
    for pack in (str(target), "yongchuan-2022"):
        result = installed.run(installed.kiosk, "validate", "--quick", pack)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_kiosk_shows_a_first_frame(installed: Installed):
    result = installed.run(installed.kiosk, "run", "yongchuan-2022", "--exit-after-first-frame", "--windowed")
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(line.startswith(FIRST_FRAME_MARK) for line in result.stdout.splitlines()), result.stdout
