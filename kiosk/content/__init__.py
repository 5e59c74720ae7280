"""The content-pack format: schema, loading and validation. Plain Python, no Qt (a test checks).

Use `load_pack(folder)`: it returns every problem found and, only when there is no error, the Pack.

Each name is imported from its module when first asked for (PEP 562): importing one light module
of this package, such as `folders` before `kiosk run`'s start picture, must not load the model and
its checks (50 ms on a 2-core booth PC).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "ID_PATTERN", "SCREEN_KINDS", "Asset", "Card", "CardsScreen", "DetailScreen", "Event", "Figure",
    "FiguresScreen", "FontFile", "GalleryItem", "GalleryScreen", "Idle", "Image", "ImageCheck",
    "Link", "LoadResult", "MenuScreen", "Model", "NotAPackFolder", "Pack", "Pos", "Problem",
    "RoadmapScreen", "Screen", "ScreenRef", "Step", "Text", "Theme", "Tile", "TimelineScreen",
    "PackInfo", "declared_id", "describe_pack", "find_pack_folders", "load_pack", "parts", "resolve_pack",
    "size_of", "visit_order",
]
# Where the names are, each module importing only those before it: looking in this order loads
# what the module with the name loads anyway, and folders and sizes (which import nothing). A test
# checks that each name is the object its own module defines.
_MODULES = ("folders", "sizes", "problems", "model", "pack", "catalog")

if not TYPE_CHECKING:  # type checkers see the imports below, and no catch-all
    def __getattr__(name: str) -> Any:
        if name in __all__:
            for module in _MODULES:
                found = import_module(f".{module}", __name__)
                if name in vars(found):
                    globals()[name] = value = vars(found)[name]  # looked up once
                    return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # the same names, for type checkers
    from .catalog import PackInfo, describe_pack
    from .folders import NotAPackFolder, declared_id, find_pack_folders, resolve_pack
    from .model import (
        ID_PATTERN,
        SCREEN_KINDS,
        Asset,
        Card,
        CardsScreen,
        DetailScreen,
        Event,
        Figure,
        FiguresScreen,
        FontFile,
        GalleryItem,
        GalleryScreen,
        Idle,
        Image,
        Link,
        MenuScreen,
        Model,
        Pack,
        RoadmapScreen,
        Screen,
        ScreenRef,
        Step,
        Text,
        Theme,
        Tile,
        TimelineScreen,
        parts,
    )
    from .pack import ImageCheck, LoadResult, load_pack, visit_order
    from .problems import Pos, Problem
    from .sizes import size_of
