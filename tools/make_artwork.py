"""Draw the original SVG artwork of the yongchuan-2022 content pack.

The booth story of 重庆云谷·永川大数据产业园 (Chongqing Cloud Valley · Yongchuan Big
Data Industrial Park) has no photographs to show, so every picture in
content/yongchuan-2022/images/ is drawn by this script: a calm
"digital China" look of deep navy, glowing cyan and blue lines, data nodes,
clouds and geometric buildings, with a little gold.

The files must look the same on every kiosk, so they use only what Qt's SVG
renderer (SVG Tiny 1.2) draws reliably: basic shapes, paths, groups with
transforms, gradients and opacity. There are no filters (a glow is a thin
bright stroke over wider faint ones), no text (fonts differ per machine), no
CSS, masks, clip paths, patterns or external references.

The output is deterministic: each picture takes its randomness from a
random.Random seeded with its own file name, so a rerun gives byte-identical
files. Standard library only.

    python tools/make_artwork.py [--out FOLDER]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "content" / "yongchuan-2022" / "images"

# Palette ----------------------------------------------------------------------------------
NAVY_0 = "#061327"  # deepest background
NAVY_1 = "#0d2342"  # lighter background
NAVY_2 = "#16335d"  # surfaces
CYAN = "#19d3c5"
BLUE = "#2f8cff"
GOLD = "#f5b942"
ICE = "#dff6ff"  # near-white highlight
SKY = "#6cc8ff"
MINT = "#3ddc97"
VIOLET = "#8c7dff"
SECTOR_HUES = (CYAN, BLUE, MINT, VIOLET, GOLD)  # outsourcing, software, data, content, e-commerce


# SVG writing ------------------------------------------------------------------------------


def num(v) -> str:
    """A number as short, stable text: 1 decimal, 2 below 10 (opacities, offsets)."""
    if isinstance(v, str):
        return v
    v = float(v)
    s = (f"{v:.2f}" if abs(v) < 10 else f"{v:.1f}").rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def pt(x, y) -> str:
    return f"{num(x)},{num(y)}"


def pts(points) -> str:
    return " ".join(pt(x, y) for x, y in points)


def arc_to(rx, ry, x, y, large=0, sweep=1, rot=0) -> str:
    return f"A{num(rx)},{num(ry)} {num(rot)} {large},{sweep} {pt(x, y)}"


def segments_d(segments) -> str:
    """Path data for many separate straight segments [((x1, y1), (x2, y2)), ...]."""
    return "".join(f"M{pt(*a)}L{pt(*b)}" for a, b in segments)


def polygons_d(polygons) -> str:
    return "".join("M" + "L".join(pt(*p) for p in poly) + "Z" for poly in polygons)


def flatten(items):
    for item in items:
        if isinstance(item, str):
            if item:
                yield item
        elif item is not None:
            yield from flatten(item)


def attrs(kw) -> str:
    return "".join(f' {k.replace("_", "-")}="{num(v)}"' for k, v in kw.items() if v is not None)


def el(tag, *children, **kw) -> str:
    """One element; attribute names use _ for - (stroke_width -> stroke-width)."""
    inner = "".join(flatten(children))
    return f"<{tag}{attrs(kw)}>{inner}</{tag}>" if inner else f"<{tag}{attrs(kw)}/>"


def g(*children, **kw) -> str:
    return f"<g{attrs(kw)}>\n" + "\n".join(flatten(children)) + "\n</g>"


def mix(a: str, b: str, t: float) -> str:
    """The colour a fraction t of the way from a to b."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb))


class Art:
    """One picture: its size, its own seeded randomness, its gradients and its body."""

    def __init__(self, name: str, w: int, h: int):
        self.w, self.h = w, h
        self.rng = random.Random(name)
        self.defs: dict = {}
        self.body: list[str] = []

    def add(self, *items):
        self.body.extend(flatten(items))

    def gradient(self, kind, stops, **geom) -> str:
        """url() of a gradient; stops are (offset, colour, opacity); each distinct one is written once."""
        key = (kind, tuple(stops), tuple(geom.items()))
        if key not in self.defs:
            gid = f"g{len(self.defs)}"
            markup = [el("stop", offset=o, stop_color=c, stop_opacity=a) for o, c, a in stops]
            self.defs[key] = (gid, el(kind, *markup, id=gid, **geom))
        return f"url(#{self.defs[key][0]})"

    def linear(self, stops, x1=0, y1=0, x2=0, y2=1, user=False) -> str:
        """Top-to-bottom of the shape by default; user=True takes the coordinates in pixels."""
        units = "userSpaceOnUse" if user else None
        return self.gradient("linearGradient", stops, x1=x1, y1=y1, x2=x2, y2=y2, gradientUnits=units)

    def radial(self, stops) -> str:
        return self.gradient("radialGradient", stops)

    def svg(self) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'width="{self.w}" height="{self.h}" viewBox="0 0 {self.w} {self.h}">'
        )
        defs = ["<defs>", *(m for _, m in self.defs.values()), "</defs>"] if self.defs else []
        # Every line in these pictures has round ends and corners: say so once, for all to inherit.
        body = ['<g stroke-linecap="round" stroke-linejoin="round">', *self.body, "</g>"]
        return "\n".join([head, *defs, *body, "</svg>"]) + "\n"


# Light: glows, nodes, links ---------------------------------------------------------------

GLOW_LAYERS = ((6.0, 0.05), (2.6, 0.14), (1.0, 1.0))  # (width factor, opacity), widest first


def stroke(tag, color, sw, op=1.0, **geom):
    """A plain line shape, sw wide."""
    return el(
        tag,
        **geom,
        fill="none",
        stroke=color,
        stroke_width=sw,
        stroke_opacity=op,
    )


def glow(tag, color, sw, strength=1.0, **geom):
    """A line shape that seems to glow: wide faint strokes under a thin bright one."""
    return [stroke(tag, color, sw * k, min(1.0, op * strength), **geom) for k, op in GLOW_LAYERS]


def lines(segments, color, sw, op=1.0, **kw):
    """Many straight segments drawn as one path."""
    return stroke("path", color, sw, op, d=segments_d(segments), **kw) if segments else None


def blob(art, cx, cy, rx, ry, color, op):
    """A soft round light (radial gradient): the filter-free stand-in for a blur."""
    fill = art.radial([(0, color, 1), (0.4, color, 0.4), (1, color, 0)])
    return el("ellipse", cx=cx, cy=cy, rx=rx, ry=ry, fill=fill, opacity=op)


def node(x, y, r, color, halo=True):
    """A data node: soft halo, coloured dot, bright core."""
    return [
        el("circle", cx=x, cy=y, r=r * 3, fill=color, fill_opacity=0.1) if halo else None,
        el("circle", cx=x, cy=y, r=r, fill=color),
        el("circle", cx=x, cy=y, r=r * 0.42, fill=ICE),
    ]


def nearest_links(points, k=2):
    """Index pairs linking every point to its k nearest neighbours, each pair once."""
    pairs = set()
    for i, (x, y) in enumerate(points):
        near = sorted((math.hypot(x - px, y - py), j) for j, (px, py) in enumerate(points) if j != i)[:k]
        pairs.update((min(i, j), max(i, j)) for _, j in near)
    return sorted(pairs)


def network(points, color, k=2, r=3.0, link_op=0.35, sw=1.2, accents=None):
    """Nodes linked to their nearest neighbours; accents maps a node index to its colour."""
    links = [(points[i], points[j]) for i, j in nearest_links(points, k)]
    return [lines(links, color, sw, link_op)] + [
        node(x, y, r, (accents or {}).get(i, color)) for i, (x, y) in enumerate(points)
    ]


def scatter(rng, n, inside, box, spacing):
    """Up to n random points inside a region, no two closer than spacing."""
    x0, y0, x1, y1 = box
    found = []
    for _ in range(n * 80):
        if len(found) == n:
            break
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if inside(x, y) and all(math.hypot(x - a, y - b) >= spacing for a, b in found):
            found.append((x, y))
    return found


def dust(rng, n, box, color=ICE, max_op=0.5):
    """Sparse tiny stars or particles."""
    x0, y0, x1, y1 = box
    return [
        el(
            "circle",
            cx=rng.uniform(x0, x1),
            cy=rng.uniform(y0, y1),
            r=rng.choice((0.8, 1.1, 1.5)),
            fill=color,
            fill_opacity=round(rng.uniform(0.15, max_op), 2),
        )
        for _ in range(n)
    ]


def rings(cx, cy, radii, color, sw=1.5, op=0.5, squash=1.0):
    """Concentric rings (ellipses if squash < 1), alternately solid and dashed, fading outwards."""
    return [
        el(
            "ellipse",
            cx=cx,
            cy=cy,
            rx=r,
            ry=r * squash,
            fill="none",
            stroke=color,
            stroke_width=sw,
            stroke_opacity=op * (1 - 0.6 * i / max(1, len(radii))),
            stroke_dasharray=None if i % 2 == 0 else f"{num(r * 0.05)} {num(r * 0.09)}",
        )
        for i, r in enumerate(radii)
    ]


def ellipse_point(cx, cy, rx, ry, rot, angle):
    """The point at angle (degrees) on an ellipse turned by rot degrees."""
    a, t = math.radians(angle), math.radians(rot)
    x, y = rx * math.cos(a), ry * math.sin(a)
    return cx + x * math.cos(t) - y * math.sin(t), cy + x * math.sin(t) + y * math.cos(t)


def orbit(cx, cy, rx, ry, rot, color, sw=1.4, op=0.5, dash=None):
    """A tilted orbit split into its far half and near half, to draw around a body: (back, front)."""
    left, right = ellipse_point(cx, cy, rx, ry, rot, 180), ellipse_point(cx, cy, rx, ry, rot, 0)
    back = f"M{pt(*left)} {arc_to(rx, ry, *right, rot=rot)}"
    front = f"M{pt(*right)} {arc_to(rx, ry, *left, rot=rot)}"
    return (
        stroke("path", color, sw, op * 0.5, d=back, stroke_dasharray=dash),
        stroke("path", color, sw, op, d=front, stroke_dasharray=dash),
    )


def hexagon(cx, cy, r, rot=0.0):
    return [
        (cx + r * math.cos(rot + k * math.pi / 3), cy + r * math.sin(rot + k * math.pi / 3)) for k in range(6)
    ]


def hex_field(cx, cy, size, reach, color, op, project=None, clip=None, gap=0.9):
    """Hexagonal cells around (cx, cy), fading out towards reach.

    project maps points (for a perspective floor); cells wholly outside clip (w, h) are left out.
    Cells of equal opacity share one path.
    """
    project = project or (lambda x, y: (x, y))
    buckets: dict = {}
    n = int(reach / (size * 1.5)) + 2
    for q in range(-n, n + 1):
        for r in range(-2 * n, 2 * n + 1):
            x, y = cx + size * 1.5 * q, cy + size * math.sqrt(3) * (r + q / 2)
            fade = 1 - math.hypot(x - cx, y - cy) / reach
            if fade <= 0.05:
                continue
            shape = [project(px, py) for px, py in hexagon(x, y, size * gap)]
            if clip and not any(0 <= px <= clip[0] and 0 <= py <= clip[1] for px, py in shape):
                continue
            buckets.setdefault(round(op * fade**1.6, 2), []).append(shape)
    return [
        stroke("path", color, 1.2, o, d=polygons_d(cells)) for o, cells in sorted(buckets.items()) if o > 0
    ]


def beam(art, x, y, tx, ty, spread, color, op):
    """A cone of light from (x, y) towards (tx, ty), spread degrees wide, fading along its length."""
    a, s = math.atan2(ty - y, tx - x), math.radians(spread) / 2
    length = math.hypot(tx - x, ty - y) / math.cos(s)
    far = [(x + length * math.cos(a + k * s), y + length * math.sin(a + k * s)) for k in (-1, 1)]
    fill = art.linear([(0, color, op), (1, color, 0)], x, y, tx, ty, user=True)
    return el("polygon", points=pts([(x, y), *far]), fill=fill)


def light_column(art, cx, bottom, top, half_width, color, op, layers=10):
    """A vertical hologram column of light: soft at the sides, brightest at the bottom."""
    across = art.linear(
        [(0, color, 0), (0.3, color, op * 0.3), (0.5, color, op), (0.7, color, op * 0.3), (1, color, 0)],
        0,
        0,
        1,
        0,
    )
    return [
        el(
            "rect",
            x=cx - half_width,
            y=bottom - (bottom - top) * k / layers,
            width=2 * half_width,
            height=(bottom - top) * k / layers,
            fill=across,
            opacity=round(1.6 / layers, 2),
        )
        for k in range(layers, 0, -1)
    ]


def backdrop(art, glows=(), top=NAVY_0, mid=NAVY_1, bottom=NAVY_0, mid_at=0.55):
    """Full-bleed navy gradient with soft coloured lights: (x, y, rx, ry, colour, opacity)."""
    art.add(
        el(
            "rect",
            width=art.w,
            height=art.h,
            fill=art.linear([(0, top, 1), (mid_at, mid, 1), (1, bottom, 1)]),
        )
    )
    art.add(blob(art, *light) for light in glows)


def shade_bottom(art, start, op=0.85):
    """Darken the bottom of a picture so text laid over it stays readable."""
    return el(
        "rect", y=start, width=art.w, height=art.h - start, fill=art.linear([(0, NAVY_0, 0), (1, NAVY_0, op)])
    )


def floor_grid(art, cx, horizon, spacing, color, op):
    """A perspective floor from the horizon to the bottom edge, lines spacing px apart at the bottom."""
    drop, far = art.h - horizon, 14.0  # depth 1 is the bottom edge, far the faintest line
    fade = art.linear([(0, color, 0), (1, color, op)], 0, horizon, 0, art.h, user=True)
    n = int(2.5 * art.w / spacing)
    rays = [
        ((cx + k * spacing / far, horizon + drop / far), (cx + k * spacing, art.h)) for k in range(-n, n + 1)
    ]
    out = [el("path", d=segments_d(rays), fill="none", stroke=fade, stroke_width=1.1)]
    z = 1.0
    while z < far:
        y = horizon + drop / z
        out.append(stroke("line", color, 1.1, round(op / z**0.7, 3), x1=0, y1=y, x2=art.w, y2=y))
        z += 0.45 * z**0.5
    return out


class Persp:
    """A camera over a floor plane: world (x, z) -> screen, for hexes laid on the floor."""

    def __init__(self, cx, horizon, focal, height):
        self.cx, self.horizon, self.focal, self.height = cx, horizon, focal, height

    def __call__(self, x, z):
        return self.cx + x * self.focal / z, self.horizon + self.height * self.focal / z


def bezier(p0, p1, p2, p3, t):
    """Point and unit tangent of a cubic Bezier curve at t."""
    u = 1 - t
    x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
    y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
    dx = 3 * u * u * (p1[0] - p0[0]) + 6 * u * t * (p2[0] - p1[0]) + 3 * t * t * (p3[0] - p2[0])
    dy = 3 * u * u * (p1[1] - p0[1]) + 6 * u * t * (p2[1] - p1[1]) + 3 * t * t * (p3[1] - p2[1])
    n = math.hypot(dx, dy) or 1
    return (x, y), (dx / n, dy / n)


def curve_d(p0, *controls) -> str:
    """Path data of a chain of cubic Beziers: controls are (c1, c2, end) triples."""
    return f"M{pt(*p0)}" + "".join(f" C{pt(*a)} {pt(*b)} {pt(*c)}" for a, b, c in controls)


def arrowhead(tip, direction, size, color):
    """A filled triangle pointing along direction (a unit vector), its point at tip."""
    dx, dy = direction
    back = (tip[0] - dx * size, tip[1] - dy * size)
    return el(
        "polygon",
        fill=color,
        points=pts(
            [
                tip,
                (back[0] - dy * size * 0.55, back[1] + dx * size * 0.55),
                (back[0] + dy * size * 0.55, back[1] - dx * size * 0.55),
            ]
        ),
    )


# Clouds -----------------------------------------------------------------------------------

# A cloud as a row of overlapping circles (dx, dy, r), in units of the cloud's width.
CLOUD = ((-0.33, 0.04, 0.15), (-0.13, -0.06, 0.22), (0.1, -0.1, 0.26), (0.32, 0.02, 0.17))
CLOUD_BASE = 0.17  # the flat bottom, below the centre; the top is 0.36 above it


def circle_meet(c1, c2):
    """The upper crossing point of two overlapping circles (x, y, r)."""
    (x1, y1, r1), (x2, y2, r2) = c1, c2
    d = math.hypot(x2 - x1, y2 - y1)
    a = (r1 * r1 - r2 * r2 + d * d) / (2 * d)
    h = math.sqrt(max(0.0, r1 * r1 - a * a))
    mx, my = x1 + a * (x2 - x1) / d, y1 + a * (y2 - y1) / d
    return min(
        [(mx + h * (y2 - y1) / d, my - h * (x2 - x1) / d), (mx - h * (y2 - y1) / d, my + h * (x2 - x1) / d)],
        key=lambda p: p[1],
    )


def cloud_outline(cx, cy, width):
    """Path data of a cloud: arcs of its circles over the top, flat along the base.

    Also returns the circles and the base's y, for placing things inside.
    """
    circles = [(cx + dx * width, cy + dy * width, r * width) for dx, dy, r in CLOUD]
    y = cy + CLOUD_BASE * width

    def side(c, sign):
        x0, y0, r = c
        return x0 + sign * math.sqrt(r * r - (y - y0) ** 2), y

    points = [
        side(circles[0], -1),
        *(circle_meet(a, b) for a, b in zip(circles, circles[1:])),
        side(circles[-1], 1),
    ]
    d = "M" + pt(*points[0])
    for (sx, sy), (ex, ey), (x0, y0, r) in zip(points, points[1:], circles):
        turn = (math.atan2(ey - y0, ex - x0) - math.atan2(sy - y0, sx - x0)) % (2 * math.pi)
        d += " " + arc_to(r, r, ex, ey, large=int(turn > math.pi))
    return d + "Z", circles, y


def data_cloud(art, cx, cy, width, color=CYAN, n_nodes=22, strength=1.0):
    """A glowing cloud outline holding a small network of data nodes."""
    d, circles, base = cloud_outline(cx, cy, width)
    inner, _, _ = cloud_outline(cx, cy + width * 0.03, width * 0.86)

    def inside(x, y):
        return y < base - width * 0.05 and any(math.hypot(x - a, y - b) < r * 0.78 for a, b, r in circles)

    points = scatter(
        art.rng, n_nodes, inside, (cx - width / 2, cy - width / 2, cx + width / 2, base), width * 0.07
    )
    body = art.radial([(0, BLUE, 0.35), (0.7, BLUE, 0.12), (1, BLUE, 0.02)])
    return [
        el("path", d=d, fill=body, opacity=0.8 * strength),
        glow("path", color, max(2.0, width / 220), strength, d=d),
        stroke("path", SKY, 1.2, 0.35 * strength, d=inner, stroke_dasharray="3 9"),
        network(
            points,
            SKY,
            k=2,
            r=max(2.2, width / 170),
            link_op=0.3 * strength,
            accents={i: GOLD for i in range(0, len(points), 7)},
        ),
    ]


# Buildings --------------------------------------------------------------------------------


def iso_proj(ox, oy, s=1.0, elev=0.5, turn=45.0):
    """Axonometric projection world (a, b, z) -> screen: a runs right-down, b left-down.

    The defaults give the isometric look; turn < 45 shows the b-facing fronts wider (a panorama),
    a lower elev flattens the ground.
    """
    t = math.radians(turn)
    ax, bx = math.cos(t) * 1.2247 * s, math.sin(t) * 1.2247 * s
    ay, by = math.sin(t) * 1.4142 * elev * s, math.cos(t) * 1.4142 * elev * s

    def project(a, b, z=0.0):
        return ox + a * ax - b * bx, oy + a * ay + b * by - z * s

    return project


def iso_block(art, P, a, b, w, d, h, hue=CYAN, lit=0.3, floor=16.0, roof_node=False):
    """A lit isometric building on the footprint (a, b, w, d), h high."""
    rng = art.rng
    top = [P(a, b, h), P(a + w, b, h), P(a + w, b + d, h), P(a, b + d, h)]
    left = [P(a, b + d), P(a + w, b + d), P(a + w, b + d, h), P(a, b + d, h)]
    right = [P(a + w, b), P(a + w, b + d), P(a + w, b + d, h), P(a + w, b, h)]
    floors, windows = [], {GOLD: [], SKY: []}
    for u0, u1 in (((a, b + d), (a + w, b + d)), ((a + w, b), (a + w, b + d))):
        z = floor
        while z < h - floor * 0.5:
            p, q = P(*u0, z), P(*u1, z)
            floors.append((p, q))
            if rng.random() < lit:
                t0 = rng.uniform(0.1, 0.55)
                t1 = t0 + rng.uniform(0.12, 0.3)
                dz = floor * 0.45 * (P(0, 0, 0)[1] - P(0, 0, 1)[1])
                windows[GOLD if rng.random() < 0.45 else SKY].append(
                    (
                        (p[0] + (q[0] - p[0]) * t0, p[1] + (q[1] - p[1]) * t0 - dz),
                        (p[0] + (q[0] - p[0]) * t1, p[1] + (q[1] - p[1]) * t1 - dz),
                    )
                )
            z += floor
    edges = [(P(*c), P(*c, h)) for c in ((a + w, b + d), (a, b + d), (a + w, b))]
    out = [
        el("polygon", points=pts(left), fill=art.linear([(0, mix(NAVY_1, hue, 0.3), 1), (1, NAVY_0, 1)])),
        el("polygon", points=pts(right), fill=art.linear([(0, mix(NAVY_1, hue, 0.16), 1), (1, NAVY_0, 1)])),
        el("polygon", points=pts(top), fill=mix(NAVY_1, hue, 0.42)),
        lines(floors, hue, 0.8, 0.16),
        lines(windows[GOLD], GOLD, 2.2, 0.85),
        lines(windows[SKY], SKY, 2.2, 0.85),
        lines(edges, hue, 1.1, 0.4),
        stroke("polygon", hue, 1.4, 0.85, points=pts(top)),
    ]
    if roof_node:
        x, y = P(a + w / 2, b + d / 2, h)
        out += [stroke("line", hue, 1.2, 0.7, x1=x, y1=y, x2=x, y2=y - 26), node(x, y - 28, 2.6, GOLD)]
    return out


def iso_plate(P, a, b, w, d, color, op=0.5, fill_op=0.1, grid=0.0):
    """A flat ground tile (a plaza or a block) with an optional grid."""
    corners = [P(a, b), P(a + w, b), P(a + w, b + d), P(a, b + d)]
    out = [
        el(
            "polygon",
            points=pts(corners),
            fill=color,
            fill_opacity=fill_op,
            stroke=color,
            stroke_width=1.2,
            stroke_opacity=op,
        )
    ]
    if grid:
        cuts = [(P(a + k * grid, b), P(a + k * grid, b + d)) for k in range(1, math.ceil(w / grid))]
        cuts += [(P(a, b + k * grid), P(a + w, b + k * grid)) for k in range(1, math.ceil(d / grid))]
        out.append(lines(cuts, color, 0.8, op * 0.4))
    return out


def tree(art, x, y, size=10.0):
    """A round glowing tree standing at (x, y)."""
    crown = art.radial([(0, MINT, 0.9), (0.7, CYAN, 0.45), (1, CYAN, 0.1)])
    return [
        stroke("line", CYAN, max(1.0, size * 0.12), 0.6, x1=x, y1=y, x2=x, y2=y - size * 1.2),
        el(
            "circle",
            cx=x,
            cy=y - size * 1.8,
            r=size,
            fill=crown,
            stroke=MINT,
            stroke_width=1,
            stroke_opacity=0.6,
        ),
    ]


def draw_city(art, P, blocks, trees=(), lit=0.3):
    """Buildings [(a, b, w, d, h, hue)] and trees [(a, b)] drawn back to front."""
    things = [
        (round(P(a + w / 2, b + d / 2)[1], 3), 0, (a, b, w, d, h, hue)) for a, b, w, d, h, hue in blocks
    ]
    things += [(round(P(a, b)[1], 3), 1, (a, b)) for a, b in trees]
    out = []
    for _, kind, spec in sorted(things):
        if kind == 0:
            out.append(iso_block(art, P, *spec, lit=lit, roof_node=spec[4] > 150 and art.rng.random() < 0.5))
        else:
            out.append(tree(art, *P(*spec), 10 * (P(0, 0, 0)[1] - P(0, 0, 1)[1])))
    return out


def tower(art, x, base, w, h, hue=CYAN, crown="flat", strength=1.0):
    """A flat front-view tower for skylines."""
    rng = art.rng
    top = base - h
    outline = {
        "flat": [(x, base), (x, top), (x + w, top), (x + w, base)],
        "slant": [(x, base), (x, top + w * 0.35), (x + w, top), (x + w, base)],
        "step": [
            (x, base),
            (x, top + 18),
            (x + w * 0.2, top + 18),
            (x + w * 0.2, top),
            (x + w * 0.8, top),
            (x + w * 0.8, top + 18),
            (x + w, top + 18),
            (x + w, base),
        ],
        "spire": [(x, base), (x, top), (x + w, top), (x + w, base)],
    }[crown]
    cols = int(w // 14)
    mullions = [
        ((x + k * w / (cols + 1), top + 24), (x + k * w / (cols + 1), base)) for k in range(1, cols + 1)
    ]
    windows = {GOLD: [], SKY: []}
    for y in range(int(top) + 30, int(base) - 10, 16):
        if rng.random() < 0.3:
            x0 = x + rng.uniform(0.1, 0.5) * w
            windows[GOLD if rng.random() < 0.4 else SKY].append(
                ((x0, y), (x0 + w * rng.uniform(0.15, 0.35), y))
            )
    out = [
        el("polygon", points=pts(outline), fill=art.linear([(0, mix(NAVY_1, hue, 0.3), 1), (1, NAVY_0, 1)])),
        stroke("polyline", hue, 1.3, 0.75 * strength, points=pts(outline)),
        lines(mullions, hue, 0.8, 0.12),
        [lines(segs, c, 2, 0.8 * strength) for c, segs in windows.items()],
    ]
    if crown == "spire":
        out += [
            stroke("line", hue, 1.4, 0.8, x1=x + w / 2, y1=top, x2=x + w / 2, y2=top - h * 0.18),
            node(x + w / 2, top - h * 0.18, 2.6, GOLD),
        ]
    return out


def skyline(art, x0, x1, base, peak, spread, hue, strength=1.0, min_h=60):
    """A row of towers, tallest near the middle (so it survives a portrait crop)."""
    rng = art.rng
    mid = (x0 + x1) / 2
    out, x = [], x0
    while x < x1:
        w = rng.uniform(40, 92)
        h = min_h + peak * math.exp(-(((x + w / 2 - mid) / spread) ** 2)) * rng.uniform(0.6, 1.0)
        crowns = ("flat", "flat", "slant", "step") + (("spire",) if h < 0.7 * (peak + min_h) else ())
        out.append(tower(art, x, base, w, h, hue, rng.choice(crowns), strength))
        x += w + rng.uniform(4, 22)
    return out


# Objects ----------------------------------------------------------------------------------


def person(x, y, s, color, op=1.0):
    """A person as a node: head and shoulders; (x, y) is the middle of the shoulders' base."""
    return [
        el("circle", cx=x, cy=y - s * 1.55, r=s * 0.9, fill=color, fill_opacity=0.12 * op),
        el("circle", cx=x, cy=y - s * 1.55, r=s * 0.42, fill=color, fill_opacity=op),
        el(
            "path",
            d=f"M{pt(x - s * 0.85, y)} {arc_to(s * 0.85, s * 0.8, x + s * 0.85, y)}Z",
            fill=color,
            fill_opacity=0.3 * op,
            stroke=color,
            stroke_width=max(1.0, s * 0.12),
            stroke_opacity=op,
        ),
    ]


def grad_cap(x, y, s, color=GOLD, sw=2.0):
    """A graduate's mortarboard centred on (x, y)."""
    board = [(x - s, y), (x, y - s * 0.45), (x + s, y), (x, y + s * 0.45)]
    crown = (
        f"M{pt(x - s * 0.55, y + s * 0.25)} L{pt(x - s * 0.55, y + s * 0.75)} "
        f"Q{pt(x, y + s * 1.05)} {pt(x + s * 0.55, y + s * 0.75)} L{pt(x + s * 0.55, y + s * 0.25)}"
    )
    return [
        glow("polygon", color, sw, 0.8, points=pts(board)),
        el("polygon", points=pts(board), fill=color, fill_opacity=0.2),
        stroke("path", color, sw, d=crown),
        stroke("line", color, sw, x1=x + s * 0.75, y1=y + s * 0.05, x2=x + s * 0.8, y2=y + s * 0.7),
        el("circle", cx=x + s * 0.8, cy=y + s * 0.75, r=sw * 1.3, fill=color),
    ]


def headset(cx, cy, r, color=CYAN, accent=GOLD, sw=4.0):
    """A call-centre headset: band over the top, ear cups, microphone boom."""
    cup_w, cup_h = r * 0.3, r * 0.6
    mic = (
        f"M{pt(cx - r, cy + cup_h * 0.75)} "
        f"Q{pt(cx - r * 0.95, cy + r * 1.05)} {pt(cx - r * 0.28, cy + r * 1.02)}"
    )
    return [
        glow("path", color, sw, d=f"M{pt(cx - r, cy)} {arc_to(r, r * 1.05, cx + r, cy)}"),
        [
            el(
                "rect",
                x=cx + sign * r - cup_w / 2,
                y=cy - cup_h * 0.15,
                width=cup_w,
                height=cup_h,
                rx=cup_w * 0.45,
                fill=NAVY_2,
                stroke=color,
                stroke_width=sw,
            )
            for sign in (-1, 1)
        ],
        glow("path", SKY, sw * 0.7, d=mic),
        node(cx - r * 0.25, cy + r * 1.02, sw * 1.1, accent),
    ]


def sound_waves(cx, cy, r0, step, count, color, spread=40):
    """Arcs radiating left and right from (cx, cy)."""
    out = []
    a = math.radians(spread)
    for sign in (-1, 1):
        for k in range(count):
            r = r0 + k * step
            p = (cx + sign * r * math.cos(a), cy - r * math.sin(a))
            q = (cx + sign * r * math.cos(a), cy + r * math.sin(a))
            out.append(
                stroke(
                    "path",
                    color,
                    2.4,
                    0.8 * (1 - k / (count + 0.5)),
                    d=f"M{pt(*p)} {arc_to(r, r, *q, sweep=1 if sign > 0 else 0)}",
                )
            )
    return out


def sphere_point(lat, lon, tilt):
    """A unit-sphere point (degrees) seen from tilt degrees above the equator: (x, y, depth > 0 in front)."""
    la, lo, t = math.radians(lat), math.radians(lon), math.radians(tilt)
    x, y, z = math.cos(la) * math.sin(lo), math.sin(la), math.cos(la) * math.cos(lo)
    return x, -(y * math.cos(t) - z * math.sin(t)), y * math.sin(t) + z * math.cos(t)


def sphere_curve(cx, cy, r, samples, color, sw, op):
    """A curve on a sphere: bright where it faces us, faint behind."""
    out, run, front = [], [], None
    for x, y, z in samples:
        if front is not None and (z >= 0) != front and len(run) > 1:
            out.append(stroke("polyline", color, sw, op if front else op * 0.25, points=pts(run)))
            run = run[-1:]
        run.append((cx + r * x, cy + r * y))
        front = z >= 0
    if len(run) > 1:
        out.append(stroke("polyline", color, sw, op if front else op * 0.25, points=pts(run)))
    return out


def globe(art, cx, cy, r, color=CYAN, tilt=22, n_nodes=14, arcs=7, sw=1.4):
    """A wireframe globe with glowing nodes and data arcs over its visible face."""
    rng = art.rng
    body = art.radial([(0, NAVY_1, 0.2), (0.75, BLUE, 0.18), (1, color, 0.4)])
    out = [blob(art, cx, cy, r * 1.6, r * 1.6, BLUE, 0.35), el("circle", cx=cx, cy=cy, r=r, fill=body)]
    out += [
        sphere_curve(cx, cy, r, [sphere_point(lat, lo, tilt) for lo in range(0, 361, 6)], color, sw, 0.5)
        for lat in range(-60, 61, 30)
    ]
    out += [
        sphere_curve(cx, cy, r, [sphere_point(la, lon, tilt) for la in range(-90, 271, 6)], BLUE, sw, 0.6)
        for lon in range(0, 180, 30)
    ]
    places = [(rng.uniform(-10, 55), rng.uniform(-55, 55)) for _ in range(n_nodes)]
    pairs = [
        (p, q)
        for p in range(n_nodes)
        for q in range(p + 1, n_nodes)
        if 28 < math.dist(places[p], places[q]) < 60
    ]  # neither hairpins nor long hauls
    for i, (p, q) in enumerate(pairs[::3][:arcs]):
        a, b = sphere_point(*places[p], tilt), sphere_point(*places[q], tilt)
        path = []
        for k in range(25):  # along the great circle from a to b, lifted a little off the surface
            v = [u + (w - u) * k / 24 for u, w in zip(a, b)]
            scale = r * (1 + 0.08 * math.sin(math.pi * k / 24)) / math.hypot(*v)
            path.append((cx + v[0] * scale, cy + v[1] * scale))
        out.append(glow("polyline", GOLD if i == 0 else SKY, 1.4, 0.8, points=pts(path)))
    for i, (la, lo) in enumerate(places):
        x, y, _ = sphere_point(la, lo, tilt)
        out.append(node(cx + r * x, cy + r * y, r / 70 + 1.2, GOLD if i == 0 else color))
    out.append(glow("circle", color, 2, 0.9, cx=cx, cy=cy, r=r))
    return out


def cylinder(art, cx, top, rx, h, color, discs=3):
    """A database drum: shaded side, glowing rims, disc lines."""
    ry = rx * 0.28
    side = (
        f"M{pt(cx - rx, top)} L{pt(cx - rx, top + h)} "
        f"{arc_to(rx, ry, cx + rx, top + h, sweep=0)} L{pt(cx + rx, top)}Z"
    )
    shade = art.linear([(0, NAVY_0, 1), (0.45, mix(NAVY_1, color, 0.35), 1), (1, NAVY_0, 1)], 0, 0, 1, 0)
    out = [el("path", d=side, fill=shade), stroke("path", color, 1.6, 0.7, d=side)]
    for k in range(1, discs):
        y = top + h * k / discs
        out += [
            stroke("path", color, 1.4, 0.55, d=f"M{pt(cx - rx, y)} {arc_to(rx, ry, cx + rx, y, sweep=0)}"),
            node(cx + rx * 0.62, y + ry * 0.55, 2.2, GOLD if k == 1 else color, halo=False),
        ]
    return out + [
        el("ellipse", cx=cx, cy=top, rx=rx, ry=ry, fill=mix(NAVY_1, color, 0.35)),
        glow("ellipse", color, 1.8, cx=cx, cy=top, rx=rx, ry=ry),
    ]


def panel(art, x, y, w, h, color, content="bars", strength=1.0):
    """A glowing screen with a quiet chart on it: bars, wave, lines (code) or horizon."""
    rng = art.rng
    rx = min(w, h) * 0.04
    out = [
        el(
            "rect",
            x=x,
            y=y,
            width=w,
            height=h,
            rx=rx,
            fill=art.linear([(0, mix(NAVY_1, color, 0.35), 1), (1, NAVY_0, 1)]),
        ),
        glow("rect", color, 1.6, strength, x=x, y=y, width=w, height=h, rx=rx),
    ]
    pad = min(w, h) * 0.12
    if content == "bars":
        n = 6
        bw = (w - 2 * pad) / (n * 1.6)
        for i in range(n):
            bh = (h - 2 * pad) * (0.25 + 0.7 * (i + 1) / n * rng.uniform(0.75, 1))
            out.append(
                el(
                    "rect",
                    x=x + pad + i * bw * 1.6,
                    y=y + h - pad - bh,
                    width=bw,
                    height=bh,
                    fill=GOLD if i == n - 1 else color,
                    fill_opacity=0.75,
                )
            )
    elif content == "wave":
        wave = [
            (
                x + pad + (w - 2 * pad) * k / 30,
                y + h / 2 - (h / 2 - pad) * 0.8 * math.sin(k / 30 * 3 * math.pi) * (0.4 + 0.6 * k / 30),
            )
            for k in range(31)
        ]
        out.append(glow("polyline", color, 1.8, strength, points=pts(wave)))
    elif content == "lines":
        rows = {color: [], GOLD: []}
        for i in range(int((h - 2 * pad - 10) // 14) + 1):
            x0 = x + pad + (i % 3) * w * 0.06
            y0 = y + pad + 10 + i * 14
            rows[GOLD if i % 4 == 1 else color].append(
                ((x0, y0), (x0 + rng.uniform(0.3, 0.7) * (w - 2 * pad), y0))
            )
        out += [lines(segs, c, 3, 0.75) for c, segs in rows.items()]
    elif content == "horizon":
        out.append(blob(art, x + w / 2, y + h * 0.62, w * 0.45, h * 0.35, GOLD, 0.55 * strength))
        out.append(
            lines(
                [
                    ((x + 6, y + h * (0.62 + k * k * 0.022)), (x + w - 6, y + h * (0.62 + k * k * 0.022)))
                    for k in range(1, 5)
                ],
                color,
                1.2,
                0.5,
            )
        )
    return out


# Wireframe bodies -------------------------------------------------------------------------


def spline(profile, t):
    """Catmull-Rom through control points [(t, v1, v2, ...)]: [v1, v2, ...] at t."""
    i = next((k for k in range(len(profile) - 2) if t <= profile[k + 1][0]), len(profile) - 2)
    p0, p1, p2, p3 = (
        profile[max(0, i - 1)],
        profile[i],
        profile[i + 1],
        profile[min(len(profile) - 1, i + 2)],
    )
    u = (t - p1[0]) / (p2[0] - p1[0])
    return [
        max(
            0.0,
            0.5
            * (2 * b + (-a + c) * u + (2 * a - 5 * b + 4 * c - d) * u * u + (-a + 3 * b - 3 * c + d) * u**3),
        )
        for a, b, c, d in zip(p0[1:], p1[1:], p2[1:], p3[1:])
    ]


def revolve(p0, p1, profile, n_rings=8, meridians=7, view=0.25, samples=24):
    """A body of revolution around the axis p0 -> p1, seen from slightly above.

    profile: control points (t, half_width, half_depth), t running from 0 at p0 to 1 at p1.
    Returns (ring arcs as path data, meridian polylines, silhouette polygon).
    """
    (x0, y0), (x1, y1) = p0, p1
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    nx, ny = -uy, ux
    rot = math.degrees(math.atan2(ny, nx))

    def at(t, theta):
        w, dep = spline(profile, t)
        s, c = math.sin(theta) * w, math.cos(theta) * dep * view
        return x0 + ux * length * t + nx * s + ux * c, y0 + uy * length * t + ny * s + uy * c

    ring_d = []
    for k in range(1, n_rings + 1):
        t = k / (n_rings + 1)
        w, dep = spline(profile, t)
        if w >= 1:
            ring_d.append(
                f"M{pt(*at(t, -math.pi / 2))} "
                f"{arc_to(w, max(0.5, dep * view), *at(t, math.pi / 2), sweep=0, rot=rot)}"
            )
    ts = [k / samples for k in range(samples + 1)]
    meridian_lines = [
        [at(t, -math.pi / 2 + math.pi * (m + 0.5) / meridians) for t in ts] for m in range(meridians)
    ]
    outline = [at(t, -math.pi / 2) for t in ts] + [at(t, math.pi / 2) for t in reversed(ts)]
    return ring_d, meridian_lines, outline


def wire(parts, color, sw=1.3, op=0.75):
    """revolve() results as a glowing wireframe over a faint body, each kind of line one path."""
    outlines = polygons_d(outline for _, _, outline in parts)
    meridians = "".join("M" + "L".join(pt(*p) for p in ln) for _, lines_, _ in parts for ln in lines_)
    return [
        el("path", d=outlines, fill=color, fill_opacity=0.07),
        stroke("path", color, sw, op, d="".join(d for ring_d, _, _ in parts for d in ring_d)),
        stroke("path", SKY, sw * 0.8, op * 0.6, d=meridians),
        stroke("path", color, sw * 4, 0.12, d=outlines),  # a two-layer glow: the outline is long
        stroke("path", color, sw * 1.2, 0.8, d=outlines),
    ]


def silhouette(art, parts, color):
    """A body as one glowing shape: halo strokes below, one gradient fill over all its parts above.

    The parts' outlines all wind the same way, so the default non-zero fill rule unites them.
    """
    outlines = polygons_d(outline for _, _, outline in parts)
    fill = art.linear([(0, mix(NAVY_2, color, 0.55), 1), (1, NAVY_0, 1)])
    halos = [stroke("path", color, w, op, d=outlines) for w, op in ((16, 0.06), (7, 0.14), (2.5, 0.8))]
    return halos + [el("path", d=outlines, fill=fill)]


# A standing figure, in units of its height (0 = top of the head, 100 = soles; x from the centre line).
# Profiles are (t, half width, half depth) along each part's axis.
HEAD = (
    (0, 0, 0),
    (0.04, 2.8, 3.0),
    (0.12, 4.2, 4.6),
    (0.3, 4.9, 5.6),
    (0.5, 4.8, 5.6),
    (0.68, 4.3, 5.2),
    (0.85, 3.3, 4.2),
    (1, 1.5, 2.5),
)
NECK = ((0, 2.2, 2.4), (1, 2.7, 2.6))
TORSO = (
    (0, 2.8, 3.0),
    (0.07, 8.5, 5.0),
    (0.14, 11.0, 5.8),
    (0.3, 10.4, 6.0),
    (0.58, 8.4, 5.2),
    (0.85, 9.4, 5.4),
    (0.95, 8.6, 5.0),
    (1, 5.0, 3.5),
)
UPPER_ARM = ((0, 1.5, 1.5), (0.08, 2.9, 2.9), (0.5, 2.4, 2.4), (1, 1.9, 1.9))
FOREARM = ((0, 2.0, 2.0), (0.3, 2.1, 2.1), (1, 1.3, 1.3))
HAND = ((0, 1.3, 1.0), (0.4, 1.7, 1.0), (1, 0.6, 0.5))
THIGH = ((0, 4.6, 4.6), (0.6, 3.8, 3.8), (1, 2.7, 2.7))
SHIN = ((0, 2.8, 2.8), (0.3, 3.1, 3.1), (1, 1.7, 1.7))
FOOT = ((0, 1.7, 1.7), (1, 1.5, 1.2))
FIGURE = (  # (top, bottom, profile, rings, meridians); the limbs are given for the right side and mirrored
    ((0, 0), (0, 13), HEAD, 7, 9, False),
    ((0, 12), (0, 16.5), NECK, 1, 5, False),
    ((0, 15.5), (0, 51), TORSO, 8, 9, False),
    ((9.6, 17.5), (11.8, 34), UPPER_ARM, 4, 4, True),
    ((11.8, 33.5), (13.2, 47), FOREARM, 4, 4, True),
    ((13.2, 46.5), (13.8, 54), HAND, 1, 3, True),
    ((4.8, 47), (5.0, 73), THIGH, 5, 5, True),
    ((5.0, 72.5), (5.2, 96), SHIN, 5, 5, True),
    ((5.2, 95.5), (5.6, 100), FOOT, 0, 3, True),
)

# A head-and-shoulders bust, in pixels of a 1200 x 800 picture.
BUST = (
    (
        (600, 60),
        (600, 330),
        (
            (0, 0, 0),
            (0.04, 55, 60),
            (0.12, 82, 90),
            (0.3, 96, 108),
            (0.5, 94, 108),
            (0.68, 84, 100),
            (0.85, 62, 80),
            (1, 30, 50),
        ),
        10,
        13,
    ),
    ((600, 300), (600, 392), ((0, 42, 46), (1, 50, 50)), 2, 9),
    (
        (600, 372),
        (600, 830),
        ((0, 50, 50), (0.05, 120, 65), (0.14, 210, 85), (0.3, 250, 100), (1, 250, 100)),
        6,
        13,
    ),
)


def figure(x, top, height, view=0.25):
    """The standing figure's parts as revolve() results, centred on x, from top to top + height.

    Small figures get fewer outline points: they would not show, and they cost bytes.
    """
    s = height / 100
    parts = []
    for (a, b), (c, d), prof, n_rings, mer, mirrored in FIGURE:
        for side in ((1, -1) if mirrored else (1,)):
            parts.append(
                revolve(
                    (x + side * a * s, top + b * s),
                    (x + side * c * s, top + d * s),
                    [(t, w * s, dep * s) for t, w, dep in prof],
                    n_rings,
                    mer,
                    view,
                    samples=max(10, min(24, int(height / 20))),
                )
            )
    return parts


# Icons (128 x 128, line style) ------------------------------------------------------------

ICON_W = 5.5


def icon_line(tag, color=CYAN, sw=ICON_W, **geom):
    """An icon stroke: a faint wide under-stroke and a crisp one."""
    return [stroke(tag, color, sw * 2.4, 0.14, **geom), stroke(tag, color, sw, **geom)]


def wedge_d(cx, cy, r, a0, a1):
    p = (cx + r * math.cos(math.radians(a0)), cy + r * math.sin(math.radians(a0)))
    q = (cx + r * math.cos(math.radians(a1)), cy + r * math.sin(math.radians(a1)))
    return f"M{pt(cx, cy)} L{pt(*p)} {arc_to(r, r, *q, large=int(a1 - a0 > 180))}Z"


def icon_history():
    """A clock face ringed by a turning-back arrow."""
    r, start_a, end_a = 40, math.radians(250), math.radians(200)
    start = (64 + r * math.cos(start_a), 66 + r * math.sin(start_a))
    end = (64 + r * math.cos(end_a), 66 + r * math.sin(end_a))
    return [
        icon_line("path", CYAN, d=f"M{pt(*start)} {arc_to(r, r, *end, large=1)}"),
        icon_line("polyline", CYAN, points=pts([(end[0] - 10, end[1] - 3), end, (end[0] + 4, end[1] - 11)])),
        icon_line("polyline", BLUE, points=pts([(64, 40), (64, 66), (82, 76)])),
        el("circle", cx=64, cy=66, r=6, fill=GOLD),
    ]


def icon_sectors():
    """A pie of five sectors, the gold one pulled out."""
    out = []
    for i in range(5):
        a0, a1 = -90 + i * 72 + 4, -90 + (i + 1) * 72 - 4
        mid, off = math.radians((a0 + a1) / 2), 8 if i == 0 else 0
        out.append(
            icon_line(
                "path",
                GOLD if i == 0 else (CYAN if i % 2 else BLUE),
                5,
                d=wedge_d(64 + off * math.cos(mid), 66 + off * math.sin(mid), 40, a0, a1),
            )
        )
    return out


def icon_talent():
    """A person in a graduate's cap."""
    return [
        icon_line("path", BLUE, d=f"M{pt(30, 112)} {arc_to(34, 30, 98, 112)}"),
        icon_line("circle", CYAN, cx=64, cy=62, r=17),
        el(
            "polygon",
            points=pts([(28, 34), (64, 18), (100, 34), (64, 50)]),
            fill=GOLD,
            fill_opacity=0.25,
            stroke=GOLD,
            stroke_width=ICON_W,
        ),
        stroke("polyline", GOLD, 4, points=pts([(96, 36), (96, 54)])),
    ]


def icon_figures():
    """A bar chart with a rising gold arrow."""
    return [
        icon_line("polyline", BLUE, points=pts([(18, 16), (18, 110), (112, 110)])),
        [
            icon_line("rect", CYAN, x=34 + i * 24, y=100 - h, width=12, height=h, rx=3)
            for i, h in enumerate((26, 44, 62))
        ],
        icon_line("polyline", GOLD, points=pts([(30, 56), (56, 40), (72, 48), (106, 18)])),
        icon_line("polyline", GOLD, points=pts([(90, 18), (106, 18), (106, 34)])),
    ]


def icon_metaverse():
    """A cube inside an orbit."""
    hexa = hexagon(64, 64, 26, math.pi / 6)
    back, front = orbit(64, 66, 56, 19, 0, BLUE, 4.5)
    return [
        stroke("ellipse", BLUE, 4.5 * 2.4, 0.14, cx=64, cy=66, rx=56, ry=19),
        back,
        el("polygon", points=pts(hexa), fill=NAVY_1, fill_opacity=0.6),
        icon_line("polygon", CYAN, points=pts(hexa)),
        icon_line("polyline", CYAN, 4.5, points=pts([hexa[3], (64, 64), hexa[1]])),
        icon_line("line", CYAN, 4.5, x1=64, y1=64, x2=hexa[5][0], y2=hexa[5][1]),
        icon_line("path", BLUE, 4.5, d=f"M{pt(8, 66)} {arc_to(56, 19, 120, 66, sweep=0)}"),
        el("circle", cx=112, cy=74, r=7, fill=GOLD),
    ]


def icon_plans():
    """A winding road up to a gold flag."""
    return [
        icon_line("path", CYAN, d="M14,112 C44,112 30,78 60,76 S92,62 86,44", stroke_dasharray="1 11"),
        icon_line("line", BLUE, x1=86, y1=50, x2=86, y2=12),
        el(
            "path",
            d="M86,14 L114,22 L86,32Z",
            fill=GOLD,
            stroke=GOLD,
            stroke_width=4,
        ),
        icon_line("ellipse", BLUE, 4, cx=86, cy=50, rx=12, ry=5),
    ]


def icon_gallery():
    """A picture frame: hills and a gold sun."""
    return [
        icon_line("rect", CYAN, x=14, y=24, width=100, height=80, rx=10),
        icon_line("polyline", BLUE, points=pts([(28, 90), (52, 62), (68, 78), (82, 64), (100, 90)])),
        el("circle", cx=86, cy=44, r=8, fill=GOLD),
    ]


ICONS = {
    "history": icon_history,
    "sectors": icon_sectors,
    "talent": icon_talent,
    "figures": icon_figures,
    "metaverse": icon_metaverse,
    "plans": icon_plans,
    "gallery": icon_gallery,
}


def make_icon(draw):
    """A painter for one 128 x 128 line icon."""
    return lambda art: art.add(draw())


# Logo and backgrounds ---------------------------------------------------------------------


def paint_logo(art):
    """The park's mark: a cloud of linked data nodes with a gold arrow rising out of it."""
    d, circles, _ = cloud_outline(128, 136, 210)
    ring = art.linear([(0, CYAN, 1), (1, BLUE, 1)], 20, 0, 236, 0, user=True)
    hubs = [circle_meet(a, b) for a, b in zip(circles, circles[1:])]
    inner = [(92, 128), (124, 104), (156, 122)]
    arrow = [(78, 160), (108, 138), (138, 154), (200, 100)]
    heading = (0.72, -0.69)
    art.add(
        el("path", d=d, fill=art.radial([(0, BLUE, 0.3), (1, BLUE, 0.05)])),
        el(
            "path",
            d=d,
            fill="none",
            stroke=ring,
            stroke_width=22,
            stroke_opacity=0.15,
        ),
        el("path", d=d, fill="none", stroke=ring, stroke_width=9),
        lines(list(zip(inner, inner[1:])) + list(zip(inner, hubs)), SKY, 3, 0.55),
        [node(x, y, 6.5, CYAN, halo=False) for x, y in hubs],
        [node(x, y, 5, SKY, halo=False) for x, y in inner],
        stroke("polyline", NAVY_0, 20, 0.85, points=pts(arrow)),
        glow("polyline", GOLD, 9, points=pts(arrow)),
        arrowhead((228, 73), heading, 40, GOLD),
    )


def paint_home_bg(art):
    """A quiet background for the menu: faint grid, soft corner lights, a few rings."""
    w, h = art.w, art.h
    backdrop(
        art,
        [
            (0, 0, 900, 620, CYAN, 0.16),
            (w, h, 1000, 700, BLUE, 0.22),
            (w * 0.55, h * 0.1, 700, 300, BLUE, 0.08),
        ],
    )
    grid = [((x, 0), (x, h)) for x in range(60, w, 60)] + [((0, y), (w, y)) for y in range(60, h, 60)]
    art.add(
        lines(grid, SKY, 1, 0.035),
        rings(w, h, (260, 380, 520, 680), CYAN, 1.2, 0.12),
        rings(0, 0, (220, 340), BLUE, 1.2, 0.1),
        dust(art.rng, 40, (0, 0, w, h), SKY, 0.25),
    )


def hero_frame(art, glows):
    """The heroes' shared sky: navy gradient, soft lights, faint stars in the upper part."""
    backdrop(art, glows, NAVY_0, NAVY_1, NAVY_0, 0.5)
    art.add(dust(art.rng, 110, (0, 0, art.w, art.h * 0.6), ICE, 0.55))


def paint_hero_1(art):
    """Night skyline of the park with a data cloud above."""
    hero_frame(art, [(960, 650, 900, 260, BLUE, 0.45), (960, 250, 520, 240, CYAN, 0.14)])
    base, cloud_y, cloud_w = 720, 232, 500
    far = g(skyline(art, 300, 1620, base, 180, 420, BLUE, 0.5, 60), opacity=0.55)
    near = g(skyline(art, 430, 1490, base, 300, 260, CYAN, 1.0, 50))
    cloud_base = cloud_y + CLOUD_BASE * cloud_w
    drops = [(790 + 340 * k / 6, cloud_base + 8, art.rng.uniform(30, 70)) for k in range(7)]
    art.add(
        far,
        near,
        lines([((x, y), (x, y + n)) for x, y, n in drops], SKY, 1.2, 0.45, stroke_dasharray="2 7"),
        [node(x, y + n, 2.2, GOLD if k == 3 else SKY, halo=False) for k, (x, y, n) in enumerate(drops)],
        glow("line", CYAN, 1.6, x1=200, y1=base, x2=1720, y2=base),
        g(near, transform=f"translate(0,{2 * base}) scale(1,-1)", opacity=0.1),
        data_cloud(art, 960, cloud_y, cloud_w, CYAN, 24),
        shade_bottom(art, base + 10, 0.95),
    )


def paint_hero_2(art):
    """A glowing globe of nodes, circled by orbits, over a hexagonal floor."""
    hero_frame(art, [(960, 440, 760, 520, BLUE, 0.35), (960, 720, 700, 160, CYAN, 0.25)])
    cx, cy = 960, 400
    floor = hex_field(0, 1300, 90, 1250, CYAN, 0.55, project=Persp(cx, 610, 500, 300), clip=(art.w, art.h))
    orbits = [
        orbit(cx, cy, 420, 110, -14, SKY, 1.4, 0.6),
        orbit(cx, cy, 380, 150, 18, BLUE, 1.2, 0.5, "4 12"),
    ]
    art.add(
        floor,
        rings(cx, 700, (330, 410, 500), CYAN, 1.6, 0.45, 0.2),
        [back for back, _ in orbits],
        globe(art, cx, cy, 260, CYAN, 22, 16, 7),
        [front for _, front in orbits],
        node(*ellipse_point(cx, cy, 420, 110, -14, 60), 5, GOLD),
        node(*ellipse_point(cx, cy, 380, 150, 18, 150), 4, SKY),
        shade_bottom(art, 720, 0.8),
    )


def paint_hero_3(art):
    """A metaverse LED stage: screens, light beams, a digital human."""
    hero_frame(art, [(960, 420, 800, 420, VIOLET, 0.22), (960, 740, 600, 140, CYAN, 0.3)])
    screens = [
        (640, 230, 140, 300, BLUE, "wave"),
        (790, 170, 340, 380, CYAN, "horizon"),
        (1140, 230, 140, 300, BLUE, "bars"),
        (500, 290, 110, 240, VIOLET, "lines"),
        (1310, 290, 110, 240, VIOLET, "lines"),
    ]
    lights = [(x, 60) for x in (520, 720, 960, 1200, 1400)]
    art.add(
        floor_grid(art, 960, 700, 150, BLUE, 0.25),
        [panel(art, *s, strength=0.9) for s in screens],
        [beam(art, x, y, 960, 720, 9, SKY, 0.2) for x, y in lights],
        stroke("line", SKY, 2, 0.5, x1=420, y1=60, x2=1500, y2=60),
        [node(x, y, 5, GOLD if x == 960 else SKY) for x, y in lights],
        rings(960, 722, (110, 170, 240), CYAN, 2, 0.7, 0.2),
        blob(art, 960, 500, 240, 380, CYAN, 0.25),
        silhouette(art, figure(960, 232, 490), CYAN),
        lines([((880, y), (1040, y)) for y in range(250, 720, 12)], CYAN, 1, 0.2),
        shade_bottom(art, 760, 0.85),
    )


# History series (1200 x 800) --------------------------------------------------------------

YEARS = ("2008", "2013", "2015", "2017", "2018", "2020", "2022")
GROUND = 610


def history_frame(art, index):
    """What every milestone shares: backdrop, floor, and a 7-dot timeline with this year lit."""
    k = 0.55 + 0.45 * index / (len(YEARS) - 1)  # later years are brighter
    backdrop(art, [(600, 380, 560, 340, BLUE, 0.3 * k), (600, GROUND, 520, 90, CYAN, 0.35 * k)])
    art.add(
        floor_grid(art, 600, GROUND, 130, BLUE, 0.22 * k),
        glow("line", CYAN, 1.2, 0.6 * k, x1=80, y1=GROUND, x2=1120, y2=GROUND),
    )
    x0, x1, y = 300, 900, 742
    art.add(stroke("line", SKY, 1.4, 0.25, x1=x0, y1=y, x2=x1, y2=y))
    for i in range(len(YEARS)):
        x = x0 + (x1 - x0) * i / (len(YEARS) - 1)
        if i == index:
            art.add(node(x, y, 6, GOLD), stroke("circle", GOLD, 1.4, 0.6, cx=x, cy=y, r=14))
        else:
            art.add(
                el(
                    "circle",
                    cx=x,
                    cy=y,
                    r=4,
                    fill=CYAN if i < index else SKY,
                    fill_opacity=0.8 if i < index else 0.3,
                )
            )


def history_2008(art):
    """West China Sound Valley: a small call centre and the sound of its headsets."""
    P = iso_proj(600, 548, 1.0)
    bars = [
        (160 + i * 14, 12 + 26 * abs(math.sin(i * 0.55)) * math.exp(-(((i - 32) / 22) ** 2)))
        for i in range(65)
    ]
    art.add(
        lines([((x, 648 - h / 2), (x, 648 + h / 2)) for x, h in bars if abs(x - 600) > 150], CYAN, 3, 0.35),
        draw_city(art, P, [(-80, -50, 150, 100, 110, CYAN), (-130, 10, 50, 70, 60, BLUE)], lit=0.55),
        headset(600, 190, 100, CYAN, GOLD, 6),
        sound_waves(600, 215, 150, 32, 4, SKY, 32),
    )


def history_2013(art):
    """The trough: a curve dipping, then turning upward, beside a small smart-city grid."""
    start, fall, rise = (
        (120, 230),
        ((260, 240), (320, 480), (450, 480)),
        [((580, 480), (640, 330), (760, 250)), ((880, 170), (960, 140), (1060, 110))],
    )
    P = iso_proj(880, 520, 0.75)
    blocks = [
        (a, b, 40, 40, art.rng.uniform(20, 80), art.rng.choice((BLUE, CYAN)))
        for a in range(-80, 81, 60)
        for b in range(-80, 81, 60)
    ]
    _, tangent = bezier((760, 250), *rise[1], 1)
    art.add(
        el(
            "path",
            d=curve_d(start, fall, *rise) + f" L1060,{GROUND} L120,{GROUND}Z",
            fill=art.linear([(0, CYAN, 0.2), (1, CYAN, 0)]),
        ),
        iso_plate(P, -110, -110, 220, 220, CYAN, 0.6, 0.08, 30),
        draw_city(art, P, blocks),
        glow("path", SKY, 3, d=curve_d(start, fall)),
        glow("path", GOLD, 3.5, d=curve_d((450, 480), *rise)),
        rings(450, 480, (14, 30), GOLD, 2, 0.8),
        node(450, 480, 6, GOLD),
        [node(x, y, 4, SKY) for x, y in (start, (760, 250))],
        arrowhead((1072, 106), tangent, 30, GOLD),
    )


def history_2015(art):
    """The launch: 81 projects on one disc, all linked up to a signing hub above it."""
    hub, cx, cy, rx, ry = (600, 150), 600, 470, 430, 110
    spots = [
        (
            math.sqrt(i / 81) * math.cos(i * math.radians(137.508)),
            math.sqrt(i / 81) * math.sin(i * math.radians(137.508)),
        )
        for i in range(1, 82)
    ]
    places = [(cx + rx * u, cy + ry * v) for u, v in spots]
    links = [(places[i], places[j]) for i, j in nearest_links(spots, 2)]
    art.add(
        el("ellipse", cx=cx, cy=cy, rx=rx + 30, ry=ry + 8, fill=art.radial([(0, CYAN, 0.25), (1, CYAN, 0)])),
        rings(cx, cy, (rx + 30, rx * 0.6), CYAN, 1.4, 0.45, (ry + 8) / (rx + 30)),
        lines([(hub, p) for p in places], SKY, 0.8, 0.13),
        stroke("line", GOLD, 1.6, 0.6, x1=hub[0], y1=hub[1], x2=cx, y2=cy, stroke_dasharray="3 6"),
        lines(links, CYAN, 1.2, 0.35),
        [
            node(x, y, 2.4 + 1.8 * (v + 1) / 2, BLUE if i % 3 else CYAN)
            for i, ((x, y), (_, v)) in enumerate(zip(places, spots))
        ],
        blob(art, *hub, 130, 110, GOLD, 0.45),
        node(*hub, 13, GOLD),
        rings(*hub, (30, 52), GOLD, 2, 0.7),
    )


def history_2017(art):
    """Growth: rising bars behind a street of new buildings."""
    bars = [(170 + i * 115, 70 + i * 40 + i * i * 3) for i in range(8)]
    P = iso_proj(600, 555, 0.9)
    blocks = [(-240 + 80 * i, 240 - 80 * i, 50, 50, 40 + 26 * i, CYAN if i % 2 else BLUE) for i in range(7)]
    tops = [(x + 28, GROUND - 10 - h) for x, h in bars]
    tip, tangent = (tops[-1][0] + 40, tops[-1][1] - 40), (0.7071, -0.7071)
    art.add(
        [
            el(
                "rect",
                x=x,
                y=GROUND - 10 - h,
                width=56,
                height=h,
                fill=art.linear([(0, BLUE, 0.55), (1, BLUE, 0.04)]),
            )
            for x, h in bars
        ],
        lines([((x, GROUND - 10 - h), (x + 56, GROUND - 10 - h)) for x, h in bars], SKY, 2, 0.7),
        draw_city(art, P, blocks, lit=0.45),
        glow("polyline", GOLD, 3, points=pts(tops + [tip])),
        [node(x, y, 4.5, GOLD) for x, y in tops[::2]],
        arrowhead((tip[0] + 12, tip[1] - 12), tangent, 26, GOLD),
    )


def history_2018(art):
    """Renamed Cloud Valley: five sector pillars under one big cloud."""
    P = iso_proj(600, 544, 1.0)
    pillars = [
        (-180 + 90 * i, 180 - 90 * i, 56, 56, 150 + 40 * (2 - abs(i - 2)), hue)
        for i, hue in enumerate(SECTOR_HUES)
    ]
    tops = [P(a + 28, b + 28, h) for a, b, _, _, h, _ in pillars]
    cloud_y, cloud_w = 178, 440
    art.add(
        [
            stroke(
                "line",
                hue,
                1.4,
                0.55,
                x1=x,
                y1=y - 6,
                x2=600 + (x - 600) * 0.55,
                y2=cloud_y + CLOUD_BASE * cloud_w,
                stroke_dasharray="3 7",
            )
            for (x, y), hue in zip(tops, SECTOR_HUES)
        ],
        draw_city(art, P, pillars, lit=0.35),
        [node(x, y, 5, hue) for (x, y), hue in zip(tops, SECTOR_HUES)],
        data_cloud(art, 600, cloud_y, cloud_w, CYAN, 18),
    )


def history_2020(art):
    """A talent innovation centre surrounded by connected people."""
    P = iso_proj(600, 545, 1.0)
    blocks = [(-90, -60, 90, 120, 200, CYAN), (20, -60, 110, 60, 110, BLUE), (20, 20, 50, 50, 60, CYAN)]
    people = [
        (ellipse_point(600, 540, 400, 110, 0, a), math.sin(math.radians(a)))
        for a in range(15, 360, 30)
        if not 220 < a < 320
    ]  # none hidden behind the building

    def crowd(front):
        return [
            person(x, y, 16, GOLD if i % 4 == 0 else SKY)
            for i, ((x, y), s) in enumerate(people)
            if (s > 0) == front
        ]

    cap_x, cap_y = P(-45, 0, 200)
    art.add(
        stroke("ellipse", CYAN, 1.4, 0.35, cx=600, cy=540, rx=400, ry=110),
        lines([((x, y - 26), (600, 420)) for (x, y), _ in people], SKY, 1, 0.3, stroke_dasharray="2 6"),
        crowd(False),
        draw_city(art, P, blocks, lit=0.4),
        crowd(True),
        grad_cap(cap_x, cap_y - 66, 36, GOLD, 3),
    )


def history_2022(art):
    """Today: a wide panorama of the whole park, the biggest and brightest of the series."""
    rng = art.rng
    P = iso_proj(600, 450, 0.85, elev=0.3, turn=30)
    blocks, trees = [], []
    for a in range(-360, 361, 120):
        for b in range(-360, 361, 120):
            if abs(a) + abs(b) > 540:
                continue
            h = 40 + 190 * math.exp(-(a * a + b * b) / 60000) * rng.uniform(0.6, 1) + rng.uniform(0, 30)
            a0, b0 = a + rng.uniform(-18, 18), b + rng.uniform(-18, 18)
            blocks.append((a0 - 23, b0 - 23, 46, 46, h, rng.choice((CYAN, BLUE, CYAN, SKY))))
            trees.append((a0 + 44, b0 + 40))
    roofs = [P(a + 23, b + 23, h) for a, b, _, _, h, _ in blocks if h > 160]
    cloud_y, cloud_w = 132, 350
    art.add(
        blob(art, 600, 420, 620, 220, CYAN, 0.3),
        iso_plate(P, -390, -390, 780, 780, CYAN, 0.55, 0.07, 78),
        draw_city(art, P, blocks, trees, lit=0.5),
        lines(
            [((x, y - 30), (600 + (x - 600) * 0.4, cloud_y + CLOUD_BASE * cloud_w)) for x, y in roofs],
            GOLD,
            1.4,
            0.6,
            stroke_dasharray="3 6",
        ),
        data_cloud(art, 600, cloud_y, cloud_w, CYAN, 16, 1.2),
    )


HISTORY = dict(
    zip(
        YEARS,
        (history_2008, history_2013, history_2015, history_2017, history_2018, history_2020, history_2022),
    )
)


def make_history(index, scene):
    """A painter for one milestone: the shared frame, then its scene."""

    def paint(art):
        history_frame(art, index)
        scene(art)

    return paint


# Sectors (800 x 500) ----------------------------------------------------------------------


def sector_outsourcing(art, hue):
    """A call-centre headset around a globe of links."""
    return [globe(art, 400, 270, 120, hue, 20, 10, 5), headset(400, 250, 170, hue, GOLD, 6)]


def sector_software(art, hue):
    """Code windows between brackets."""
    return [
        panel(art, 240, 100, 280, 190, BLUE, "lines"),
        panel(art, 300, 170, 280, 190, hue, "lines"),
        [el("circle", cx=318 + k * 16, cy=184, r=4, fill=GOLD if k == 0 else SKY) for k in range(3)],
        glow("polyline", GOLD, 6, points=pts([(205, 215), (150, 265), (205, 315)])),
        glow("polyline", GOLD, 6, points=pts([(615, 215), (670, 265), (615, 315)])),
        glow("line", SKY, 5, x1=480, y1=332, x2=500, y2=332),
    ]


def sector_data(art, hue):
    """Stacked database drums streaming into a chart."""
    stream = [
        glow(
            "path",
            GOLD if k == 1 else hue,
            2,
            d=curve_d((330, 200 + 60 * k), ((420, 200 + 60 * k), (440, 250), (520, 250))),
        )
        for k in range(3)
    ]
    return [
        [cylinder(art, 250, 130 + i * 90, 80, 70, hue) for i in range(3)],
        stream,
        [node(330 + 40 * j, 200 + k * 60 + 2 * j, 3.4, SKY) for j in range(2) for k in range(3)],
        panel(art, 520, 160, 200, 180, hue, "bars"),
    ]


def sector_content(art, hue):
    """A film frame with a play button."""
    holes = [
        el("rect", x=x, y=y, width=20, height=14, rx=3, fill=hue, fill_opacity=0.6)
        for x in range(250, 560, 40)
        for y in (134, 322)
    ]
    return [
        el("rect", x=230, y=120, width=340, height=230, rx=14, fill=NAVY_1),
        glow("rect", hue, 3, x=230, y=120, width=340, height=230, rx=14),
        holes,
        rings(400, 235, (60, 90), SKY, 1.6, 0.5),
        el(
            "polygon",
            points=pts([(380, 200), (380, 270), (440, 235)]),
            fill=GOLD,
            stroke=GOLD,
            stroke_width=6,
        ),
    ]


def sector_ecommerce(art, hue):
    """A cart with a parcel, linked to destinations."""
    dests = [(620, 130), (660, 250), (610, 370)]
    return [
        glow("path", hue, 6, d="M170,140 L215,140 L255,300 L470,300 L505,190 L230,190"),
        glow("path", hue, 6, d="M255,300 L245,330 L470,330"),
        [glow("circle", hue, 5, cx=x, cy=370, r=18) for x in (270, 450)],
        lines([((480, 245), p) for p in dests], SKY, 1.6, 0.5, stroke_dasharray="3 7"),
        [node(x, y, 7, GOLD if i == 1 else SKY) for i, (x, y) in enumerate(dests)],
        iso_block(art, iso_proj(360, 236, 1.0), -45, -45, 90, 90, 80, CYAN, lit=0, floor=999),
        stroke("polyline", GOLD, 3, points=pts([(360 - 39, 236 - 80 - 22), (360 + 39, 236 - 80 + 22)])),
    ]


SECTORS = {
    "outsourcing": sector_outsourcing,
    "software": sector_software,
    "data": sector_data,
    "content": sector_content,
    "ecommerce": sector_ecommerce,
}


def make_sector(hue, motif):
    """A painter for one sector card: hex field and rings in the sector's hue, then its motif."""

    def paint(art):
        backdrop(art, [(400, 250, 380, 260, hue, 0.3), (400, 470, 360, 60, BLUE, 0.2)])
        art.add(
            hex_field(400, 250, 34, 420, hue, 0.22),
            rings(400, 250, (200, 240), hue, 1.4, 0.3),
            motif(art, hue),
        )

    return paint


# Stand-alone scenes (1200 x 800) ----------------------------------------------------------


def paint_talent(art):
    """A through train between talent supply (the campus) and demand (the firms)."""
    backdrop(art, [(300, 450, 320, 260, CYAN, 0.25), (900, 420, 320, 260, BLUE, 0.3)])
    P = iso_proj(260, 490, 0.9)
    campus = [(-60, -60, 120, 60, 70, CYAN), (-60, 20, 60, 60, 120, CYAN), (30, 20, 60, 60, 50, BLUE)]
    go = ((330, 420), (470, 200), (730, 200), (880, 340))
    back = ((870, 520), (730, 700), (470, 700), (340, 580))
    ties = []
    for k in range(1, 40):
        (x, y), (dx, dy) = bezier(*go, k / 40)
        ties.append(((x - dy * 9, y + dx * 9), (x + dy * 9, y - dx * 9)))
    riders = [bezier(*go, t)[0] for t in (0.2, 0.35, 0.5, 0.65, 0.8)]
    cap = P(-30, 50, 120)
    art.add(
        floor_grid(art, 600, 520, 130, BLUE, 0.2),
        rings(260, 510, (150, 200), CYAN, 1.4, 0.35, 0.5),
        draw_city(art, P, campus, [(-80, 100), (80, -70), (100, 0)], lit=0.4),
        grad_cap(cap[0], cap[1] - 60, 44, GOLD, 3),
        skyline(art, 790, 1070, 600, 240, 140, BLUE, 1.0, 120),
        lines(ties, SKY, 1.6, 0.35),
        [
            glow("path", CYAN, 2, 0.8, d=curve_d(go[0], go[1:]), transform=f"translate(0,{dy})")
            for dy in (-7, 7)
        ],
        stroke("path", BLUE, 2.4, 0.7, d=curve_d(back[0], back[1:]), stroke_dasharray="6 10"),
        [person(x, y - 4, 15, GOLD if i == 2 else SKY) for i, (x, y) in enumerate(riders)],
        arrowhead((892, 354), bezier(*go, 1)[1], 28, CYAN),
        arrowhead((328, 574), bezier(*back, 1)[1], 26, BLUE),
    )


def paint_metaverse(art):
    """Metaverse centre "1+N": one hub, N satellite stages around it."""
    backdrop(art, [(600, 380, 480, 300, VIOLET, 0.25), (600, 400, 300, 200, CYAN, 0.3)])
    cx, cy, rx, ry = 600, 420, 440, 150
    sats = [(ellipse_point(cx, cy, rx, ry, 0, a), math.sin(math.radians(a))) for a in range(-68, 292, 45)]
    P = iso_proj(cx, cy + 10, 1.0)

    def satellite(x, y, depth):
        s = 0.8 + 0.3 * depth
        return g(
            el(
                "ellipse",
                cx=x,
                cy=y,
                rx=52 * s,
                ry=14 * s,
                fill=CYAN,
                fill_opacity=0.2,
                stroke=CYAN,
                stroke_width=1.4,
            ),
            panel(art, x - 50 * s, y - 84 * s, 100 * s, 62 * s, VIOLET if depth < 0 else CYAN, "horizon"),
            node(x, y - 8 * s, 3, GOLD),
            opacity=0.7 + 0.3 * depth,
        )

    art.add(
        floor_grid(art, 600, 560, 130, BLUE, 0.2),
        stroke("ellipse", CYAN, 1.6, 0.6, cx=cx, cy=cy, rx=rx, ry=ry),
        lines([((cx, cy - 20), p) for p, _ in sats], SKY, 1.2, 0.45, stroke_dasharray="3 6"),
        [satellite(*p, s) for p, s in sats if s < 0],
        rings(cx, cy + 40, (90, 140, 190), CYAN, 1.6, 0.6, 0.35),
        light_column(art, cx, cy - 60, 60, 70, CYAN, 0.35),
        iso_block(art, P, -50, -50, 100, 100, 110, CYAN, lit=0.4, floor=18),
        node(cx, 120, 8, GOLD),
        stroke("circle", GOLD, 1.6, 0.6, cx=cx, cy=120, r=20),
        [satellite(*p, s) for p, s in sats if s >= 0],
    )


def paint_digital_human(art):
    """A real-time digital human: wireframe bust, face-tracking points, a scan line."""
    backdrop(art, [(600, 330, 360, 380, CYAN, 0.28), (600, 780, 500, 120, BLUE, 0.3)])
    bust = [revolve(p0, p1, prof, n_rings, mer, 0.3) for p0, p1, prof, n_rings, mer in BUST]
    face = [
        (-45, 168),
        (45, 168),
        (-38, 192),
        (38, 192),
        (0, 200),
        (0, 245),
        (-18, 252),
        (18, 252),
        (-28, 282),
        (28, 282),
        (0, 278),
        (0, 322),
        (-75, 280),
        (75, 280),
        (-85, 225),
        (85, 225),
        (0, 100),
        (-78, 140),
        (78, 140),
    ]
    corners = [(x, y, sx, sy) for sx, x in ((-1, 460), (1, 740)) for sy, y in ((-1, 40), (1, 350))]
    art.add(
        lines([((280, y), (920, y)) for y in range(30, 800, 10)], SKY, 1, 0.07),
        wire(bust, CYAN, 1.3, 0.7),
        network([(600 + x, y) for x, y in face], GOLD, k=3, r=2.4, link_op=0.35, sw=1),
        [
            glow("polyline", SKY, 2, 0.9, points=pts([(x, y - sy * 30), (x, y), (x - sx * 30, y)]))
            for x, y, sx, sy in corners
        ],
        el("rect", x=300, y=150, width=600, height=44, fill=art.linear([(0, CYAN, 0), (1, CYAN, 0.3)])),
        glow("line", CYAN, 2, x1=300, y1=194, x2=900, y2=194),
        [
            el(
                "rect",
                x=150,
                y=300 + k * 26,
                width=40 + 70 * abs(math.sin(k * 1.3)),
                height=8,
                rx=4,
                fill=CYAN,
                fill_opacity=0.4,
            )
            for k in range(6)
        ],
        [
            el(
                "rect",
                x=1050 - 40 - 70 * abs(math.cos(k * 1.1)),
                y=300 + k * 26,
                width=40 + 70 * abs(math.cos(k * 1.1)),
                height=8,
                rx=4,
                fill=BLUE,
                fill_opacity=0.4,
            )
            for k in range(6)
        ],
        shade_bottom(art, 600, 0.75),
    )


# Gallery (1600 x 1000) --------------------------------------------------------------------


def paint_gallery_park(art):
    """The park campus in isometric: blocks of buildings, green squares, roads, a central plaza."""
    backdrop(art, [(800, 520, 760, 420, BLUE, 0.3), (800, 560, 500, 260, CYAN, 0.18)])
    rng = art.rng
    P = iso_proj(800, 560, 0.72)
    blocks, trees, plates = [], [], []
    for a in range(-360, 361, 180):
        for b in range(-360, 361, 180):
            kind = "plaza" if a == b == 0 else ("green" if rng.random() < 0.22 else "built")
            if kind == "plaza":
                plates.append(rings(*P(0, 0), (70, 100), CYAN, 1.6, 0.7, 0.5))
                blocks.append((-30, -30, 60, 60, 260, CYAN))
            elif kind == "green":
                plates.append(iso_plate(P, a - 70, b - 70, 140, 140, MINT, 0.35, 0.08))
                trees += [
                    (a + da, b + db) for da in (-40, 0, 40) for db in (-40, 0, 40) if rng.random() < 0.7
                ]
            else:
                for da, db in ((-35, -35), (35, -35), (-35, 35), (35, 35)):
                    if rng.random() < 0.55:
                        h = rng.uniform(40, 90) + 120 * math.exp(-(a * a + b * b) / 80000) * rng.random()
                        blocks.append(
                            (a + da - 26, b + db - 26, 52, 52, h, rng.choice((CYAN, BLUE, CYAN, SKY)))
                        )
                    else:
                        trees.append((a + da, b + db))
    roads = [(P(k, -460), P(k, 460)) for k in range(-450, 451, 180)] + [
        (P(-460, k), P(460, k)) for k in range(-450, 451, 180)
    ]
    landmarks = [P(a + 26, b + 26, h + 10) for a, b, _, _, h, _ in blocks if h > 150][:5]
    links = [
        f"M{pt(*p)} Q{pt((p[0] + q[0]) / 2, min(p[1], q[1]) - 80)} {pt(*q)}"
        for p, q in zip(landmarks, landmarks[1:])
    ]
    art.add(
        iso_plate(P, -470, -470, 940, 940, CYAN, 0.5, 0.05),
        lines(roads, BLUE, 16, 0.16),
        lines(roads, SKY, 1.2, 0.45, stroke_dasharray="8 10"),
        plates,
        draw_city(art, P, blocks, trees, lit=0.35),
        [stroke("path", GOLD, 1.4, 0.6, d=d, stroke_dasharray="3 6") for d in links],
        [node(x, y, 3, GOLD) for x, y in landmarks],
    )


def paint_gallery_renmin(art):
    """A university cultural-tech park campus: a gate in front, an avenue, buildings behind."""
    backdrop(art, [(800, 520, 700, 360, BLUE, 0.3), (800, 420, 320, 200, GOLD, 0.1)])
    horizon, pillar_top, base = 640, 420, 760
    dome = f"M{pt(330, 490)} {arc_to(60, 60, 450, 490)}Z"
    campus = [
        tower(art, x, horizon, w, h, hue, crown, 0.8)
        for x, w, h, hue, crown in (
            (300, 180, 150, BLUE, "flat"),
            (500, 120, 230, CYAN, "step"),
            (640, 320, 110, BLUE, "flat"),
            (980, 130, 250, CYAN, "spire"),
            (1130, 170, 160, BLUE, "slant"),
        )
    ]
    horizon_trees = [tree(art, x, horizon, 7) for x in (250, 480, 625, 960, 1115, 1320, 1360)]
    road = [(790, horizon), (810, horizon), (1080, 1000), (520, 1000)]
    avenue = [(770 - 330 * t, horizon + 360 * t, 6 + 22 * t) for t in (0.22, 0.4, 0.6, 0.8, 1.0)]
    gate = []
    for x in (560, 680, 920, 1040):
        gate += [
            el("rect", x=x - 14, y=pillar_top, width=28, height=base - pillar_top, fill=NAVY_1),
            glow("rect", CYAN, 1.6, x=x - 14, y=pillar_top, width=28, height=base - pillar_top),
            el(
                "rect",
                x=x - 22,
                y=base - 26,
                width=44,
                height=26,
                rx=3,
                fill=NAVY_2,
                stroke=CYAN,
                stroke_width=1.4,
            ),
        ]
    for y, x0, x1 in ((420, 520, 1080), (470, 540, 1060)):
        gate += [
            el("rect", x=x0, y=y, width=x1 - x0, height=22, fill=NAVY_2),
            glow("rect", SKY, 1.4, x=x0, y=y, width=x1 - x0, height=22),
        ]
    roof = "M470,420 Q560,400 600,356 L1000,356 Q1040,400 1130,420Z"
    gate += [
        el("path", d=roof, fill=art.linear([(0, mix(NAVY_2, GOLD, 0.3), 1), (1, NAVY_1, 1)])),
        glow("path", GOLD, 2.4, d=roof),
        el("rect", x=740, y=492, width=120, height=46, fill=NAVY_1, stroke=GOLD, stroke_width=2),
        node(800, 515, 6, GOLD),
    ]
    art.add(
        dust(art.rng, 60, (0, 0, 1600, 380), ICE, 0.5),
        el("path", d=dome, fill=art.linear([(0, mix(NAVY_2, CYAN, 0.35), 1), (1, NAVY_1, 1)])),
        glow("path", CYAN, 1.6, d=dome),
        node(390, 424, 3, GOLD),
        campus,
        horizon_trees,
        glow("line", CYAN, 1.4, 0.7, x1=100, y1=horizon, x2=1500, y2=horizon),
        floor_grid(art, 800, horizon, 160, BLUE, 0.25),
        el("polygon", points=pts(road), fill=art.linear([(0, CYAN, 0.04), (1, CYAN, 0.22)])),
        stroke("polyline", CYAN, 1.6, 0.6, points=pts([road[0], road[3]])),
        stroke("polyline", CYAN, 1.6, 0.6, points=pts([road[1], road[2]])),
        [tree(art, 800 + sign * (x - 800), y, s) for x, y, s in avenue if y < base for sign in (-1, 1)],
        gate,
        [tree(art, 800 + sign * (x - 800), y, s) for x, y, s in avenue if y >= base for sign in (-1, 1)],
        shade_bottom(art, 880, 0.6),
    )


def paint_gallery_alibaba(art):
    """A customer experience centre: a glass hall with service-desk screens, visitors arriving."""
    backdrop(art, [(800, 520, 700, 380, BLUE, 0.3), (800, 600, 420, 160, CYAN, 0.25)])
    x0, x1, top, base = 300, 1300, 300, 780

    def roof_y(x):  # the roof is a quadratic curve from (x0, top + 60) over (800, top - 80) to (x1, top + 60)
        t = (x - x0) / (x1 - x0)
        return top + 60 - 280 * t * (1 - t)

    facade = f"M{pt(x0, base)} L{pt(x0, top + 60)} Q{pt(800, top - 80)} {pt(x1, top + 60)} L{pt(x1, base)}Z"
    glass = art.linear([(0, mix(NAVY_2, CYAN, 0.25), 0.9), (1, NAVY_0, 0.6)])
    ribbon = [
        f"M{pt(x0 + 20, 400 + dy)} C{pt(560, 340 + dy)} {pt(1040, 470 + dy)} {pt(x1 - 20, 390 + dy)}"
        for dy in (0, 14)
    ]
    art.add(
        floor_grid(art, 800, base, 140, BLUE, 0.25),
        [tower(art, x, base, w, h, BLUE, "flat", 0.5) for x, w, h in ((150, 130, 200), (1320, 140, 240))],
        el("path", d=facade, fill=glass),
        lines([((x, roof_y(x) + 8), (x, base)) for x in range(x0 + 50, x1, 50)], SKY, 1, 0.2),
        lines([((x0, y), (x1, y)) for y in (470, 620)], SKY, 1, 0.2),
        [stroke("path", c, 2, 0.5, d=d) for d, c in zip(ribbon, (CYAN, GOLD))],
        [
            panel(art, 520 + i * 200, 500, 160, 100, BLUE if i == 1 else CYAN, kind, 0.9)
            for i, kind in enumerate(("bars", "wave", "horizon"))
        ],
        [person(x, 693, 22, GOLD if i == 1 else SKY) for i, x in enumerate((620, 800, 980))],
        el("rect", x=500, y=696, width=600, height=44, rx=8, fill=NAVY_2),
        glow("line", CYAN, 2, x1=510, y1=696, x2=1090, y2=696),
        glow("path", CYAN, 2.4, d=facade),
        glow("path", GOLD, 3, d=f"M{pt(x0 - 40, top + 52)} Q{pt(800, top - 100)} {pt(x1 + 40, top + 52)}"),
        shade_bottom(art, base, 0.6),
        [silhouette(art, figure(x, 660, 190), SKY) for x in (410, 1190)],
    )


def paint_gallery_digital_human(art):
    """A full-figure digital human in wireframe on a hologram pedestal."""
    backdrop(art, [(800, 520, 420, 480, CYAN, 0.25), (800, 900, 500, 90, BLUE, 0.4)])
    back, front = orbit(800, 470, 300, 110, -8, SKY, 1.4, 0.6, "4 10")
    around = [
        (ellipse_point(800, 470, 300, 110, -8, a), math.sin(math.radians(a)))
        for a in (20, 75, 150, 210, 290, 340)
    ]
    art.add(
        lines([((0, y), (1600, y)) for y in range(20, 1000, 16)], SKY, 1, 0.05),
        light_column(art, 800, 900, 80, 200, CYAN, 0.16),
        rings(800, 900, (110, 160, 220, 290), CYAN, 2, 0.75, 0.22),
        el("ellipse", cx=800, cy=900, rx=110, ry=24, fill=CYAN, fill_opacity=0.15),
        back,
        [node(*p, 4, SKY) for p, s in around if s < 0],
        wire(figure(800, 100, 800, 0.28), CYAN, 1.3, 0.75),
        front,
        [node(*p, 4.5, GOLD if k == 0 else SKY) for k, (p, s) in enumerate(around) if s >= 0],
    )


def paint_gallery_stage(art):
    """An LED virtual-production stage: curved LED wall, camera on a crane, light beams."""
    backdrop(art, [(800, 420, 760, 380, BLUE, 0.3), (800, 780, 600, 160, VIOLET, 0.18)])
    x0, x1, top, base, sag, lift, horizon = 260, 1340, 170, 700, 60, 50, 0.64

    def wall_y(x, t):
        """y at x across the wall, t from 0 (top edge) to 1 (bottom edge); the middle is farthest away."""
        u = 1 - ((x - 800) / 540) ** 2
        return top + sag * u + (base - lift * u - top - sag * u) * t

    def edge(t):
        return [(x, wall_y(x, t)) for x in range(x0, x1 + 1, 30)]

    wall = edge(0) + edge(1)[::-1]
    sky = art.linear(
        [
            (0, mix(NAVY_1, BLUE, 0.55), 1),
            (0.5, mix(NAVY_1, VIOLET, 0.4), 1),
            (0.66, mix(NAVY_1, GOLD, 0.65), 1),
            (1, mix(NAVY_1, GOLD, 0.3), 1),
        ]
    )
    ridge = [(x, y - 60 * abs(math.sin(x / 95)) * (0.6 + 0.4 * math.sin(x / 37))) for x, y in edge(horizon)]
    seams = [((x, wall_y(x, 0)), (x, wall_y(x, 1))) for x in range(x0 + 60, x1, 60)]
    crane = [
        lines([((1240, 930), (1300, 777)), ((1360, 930), (1300, 777))], SKY, 5, 0.9),
        glow("line", SKY, 6, x1=1120, y1=850, x2=1490, y2=700),
        el("rect", x=1460, y=676, width=54, height=54, rx=6, fill=NAVY_2, stroke=SKY, stroke_width=2),
        el(
            "polygon",
            points=pts([(1060, 826), (1090, 838), (1090, 878), (1060, 890)]),
            fill=NAVY_2,
            stroke=CYAN,
            stroke_width=3,
        ),
        el("rect", x=1090, y=826, width=100, height=64, rx=8, fill=NAVY_2, stroke=CYAN, stroke_width=3),
        node(1075, 858, 6, GOLD),
    ]
    lamps = (420, 640, 960, 1180)
    art.add(
        floor_grid(art, 800, 720, 160, BLUE, 0.3),
        el("polygon", points=pts(wall), fill=sky),
        blob(art, 800, wall_y(800, horizon), 260, 60, GOLD, 0.7),
        el("polygon", points=pts(ridge + edge(horizon)[::-1]), fill=NAVY_0, fill_opacity=0.6),
        el(
            "polygon",
            points=pts(edge(horizon) + edge(1)[::-1]),
            fill=art.linear([(0, mix(NAVY_1, GOLD, 0.22), 1), (0.35, NAVY_1, 1), (1, NAVY_0, 1)]),
        ),
        lines(seams, NAVY_0, 1.2, 0.5),
        [stroke("polyline", NAVY_0, 1.2, 0.5, points=pts(edge(k / 6))) for k in range(1, 6)],
        glow("polyline", GOLD, 1.2, 0.6, points=pts(edge(horizon))),
        glow("polygon", CYAN, 2.4, points=pts(wall)),
        [beam(art, x, 60, 800 + (x - 800) * 0.2, 860, 10, SKY, 0.14) for x in lamps],
        glow("line", SKY, 2, x1=340, y1=60, x2=1260, y2=60),
        [node(x, 60, 5, SKY) for x in lamps],
        rings(800, 860, (90, 140), CYAN, 2, 0.6, 0.25),
        silhouette(art, figure(800, 660, 200), CYAN),
        crane,
    )


# The catalogue ----------------------------------------------------------------------------

HERO, SCENE, GALLERY = (1920, 1080), (1200, 800), (1600, 1000)

ARTWORK = {
    "logo.svg": ((256, 256), paint_logo),
    "hero-1.svg": (HERO, paint_hero_1),
    "hero-2.svg": (HERO, paint_hero_2),
    "hero-3.svg": (HERO, paint_hero_3),
    "home-bg.svg": (HERO, paint_home_bg),
    **{f"icon-{name}.svg": ((128, 128), make_icon(draw)) for name, draw in ICONS.items()},
    **{
        f"history-{year}.svg": (SCENE, make_history(i, scene))
        for i, (year, scene) in enumerate(HISTORY.items())
    },
    **{
        f"sector-{name}.svg": ((800, 500), make_sector(hue, motif))
        for (name, motif), hue in zip(SECTORS.items(), SECTOR_HUES)
    },
    "talent.svg": (SCENE, paint_talent),
    "metaverse.svg": (SCENE, paint_metaverse),
    "digital-human.svg": (SCENE, paint_digital_human),
    "gallery-park.svg": (GALLERY, paint_gallery_park),
    "gallery-renmin.svg": (GALLERY, paint_gallery_renmin),
    "gallery-alibaba.svg": (GALLERY, paint_gallery_alibaba),
    "gallery-digital-human.svg": (GALLERY, paint_gallery_digital_human),
    "gallery-stage.svg": (GALLERY, paint_gallery_stage),
}


def render(name: str) -> str:
    """The SVG text of one catalogue entry."""
    (w, h), paint = ARTWORK[name]
    art = Art(name, w, h)
    paint(art)
    return art.svg()


def main(argv=None) -> int:
    """Write every picture of the catalogue into --out."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=f"Writes {len(ARTWORK)} files: the logo, heroes, home background, menu icons, "
        "history milestones, sector cards, talent / metaverse / digital-human scenes and the gallery. "
        "Rerunning gives byte-identical files.",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="FOLDER",
        default=DEFAULT_OUT,
        help=f"folder to write the SVG files into (default: {DEFAULT_OUT.relative_to(REPO)})",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in ARTWORK:
        data = render(name).encode("utf-8")
        (args.out / name).write_bytes(data)
        print(f"{name:28} {len(data) / 1024:6.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
