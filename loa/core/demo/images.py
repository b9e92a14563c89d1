"""Pictures for the demo portal, drawn with Pillow at load time.

Nothing is downloaded or shipped: every photo is a flat illustration (sky,
fields, buildings, a meeting hall…) drawn from a seed, so each article gets a
different picture and loading the demo twice draws the same ones. Shapes are
drawn at twice the size and scaled down, which smooths their edges.
"""

from __future__ import annotations

import colorsys
import functools
import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, ImageOps

PHOTO_SIZE = (1200, 675)
SUPERSAMPLE = 2
JPEG_QUALITY = 80

Color = tuple[int, int, int]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# Fonts tried in order; the first that really has Vietnamese glyphs is used.
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/opentype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/noto/NotoSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
    "DejaVuSans-Bold.ttf",
)
VIETNAMESE_PROBE = "ĐệữơưẫỹạƯỏ"


def _glyph_signature(font: Font, char: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(char)
    return mask.size, bytes(mask)


def renders_vietnamese(font: Font) -> bool:
    """True if every probe letter has a glyph of its own.

    A font without a glyph draws its .notdef box instead, so missing letters all
    look alike (and like a noncharacter such as U+FFFF): Pillow's built-in
    Aileron, for one, has no Vietnamese letters.
    """
    notdef = _glyph_signature(font, "\uffff")
    signatures = {_glyph_signature(font, char) for char in VIETNAMESE_PROBE}
    return notdef not in signatures and len(signatures) == len(VIETNAMESE_PROBE)


@functools.cache
def vietnamese_font(size: int) -> Font | None:
    """A bold font with Vietnamese glyphs at `size` pixels, or None: then pictures carry no words."""
    for candidate in FONT_CANDIDATES:
        try:
            font = ImageFont.truetype(candidate, size)
        except OSError:
            continue
        if renders_vietnamese(font):
            return font
    try:
        font = ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow < 10.1 or no FreeType: a bitmap font without Vietnamese.
        return None
    return font if renders_vietnamese(font) else None


# --- colours ------------------------------------------------------------------


def hsv(hue: float, saturation: float, value: float) -> Color:
    red, green, blue = colorsys.hsv_to_rgb(hue % 1.0, max(0.0, min(1.0, saturation)), max(0.0, min(1.0, value)))
    return round(red * 255), round(green * 255), round(blue * 255)


def mix(first: Color, second: Color, share: float) -> Color:
    """`share` of the way from `first` to `second`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))  # type: ignore[return-value]


def shade(color: Color, factor: float) -> Color:
    return mix(color, (0, 0, 0), 1 - factor) if factor < 1 else mix(color, (255, 255, 255), factor - 1)


RED = (200, 16, 46)
YELLOW = (255, 205, 0)
WHITE = (250, 250, 247)


# --- canvas -------------------------------------------------------------------


@dataclass
class Canvas:
    """An image being drawn, with coordinates given as fractions of its size."""

    image: Image.Image
    rng: random.Random

    def __post_init__(self) -> None:
        self.draw = ImageDraw.Draw(self.image)
        self.w, self.h = self.image.size

    def x(self, fraction: float) -> int:
        return round(fraction * self.w)

    def y(self, fraction: float) -> int:
        return round(fraction * self.h)

    def box(self, left: float, top: float, right: float, bottom: float) -> tuple[int, int, int, int]:
        return self.x(left), self.y(top), self.x(right), self.y(bottom)

    def points(self, *pairs: tuple[float, float]) -> list[tuple[int, int]]:
        return [(self.x(px), self.y(py)) for px, py in pairs]

    def gradient(self, top: float, bottom: float, color_top: Color, color_bottom: Color) -> None:
        """Fill a full-width band with a vertical gradient: one column coloured, then stretched sideways (cheap)."""
        height = max(1, self.y(bottom) - self.y(top))
        column = Image.linear_gradient("L").crop((0, 0, 1, 256)).resize((1, height), Image.Resampling.BILINEAR)
        band = ImageOps.colorize(column, black=color_top, white=color_bottom)
        self.image.paste(band.resize((self.w, height), Image.Resampling.NEAREST), (0, self.y(top)))

    def text(self, center: tuple[float, float], text: str, fill: Color, max_width: float, size: float) -> None:
        """Centred words, shrunk until they fit; silently skipped without a Vietnamese font."""
        pixels = self.y(size)
        while pixels > 8:
            font = vietnamese_font(pixels)
            if font is None:
                return
            left, top, right, bottom = self.draw.textbbox((0, 0), text, font=font)
            if right - left <= self.x(max_width):
                break
            pixels = int(pixels * 0.9)
        else:
            return
        self.draw.text((self.x(center[0]), self.y(center[1])), text, fill=fill, font=font, anchor="mm")


def star_points(cx: float, cy: float, radius: float, rotation: float = -90.0) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star (the inner radius makes straight arms)."""
    inner = radius * 0.382
    points = []
    for index in range(10):
        angle = math.radians(rotation + index * 36)
        distance = radius if index % 2 == 0 else inner
        points.append((cx + distance * math.cos(angle), cy + distance * math.sin(angle)))
    return points


# --- reusable pieces ----------------------------------------------------------


def sky(c: Canvas, horizon: float, evening: bool = False) -> None:
    if evening:
        top, bottom = hsv(0.62 + c.rng.uniform(-0.03, 0.03), 0.55, 0.55), hsv(0.07, 0.55, 1.0)
    else:
        top, bottom = hsv(0.58 + c.rng.uniform(-0.03, 0.03), 0.55, 0.85), hsv(0.55, 0.18, 1.0)
    c.gradient(0, horizon, top, bottom)


def sun(c: Canvas, x: float, y: float, radius: float, color: Color, glow: Color) -> None:
    for step in range(6, 0, -1):
        grow = radius * (1 + step * 0.35)
        tint = mix(glow, color, 1 - step / 7)
        c.draw.ellipse((c.x(x) - c.y(grow), c.y(y - grow), c.x(x) + c.y(grow), c.y(y + grow)), fill=tint)
    c.draw.ellipse((c.x(x) - c.y(radius), c.y(y - radius), c.x(x) + c.y(radius), c.y(y + radius)), fill=color)


def clouds(c: Canvas, count: int, top: float, bottom: float) -> None:
    for _ in range(count):
        cx, cy = c.rng.uniform(0, 1), c.rng.uniform(top, bottom)
        width = c.rng.uniform(0.08, 0.18)
        tone = mix(WHITE, (210, 220, 235), c.rng.uniform(0, 0.4))
        for puff in range(5):
            px = cx + (puff - 2) * width / 5
            radius = width * c.rng.uniform(0.18, 0.32)
            c.draw.ellipse(c.box(px - radius, cy - radius * 1.2, px + radius, cy + radius * 0.6), fill=tone)


def tree_line(c: Canvas, horizon: float, color: Color) -> None:
    x = -0.02
    while x < 1.02:
        radius = c.rng.uniform(0.015, 0.04)
        c.draw.ellipse(c.box(x - radius, horizon - radius * 2.2, x + radius, horizon + 0.01), fill=color)
        x += radius * c.rng.uniform(0.9, 1.5)


def tree(c: Canvas, x: float, ground: float, height: float, leaf: Color) -> None:
    trunk = height * 0.35
    c.draw.rectangle(c.box(x - 0.004, ground - trunk, x + 0.004, ground), fill=(101, 67, 33))
    radius = height * 0.55
    for dx, dy in ((-0.4, 0.1), (0.4, 0.1), (0.0, -0.25)):
        cx, cy = x + dx * radius * c.h / c.w, ground - trunk - radius * 0.6 + dy * radius
        c.draw.ellipse(
            (c.x(cx) - c.y(radius * 0.7), c.y(cy - radius * 0.7), c.x(cx) + c.y(radius * 0.7), c.y(cy + radius * 0.7)),
            fill=shade(leaf, c.rng.uniform(0.85, 1.1)),
        )


def flag(c: Canvas, x: float, top: float, height: float) -> None:
    """A red flag with a yellow star on a pole."""
    c.draw.line((c.x(x), c.y(top), c.x(x), c.y(top + height)), fill=(90, 90, 90), width=max(2, c.x(0.003)))
    width, depth = height * 0.55 * c.h / c.w, height * 0.36
    c.draw.rectangle(c.box(x, top, x + width, top + depth), fill=RED)
    star = star_points(c.x(x + width / 2), c.y(top + depth / 2), c.y(depth * 0.32))
    c.draw.polygon(star, fill=YELLOW)


def person(c: Canvas, x: float, base: float, height: float, shirt: Color, from_behind: bool = True) -> None:
    """A head-and-shoulders silhouette, the way a photo of an audience shows people."""
    head = height * 0.22
    hair = (35, 30, 30) if from_behind else (222, 184, 150)
    shoulders = height * 0.34 * c.h / c.w
    c.draw.rounded_rectangle(
        c.box(x - shoulders, base - height * 0.55, x + shoulders, base), radius=c.y(height * 0.12), fill=shirt
    )
    cy = base - height * 0.55 - head * 0.8
    c.draw.ellipse((c.x(x) - c.y(head), c.y(cy - head), c.x(x) + c.y(head), c.y(cy + head)), fill=hair)


def conical_hat_farmer(c: Canvas, x: float, base: float, height: float, shirt: Color) -> None:
    """A farmer in a nón lá, bending over the rice."""
    body = height * 0.6
    c.draw.rounded_rectangle(c.box(x - 0.012, base - body, x + 0.012, base), radius=c.y(0.01), fill=shirt)
    hat = height * 0.35
    c.draw.polygon(
        c.points((x - 0.03, base - body + 0.005), (x + 0.03, base - body + 0.005), (x, base - body - hat)),
        fill=(236, 214, 160),
    )


def building(c: Canvas, left: float, right: float, ground: float, top: float, wall: Color, lit: bool = False) -> None:
    c.draw.rectangle(c.box(left, top, right, ground), fill=wall)
    window = mix(wall, (255, 230, 150) if lit else (170, 200, 230), 0.55)
    columns = max(2, int((right - left) / 0.022))
    rows = max(2, int((ground - top) / 0.05))
    for row in range(rows):
        for column in range(columns):
            if lit and c.rng.random() < 0.35:
                continue
            wx = left + (right - left) * (column + 0.25) / columns
            wy = top + (ground - top) * (row + 0.2) / rows
            c.draw.rectangle(
                c.box(wx, wy, wx + (right - left) * 0.5 / columns, wy + (ground - top) * 0.5 / rows), fill=window
            )


def temple_roof(c: Canvas, left: float, right: float, eave: float, ridge: float, color: Color) -> None:
    """A curved roof with upturned corners, as on a đình or a pagoda."""
    lift = (eave - ridge) * 0.5
    c.draw.polygon(
        c.points(
            (left - 0.03, eave - lift),
            (left, eave),
            (right, eave),
            (right + 0.03, eave - lift),
            (right - 0.06, ridge),
            (left + 0.06, ridge),
        ),
        fill=color,
    )
    c.draw.line(c.points((left + 0.05, ridge), (right - 0.05, ridge)), fill=shade(color, 0.7), width=c.y(0.012))


def qr_code(c: Canvas, left: float, top: float, module: float, modules: int = 21) -> None:
    """Something that reads as a QR code at a glance: three finder squares and random modules."""

    def cell(row: int, column: int) -> None:
        x0 = left + column * module * c.h / c.w
        c.draw.rectangle(
            c.box(x0, top + row * module, x0 + module * c.h / c.w, top + (row + 1) * module), fill=(20, 20, 20)
        )

    finders = ((0, 0), (0, modules - 7), (modules - 7, 0))
    for row in range(modules):
        for column in range(modules):
            near = [(row - r, column - k) for r, k in finders if r - 1 <= row <= r + 7 and k - 1 <= column <= k + 7]
            if not near:
                if c.rng.random() < 0.5:
                    cell(row, column)
                continue
            dr, dc = near[0]
            if 0 <= dr <= 6 and 0 <= dc <= 6 and min(dr, dc, 6 - dr, 6 - dc) != 1:
                cell(row, column)  # the finder's dark ring and centre; the rest stays white


# --- scenes -------------------------------------------------------------------


def scene_city(c: Canvas, label: str) -> None:
    horizon = c.rng.uniform(0.55, 0.68)
    evening = c.rng.random() < 0.3
    sky(c, horizon, evening)
    sun(c, c.rng.uniform(0.1, 0.9), horizon * 0.4, 0.06, (255, 236, 170), hsv(0.1, 0.3, 1.0))
    clouds(c, c.rng.randint(2, 5), 0.05, horizon * 0.5)
    hue = c.rng.random()
    x = 0.0
    while x < 1.0:
        width = c.rng.uniform(0.06, 0.14)
        top = c.rng.uniform(0.18, horizon - 0.1)
        wall = hsv(hue + c.rng.uniform(-0.08, 0.08), c.rng.uniform(0.08, 0.3), c.rng.uniform(0.6, 0.95))
        building(c, x, x + width, horizon, top, wall, lit=evening)
        if c.rng.random() < 0.25:
            flag(c, x + width / 2, top - 0.09, 0.09)
        x += width + c.rng.uniform(0.0, 0.02)
    c.gradient(horizon, 1.0, (120, 120, 125), (70, 70, 78))
    for lane in range(8):
        lx = lane / 8 + 0.02
        c.draw.rectangle(c.box(lx, horizon + 0.16, lx + 0.05, horizon + 0.175), fill=WHITE)
    c.draw.rectangle(c.box(0, horizon, 1, horizon + 0.04), fill=(180, 176, 165))
    for index in range(6):
        tree(c, 0.08 + index * 0.17 + c.rng.uniform(-0.03, 0.03), horizon + 0.04, 0.16, hsv(0.3, 0.6, 0.55))


def scene_fields(c: Canvas, label: str) -> None:
    horizon = c.rng.uniform(0.38, 0.5)
    sky(c, horizon)
    sun(c, c.rng.uniform(0.15, 0.85), horizon * 0.35, 0.05, (255, 245, 200), (255, 250, 225))
    clouds(c, c.rng.randint(3, 6), 0.05, horizon * 0.7)
    tree_line(c, horizon, hsv(0.33, 0.55, 0.35))
    ripe = c.rng.random() < 0.4
    base_hue = 0.14 if ripe else 0.27
    bands = 9
    for band in range(bands):
        top = horizon + (1 - horizon) * (band / bands) ** 1.6
        bottom = horizon + (1 - horizon) * ((band + 1) / bands) ** 1.6
        color = hsv(base_hue + c.rng.uniform(-0.03, 0.03), 0.7, 0.55 + 0.35 * (band % 2))
        c.draw.rectangle(c.box(0, top, 1, bottom), fill=color)
        c.draw.line(c.points((0, bottom), (1, bottom)), fill=hsv(0.1, 0.4, 0.45), width=c.y(0.006))
    vanishing = c.rng.uniform(0.3, 0.7)
    c.draw.polygon(
        c.points((vanishing - 0.01, horizon), (vanishing + 0.01, horizon), (0.62, 1), (0.5, 1)), fill=(196, 170, 120)
    )
    for _ in range(c.rng.randint(2, 4)):
        fx = c.rng.uniform(0.05, 0.95)
        fy = c.rng.uniform(horizon + 0.2, 0.9)
        conical_hat_farmer(c, fx, fy, 0.06 + 0.12 * (fy - horizon), hsv(c.rng.random(), 0.5, 0.7))


def scene_river(c: Canvas, label: str) -> None:
    horizon = c.rng.uniform(0.42, 0.52)
    evening = c.rng.random() < 0.5
    sky(c, horizon, evening)
    sun_x = c.rng.uniform(0.2, 0.8)
    sun(c, sun_x, horizon - 0.08, 0.06, (255, 214, 120) if evening else (255, 245, 210), hsv(0.08, 0.4, 1.0))
    tree_line(c, horizon, hsv(0.35, 0.4, 0.3))
    c.gradient(horizon, 1.0, hsv(0.55, 0.35, 0.75), hsv(0.58, 0.6, 0.45))
    for _ in range(40):
        wy = c.rng.uniform(horizon + 0.02, 0.98)
        wx = c.rng.uniform(0, 1)
        length = 0.02 + 0.08 * (wy - horizon)
        c.draw.line(c.points((wx, wy), (wx + length, wy)), fill=hsv(0.55, 0.15, 0.95), width=max(1, c.y(0.003)))
    deck = horizon + 0.08
    c.draw.rectangle(c.box(0, deck, 1, deck + 0.02), fill=(90, 95, 105))
    for pylon in (0.3, 0.7):
        c.draw.rectangle(c.box(pylon - 0.008, horizon - 0.22, pylon + 0.008, deck + 0.06), fill=(220, 220, 225))
        for step in range(1, 7):
            spread = step * 0.03
            for side in (-1, 1):
                c.draw.line(
                    c.points((pylon, horizon - 0.2 + step * 0.012), (pylon + side * spread, deck)),
                    fill=(235, 235, 240),
                    width=max(1, c.y(0.002)),
                )
    boat_x, boat_y = c.rng.uniform(0.1, 0.8), c.rng.uniform(0.75, 0.88)
    c.draw.polygon(
        c.points(
            (boat_x, boat_y), (boat_x + 0.16, boat_y), (boat_x + 0.13, boat_y + 0.04), (boat_x + 0.03, boat_y + 0.04)
        ),
        fill=(110, 70, 40),
    )
    c.draw.rectangle(c.box(boat_x + 0.05, boat_y - 0.05, boat_x + 0.11, boat_y), fill=(60, 90, 140))


def scene_meeting(c: Canvas, label: str) -> None:
    """A conference hall seen from the back rows: backdrop with the meeting's name, presidium, audience."""
    c.gradient(0, 1, hsv(0.08 + c.rng.uniform(-0.03, 0.03), 0.2, 0.85), hsv(0.08, 0.3, 0.55))
    blue = c.rng.random() < 0.3
    backdrop_color = hsv(0.6, 0.85, 0.5) if blue else shade(RED, c.rng.uniform(0.85, 1.05))
    text_color = WHITE if blue else YELLOW
    c.draw.rectangle(c.box(0.08, 0.06, 0.92, 0.5), fill=backdrop_color)
    c.draw.rectangle(c.box(0.08, 0.06, 0.92, 0.08), fill=YELLOW)
    c.draw.polygon(star_points(c.x(0.16), c.y(0.27), c.y(0.11)), fill=YELLOW)
    lines = [part.strip() for part in label.split("|")] if label else ["HỘI NGHỊ"]
    for index, line in enumerate(lines[:2]):
        c.text((0.54, 0.15 + index * 0.11 + (0.05 if len(lines) == 1 else 0)), line.upper(), text_color, 0.62, 0.07)
    c.draw.rectangle(c.box(0.0, 0.5, 1.0, 0.58), fill=(120, 75, 45))
    seats = c.rng.randint(4, 8)
    half = seats * 0.042
    c.draw.rectangle(c.box(0.5 - half - 0.03, 0.44, 0.5 + half + 0.03, 0.52), fill=(245, 245, 240))
    for seat in range(seats):
        person(c, 0.5 - half + 0.042 + seat * 0.084, 0.47, 0.1, (40, 45, 60), from_behind=False)
    c.draw.rectangle(c.box(0.5 - half - 0.03, 0.46, 0.5 + half + 0.03, 0.53), fill=(250, 250, 245))
    podium = c.rng.choice([0.12, 0.88])
    person(c, podium, 0.44, 0.12, (30, 35, 50), from_behind=False)
    c.draw.polygon(
        c.points((podium - 0.04, 0.42), (podium + 0.04, 0.42), (podium + 0.03, 0.56), (podium - 0.03, 0.56)),
        fill=(140, 90, 50),
    )
    c.draw.polygon(star_points(c.x(podium), c.y(0.47), c.y(0.025)), fill=YELLOW)
    for flower in range(18):
        fx = 0.1 + flower * 0.045
        c.draw.ellipse(c.box(fx, 0.545, fx + 0.03, 0.6), fill=hsv(c.rng.choice([0.0, 0.08, 0.14, 0.9]), 0.7, 0.95))
    rows = c.rng.randint(2, 3)
    for row in range(rows):
        base = 1.02 - (rows - 1 - row) * 0.13
        offset = 0.04 if row % 2 else 0.0
        for seat in range(11):
            if c.rng.random() < 0.12:
                continue  # an empty seat
            shirt = c.rng.choice([(245, 245, 245), (60, 80, 120), (40, 40, 45), (180, 40, 60), (90, 120, 160)])
            person(c, offset + 0.02 + seat * 0.095, base, 0.2 + row * 0.05, shirt)


def scene_classroom(c: Canvas, label: str) -> None:
    c.gradient(0, 0.7, hsv(0.13, 0.25, 0.95), hsv(0.12, 0.3, 0.85))
    c.gradient(0.7, 1, (170, 130, 90), (120, 85, 55))
    board = hsv(0.38 + c.rng.uniform(-0.03, 0.03), 0.5, 0.35)
    c.draw.rectangle(c.box(0.2, 0.08, 0.8, 0.45), fill=(120, 80, 40))
    c.draw.rectangle(c.box(0.215, 0.1, 0.785, 0.43), fill=board)
    c.text((0.5, 0.2), label or "Bài học hôm nay", WHITE, 0.52, 0.07)
    for line in range(3):
        width = c.rng.uniform(0.2, 0.45)
        c.draw.line(
            c.points((0.26, 0.3 + line * 0.04), (0.26 + width, 0.3 + line * 0.04)),
            fill=(220, 230, 220),
            width=c.y(0.006),
        )
    for wx in (0.03, 0.86):
        c.draw.rectangle(c.box(wx, 0.1, wx + 0.11, 0.45), fill=(200, 230, 250))
        c.draw.line(c.points((wx + 0.055, 0.1), (wx + 0.055, 0.45)), fill=(120, 80, 40), width=c.y(0.008))
    for row in range(2):
        base = 0.8 + row * 0.17
        for seat in range(6):
            x = 0.1 + seat * 0.16 + (0.04 if row else 0)
            person(c, x, base, 0.22, WHITE)
            c.draw.polygon(c.points((x - 0.012, base - 0.1), (x + 0.012, base - 0.1), (x, base - 0.06)), fill=RED)
        c.draw.rectangle(c.box(0, base - 0.01, 1, base + 0.03), fill=(150, 105, 60))


def scene_clinic(c: Canvas, label: str) -> None:
    horizon = 0.72
    sky(c, horizon)
    clouds(c, c.rng.randint(2, 4), 0.05, 0.25)
    wall = hsv(0.55 + c.rng.uniform(-0.05, 0.05), 0.12, 0.97)
    building(c, 0.15, 0.85, horizon, 0.28, wall)
    c.draw.rectangle(c.box(0.12, 0.24, 0.88, 0.29), fill=hsv(0.55, 0.5, 0.7))
    c.draw.rectangle(c.box(0.3, 0.1, 0.7, 0.22), fill=hsv(0.55, 0.6, 0.55))
    c.text((0.53, 0.16), label or "Trạm Y tế", WHITE, 0.32, 0.06)
    green = (30, 150, 80)
    c.draw.rectangle(c.box(0.32, 0.125, 0.34, 0.195), fill=green)
    c.draw.rectangle(c.box(0.313, 0.15, 0.347, 0.17), fill=green)
    c.draw.rectangle(c.box(0.45, 0.5, 0.55, horizon), fill=hsv(0.55, 0.3, 0.6))
    c.gradient(horizon, 1, (200, 195, 185), (160, 155, 145))
    for index in range(5):
        tree(c, 0.03 + index * 0.045, horizon + 0.02, 0.2, hsv(0.32, 0.6, 0.5))
    for index in range(c.rng.randint(3, 6)):
        person(c, 0.58 + index * 0.07, 0.97, 0.3, hsv(c.rng.random(), 0.45, 0.75))


def scene_digital(c: Canvas, label: str) -> None:
    hue = c.rng.uniform(0.55, 0.7)
    c.gradient(0, 1, hsv(hue, 0.8, 0.25), hsv(hue + 0.05, 0.7, 0.55))
    nodes = [(c.rng.uniform(0, 1), c.rng.uniform(0, 1)) for _ in range(40)]
    for ax, ay in nodes:
        for bx, by in nodes:
            if 0 < math.hypot(ax - bx, (ay - by) * 0.56) < 0.14:
                c.draw.line(c.points((ax, ay), (bx, by)), fill=hsv(hue, 0.4, 0.75), width=max(1, c.y(0.002)))
    for nx, ny in nodes:
        radius = c.rng.uniform(0.004, 0.01)
        c.draw.ellipse(
            (c.x(nx) - c.y(radius), c.y(ny - radius), c.x(nx) + c.y(radius), c.y(ny + radius)), fill=hsv(0.5, 0.3, 1.0)
        )
    c.draw.rounded_rectangle(c.box(0.38, 0.12, 0.62, 0.95), radius=c.y(0.04), fill=(25, 28, 35))
    c.draw.rounded_rectangle(c.box(0.395, 0.17, 0.605, 0.88), radius=c.y(0.015), fill=WHITE)
    qr_code(c, left=0.429, top=0.22, module=0.012)
    c.draw.rectangle(c.box(0.41, 0.55, 0.59, 0.6), fill=hsv(hue, 0.7, 0.8))
    c.draw.rectangle(c.box(0.41, 0.63, 0.56, 0.66), fill=(200, 200, 205))
    c.draw.rectangle(c.box(0.41, 0.69, 0.52, 0.72), fill=(200, 200, 205))
    if label:
        c.draw.rounded_rectangle(c.box(0.04, 0.06, 0.34, 0.2), radius=c.y(0.02), fill=RED)
        c.text((0.19, 0.13), label, WHITE, 0.27, 0.06)


def scene_festival(c: Canvas, label: str) -> None:
    horizon = 0.7
    sky(c, horizon)
    clouds(c, 2, 0.05, 0.2)
    roof = hsv(0.04, 0.6, 0.45)
    c.draw.rectangle(c.box(0.25, 0.45, 0.75, horizon), fill=(190, 60, 40))
    for column in range(6):
        cx0 = 0.27 + column * 0.09
        c.draw.rectangle(c.box(cx0, 0.47, cx0 + 0.025, horizon), fill=(120, 30, 20))
    temple_roof(c, 0.22, 0.78, 0.46, 0.3, roof)
    temple_roof(c, 0.3, 0.7, 0.3, 0.2, roof)
    if label:
        c.draw.rectangle(c.box(0.36, 0.36, 0.64, 0.43), fill=YELLOW)
        c.text((0.5, 0.395), label, RED, 0.26, 0.045)
    c.gradient(horizon, 1, (205, 180, 140), (170, 140, 100))
    for string in range(2):
        sag = 0.06 + string * 0.03
        for index in range(25):
            t = index / 24
            fx, fy = t, 0.08 + string * 0.12 + sag * 4 * t * (1 - t)
            color = RED if index % 2 == 0 else YELLOW
            c.draw.polygon(c.points((fx - 0.015, fy), (fx + 0.015, fy), (fx, fy + 0.05)), fill=color)
    for side in (0.08, 0.92):
        flag(c, side, 0.35, 0.3)
    for index in range(14):
        person(c, 0.03 + index * 0.072, 0.98 + c.rng.uniform(-0.02, 0.02), 0.26, hsv(c.rng.random(), 0.5, 0.8))


def scene_market(c: Canvas, label: str) -> None:
    c.gradient(0, 0.55, hsv(0.58, 0.3, 0.95), hsv(0.1, 0.2, 1.0))
    c.draw.rectangle(c.box(0.15, 0.04, 0.85, 0.16), fill=RED)
    c.text((0.5, 0.1), label or "Chợ phiên", YELLOW, 0.64, 0.07)
    c.gradient(0.55, 1, (190, 170, 140), (140, 120, 95))
    for stall in range(4):
        left = 0.02 + stall * 0.245
        hue = c.rng.random()
        for stripe in range(6):
            sx = left + stripe * 0.038
            c.draw.polygon(
                c.points((sx, 0.3), (sx + 0.038, 0.3), (sx + 0.045, 0.42), (sx + 0.007, 0.42)),
                fill=hsv(hue, 0.7, 0.9) if stripe % 2 else WHITE,
            )
        c.draw.rectangle(c.box(left + 0.01, 0.42, left + 0.225, 0.62), fill=(120, 85, 50))
        fruit = c.rng.choice([(196, 150, 70), (230, 120, 30), (120, 170, 60), (200, 40, 50)])
        for _ in range(40):
            fx = left + 0.03 + c.rng.uniform(0, 0.18)
            fy = 0.58 - c.rng.uniform(0, 0.08) * (1 - abs(fx - left - 0.12) * 6)
            radius = 0.009
            c.draw.ellipse(
                (c.x(fx) - c.y(radius), c.y(fy - radius), c.x(fx) + c.y(radius), c.y(fy + radius)),
                fill=shade(fruit, c.rng.uniform(0.8, 1.1)),
            )
    for index in range(9):
        person(c, 0.05 + index * 0.11 + c.rng.uniform(-0.02, 0.02), 0.99, 0.3, hsv(c.rng.random(), 0.5, 0.8))
        if c.rng.random() < 0.5:
            hx = 0.05 + index * 0.11
            c.draw.polygon(c.points((hx - 0.03, 0.79), (hx + 0.03, 0.79), (hx, 0.72)), fill=(236, 214, 160))


def scene_factory(c: Canvas, label: str) -> None:
    horizon = 0.66
    sky(c, horizon)
    clouds(c, c.rng.randint(2, 5), 0.05, 0.3)
    hue = c.rng.uniform(0.5, 0.65)
    for block in range(3):
        left = 0.05 + block * 0.31
        wall = hsv(hue, 0.15, 0.9 - block * 0.05)
        c.draw.rectangle(c.box(left, 0.38, left + 0.28, horizon), fill=wall)
        for tooth in range(5):
            tx = left + tooth * 0.056
            c.draw.polygon(c.points((tx, 0.38), (tx + 0.056, 0.38), (tx + 0.056, 0.31)), fill=hsv(hue, 0.5, 0.6))
        c.draw.rectangle(c.box(left + 0.02, 0.45, left + 0.26, 0.5), fill=hsv(hue, 0.4, 0.7))
        c.draw.rectangle(c.box(left + 0.1, 0.54, left + 0.18, horizon), fill=(110, 110, 115))
    if label:
        c.draw.rectangle(c.box(0.3, 0.18, 0.7, 0.27), fill=hsv(hue, 0.7, 0.45))
        c.text((0.5, 0.225), label, WHITE, 0.37, 0.05)
    c.gradient(horizon, 1, (150, 150, 150), (95, 95, 100))
    for panel in range(6):
        px = 0.04 + panel * 0.16
        c.draw.polygon(c.points((px, 0.9), (px + 0.13, 0.9), (px + 0.11, 0.78), (px + 0.02, 0.78)), fill=(40, 60, 110))
    truck_x = c.rng.uniform(0.1, 0.7)
    c.draw.rectangle(c.box(truck_x, 0.62, truck_x + 0.16, 0.72), fill=(235, 235, 235))
    c.draw.rectangle(c.box(truck_x + 0.16, 0.65, truck_x + 0.21, 0.72), fill=hsv(c.rng.random(), 0.6, 0.7))
    for wheel in (0.03, 0.13, 0.185):
        c.draw.ellipse(c.box(truck_x + wheel - 0.012, 0.71, truck_x + wheel + 0.012, 0.75), fill=(30, 30, 30))


def scene_construction(c: Canvas, label: str) -> None:
    horizon = 0.62
    sky(c, horizon)
    sun(c, c.rng.uniform(0.6, 0.9), 0.15, 0.05, (255, 240, 190), (255, 250, 230))
    building(c, 0.1, 0.3, horizon, 0.3, (200, 200, 195))
    c.draw.rectangle(c.box(0.35, 0.2, 0.55, horizon), outline=(120, 120, 120), width=c.y(0.006))
    for floor in range(6):
        fy = 0.2 + floor * (horizon - 0.2) / 6
        c.draw.line(c.points((0.35, fy), (0.55, fy)), fill=(140, 140, 140), width=c.y(0.006))
    crane_x = c.rng.uniform(0.6, 0.75)
    yellow = (240, 180, 20)
    c.draw.rectangle(c.box(crane_x, 0.1, crane_x + 0.015, horizon), fill=yellow)
    c.draw.rectangle(c.box(crane_x - 0.25, 0.1, crane_x + 0.12, 0.125), fill=yellow)
    c.draw.line(c.points((crane_x - 0.18, 0.125), (crane_x - 0.18, 0.35)), fill=(60, 60, 60), width=c.y(0.004))
    c.draw.rectangle(c.box(crane_x - 0.2, 0.35, crane_x - 0.16, 0.39), fill=(140, 90, 60))
    c.gradient(horizon, 1, (110, 110, 115), (70, 70, 75))
    c.draw.polygon(c.points((0.42, horizon), (0.58, horizon), (0.95, 1), (0.05, 1)), fill=(60, 60, 66))
    for dash in range(5):
        t = dash / 5
        top, bottom = horizon + (1 - horizon) * t, horizon + (1 - horizon) * (t + 0.1)
        c.draw.polygon(
            c.points(
                (0.498 - 0.01 * t, top),
                (0.502 + 0.01 * t, top),
                (0.505 + 0.012 * t, bottom),
                (0.495 - 0.012 * t, bottom),
            ),
            fill=WHITE,
        )
    for cone in range(5):
        cx0 = 0.15 + cone * 0.17
        c.draw.polygon(c.points((cx0 - 0.015, 0.95), (cx0 + 0.015, 0.95), (cx0, 0.87)), fill=(240, 110, 30))
    if label:
        c.draw.rectangle(c.box(0.04, 0.66, 0.3, 0.76), fill=(20, 90, 160))
        c.text((0.17, 0.71), label, WHITE, 0.24, 0.045)


def scene_sports(c: Canvas, label: str) -> None:
    horizon = 0.35
    sky(c, horizon)
    c.draw.rectangle(c.box(0, 0.2, 1, horizon), fill=(180, 185, 195))
    for row in range(3):
        for seat in range(40):
            c.draw.ellipse(
                c.box(seat / 40, 0.22 + row * 0.04, seat / 40 + 0.012, 0.245 + row * 0.04),
                fill=hsv(c.rng.random(), 0.5, 0.85),
            )
    c.gradient(horizon, 1, (190, 80, 60), (160, 60, 45))
    for lane in range(7):
        ly = horizon + 0.05 + lane * 0.09
        c.draw.line(c.points((0, ly), (1, ly + 0.05)), fill=WHITE, width=c.y(0.005))
    for runner in range(5):
        rx = c.rng.uniform(0.1, 0.85)
        ry = horizon + 0.12 + runner * 0.1
        shirt = hsv(c.rng.random(), 0.7, 0.85)
        c.draw.line(c.points((rx, ry), (rx - 0.02, ry + 0.07)), fill=(60, 40, 30), width=c.y(0.012))
        c.draw.line(c.points((rx, ry), (rx + 0.025, ry + 0.06)), fill=(60, 40, 30), width=c.y(0.012))
        person(c, rx, ry + 0.01, 0.14, shirt, from_behind=False)
    if label:
        c.draw.rectangle(c.box(0.25, 0.03, 0.75, 0.15), fill=RED)
        c.text((0.5, 0.09), label, YELLOW, 0.46, 0.06)


SCENES: dict[str, Callable[[Canvas, str], None]] = {
    "city": scene_city,
    "fields": scene_fields,
    "river": scene_river,
    "meeting": scene_meeting,
    "classroom": scene_classroom,
    "clinic": scene_clinic,
    "digital": scene_digital,
    "festival": scene_festival,
    "market": scene_market,
    "factory": scene_factory,
    "construction": scene_construction,
    "sports": scene_sports,
}


#: What each kind of illustration shows, for its alt text (the image's description): readers who
#: cannot see the picture hear what is drawn, and the words painted on it.
SCENE_DESCRIPTIONS: dict[str, str] = {
    "city": "Tranh minh họa một dãy phố: nhà cao tầng, hàng cây xanh và con đường trải nhựa",
    "fields": "Tranh minh họa cánh đồng lúa xanh, nông dân đội nón lá làm việc bên con đường đất",
    "river": "Tranh minh họa cây cầu dây văng bắc qua sông lúc mặt trời mọc, một chiếc thuyền nhỏ trên mặt nước",
    "meeting": "Tranh minh họa hội trường: đoàn chủ tịch trước phông nền có ngôi sao vàng, đại biểu ngồi kín bên dưới",
    "classroom": "Tranh minh họa lớp học: học sinh quàng khăn đỏ ngồi trước bảng đen",
    "clinic": "Tranh minh họa tòa nhà trạm y tế, người dân xếp hàng phía trước",
    "digital": "Tranh minh họa điện thoại thông minh hiển thị mã QR trên nền mạng lưới kết nối",
    "festival": "Tranh minh họa lễ hội trước mái đình, cờ Tổ quốc và cờ đuôi nheo, đông người tham dự",
    "market": "Tranh minh họa phiên chợ: sạp rau quả dưới mái che sọc, người mua đội nón lá",
    "factory": "Tranh minh họa dãy nhà xưởng mái răng cưa trong khu công nghiệp, xe tải chở hàng phía trước",
    "construction": "Tranh minh họa công trường: cần cẩu tháp, khung nhà đang xây và con đường mới với cọc tiêu",
    "sports": "Tranh minh họa đường chạy điền kinh, các vận động viên đang thi đấu trước khán đài",
}


#: The words some scenes paint when they are given none (scene_meeting, scene_classroom, scene_clinic…).
SCENE_DEFAULT_LABELS = {
    "meeting": "Hội nghị",
    "classroom": "Bài học hôm nay",
    "clinic": "Trạm Y tế",
    "market": "Chợ phiên",
}


def describe_scene(kind: str, label: str = "") -> str:
    """The alt text of an illustration: what is drawn, then the words painted on it (| breaks a line there)."""
    words = " ".join((label or SCENE_DEFAULT_LABELS.get(kind, "")).replace("|", " ").split())
    return f"{SCENE_DESCRIPTIONS[kind]}; dòng chữ “{words}”." if words else f"{SCENE_DESCRIPTIONS[kind]}."


def draw_scene(kind: str, seed: int, label: str = "", size: tuple[int, int] = PHOTO_SIZE) -> Image.Image:
    """One illustration; the same kind, seed and label always give the same picture."""
    canvas = Canvas(Image.new("RGB", (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), WHITE), random.Random(seed))
    SCENES[kind](canvas, label)
    return canvas.image.reduce(SUPERSAMPLE)  # box-filter averaging: smooth edges, far cheaper than LANCZOS


def draw_poster(kind: str, seed: int, size: tuple[int, int] = (1280, 720)) -> Image.Image:
    """A video poster: a scene, darkened at the edges, with a play button in the middle."""
    image = draw_scene(kind, seed, size=size)
    overlay = Image.new("RGB", size, (0, 0, 0))
    mask = Image.radial_gradient("L").resize(size)
    image = Image.composite(overlay, image, mask.point(lambda value: min(150, value)))
    draw = ImageDraw.Draw(image)
    cx, cy, radius = size[0] // 2, size[1] // 2, size[1] // 8
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=RED, outline=WHITE, width=radius // 12)
    draw.polygon(
        [(cx - radius * 0.35, cy - radius * 0.5), (cx - radius * 0.35, cy + radius * 0.5), (cx + radius * 0.55, cy)],
        fill=WHITE,
    )
    return image


def draw_emblem(size: int = 512) -> Image.Image:
    """A stylised emblem: red disc, gold ring, yellow star (not the national emblem's artwork)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = big * 0.02
    draw.ellipse((margin, margin, big - margin, big - margin), fill=(218, 165, 32, 255))
    inner = big * 0.07
    draw.ellipse((inner, inner, big - inner, big - inner), fill=(*RED, 255))
    ring = big * 0.1
    draw.ellipse((ring, ring, big - ring, big - ring), outline=(255, 215, 90, 255), width=max(2, big // 120))
    draw.polygon(star_points(big / 2, big * 0.52, big * 0.3), fill=(*YELLOW, 255))
    return image.reduce(SUPERSAMPLE)


def jpeg_bytes(image: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
