"""kiosk.content is plain Python: editors' tools and the validator core must not need Qt."""

import subprocess
import sys

from .support import MINIMAL_PACK


def test_content_layer_imports_no_qt():
    code = (
        "import sys; from pathlib import Path; import kiosk.content as c; "
        f"r = c.load_pack(Path({str(MINIMAL_PACK)!r})); assert r.ok, r.problems; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')); "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
