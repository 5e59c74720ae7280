"""Turn a pack's dataclasses into the plain dicts and lists QML binds to. No Qt here.

Texts stay per-language mappings ({"zh": ..., "en": ...}) so the view switches language in place
(lists keep their scroll position); images become file URLs; screen links become ids.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..content import Asset, Model, Pack, Screen, ScreenRef, Text
from ..content.model import FilesPerLanguage

LANGUAGE_NAMES = {"zh": "中文", "en": "English", "ja": "日本語", "ko": "한국어", "fr": "Français",
                  "de": "Deutsch", "es": "Español", "ru": "Русский", "ar": "العربية"}


def language_name(code: str) -> str:
    """A language named in itself, for a visitor who cannot read the current one."""
    return LANGUAGE_NAMES.get(code, code.upper())


FULL_WIDTH_PUNCTUATION = {"zh", "ja"}  # languages that set quotes a full em wide (Korean sets them as English)


def font_features(code: str) -> dict[str, int]:
    """The OpenType features text in a language is shaped with. A CJK font (the bundled Noto Sans
    CJK SC) draws “ ” ‘ ’ a full em wide, as Chinese sets them; in English that leaves a gap of
    half an em on each side ("a  “1+N”  model"). `pwid` takes the font's proportional forms (at
    40 px, 19 px instead of 40); a font without them ignores it."""
    return {} if code.split("-")[0].lower() in FULL_WIDTH_PUNCTUATION else {"pwid": 1}


# The app's own words (not the pack's), per language; other languages fall back to English.
UI_STRINGS = {
    "back": {"zh": "返回", "en": "Back"},
    "home": {"zh": "首页", "en": "Home"},
    "still_there": {"zh": "还在吗？", "en": "Still there?"},
    "touch_to_continue": {"zh": "触摸屏幕继续浏览", "en": "Touch the screen to continue"},
    "touch_to_start": {"zh": "触摸开始", "en": "Touch to start"},
    "sound_on": {"zh": "打开声音", "en": "Sound on"},
    "sound_off": {"zh": "关闭声音", "en": "Sound off"},
    "contrast": {"zh": "高对比度", "en": "High contrast"},
    "larger_text": {"zh": "放大文字", "en": "Larger text"},
    "listen": {"zh": "收听", "en": "Listen"},
    "stop_listening": {"zh": "停止", "en": "Stop"},
    # Read out by screen readers (QML Accessible names), not shown.
    "picture_n": {"zh": "第%1张图片", "en": "Picture %1"},
    "previous": {"zh": "上一个", "en": "Previous"},
    "next": {"zh": "下一个", "en": "Next"},
    "play": {"zh": "播放", "en": "Play"},
    "pause": {"zh": "暂停", "en": "Pause"},
    "film_position": {"zh": "播放进度", "en": "Position in the film"},
}


def present(value: Any, root: Path) -> Any:
    if isinstance(value, Text):
        return dict(value.values)
    if isinstance(value, Asset):
        return (root / value.path).resolve().as_uri()
    if isinstance(value, FilesPerLanguage):
        return {lang: present(file, root) for lang, file in value.files.items()}
    if isinstance(value, ScreenRef):
        return value.id
    if isinstance(value, list):
        return [present(v, root) for v in value]
    if isinstance(value, Model):
        out = {f.name: present(getattr(value, f.name), root)
               for f in dataclasses.fields(value) if not f.metadata.get("internal")}
        if isinstance(value, Screen):
            out["kind"] = value.KIND
            out["source"] = str(value.where)
        return out
    return value


def present_pack(pack: Pack) -> dict:
    """What every screen shares: title, theme, languages, idle settings."""
    return {
        "id": pack.id,
        "title": present(pack.title, pack.root),
        "theme": present(pack.theme, pack.root),
        "idle": present(pack.idle, pack.root),
        # Shown in every language at once: the passer-by may read any of them.
        "attractTexts": [pack.idle.attract_text(c) if pack.idle.attract_text
                         else UI_STRINGS["touch_to_start"].get(c, UI_STRINGS["touch_to_start"]["en"])
                         for c in pack.languages],
        "start": pack.start.id,
        # Some screen is read aloud: the dock then has a "listen" button, and a player.
        "narrated": any(screen.narration for screen in pack.screens),
        "languages": [{"code": c, "name": language_name(c)} for c in pack.languages],
        "strings": {key: {c: words.get(c, words["en"]) for c in pack.languages}
                    for key, words in UI_STRINGS.items()},
    }
