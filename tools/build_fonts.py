"""Build the bundled Chinese font subsets in assets/fonts/.

On a machine without a CJK font, Qt draws Chinese text as empty boxes. The
kiosk therefore ships its own copy of Noto Sans CJK SC (SIL OFL 1.1) and loads
it with QFontDatabase.addApplicationFont at start. The full font is ~20 MB a
weight, so this script cuts it down to what the kiosk can display: all of
GB2312, Latin, common punctuation and symbols, plus every character used in
content/**/*.yaml (rerun it after adding text with rare characters).

Source: Debian package fonts-noto-cjk. Output: NotoSansCJKsc-{Regular,Bold}.otf
and OFL.txt. The output is deterministic: rerunning on the same input gives
byte-identical files.
"""

import argparse
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

REPO = Path(__file__).resolve().parent.parent
FAMILY = "Noto Sans CJK SC"
WEIGHTS = ("Regular", "Bold")
LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")
INSTALL_HINT = "install the fonts with: apt-get install fonts-noto-cjk"

RANGES = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement letters and punctuation
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)
EXTRA = "·¥×÷±°→←↑↓⇄●○■□▲▶◀★☆✓✕"

# Keep the default and Simplified Chinese language systems only: the other
# CJK locales' 'locl' substitutions would double the glyph count.
LAYOUT_SCRIPTS = [
    f"{script}.{lang}"
    for script in ("DFLT", "cyrl", "grek", "hang", "hani", "kana", "latn")
    for lang in ("dflt", "ZHS")
]


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def content_chars(content_dir):
    chars = set()
    for path in sorted(content_dir.rglob("*.yaml")):
        chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if unicodedata.category(c)[0] != "C"}


def find_face(ttc_path):
    """Return the index of the FAMILY face in the collection (don't trust a fixed index)."""
    for index, font in enumerate(TTCollection(ttc_path, lazy=True).fonts):
        if font["name"].getDebugName(1) == FAMILY:
            return index
    sys.exit(f"error: no '{FAMILY}' face in {ttc_path}")


def build(ttc_path, out_path, codepoints):
    options = subset.Options(
        font_number=find_face(ttc_path),
        layout_features=["*"],
        layout_scripts=LAYOUT_SCRIPTS,
        name_IDs=["*"],
        name_languages=["*"],
        notdef_outline=True,
        recalc_timestamp=False,  # keep head.modified from the source: reproducible output
    )
    font = subset.load_font(str(ttc_path), options)
    missing = sorted(cp for cp in codepoints if cp not in font.getBestCmap())
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(out_path), options)
    return font, missing


def write_licence(font, out_path):
    """OFL.txt: the font's own copyright/trademark lines + the OFL text Debian ships."""
    lines = LICENCE_SOURCE.read_text(encoding="utf-8").splitlines()
    # The last "License: SIL-1.1" line opens the stand-alone paragraph holding the text.
    start = len(lines) - lines[::-1].index("License: SIL-1.1")
    body = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    name = font["name"]
    header = [
        name.getDebugName(0),  # copyright
        name.getDebugName(7),  # trademark
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "This license is copied below, and is also available with a FAQ at:",
        name.getDebugName(14),  # licence URL
        "",
        "",
    ]
    out_path.write_text("\n".join(header + body) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"),
                        help="folder holding NotoSansCJK-{Regular,Bold}.ttc (default: %(default)s)")
    parser.add_argument("--content-dir", type=Path, default=REPO / "content",
                        help="its *.yaml files' characters are added (default: %(default)s)")
    parser.add_argument("--out-dir", type=Path, default=REPO / "assets" / "fonts",
                        help="where the .otf files and OFL.txt go (default: %(default)s)")
    args = parser.parse_args()

    sources = {w: args.source_dir / f"NotoSansCJK-{w}.ttc" for w in WEIGHTS}
    absent = [p for p in (*sources.values(), LICENCE_SOURCE) if not p.is_file()]
    if absent:
        print(f"error: {', '.join(map(str, absent))} not found; {INSTALL_HINT}", file=sys.stderr)
        return 2

    extra = content_chars(args.content_dir)
    chars = gb2312_chars() | set(EXTRA) | extra
    codepoints = {ord(c) for c in chars}
    for first, last in RANGES:
        codepoints.update(range(first, last + 1))

    args.out_dir.mkdir(parents=True, exist_ok=True)
    for weight, ttc_path in sources.items():
        out_path = args.out_dir / f"NotoSansCJKsc-{weight}.otf"
        font, missing = build(ttc_path, out_path, codepoints)
        print(f"{out_path}: {out_path.stat().st_size / 1e6:.2f} MB, {len(font.getGlyphOrder())} glyphs")
        not_in_font = "".join(chr(cp) for cp in missing if chr(cp) in extra)
        if not_in_font:
            print(f"warning: characters from content/ not in {FAMILY} {weight}: {not_in_font}")
    write_licence(font, args.out_dir / "OFL.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
