"""Plain-Python rules of the show: what a tap, a timeout, a PIN or a layout means. No Qt."""
