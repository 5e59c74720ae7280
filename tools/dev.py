"""Set up a development environment, then run the kiosk or its tests.

This is the script behind the README's commands. It needs only Python 3.11+
on a fresh machine and does the whole set-up itself:

    python3 tools/dev.py rehearse [ARGS]  kiosk in a window: kiosk run --windowed ARGS
    python3 tools/dev.py test [ARGS]      the test suite: pytest ARGS, Qt offscreen
    python3 tools/dev.py setup            only the set-up

On Windows, run it as `py tools\\dev.py ...`.

Set-up steps. Each one is skipped when it is already done, so a second run
takes a fraction of a second:
 1. On Debian/Ubuntu, install with apt-get (as root, or through sudo) the
    system libraries that the Qt inside the PySide6 wheel links against.
 2. Create .venv at the repo root. If Debian's python3 cannot make one, first
    install its python3.X-venv package.
 3. Run pip install -e '.[test]' into .venv (just -e . for rehearse). The
    stamp .venv/kiosk-setup.json records the hash of pyproject.toml and the
    extras installed. Delete the stamp to force a reinstall.

The script uses only the standard library because it runs before any
virtual environment exists. It must still compile on Python 3.7 to 3.10, so
that the version check can tell their users what is wrong.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

MIN_PYTHON = (3, 11)
REPO = Path(__file__).resolve().parent.parent
PYPROJECT = REPO / "pyproject.toml"
VENV = REPO / ".venv"
WINDOWS = os.name == "nt"
VENV_BIN = VENV / ("Scripts" if WINDOWS else "bin")
EXE_SUFFIX = ".exe" if WINDOWS else ""
VENV_PYTHON = VENV_BIN / f"python{EXE_SUFFIX}"
STAMP = VENV / "kiosk-setup.json"

# soname -> Debian package. The PySide6-Essentials wheel bundles Qt but not
# these system libraries, which Qt links against. Offscreen tests need them too.
QT_LIBS = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libzstd.so.1": "libzstd1",
    "libbrotlidec.so.1": "libbrotli1",
    "libpng16.so.16": "libpng16-16",
}
# Only the xcb platform plugin needs these, i.e. a real window (rehearse).
WINDOW_LIBS = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
}
# Mesa's GL drivers are loaded with dlopen rather than linked, so ldconfig has
# no soname to look up. We ask dpkg for the package instead.
WINDOW_PACKAGES = ("libgl1-mesa-dri",)


class SetupError(Exception):
    """An expected failure. The message says what to do, so no traceback is shown."""


def log(message: str) -> None:
    # Flush now, or our lines would land after the output of the
    # apt-get/pip subprocesses that follow them.
    print(f"[setup] {message}", flush=True)


def check_python() -> None:
    if sys.version_info < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        raise SetupError(
            f"Python {wanted} or newer is needed, but {sys.executable} is "
            f"{platform.python_version()}. Run this script with a newer Python."
        )


def ldconfig_sonames() -> set[str] | None:
    """Return the sonames in the dynamic linker's cache, or None if ldconfig is missing."""
    # /sbin is not on a normal user's PATH on Debian.
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        listing = subprocess.run(
            [ldconfig, "-p"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    # Entries look like "\tlibGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1".
    return {line.split()[0] for line in listing.splitlines() if line.startswith("\t")}


def dpkg_installed(package: str) -> bool:
    # Use dpkg-query rather than `dpkg -s`, which exits 0 even for a package
    # that was removed and only left its configuration files behind.
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Status}", package],
        capture_output=True,
        text=True,
    )
    return result.stdout == "installed"


def ensure_system_libraries(window: bool) -> None:
    if not sys.platform.startswith("linux"):
        return  # the Windows and macOS wheels carry everything Qt needs
    libs = {**QT_LIBS, **WINDOW_LIBS} if window else QT_LIBS
    sonames = ldconfig_sonames()
    if sonames is None:
        log("ldconfig not found; skipping the system library check")
        return
    missing = [soname for soname in libs if soname not in sonames]
    if not shutil.which("apt-get"):
        if missing:
            # We do not know this distribution's package names. The user does.
            log("no apt-get, so not installing anything. If Qt fails to start, "
                "install these libraries: " + ", ".join(missing))
        else:
            log("system libraries: ok")
        return
    packages = {libs[soname] for soname in missing}
    if window:
        packages.update(p for p in WINDOW_PACKAGES if not dpkg_installed(p))
    if not packages:
        log("system libraries: ok")
        return
    log("missing system packages: " + " ".join(sorted(packages)))
    apt_install(sorted(packages))


def apt_lists_present() -> bool:
    # Slim images such as Docker's debian:12 ship with no package lists, and
    # apt-get install fails until apt-get update has run.
    return any(Path("/var/lib/apt/lists").glob("*_Packages*"))


def apt_install(packages: list[str]) -> None:
    install = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if os.geteuid() == 0:
        prefix = []
    elif shutil.which("sudo"):
        prefix = ["sudo"]
    else:
        raise SetupError(
            "installing system packages needs root. Run as root:\n"
            f"    {' '.join(install)}\nthen run this command again."
        )
    if apt_lists_present():
        log("installing with apt-get: " + " ".join(packages))
        if subprocess.run(prefix + install).returncode == 0:
            return
        # The usual cause is stale package lists that name versions which are
        # no longer on the mirror. Updating them fixes that.
        log("apt-get install failed; updating the package lists and retrying")
    else:
        log("no apt package lists yet; running apt-get update")
    if (
        subprocess.run(prefix + ["apt-get", "update"]).returncode != 0
        or subprocess.run(prefix + install).returncode != 0
    ):
        command = " ".join(prefix + install)
        raise SetupError(
            "apt-get could not install the packages (see above; is the network up?). "
            f"Once fixed, this should work:\n    {command}"
        )


def ensure_venv() -> None:
    if VENV_PYTHON.exists():
        return
    if find_spec("ensurepip") is None:
        # Debian moves ensurepip into a separate python3.X-venv package.
        # Without it, `python3 -m venv` stops half-way, leaving no pip.
        package = "python{}.{}-venv".format(*sys.version_info[:2])
        if sys.platform.startswith("linux") and shutil.which("apt-get"):
            log(f"{sys.executable} cannot create virtual environments; installing {package}")
            apt_install([package])
            importlib.invalidate_caches()
        if find_spec("ensurepip") is None:
            raise SetupError(
                f"{sys.executable} has no ensurepip module, so it cannot create "
                f"virtual environments (on Debian/Ubuntu it comes with {package})."
            )
    log(f"creating .venv with {sys.executable} (Python {platform.python_version()})")
    # --clear matters when .venv exists but its interpreter is gone (for
    # example the Python that made it was upgraded or removed). Such a
    # venv cannot be repaired in place.
    if subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)]).returncode != 0:
        raise SetupError("could not create .venv (see above)")
    log("upgrading pip in .venv")
    if pip("install", "--upgrade", "pip") != 0:
        # Not fatal: the pip that venv bundles (23.0 on Debian 12) can
        # already do editable installs from pyproject.toml.
        log("could not upgrade pip; going on with the bundled one")


def pip(*args: str) -> int:
    return subprocess.run([str(VENV_PYTHON), "-m", "pip", *args], cwd=REPO).returncode


def read_stamp() -> dict:
    try:
        return json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def ensure_installed(extras: set[str]) -> None:
    digest = hashlib.sha256(PYPROJECT.read_bytes()).hexdigest()
    stamp = read_stamp()
    installed_extras = set(stamp.get("extras", []))
    if stamp.get("pyproject_sha256") == digest and extras <= installed_extras:
        log(".venv is up to date")
        return
    # Reinstall the extras an earlier run installed as well. Then, after a
    # change to pyproject.toml, `rehearse` also updates the test tools that
    # `test` put there, and the stamp still lists them.
    extras = extras | installed_extras
    target = ".[{}]".format(",".join(sorted(extras))) if extras else "."
    log(f"installing kiosk into .venv: pip install -e '{target}'")
    if pip("install", "--disable-pip-version-check", "-e", target) != 0:
        raise SetupError("pip install failed (see above; is PyPI reachable?)")
    STAMP.write_text(
        json.dumps({"pyproject_sha256": digest, "extras": sorted(extras)}, indent=2) + "\n",
        encoding="utf-8",
    )


def setup(extras: set[str], window: bool) -> None:
    ensure_system_libraries(window)
    ensure_venv()
    ensure_installed(extras)


def cmd_setup(args: list[str]) -> int:
    if args:
        raise SetupError("setup takes no arguments")
    setup({"test"}, window=True)
    return 0


def cmd_rehearse(args: list[str]) -> int:
    setup(set(), window=True)
    command = [str(VENV_BIN / f"kiosk{EXE_SUFFIX}"), "run", "--windowed", *args]
    if WINDOWS:
        # On Windows os.execv starts a new process and ends this one. The
        # console prompt would then return while the kiosk still runs.
        return subprocess.run(command).returncode
    os.execv(command[0], command)


def cmd_test(args: list[str]) -> int:
    setup({"test"}, window=False)
    # Force offscreen so the tests behave the same on a desktop, over SSH
    # and in CI, and never need a display or the xcb libraries.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(VENV_PYTHON), "-m", "pytest", *args], cwd=REPO, env=env).returncode


COMMANDS = {"setup": cmd_setup, "rehearse": cmd_rehearse, "test": cmd_test}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    try:
        check_python()
        return COMMANDS[argv[0]](argv[1:])
    except SetupError as error:
        print(f"[setup] error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
