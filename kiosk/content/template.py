"""Texts left over from the starter template. `kiosk new` copies content/starter, whose texts say
what to write ("Your exhibit title here"); one left in place reaches visitors, and a title left
in place shows twice in the staff menu (the template's and the new pack's)."""

from __future__ import annotations

from .model import Pack, Text, parts
from .problems import Problem, quoted

TEMPLATE_PACK = "starter"  # in the built-in packs folder
# Shorter template texts ("History", "Touch to start") are fine words for any pack to keep.
MIN_PLACEHOLDER = 18


def placeholder_problems(pack: Pack, template: Pack) -> list[Problem]:
    """A warning at each text of `pack` that is still the template's, word for word."""
    texts = {_key(text) for text in parts(template, Text)}
    found = []
    for text in parts(pack, Text):
        if _key(text) not in texts:
            continue
        shown = text.values.get("en") or next(iter(text.values.values()))
        if text is pack.title:
            message = (f"the pack's title is still the template's ('{shown}'): staff would see two packs "
                       "of that name; give the pack its own title")
        elif text is pack.description or len(max(text.values.values(), key=len)) >= MIN_PLACEHOLDER:
            message = f"this is still the starter template's text ('{quoted(shown)}'): write your own"
        else:
            continue
        found.append(Problem(text.where, "warning", message))
    return found


def _key(text: Text) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((lang, " ".join(value.split())) for lang, value in text.values.items()))
