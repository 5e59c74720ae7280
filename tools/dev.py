"""Set up a development environment, then run the kiosk or its tests.

This is the script behind the README's commands. It needs only Python 3.11+
on a fresh machine and does the whole set-up itself:

    python3 tools/dev.py rehearse [ARGS]  kiosk in a window: kiosk run --windowed ARGS
    python3 tools/dev.py test [ARGS]      the test suite: pytest ARGS, Qt offscreen
    python3 tools/dev.py setup            only the set-up
    python3 tools/dev.py lock [UV-ARGS]   refresh tools/locks/dev.txt (maintainers)

On Windows, run it as `py tools\\dev.py ...`.

Set-up steps. Each one is skipped when it is already done, so a second run
takes a fraction of a second:
 1. On Debian/Ubuntu, install with apt-get (as root, or through sudo) the
    system libraries that the Qt inside the PySide6 wheel links against,
    and for `test` also Xvfb (tests that drive a real X window) and Syncthing
   (the fleet test).
 2. Create .venv at the repo root. If Debian's python3 cannot make one, first
    install its python3.X-venv package.
 3. Install the exact versions in the lock, tools/locks/dev.txt, checking
    every file against its hash:
        pip install --require-hashes -r tools/locks/dev.txt
    then the kiosk itself, editable, built by the locked hatchling:
        pip install --no-deps --no-build-isolation -e .
    The stamp .venv/kiosk-setup.json records the hashes of pyproject.toml and
    of the lock, so changing either reinstalls. Delete it to force a reinstall.

One lock serves `rehearse`, `test` and CI: the runtime packages, the test
and bench extras (`kiosk bench` needs mss and psutil) and the build backend,
resolved together so they can share one .venv. The test and bench tools are a
few MB next to PySide6's few hundred, so a separate runtime-only lock would
not pay for keeping two locks in step.

`lock` resolves pyproject.toml's dependencies, its `test`, `bench` and `report` extras
and its [build-system] requires to exact versions with the hashes of every file of
them (Linux, Windows and macOS wheels alike), into tools/locks/dev.txt. It
installs uv into a throw-away virtual environment and runs
`uv pip compile --universal --generate-hashes`; only maintainers run it, and
nobody needs uv otherwise. Pins already in the lock are kept where
pyproject.toml still allows them; pass `--upgrade` for the newest of
everything, or `--upgrade-package NAME` for one. Then run `setup` and the
tests, and commit the lock.

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
LOCK = REPO / "tools" / "locks" / "dev.txt"
VENV = REPO / ".venv"
WINDOWS = os.name == "nt"
VENV_BIN = VENV / ("Scripts" if WINDOWS else "bin")
EXE_SUFFIX = ".exe" if WINDOWS else ""
VENV_PYTHON = VENV_BIN / f"python{EXE_SUFFIX}"
STAMP = VENV / "kiosk-setup.json"

# soname -> Debian package. The PySide6 wheels bundle Qt (and, in Addons, FFmpeg) but not
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
    # Qt Multimedia (films) links the PulseAudio client library even to play without sound.
    "libpulse.so.0": "libpulse0",
}
# Only the xcb platform plugin needs these, i.e. a real window (rehearse, and
# the tests that run the kiosk under Xvfb).
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
# Programs the tests run -> Debian package: a private X server for the tests
# that drive a real window (tests/xserver.py), and Syncthing for the fleet test
# (tests/test_fleet.py: two instances on 127.0.0.1, nothing leaves the machine).
TEST_PROGRAMS = {"Xvfb": "xvfb", "syncthing": "syncthing"}


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


def ensure_system_libraries(window: bool, test: bool = False) -> None:
    if not sys.platform.startswith("linux"):
        return  # the Windows and macOS wheels carry everything Qt needs
    libs = {**QT_LIBS, **WINDOW_LIBS} if window else QT_LIBS
    sonames = ldconfig_sonames()
    if sonames is None:
        log("ldconfig not found; skipping the system library check")
        return
    missing = [soname for soname in libs if soname not in sonames]
    programs = TEST_PROGRAMS if test else {}
    missing_programs = [name for name in programs if not shutil.which(name)]
    if not shutil.which("apt-get"):
        if missing or missing_programs:
            # We do not know this distribution's package names. The user does.
            log("no apt-get, so not installing anything. If Qt fails to start, "
                "install these: " + ", ".join(missing + missing_programs))
        else:
            log("system libraries: ok")
        return
    packages = {libs[soname] for soname in missing}
    packages.update(programs[name] for name in missing_programs)
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


def ensure_ensurepip() -> None:
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


def ensure_venv() -> None:
    if VENV_PYTHON.exists():
        return
    ensure_ensurepip()
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


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_stamp() -> dict:
    try:
        return json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def ensure_installed() -> None:
    if not LOCK.is_file():
        raise SetupError(f"the lock {LOCK} is missing; `python3 tools/dev.py lock` makes it")
    wanted = {
        "pyproject_sha256": sha256_of(PYPROJECT),
        "lock": LOCK.relative_to(REPO).as_posix(),
        "lock_sha256": sha256_of(LOCK),
    }
    if read_stamp() == wanted:
        log(".venv is up to date")
        return
    lock = wanted["lock"]
    log(f"installing the locked packages into .venv: pip install --require-hashes -r {lock}")
    # --require-hashes: every file downloaded must have one of the lock's hashes, so the
    # packages are exactly those the lock was made from, whatever PyPI serves today.
    if pip("install", "--disable-pip-version-check", "--require-hashes", "-r", lock) != 0:
        raise SetupError("pip install failed (see above; is PyPI reachable?)")
    # --no-deps: everything kiosk needs came from the lock. --no-build-isolation: build
    # with the locked hatchling in .venv rather than whichever one PyPI has today.
    log("installing kiosk itself, editable: pip install --no-deps --no-build-isolation -e .")
    if pip("install", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "-e", ".") != 0:
        raise SetupError("pip install -e . failed (see above)")
    # The lock is made from pyproject.toml. If someone changed pyproject.toml's dependencies
    # without refreshing the lock, pip check says which requirement is not met.
    if pip("check", "--disable-pip-version-check") != 0:
        raise SetupError(
            f"the packages of {lock} do not meet pyproject.toml's requirements (see above). "
            "Refresh the lock with `python3 tools/dev.py lock`, then run this again."
        )
    STAMP.write_text(json.dumps(wanted, indent=2) + "\n", encoding="utf-8")


def setup(window: bool, test: bool = False) -> None:
    ensure_system_libraries(window, test=test)
    ensure_venv()
    ensure_installed()


def cmd_setup(args: list[str]) -> int:
    if args:
        raise SetupError("setup takes no arguments")
    setup(window=True, test=True)
    return 0


def cmd_rehearse(args: list[str]) -> int:
    setup(window=True)
    command = [str(VENV_BIN / f"kiosk{EXE_SUFFIX}"), "run", "--windowed", *args]
    if WINDOWS:
        # On Windows os.execv starts a new process and ends this one. The
        # console prompt would then return while the kiosk still runs.
        return subprocess.run(command).returncode
    os.execv(command[0], command)


def cmd_test(args: list[str]) -> int:
    # Some tests run the kiosk in a real window under Xvfb, so the xcb
    # libraries are needed too.
    setup(window=True, test=True)
    # Force offscreen so the tests behave the same on a desktop, over SSH
    # and in CI. The tests that need an X server start their own Xvfb.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(VENV_PYTHON), "-m", "pytest", *args], cwd=REPO, env=env).returncode


def pins(lock_text: str) -> dict[str, str]:
    """{package: version} of the `name==version` lines of a lock."""
    found = {}
    for line in lock_text.splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, _, rest = line.partition("==")
            found[name.strip()] = rest.split()[0].rstrip(";\\")
    return found


LOCK_HEADER = """\
# The exact versions that tools/dev.py (and so CI) installs, with the sha256 of every file
# PyPI has for each: pip install --require-hashes -r tools/locks/dev.txt
# Inputs: pyproject.toml's dependencies, its `test`, `bench` and `report` extras and its [build-system] requires.
# Made by `python3 tools/dev.py lock` (uv pip compile --universal): one resolution that holds
# on Linux, Windows and macOS alike, its platform-only packages marked as such. pip-tools'
# pip-compile would resolve for the machine it runs on only, so do not use it for this file.
# Do not edit by hand.
"""


def cmd_lock(args: list[str]) -> int:
    import tempfile
    import tomllib  # Python 3.11+, which check_python has made sure of

    build_requires = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["build-system"]["requires"]
    old = LOCK.read_text(encoding="utf-8") if LOCK.is_file() else ""
    ensure_ensurepip()
    with tempfile.TemporaryDirectory(prefix="kiosk-lock-") as tmp:
        scratch = Path(tmp)
        log("installing uv into a throw-away virtual environment")
        if subprocess.run([sys.executable, "-m", "venv", str(scratch / "venv")]).returncode != 0:
            raise SetupError("could not create a virtual environment for uv (see above)")
        python = scratch / "venv" / ("Scripts" if WINDOWS else "bin") / f"python{EXE_SUFFIX}"
        if subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                           "--disable-pip-version-check", "uv>=0.5"]).returncode != 0:
            raise SetupError("could not install uv (see above; is PyPI reachable?)")
        # The build backend is locked too, so .venv builds the editable kiosk with a known
        # hatchling (pip install --no-build-isolation). hatchling asks for `editables` when it
        # builds an editable install.
        build_in = scratch / "build-system-requires.in"
        build_in.write_text("\n".join([*build_requires, "editables"]) + "\n", encoding="utf-8")
        lock = LOCK.relative_to(REPO).as_posix()
        command = [
            str(python), "-m", "uv", "pip", "compile", "pyproject.toml", str(build_in),
            "--extra", "test",
            "--extra", "bench",  # kiosk bench: developers and CI have it too
            "--extra", "report",  # kiosk report, tested in CI
            "--universal",  # one lock for every platform: the point of using uv here
            "--python-version", "{}.{}".format(*MIN_PYTHON),  # the oldest Python we support
            "--generate-hashes",
            "--no-config",  # whatever uv.toml this machine has, the lock is made the same way
            "--custom-compile-command", "python3 tools/dev.py lock",
            "--output-file", lock,  # its pins are kept unless --upgrade says otherwise
            *args,
        ]
        log("resolving: uv pip compile pyproject.toml --extra test --extra bench --extra report --universal "
            "--generate-hashes "
            + " ".join(args))
        LOCK.parent.mkdir(parents=True, exist_ok=True)
        # uv also prints the whole lock; the summary below says what changed.
        if subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL).returncode != 0:
            raise SetupError("uv pip compile failed (see above); the lock is unchanged")
        text = LOCK.read_text(encoding="utf-8")
        # Name the build requirements' source, not the throw-away file they were read from.
        for spelling in {str(build_in), build_in.as_posix()}:
            text = text.replace(f"-r {spelling}", "kiosk (pyproject.toml [build-system])")
        if not text.startswith(LOCK_HEADER):
            text = LOCK_HEADER + text
        LOCK.write_text(text, encoding="utf-8", newline="\n")
    before, after = pins(old), pins(text)
    changes = [f"{name} {before.get(name, '(new)')} -> {after.get(name, '(removed)')}"
               for name in sorted(set(before) | set(after)) if before.get(name) != after.get(name)]
    log(f"{lock}: " + ("; ".join(changes) if changes else "no version changed"))
    log("now run `python3 tools/dev.py test`, and commit the lock with the change that needed it")
    return 0


COMMANDS = {"setup": cmd_setup, "rehearse": cmd_rehearse, "test": cmd_test, "lock": cmd_lock}


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
