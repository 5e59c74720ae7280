"""kiosk: a fullscreen touchscreen exhibition app driven by content packs."""

__version__ = "0.1.0"
