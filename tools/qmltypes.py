"""Write the description of the kiosk's QML types made in Python (kiosk/ui/film.py's FilmFrame,
module Kiosk.Media) for qmllint, which cannot run Python to find them:
kiosk/qml/Kiosk/Media/media.qmltypes. Run it after changing a property, signal or slot of those
types; tests/test_static.py fails while the file is out of date.

    python tools/qmltypes.py           write it
    python tools/qmltypes.py --check   exit 1 if it is out of date

PySide6's own tools do the work: pyside6-metaobjectdump reads the class, and Qt's
qmltyperegistrar writes the file, consulting Qt Quick's description for the base classes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "kiosk" / "ui" / "film.py"
MODULE, CLASSES = "Kiosk.Media", {"FilmFrame"}  # as kiosk.ui.film.register() registers them
OUT = ROOT / "kiosk" / "qml" / "Kiosk" / "Media" / "media.qmltypes"
METATYPES = Path(PySide6.__file__).parent / "Qt" / "metatypes"


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} is missing: it comes with PySide6")
    return found


def constants(class_name: str) -> set[str]:
    """The class's constant properties, from its meta-object."""
    sys.path.insert(0, str(ROOT))
    from kiosk.ui import film

    meta = getattr(film, class_name).staticMetaObject
    return {meta.property(i).name() for i in range(meta.propertyOffset(), meta.propertyCount())
            if meta.property(i).isConstant()}


def generate() -> str:
    dump = json.loads(subprocess.run([tool("pyside6-metaobjectdump"), str(SOURCE)], check=True,
                                     capture_output=True, text=True).stdout)
    for entry in dump:
        for cls in entry["classes"]:
            if cls["className"] in CLASSES:  # what QmlElement would have said
                cls["classInfos"] = [{"name": "QML.Element", "value": "auto"}]
                for prop in cls["properties"]:  # metaobjectdump leaves out `constant=True`
                    prop["constant"] = prop["name"] in constants(cls["className"])
    foreign = ",".join(str(p) for p in sorted(METATYPES.glob("qt6*_metatypes.json")))
    with tempfile.TemporaryDirectory() as scratch:
        dumped, out = Path(scratch) / "film.json", Path(scratch) / "media.qmltypes"
        dumped.write_text(json.dumps(dump), encoding="utf-8")
        subprocess.run([tool("pyside6-qmltyperegistrar"), "--import-name", MODULE, "--major-version", "1",
                        "--generate-qmltypes", str(out), "--foreign-types", foreign, "-o", str(Path(scratch) / "x.cpp"),
                        str(dumped)], check=True, capture_output=True, text=True)
        # Where the class is written, relative: the same file from every checkout.
        return re.sub(r'file: ".*?"', f'file: "{SOURCE.relative_to(ROOT).as_posix()}"', out.read_text(encoding="utf-8"))


def main() -> int:
    text = generate()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run python tools/qmltypes.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
