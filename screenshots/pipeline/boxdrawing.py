"""Box-drawing characters (U+2500-U+257F) as strokes rather than font glyphs.

A font draws each glyph inside its own advance, so its borders leave hairline gaps
between cells and rows. Drawing the strokes from the cell's centre to its edges
makes neighbouring cells join exactly. The strokes of each character are read
from its Unicode name ("BOX DRAWINGS DOWN SINGLE AND RIGHT DOUBLE"), so the whole
block is covered without a hand-written table.
"""
import unicodedata

LIGHT, HEAVY, DOUBLE = "light", "heavy", "double"
_WEIGHTS = {"LIGHT": LIGHT, "SINGLE": LIGHT, "HEAVY": HEAVY, "DOUBLE": DOUBLE}
_DIRECTIONS = {
    "UP": ("up",), "DOWN": ("down",), "LEFT": ("left",), "RIGHT": ("right",),
    "VERTICAL": ("up", "down"), "HORIZONTAL": ("left", "right"),
}


def strokes(char):
    """{direction: weight} for a box-drawing character, or None to draw it as a glyph
    (diagonals, and anything outside the block)."""
    if not "\u2500" <= char <= "\u257f":
        return None
    name = unicodedata.name(char, "")
    if not name.startswith("BOX DRAWINGS ") or "DIAGONAL" in name:
        return None
    parts = [part.split() for part in name[len("BOX DRAWINGS "):].split(" AND ")]
    # A part without a weight takes the nearest named one ("LIGHT DOWN AND RIGHT").
    named = [next((_WEIGHTS[w] for w in part if w in _WEIGHTS), None) for part in parts]
    result = {}
    for index, part in enumerate(parts):
        weight = named[index] or next((w for w in named[index::-1] if w), None) \
            or next((w for w in named if w), LIGHT)
        for word in part:
            for direction in _DIRECTIONS.get(word, ()):
                result[direction] = weight
    return result or None


def draw(draw_context, char, box, colour):
    """Draws `char` into `box` = (x0, y0, x1, y1); False when it is not a stroke character."""
    lines = strokes(char)
    if lines is None:
        return False
    x0, y0, x1, y1 = box
    cx, cy = x0 + (x1 - x0) // 2, y0 + (y1 - y0) // 2
    thin = max(1, round((x1 - x0) / 9))
    gap = max(2, thin * 2)

    def fill(left, top, right, bottom):
        draw_context.rectangle([min(left, right), min(top, bottom), max(left, right) - 1, max(top, bottom) - 1],
                               fill=colour)

    for direction, weight in lines.items():
        horizontal = direction in ("left", "right")
        edge = {"left": x0, "right": x1, "up": y0, "down": y1}[direction]
        if weight != DOUBLE:
            thickness = thin * 2 if weight == HEAVY else thin
            half = thickness // 2
            if horizontal:
                fill(cx - half if direction == "right" else cx + thickness - half, cy - half, edge, cy - half + thickness)
            else:
                fill(cx - half, cy - half if direction == "down" else cy + thickness - half, cx - half + thickness, edge)
            continue
        # Two rails. A rail stops where it meets a double line crossing it: at that
        # line's near rail when the crossing line is on the rail's own side,
        # at its far rail (an outer corner) when only the other side has one.
        across = ("up", "down") if horizontal else ("left", "right")
        centre = cx if horizontal else cy
        sign = 1 if direction in ("right", "down") else -1
        for side, offset in ((across[0], -gap), (across[1], gap)):
            other = across[1] if side == across[0] else across[0]
            if lines.get(side) == DOUBLE:
                start = centre + sign * gap
            elif lines.get(other) == DOUBLE:
                start = centre - sign * gap
            else:
                start = centre
            if horizontal:
                fill(start, cy + offset, edge, cy + offset + thin)
            else:
                fill(cx + offset, start, cx + offset + thin, edge)
    return True
