"""A world map as inline SVG, drawn from bundled geometry (no network, no tiles).

The geometry is `data/world-110m.json`: world-atlas 2.0.2's countries-110m TopoJSON
(Natural Earth 1:110m admin-0 boundaries, public domain; world-atlas ISC licence, see
`data/world-110m.LICENSE`). Countries are shaded by a count (events or stories located in
them) and points can be marked by latitude and longitude; the projection is
equirectangular, so a point is simply where its coordinates say.
"""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import pycountry

GEOMETRY = Path(__file__).parent / "data" / "world-110m.json"
WIDTH, HEIGHT = 960, 480  # 360 x 180 degrees at 8/3 pixels a degree
SHADES = ["#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#2b8cbe", "#045a8d"]


def _xy(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) * WIDTH / 360, (90 - lat) * HEIGHT / 180


@functools.cache
def country_paths() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 (or "N<number>" where ISO has none) -> (name, SVG path data)."""
    topology = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            part = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(part if not points else part[1:])
        return points

    out = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        data = "".join(_path(ring(r)) for polygon in polygons for r in polygon)
        number = geometry.get("id")
        country = pycountry.countries.get(numeric=number) if number else None
        code = country.alpha_3 if country else f"N{number or len(out)}"
        out[code] = (geometry["properties"].get("name", code), data)
    return out


def _path(points: list[tuple[float, float]]) -> str:
    """SVG path data of a ring; a jump across the antimeridian starts a new subpath."""
    parts, previous = [], None
    for lon, lat in points:
        x, y = _xy(lon, lat)
        command = "M" if previous is None or abs(lon - previous) > 180 else "L"
        parts.append(f"{command}{x:.1f},{y:.1f}")
        previous = lon
    return "".join(parts) + "Z"


def svg(counts: dict[str, int], *, points: list[tuple[float, float, str]] = (), title: str = "") -> str:
    """The map with each country shaded by its count (ISO alpha-3 keys; Kosovo's XKX is not
    in the geometry's ISO numbers) and a dot at each (lat, lon, label) point."""
    top = max(counts.values(), default=0)
    shapes = []
    for code, (name, data) in sorted(country_paths().items()):
        count = counts.get(code, 0)
        shade = SHADES[0] if not count else SHADES[1 + min(len(SHADES) - 2, int(
            (len(SHADES) - 1) * (count - 1) / max(top, 1)))]
        shapes.append(f'<path d="{data}" fill="{shade}" stroke="#888" stroke-width="0.3" '
                      f'data-country="{code}"><title>{html.escape(name)}: {count}</title></path>')
    dots = []
    for lat, lon, label in points:
        x, y = _xy(lon, lat)
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#c0392b" fill-opacity="0.7">'
                    f"<title>{html.escape(label)}</title></circle>")
    heading = f"<title>{html.escape(title)}</title>" if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'class="worldmap">{heading}<rect width="{WIDTH}" height="{HEIGHT}" fill="#fbfdff"/>'
            + "".join(shapes) + "".join(dots) + "</svg>")
