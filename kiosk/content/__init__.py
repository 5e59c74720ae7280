"""The content-pack format: schema, loading and validation. Plain Python, no Qt (a test checks).

Use `load_pack(folder)`: it returns every problem found and, only when there is no error, the Pack.
"""

from .catalog import PackInfo, declared_id, describe_pack, find_pack_folders, resolve_pack
from .model import (
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
                    size_of,
)
from .pack import ImageCheck, LoadResult, NotAPackFolder, load_pack, visit_order
from .problems import Pos, Problem

__all__ = [
    "SCREEN_KINDS", "Asset", "Card", "CardsScreen", "DetailScreen", "Event", "Figure",
    "FiguresScreen", "FontFile", "GalleryItem", "GalleryScreen", "Idle", "Image", "ImageCheck",
    "Link", "LoadResult", "MenuScreen", "Model", "NotAPackFolder", "Pack", "Pos", "Problem",
    "RoadmapScreen", "Screen", "ScreenRef", "Step", "Text", "Theme", "Tile", "TimelineScreen",
    "PackInfo", "declared_id", "describe_pack", "find_pack_folders", "load_pack", "parts", "resolve_pack",
    "size_of", "visit_order",
]
