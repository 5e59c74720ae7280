"""The `kiosk` command: run the show, validate packs, list packs.

Exit codes: 0 fine, 1 content has errors (or warnings with --strict), 2 usage error.
Content mistakes are reported as `file:line:col: severity: message`, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__, locations
from .content import NotAPackFolder, find_pack_folders, load_pack, resolve_pack

USAGE_ERROR = 2


class UsageError(Exception):
    pass


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    if not (200 <= w <= 16384 and 200 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be 200 to 16384 pixels")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Fullscreen touchscreen exhibition app. The show comes from a content pack: "
        "a folder of YAML and images (see content/README.md).",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = sub.add_parser(
        "run", help="run the show (fullscreen; --windowed for rehearsal)",
        description="Run the show on a content pack: fullscreen by default, in a window with "
        "--windowed (rehearsal on a laptop).",
    )
    run.add_argument("pack", nargs="?", metavar="PACK",
                     help=f"pack folder or id (default: {locations.DEFAULT_PACK})")
    run.add_argument("--pack", dest="pack_option", metavar="ID_OR_PATH",
                     help="same as PACK, for scripts and service files")
    run.add_argument("--windowed", action="store_true", help="show in a window instead of fullscreen")
    run.add_argument("--size", type=parse_size, metavar="WxH",
                     help="window size for --windowed, e.g. 1080x1920 (default 1920x1080)")

    validate = sub.add_parser(
        "validate", help="check packs and list every problem",
        description="Check content packs completely and print every problem as "
        "file:line:col: error|warning: message. Exit 0 when there are no errors, 1 when there "
        "are (or warnings with --strict), 2 on a usage error.",
    )
    validate.add_argument("packs", nargs="+", metavar="PACK", help="pack folder(s) or id(s)")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")

    sub.add_parser(
        "packs", help="list the packs found, and whether each is valid",
        description=f"List the packs in {locations.BUILTIN_PACKS_DIR} and in the user packs folder "
        f"({locations.user_packs_dir()}), with title, languages and validity.",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return cmd_validate(args)
        if args.command == "packs":
            return cmd_packs()
        return cmd_run(args)
    except UsageError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return USAGE_ERROR


def find_pack(name: str) -> Path:
    folder = resolve_pack(name, locations.pack_dirs())
    if folder is None:
        raise UsageError(f"no pack '{name}': not a folder, and no pack with that id in "
                         + " or ".join(str(d) for d in locations.pack_dirs()))
    return folder


def _qt_image_check():
    # Only image headers need Qt; importing it here keeps `kiosk --help` instant.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .imagecheck import check_image
    return check_image


def cmd_validate(args: argparse.Namespace) -> int:
    check_image = _qt_image_check()
    folders = [find_pack(name) for name in args.packs]
    worst = 0
    for name, folder in zip(args.packs, folders):
        try:
            result = load_pack(folder, check_image)
        except NotAPackFolder as e:
            raise UsageError(str(e)) from None
        prefix = name.rstrip("/\\") if Path(name).is_dir() else str(folder)
        for problem in result.problems:
            print(problem.format(prefix))
        n_err, n_warn = len(result.errors), len(result.warnings)
        if n_err or n_warn:
            print(f"{prefix}: {_count(n_err, 'error')}, {_count(n_warn, 'warning')}")
        else:
            print(f"{prefix}: ok, {len(result.pack.screens)} screens")
        if n_err or (args.strict and n_warn):
            worst = 1
    return worst


def cmd_packs() -> int:
    check_image = _qt_image_check()
    folders = find_pack_folders(locations.pack_dirs())
    if not folders:
        print("no packs found in " + " or ".join(str(d) for d in locations.pack_dirs()))
        return 0
    rows = [("ID", "TITLE", "LANGUAGES", "STATUS", "FOLDER")]
    for folder in folders:
        result = load_pack(folder, check_image)
        title = result.title(result.languages[0]) if result.title and result.languages else "?"
        status = "valid" if result.ok else f"invalid ({_count(len(result.errors), 'error')})"
        rows.append((result.id or folder.name, title, ", ".join(result.languages) or "?", status,
                     str(folder)))
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths)]
        print("  ".join(cells + [row[4]]))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    if args.pack and args.pack_option and args.pack != args.pack_option:
        raise UsageError("give the pack once: either PACK or --pack")
    folder = find_pack(args.pack or args.pack_option or locations.DEFAULT_PACK)
    from .ui.app import run  # Qt Quick is loaded only to show the show
    return run(folder, windowed=args.windowed, size=args.size)


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
