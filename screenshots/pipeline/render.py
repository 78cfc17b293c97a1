"""Turns a tmux capture (text with SGR escapes) into a PNG.

pyte replays the capture into a grid of cells with colours and attributes;
Pillow paints each cell's background, then its glyph in DejaVu Sans Mono (the
bold face for bold cells), with box-drawing characters drawn as strokes so
borders join. The palette is a plain dark terminal's, the same for every scene.
"""
import os

import pyte
from PIL import Image, ImageDraw, ImageFont

from . import boxdrawing

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
REGULAR = os.path.join(FONT_DIR, "DejaVuSansMono.ttf")
BOLD = os.path.join(FONT_DIR, "DejaVuSansMono-Bold.ttf")
# For glyphs the monospaced face lacks (braille spinners): same family, wider coverage.
FALLBACK = os.path.join(FONT_DIR, "DejaVuSans.ttf")
FONT_SIZE = 16
MARGIN = 12

DEFAULT_FG = (0xd4, 0xd4, 0xd4)
DEFAULT_BG = (0x1e, 0x1e, 0x1e)
# pyte's names for the 16 ANSI colours ("brown" is its name for yellow).
NAMED = {
    "black": (0x1e, 0x1e, 0x1e), "red": (0xcd, 0x31, 0x31), "green": (0x0d, 0xbc, 0x79),
    "brown": (0xe5, 0xe5, 0x10), "blue": (0x24, 0x72, 0xc8), "magenta": (0xbc, 0x3f, 0xbc),
    "cyan": (0x11, 0xa8, 0xcd), "white": (0xe5, 0xe5, 0xe5),
    "brightblack": (0x66, 0x66, 0x66), "brightred": (0xf1, 0x4c, 0x4c),
    "brightgreen": (0x23, 0xd1, 0x8b), "brightbrown": (0xf5, 0xf5, 0x43),
    "brightblue": (0x3b, 0x8e, 0xea), "brightmagenta": (0xd6, 0x70, 0xd6),
    "brightcyan": (0x29, 0xb8, 0xdb), "brightwhite": (0xff, 0xff, 0xff),
}


def colour(name, default):
    """pyte's colour: 'default', one of the sixteen names, or 'rrggbb'."""
    if name == "default":
        return default
    if name in NAMED:
        return NAMED[name]
    try:
        return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return default


class Renderer:
    """Paints terminal grids of any size with one font and cell size."""

    def __init__(self, font_size=FONT_SIZE):
        self.regular = ImageFont.truetype(REGULAR, font_size)
        self.bold = ImageFont.truetype(BOLD, font_size) if os.path.exists(BOLD) else self.regular
        self.fallback = ImageFont.truetype(FALLBACK, font_size) if os.path.exists(FALLBACK) else None
        self.missing = bytes(self.regular.getmask("\U0010fffd"))  # what .notdef looks like
        self.faces = {}
        ascent, descent = self.regular.getmetrics()
        self.cell_width = round(self.regular.getlength("M"))
        self.cell_height = ascent + descent
        self.ascent = ascent

    def image_size(self, columns, rows):
        return (columns * self.cell_width + 2 * MARGIN, rows * self.cell_height + 2 * MARGIN)

    def screen(self, capture, columns, rows):
        """The capture replayed into a pyte screen. tmux ends rows with a bare
        newline; the terminal needs a carriage return too."""
        screen = pyte.Screen(columns, rows)
        pyte.Stream(screen).feed(capture.replace("\r\n", "\n").replace("\n", "\r\n"))
        return screen

    def render(self, screen, path, cursor=None):
        """Writes `screen` as a PNG to `path`; `cursor` is (x, y) when it is visible."""
        image = Image.new("RGB", self.image_size(screen.columns, screen.lines), DEFAULT_BG)
        draw = ImageDraw.Draw(image)
        for y in range(screen.lines):
            row = screen.buffer[y]
            for x in range(screen.columns):
                self._cell(draw, x, y, row[x], cursor == (x, y))
        image.save(path, "PNG", optimize=True)

    def face(self, text, bold):
        """The bold or regular face, or the fallback when the face would draw .notdef."""
        key = (text, bold)
        if key not in self.faces:
            face = self.bold if bold else self.regular
            if self.fallback and bytes(face.getmask(text)) == self.missing:
                face = self.fallback
            self.faces[key] = face
        return self.faces[key]

    def _cell(self, draw, x, y, char, is_cursor):
        fg = colour(char.fg, DEFAULT_FG)
        bg = colour(char.bg, DEFAULT_BG)
        if char.reverse != is_cursor:
            fg, bg = bg, fg
        x0 = MARGIN + x * self.cell_width
        y0 = MARGIN + y * self.cell_height
        box = (x0, y0, x0 + self.cell_width, y0 + self.cell_height)
        if bg != DEFAULT_BG:
            draw.rectangle([box[0], box[1], box[2] - 1, box[3] - 1], fill=bg)
        text = char.data
        if text and text != " " and not boxdrawing.draw(draw, text, box, fg):
            font = self.face(text, char.bold)
            draw.text((x0, y0 + self.ascent), text, font=font, fill=fg, anchor="ls")
        if char.underscore:
            underline = y0 + self.ascent + 2
            draw.line([(x0, underline), (box[2] - 1, underline)], fill=fg)
        if char.strikethrough:
            middle = y0 + self.cell_height // 2
            draw.line([(x0, middle), (box[2] - 1, middle)], fill=fg)


def plain_text(screen):
    """The screen's characters, one line per row, trailing blanks removed: the .txt
    kept next to each PNG so a changed screen shows up as a text diff."""
    return "\n".join(line.rstrip() for line in screen.display).rstrip("\n") + "\n"
