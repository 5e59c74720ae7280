"""The `kiosk` command: run the show, validate packs, list packs.

Exit codes: 0 fine, 1 content has errors (or warnings with --strict), 2 usage error.
Content mistakes are reported as `file:line:col: severity: message`, never as a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

# The content format loads at its first use (kiosk.content's __init__), and the image checks where a
# command reads a pack: `kiosk run` puts the start picture on the screen before either.
from . import __version__, content
from .content.folders import NotAPackFolder, find_pack_folders, resolve_pack
from .core.rehearsal import PRESETS
from .core.renderer import CHOICES as RENDERERS
from .core.staff import hash_pin, valid_pin
from .system import collector, locations
from .system.settings import Settings

USAGE_ERROR = 2


class UsageError(Exception):
    pass


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = content.size_of(text)
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
    screen = run.add_mutually_exclusive_group()
    screen.add_argument("--size", type=parse_size, metavar="WxH",
                        help="the booth screen's size for --windowed, e.g. 1080x1920 (default 1920x1080);"
                        " the layout is made for it and the window shrunk to fit this screen")
    screen.add_argument("--preset", choices=list(PRESETS),
                        help="a common booth screen: " + ", ".join(f"{k} = {w}x{h}" for k, (w, h) in PRESETS.items()))
    run.add_argument("--idle-timeout", type=parse_seconds, metavar="SECONDS",
                     help="seconds without a touch before the attract loop (default: the pack's, 90)")
    run.add_argument("--renderer", choices=RENDERERS,
                     help="Qt Quick's renderer (default: the machine setting, else auto: the software "
                     "renderer where OpenGL is only a software rasteriser, the GPU otherwise)")
    run.add_argument("--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS)  # kiosk bench
    # bench/visitors.py: a show day in less time. EPOCH:START:RATE: at the real Unix time EPOCH
    # the analytics clock says START, and RATE of its seconds pass in a real one.
    run.add_argument("--analytics-clock", type=parse_clock, help=argparse.SUPPRESS)
    run.add_argument("--supervise", action="store_true",
                     help="start the show again within a second if it ever stops (except after staff "
                     "choose Exit), for platforms without a service manager")

    validate = sub.add_parser(
        "validate", help="check packs and list every problem",
        description="Check content packs completely and print every problem as "
        "file:line:col: error|warning: message. Exit 0 when there are no errors, 1 when there "
        "are (or warnings with --strict), 2 on a usage error.",
    )
    validate.add_argument("packs", nargs="+", metavar="PACK", help="pack folder(s) or id(s)")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--size", type=parse_size, action="append", metavar="WxH", dest="sizes",
                          help="screen size to check the layout at (repeat for several; default: the "
                          "pack's target_sizes, else 1920x1080 and 1080x1920)")
    validate.add_argument("--quick", action="store_true",
                          help="skip the layout checks (texts cut short, image sizes, touch targets)")

    sub.add_parser(
        "packs", help="list the packs found, and whether each is valid",
        description=f"List the packs in {locations.BUILTIN_PACKS_DIR} and in the user packs folder "
        f"({locations.user_packs_dir()}), with title, languages and validity.",
    )

    proof = sub.add_parser(
        "proof", help="render every screen to PNG, with contact sheets, to sign the show off",
        description="Render every screen of a pack, in every language and at every size, "
        "headless, to PNG files in DIR/WxH/, plus one contact sheet per size (DIR/contact-WxH.png) "
        "with the screen id and its source file under each picture. Runs the content lint too. "
        "Exit 1 if the pack has errors or a screen failed to render.",
    )
    proof.add_argument("pack", metavar="PACK", help="pack folder or id")
    proof.add_argument("-o", "--out", required=True, type=Path, metavar="DIR", help="where to write")
    proof.add_argument("--size", type=parse_size, action="append", metavar="WxH", dest="sizes",
                       help="screen size (repeat for several; default: the pack's target_sizes, "
                       "else 1920x1080 and 1080x1920)")
    proof.add_argument("--lang", default="all", metavar="CODE",
                       help="a language of the pack, or 'all' (default)")
    proof.add_argument("--high-contrast", action="store_true",
                       help="render in the high-contrast look a visitor can choose in the dock")
    proof.add_argument("--large-text", action="store_true",
                       help="render with the larger text (A+) a visitor can choose in the dock")

    bench = sub.add_parser(
        "bench", help="measure what a visitor sees: start-up, touch response, slides, CPU, memory",
        description="Measure what a visitor sees, on this machine. First on screen, as a black box: "
        "the kiosk runs fullscreen as a booth runs it (on this display, or on a private Xvfb "
        "1920x1080 when there is none), and the bench times it from outside by grabbing the screen "
        "and tapping through XTest: launch to first frame and to a settled screen, tap release to "
        "the first changed frame, frames per second during slides, CPU per navigation, memory "
        "(PSS), idle CPU, the renderer used, and a film looping in the attract loop (time to its "
        "first frame, frames dropped, CPU, memory after hundreds of loops). Then the figures "
        "measured inside the process (cold start, touch to frame, pack switch, an 8K photo, idle CPU, memory growth). "
        "Takes about 50 minutes per renderer (--quick: a few minutes). Needs the bench extra "
        "(mss, psutil, python-xlib, av) and, without a display, Xvfb.",
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    bench.add_argument("--quick", action="store_true", help="fewer runs and shorter waits")
    bench.add_argument("--backend", type=parse_backends, action="extend", metavar="NAME[,NAME]", dest="backends",
                       help="the renderer the kiosk is started with: auto (its own choice, as on a "
                       "booth; the default), software (QT_QUICK_BACKEND=software) or opengl "
                       "(QT_QUICK_BACKEND=rhi QSG_RHI_BACKEND=opengl, even on a software rasteriser); "
                       "several (software,opengl or the option repeated) are measured one after the other")
    bench.add_argument("--pack", default=locations.DEFAULT_PACK, metavar="PACK",
                       help=f"the pack the black box runs (default: {locations.DEFAULT_PACK})")
    bench.add_argument("--taps", type=parse_count, metavar="N",
                       help="taps that change the screen, per renderer (default 300; --quick 100)")
    bench.add_argument("--launches", type=parse_count, metavar="N",
                       help="launches timed, per renderer, after one to warm the disk cache (default 7; --quick 2)")
    bench.add_argument("--film-loops", type=parse_count_or_none, metavar="N",
                       help="loops of a 2 s film before its memory is measured again (default 500, "
                       "17 minutes; --quick 30); 0 leaves the film out")
    where = bench.add_mutually_exclusive_group()
    where.add_argument("--offscreen", action="store_true",
                       help="no screen: only the in-process figures, rendered offscreen")
    where.add_argument("--black-box-only", action="store_true", help="skip the in-process figures")

    report = sub.add_parser(
        "report", help="the visitor analytics as one HTML or PDF file with charts, or CSV",
        description="Turn the visitor analytics of one or more kiosks into one offline file: "
        "visits per hour and day, time per visit, screens by views and by time, the paths "
        "visitors take, where visits end, languages, attract loop to visit. Reads the "
        "databases only (copy analytics.sqlite from each booth's state folder).",
    )
    report.add_argument("databases", nargs="*", type=Path, metavar="DATABASE",
                        help="analytics databases, from one or more kiosks (default: this machine's)")
    report.add_argument("--from", dest="since", type=parse_date, metavar="YYYY-MM-DD",
                        help="visits from this day on")
    report.add_argument("--to", dest="until", type=parse_date, metavar="YYYY-MM-DD",
                        help="visits up to this day, included")
    report.add_argument("--pack", metavar="ID", help="only the visits to this pack")
    report.add_argument("-o", "--out", type=Path, metavar="FILE", help="report.html or report.pdf")
    report.add_argument("--csv", type=Path, metavar="FOLDER", help="write visits.csv and views.csv there")

    new = sub.add_parser(
        "new", help="start a new pack from the starter template",
        description="Copy the starter pack (every screen kind, with comments) to a new folder, "
        "ready to edit. The folder's name becomes the pack id. A bare name (my-show) makes the "
        f"pack in the user packs folder ({locations.user_packs_dir()}), where `kiosk packs` and "
        "the staff menu find it; a path (./my-show, content/my-show) makes it there.",
    )
    new.add_argument("path", metavar="NAME_OR_PATH", help="the new pack's id, or its folder")

    pack = sub.add_parser(
        "pack", help="make a pack ready to send to kiosks: validate it, write its manifest, zip it",
        description="Validate a pack, write manifest.json into it (its version and every file with "
        "its size and SHA-256, which a kiosk checks before it installs the pack from its inbox), "
        "and with -o write a .zip of it to drop into a kiosk's inbox or a synced folder.",
    )
    pack.add_argument("pack", metavar="PACK", help="pack folder or id")
    pack.add_argument("--version", required=True, metavar="VERSION",
                      help="what this version is called (shown in the staff menu and fleet status), e.g. 2026-12-02.1")
    pack.add_argument("-o", "--out", type=Path, metavar="FILE.zip", help="also write the pack as a zip here")

    fleet = sub.add_parser(
        "fleet", help="the kiosks of a fleet: what each shows and how it is",
        description="Read the status files the kiosks write every minute (carried to this machine by "
        "Syncthing, see deploy/README.md) and print one line per kiosk: host, pack and version "
        "shown, since when, uptime, last visitor, free disk, and errors or how long it has been silent.",
    )
    fleet_sub = fleet.add_subparsers(dest="fleet_command", metavar="status", required=True)
    fleet_status = fleet_sub.add_parser("status", help="one line per kiosk")
    fleet_status.add_argument("folder", type=Path, nargs="?", metavar="FOLDER",
                              help="where the status files arrive (default: this machine's status folder)")

    schedule = sub.add_parser(
        "schedule", help="which pack shows when on this machine (schedule.yaml)",
        description=f"Check this machine's schedule ({locations.config_dir()}/schedule.yaml, or FILE) "
        "and print which pack it shows when over the next 7 days. A running kiosk switches at the "
        "next idle moment after each change. Format: deploy/README.md, \"Schedule\".",
    )
    schedule_sub = schedule.add_subparsers(dest="schedule_command", metavar="check", required=True)
    schedule_check = schedule_sub.add_parser("check", help="check it and print the next 7 days")
    schedule_check.add_argument("file", type=Path, nargs="?", metavar="FILE", help="another schedule file")

    texts = sub.add_parser(
        "texts", help="the pack's texts out to translators as PO files, and their translations back",
        description="Translation round trip through gettext PO files (Poedit, Weblate, any CAT tool). "
        "`export` writes one PO file per language of the pack other than its default one; "
        "`import` writes the translations back into the pack's YAML, changing only the texts "
        "that changed (comments, order and formatting stay), and says which entries were left "
        "untranslated, marked fuzzy or made for words that have changed since.",
    )
    texts_sub = texts.add_subparsers(dest="texts_command", metavar="export|import", required=True)
    texts_export = texts_sub.add_parser("export", help="write texts/<language>.po")
    texts_export.add_argument("pack", metavar="PACK", help="pack folder or id")
    texts_export.add_argument("-o", "--out", type=Path, default=Path("texts"), metavar="FOLDER",
                              help="where the PO files go (default: ./texts)")
    texts_import = texts_sub.add_parser("import", help="write the translations of FOLDER/*.po into the pack")
    texts_import.add_argument("pack", metavar="PACK", help="pack folder or id")
    texts_import.add_argument("folder", type=Path, metavar="FOLDER", help="the PO files")

    pin = sub.add_parser(
        "set-pin", help="set the staff menu PIN for this machine",
        description="Set the PIN that opens the hidden staff menu (tap the four screen corners "
        "clockwise, then type it). Only a salted scrypt hash is stored, in "
        f"{locations.config_dir()}. Without a PIN the menu opens only in --windowed mode. "
        "The PIN is asked for twice, or read from standard input when it is not a terminal.",
    )
    pin.add_argument("--clear", action="store_true", help="remove the PIN")
    return parser


def parse_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 1 <= value <= 86400:
        raise argparse.ArgumentTypeError("give 1 to 86400 seconds")
    return value


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "validate": cmd_validate, "packs": lambda _: cmd_packs(), "bench": cmd_bench, "proof": cmd_proof,
        "new": cmd_new, "set-pin": cmd_set_pin, "report": cmd_report, "texts": cmd_texts, "pack": cmd_pack,
        "fleet": cmd_fleet, "schedule": cmd_schedule, "run": lambda a: cmd_run(a, argv),
    }
    try:
        return commands[args.command](args)
    except UsageError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return USAGE_ERROR


def parse_clock(text: str) -> tuple[float, float, float]:
    try:
        epoch, start, rate = (float(part) for part in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not EPOCH:START:RATE") from None
    return epoch, start, rate


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-05-18") from None


def cmd_report(args: argparse.Namespace) -> int:
    from .report.data import ReportError, read
    from .system.analytics import database_path
    if args.out is None and args.csv is None:
        raise UsageError("say where the report goes: -o report.html, -o report.pdf or --csv FOLDER")
    if args.out is not None and args.out.suffix.lower() not in (".html", ".htm", ".pdf"):
        raise UsageError(f"{args.out}: the report is an .html or a .pdf file")
    paths = args.databases or [database_path()]
    since = datetime.combine(args.since, time.min).timestamp() if args.since else None
    until = datetime.combine(args.until + timedelta(days=1), time.min).timestamp() if args.until else None
    try:
        data = read(paths, since, until, args.pack)
    except ReportError as e:
        print(f"kiosk report: {e}", file=sys.stderr)
        return 1
    if args.csv is not None:
        from .report.document import write_csv
        for path in write_csv(args.csv, data):
            print(f"wrote {path}")
    if args.out is None:
        return 0
    if importlib.util.find_spec("matplotlib") is None:
        print("kiosk report: the charts need matplotlib, not installed here: pip install 'kiosk[report]'",
              file=sys.stderr)
        return 1
    from .report.document import write_html, write_pdf
    packs = sorted({v.pack for v in data.visits}) or ([args.pack] if args.pack else [])
    title, languages, names = report_pack(packs)
    first = args.since or (date.fromtimestamp(min(v.started for v in data.visits)) if data.visits else None)
    last = args.until or (date.fromtimestamp(max(v.started for v in data.visits)) if data.visits else None)
    period = f"{first} – {last}" if first else "–"
    write = write_pdf if args.out.suffix.lower() == ".pdf" else write_html
    write(args.out, data, title, period, languages, names)
    print(f"wrote {args.out}: {len(data.visits)} visits from {len(paths)} database(s)")
    return 0


def report_pack(ids: list[str]) -> tuple[str, list[str], dict[str, str]]:
    """The report's title, languages and screen names from the pack the visits were to, where
    this machine has it; else its id, Chinese and English, and screen ids."""
    from .report.document import WORDS
    if len(ids) == 1 and (folder := resolve_pack(ids[0], locations.pack_dirs())) is not None:
        result = content.load_pack(folder)
        if result.ok:
            pack = result.pack
            names = {s.id: s.title.values.get(pack.languages[0], s.id) for s in pack.screens}
            # The start screen's title is the pack's, in every path: "Home" says it shorter.
            names[pack.start.id] = WORDS["home"].get(pack.languages[0], WORDS["home"]["en"])
            return " · ".join(dict.fromkeys(pack.title.values.values())), pack.languages, names
    return " · ".join(ids) or "–", ["zh", "en"], {}


def find_pack(name: str) -> Path:
    folder = resolve_pack(name, locations.pack_dirs())
    if folder is None:
        raise UsageError(f"no pack '{name}': not a folder, and no pack with that id in "
                         + " or ".join(str(d) for d in locations.pack_dirs()))
    return folder


def _offscreen() -> None:
    """Checks and proofs lay screens out without ever opening a window."""
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def lint(pack, sizes: list[tuple[int, int]] | None) -> list:
    """Theme contrast, and the real layout at each size (Qt Quick, offscreen)."""
    from PySide6.QtGui import QGuiApplication

    from .core.lint import theme_problems
    from .ui.lint import lint_pack
    _offscreen()
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (alive while laying out)
    return theme_problems(pack) + lint_pack(pack, sizes or [content.size_of(s) for s in pack.target_sizes])


def cmd_validate(args: argparse.Namespace) -> int:
    from .system.imagecheck import check_image, probe_video  # no Qt: a worker process decodes
    folders = [find_pack(name) for name in args.packs]
    worst = 0
    for name, folder in zip(args.packs, folders):
        try:
            result = content.load_pack(folder, check_image, probe_video)
        except NotAPackFolder as e:
            raise UsageError(str(e)) from None
        prefix = name.rstrip("/\\") if Path(name).is_dir() else str(folder)
        if result.ok:
            layout = [] if args.quick else lint(result.pack, args.sizes)
            result.problems = sorted(result.problems + template_problems(result.pack) + layout)
        for problem in result.problems:
            print(problem.format_with_detail(prefix))
        n_err, n_warn = len(result.errors), len(result.warnings)
        if n_err or n_warn:
            print(f"{prefix}: {_count(n_err, 'error')}, {_count(n_warn, 'warning')}")
        else:
            print(f"{prefix}: ok, {len(result.pack.screens)} screens")
        if n_err or (args.strict and n_warn):
            worst = 1
    return worst


def cmd_schedule(args: argparse.Namespace, now: datetime | None = None) -> int:
    from .content.schedule import SCHEDULE_FILE, SCREEN_OFF, changes, read_schedule
    path = args.file or locations.config_dir() / SCHEDULE_FILE
    if not path.exists():
        print(f"{path}: no schedule; the pack staff chose shows all the time")
        return 0
    rules, problems = read_schedule(path)
    for problem in problems:
        print(problem.format(str(path.parent)))
    for rule in rules:
        if rule.pack != SCREEN_OFF and resolve_pack(rule.pack, locations.pack_dirs()) is None:
            print(f"{path}:{rule.where.line}:{rule.where.col}: warning: no pack '{rule.pack}' on this machine")
    if any(p.severity == "error" for p in problems):
        return 1
    start = now or datetime.now()
    for moment, pack in changes(rules, start):
        shown = "(screen off)" if pack == SCREEN_OFF else pack or "(the pack staff chose)"
        print(f"{moment:%a %Y-%m-%d %H:%M}  {shown}")
    return 0


def cmd_fleet(args: argparse.Namespace) -> int:
    from .system.fleet import default_status_dir, read_statuses, table
    folder = args.folder or default_status_dir()
    statuses = read_statuses(folder) if folder.is_dir() else []
    if not statuses:
        print(f"kiosk: no kiosk status in {folder}", file=sys.stderr)
        return 1
    print("\n".join(table(statuses)))
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    import zipfile

    from .system.imagecheck import check_image, probe_video  # no Qt: a worker process decodes
    from .system.inbox import write_manifest
    folder = find_pack(args.pack)
    try:
        result = content.load_pack(folder, check_image, probe_video)
    except NotAPackFolder as e:
        raise UsageError(str(e)) from None
    for problem in result.errors:
        print(problem.format(str(folder)))
    if not result.ok:
        print(f"{folder}: not packed: fix the errors first (a kiosk would refuse it)", file=sys.stderr)
        return 1
    manifest = write_manifest(folder, args.version)
    print(f"{manifest}: version {args.version}")
    if args.out:
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as z:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    z.write(path, f"{result.pack.id}/{path.relative_to(folder).as_posix()}")
        print(f"{args.out}: drop it into a kiosk's inbox, or a folder Syncthing shares with the kiosks")
    return 0


def cmd_texts(args: argparse.Namespace) -> int:
    from .content.texts import TextsError, export_texts, import_texts
    folder = find_pack(args.pack)
    try:
        if args.texts_command == "export":
            for language, (count, missing) in export_texts(folder, args.out).items():
                print(f"{args.out / (language + '.po')}: {count} texts, {missing} untranslated")
            return 0
        report = import_texts(folder, args.folder)
    except NotAPackFolder as e:
        raise UsageError(str(e)) from None
    except TextsError as e:
        print(f"kiosk: {e}", file=sys.stderr)
        return 1
    for what, entries in (("changed", report.changed), ("untranslated, left as it was", report.untranslated),
                          ("fuzzy, not written", report.fuzzy),
                          ("made for words that have changed since the export, not written", report.stale),
                          ("no longer in the pack", report.unknown)):
        if entries:
            print(f"{len(entries)} {what}:")
            print("".join(f"  {entry}\n" for entry in entries), end="")
    print(f"{len(report.files)} file(s) written" + (f": {', '.join(report.files)}" if report.files else ""))
    if report.files:
        problems = content.load_pack(folder).errors
        for problem in problems:
            print(problem.format(str(folder)))
        if problems:
            return 1
    return 0


def template_problems(pack) -> list:
    """Texts left from the starter template that `kiosk new` copies. Looked for when checking a
    pack (validate), not by load_pack: the show need not read the template at every start."""
    from .content.template import TEMPLATE_PACK, placeholder_problems
    folder = locations.BUILTIN_PACKS_DIR / TEMPLATE_PACK
    if pack.root.resolve() == folder.resolve():
        return []
    template = content.load_pack(folder).pack
    return placeholder_problems(pack, template) if template else []


def cmd_proof(args: argparse.Namespace) -> int:
    from .system.imagecheck import check_image, probe_video  # no Qt: a worker process decodes
    folder = find_pack(args.pack)
    result = content.load_pack(folder, check_image, probe_video)
    for problem in result.problems:
        print(problem.format_with_detail(str(folder)))
    if not result.ok:
        print(f"{folder}: {_count(len(result.errors), 'error')}: nothing rendered; fix them first")
        return 1
    pack = result.pack
    if args.lang != "all" and args.lang not in pack.languages:
        raise UsageError(f"the pack has no language '{args.lang}' (it has {', '.join(pack.languages)})")
    languages = pack.languages if args.lang == "all" else [args.lang]
    sizes = args.sizes or [content.size_of(s) for s in pack.target_sizes]
    warnings = lint(pack, sizes)
    for problem in warnings:
        print(problem.format(str(folder)))

    from .core.navigation import Look
    from .ui.proof import film_strips, proof, size_name
    bar = ProgressBar(sys.stderr)
    look = Look(high_contrast=args.high_contrast, large_text=args.large_text)
    shots = proof(pack, args.out, sizes, languages, bar.show, look)
    bar.done()
    strips = film_strips(pack, args.out)
    failed = [s for s in shots if not s.ok]
    for shot in failed:
        print(f"{folder}/{shot.source}: error: screen '{shot.screen_id}' ({shot.language}, "
              f"{size_name(shot.size)}) failed to render: {'; '.join(shot.problems) or 'no image'}")
    print(f"rendered {len(shots) - len(failed)} of {len(shots)} screens ({len(pack.screens)} screens × "
          f"{len(languages)} language(s) × {len(sizes)} size(s)) to {args.out}; "
          f"{_count(len(failed), 'failure')}; {_count(len(warnings), 'lint warning')}")
    for size in sizes:
        print(f"contact sheet: {args.out / f'contact-{size_name(size)}.png'}")
    for strip in strips:
        print(f"film strip: {strip}")
    return 1 if failed else 0


def cmd_bench(args: argparse.Namespace) -> int:
    import json

    from .benchmark.command import BenchError, Options, as_json, report, run
    backends = list(dict.fromkeys(args.backends or ["auto"]))  # in the order given, once each
    pack = find_pack(args.pack)
    options = Options(pack, backends, quick=args.quick, offscreen=args.offscreen,
                      in_process=not args.black_box_only, taps=args.taps, launches=args.launches,
                      film_loops=args.film_loops)
    try:
        outcome = run(options)
    except BenchError as e:
        print(f"kiosk bench: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(as_json(outcome, args.pack), ensure_ascii=False))
    else:
        print(report(outcome, args.pack))
    return 0


def parse_backends(text: str) -> list[str]:
    from .benchmark.blackbox import BACKENDS
    names = [n.strip() for n in text.split(",") if n.strip()]
    wrong = [n for n in names if n not in BACKENDS]
    if wrong or not names:
        raise argparse.ArgumentTypeError(f"'{text}': choose from {', '.join(BACKENDS)}")
    return names


def parse_count(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise argparse.ArgumentTypeError(f"'{text}' is not a count from 1 to 100000")
    return int(text)


def parse_count_or_none(text: str) -> int:
    return 0 if text == "0" else parse_count(text)


class ProgressBar:
    """One line redrawn in place on a terminal; silent when the output is a file or a pipe."""

    def __init__(self, stream, width: int = 30):
        self.stream, self.width = stream, width
        self.live = stream.isatty()

    def show(self, done: int, total: int, shot) -> None:
        if self.live:
            filled = round(self.width * done / total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} "
                              f"{shot.screen_id} ({shot.language}, {shot.size[0]}x{shot.size[1]})\033[K")
            self.stream.flush()

    def done(self) -> None:
        if self.live:
            self.stream.write("\n")


def cmd_packs() -> int:
    from .system.imagecheck import check_image, probe_video  # no Qt: a worker process decodes
    folders = find_pack_folders(locations.pack_dirs())
    if not folders:
        print("no packs found in " + " or ".join(str(d) for d in locations.pack_dirs()))
        return 0
    rows = [("ID", "TITLE", "LANGUAGES", "STATUS", "FOLDER")]
    for folder in folders:
        result = content.load_pack(folder, check_image, probe_video)
        title = result.title(result.languages[0]) if result.title and result.languages else "?"
        status = "valid" if result.ok else f"invalid ({_count(len(result.errors), 'error')})"
        rows.append((result.id or folder.name, title, ", ".join(result.languages) or "?", status,
                     str(folder)))
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths)]
        print("  ".join(cells + [row[4]]))
    return 0


def cmd_run(args: argparse.Namespace, argv: list[str]) -> int:
    if args.pack and args.pack_option and args.pack != args.pack_option:
        raise UsageError("give the pack once: either PACK or --pack")
    if args.supervise:
        from .system.supervise import supervise
        return supervise([a for a in argv[argv.index("run") + 1:] if a != "--supervise"])
    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        raise UsageError("no display to show on (DISPLAY and WAYLAND_DISPLAY are not set): run it in "
                         "a graphical session, or see deploy/README.md for a kiosk session")
    name = args.pack or args.pack_option
    # Without a pack named, the show starts on the one staff chose last (or the default).
    folder = find_pack(name) if name else None
    collector.hold()  # until the first frame (kiosk.system.collector)
    # The log, then the start picture on the screen, before Qt Quick and the pack are loaded.
    from .ui.begin import begin
    app, start, picture = begin(folder, args.renderer, args.windowed)
    from .ui.app import run  # Qt Quick is loaded only to show the show
    size = PRESETS[args.preset] if args.preset else args.size
    return run(app, start, picture, windowed=args.windowed, size=size, idle_timeout=args.idle_timeout,
               exit_after_first_frame=args.exit_after_first_frame, analytics_clock=args.analytics_clock)


def cmd_new(args: argparse.Namespace) -> int:
    from .content.template import TEMPLATE_PACK
    # A bare name goes where the kiosk looks for packs; a path goes where it says.
    bare = "/" not in args.path and os.sep not in args.path and args.path not in (".", "..")
    target = (locations.user_packs_dir() / args.path) if bare else Path(args.path)
    if target.exists():
        raise UsageError(f"{target} already exists; give a new folder")
    if not content.ID_PATTERN.fullmatch(target.name):
        raise UsageError(f"'{target.name}' cannot be a pack id: use lowercase letters, digits, '-' "
                         "and '_' (e.g. my-show-2025)")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(locations.BUILTIN_PACKS_DIR / TEMPLATE_PACK, target)
    pack_file = target / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    pack_file.write_text(re.sub(r"(?m)^id: .*$", f"id: {target.name}", text, count=1), encoding="utf-8")
    where = target.resolve()
    listed = where.parent in [d.resolve() for d in locations.pack_dirs()]
    print(f"created the pack '{target.name}' in {where}")
    print(f"  1. edit {pack_file} and the screens in {target / 'screens'}/ (guide: "
          f"{locations.BUILTIN_PACKS_DIR / 'README.md'})")
    name = target.name if listed else target  # a listed pack is found by its id
    print(f"  2. check it:    kiosk validate {name}")
    print(f"  3. rehearse it: kiosk run --windowed {name}")
    if listed:
        print(f"  4. show it: it is listed by `kiosk packs` and in the staff menu as '{target.name}'")
    else:
        print(f"  note: `kiosk packs` and the staff menu list only the packs in "
              f"{' and '.join(str(d) for d in locations.pack_dirs())}; move the folder there to choose it "
              f"on the booth (or make it there with `kiosk new {target.name}`)")
    return 0


def cmd_set_pin(args: argparse.Namespace) -> int:
    settings = Settings.load()
    if args.clear:
        settings.pin = None
        settings.save()
        print("staff PIN removed: the staff menu now opens only in --windowed mode")
        return 0
    if sys.stdin.isatty():
        pin = getpass.getpass("new staff PIN (4 to 12 digits): ")
        if getpass.getpass("the same PIN again: ") != pin:
            raise UsageError("the two PINs differ; nothing changed")
    else:
        pin = sys.stdin.readline().strip()
    if not valid_pin(pin):
        raise UsageError("a PIN is 4 to 12 digits (0-9); nothing changed")
    settings.pin = hash_pin(pin)
    settings.save()
    print(f"staff PIN set (stored as a salted hash in {Settings.path()})")
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
