"""Draw the three demo clips frame by frame with Pillow and encode them with ffmpeg.

Run once by a developer, not at load time: the MP4 files it writes are shipped
in `loa/core/demo/videos/` so that loading the demo needs neither ffmpeg nor a
network. H.264 (Main profile, yuv420p, +faststart) plays in every current
browser, including Debian's Chromium used by the browser tests.

    .venv/bin/python -m loa.core.demo.make_videos
"""

from __future__ import annotations

import math
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from .images import WHITE, Canvas, building, hsv, mix, sun, tree_line

VIDEO_DIR = Path(__file__).resolve().parent / "videos"
WIDTH, HEIGHT = 640, 360
FPS = 25
SECONDS = 8
SUPERSAMPLE = 2


def _canvas(seed: int) -> Canvas:
    return Canvas(Image.new("RGB", (WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE), WHITE), random.Random(seed))


def river_dawn(t: float, seed: int) -> Image.Image:
    """Dawn over the river: the sky brightens, the sun rises and a boat crosses."""
    c = _canvas(seed)
    horizon = 0.5
    c.gradient(0, horizon, mix((30, 40, 90), (110, 170, 230), t), mix((240, 120, 80), (255, 225, 170), t))
    sun(c, 0.65, horizon + 0.05 - 0.3 * t, 0.07, (255, 220, 140), mix((240, 140, 90), (255, 235, 190), t))
    tree_line(c, horizon, mix((20, 35, 30), (45, 90, 55), t))
    c.gradient(horizon, 1.0, mix((70, 60, 90), (120, 170, 200), t), mix((20, 30, 60), (40, 80, 120), t))
    for index in range(45):
        row = c.rng.uniform(horizon + 0.02, 0.98)
        x = (c.rng.uniform(0, 1) + t * 0.1 * (1 + index % 3)) % 1.0
        length = 0.02 + 0.08 * (row - horizon)
        c.draw.line(c.points((x, row), (x + length, row)), fill=mix((200, 150, 130), (230, 240, 250), t), width=2)
    boat = -0.2 + 1.3 * t
    c.draw.polygon(
        c.points((boat, 0.78), (boat + 0.16, 0.78), (boat + 0.13, 0.82), (boat + 0.03, 0.82)), fill=(60, 40, 30)
    )
    c.draw.rectangle(c.box(boat + 0.05, 0.73, boat + 0.11, 0.78), fill=(50, 60, 80))
    return c.image


def rice_wind(t: float, seed: int) -> Image.Image:
    """Wind over a rice field: bands ripple, clouds drift and birds fly across."""
    c = _canvas(seed)
    horizon = 0.42
    c.gradient(0, horizon, (90, 160, 225), (215, 235, 250))
    for index in range(4):
        cx = (index * 0.3 + t * 0.08 * (1 + index % 2)) % 1.2 - 0.1
        cy = 0.08 + 0.06 * index % 0.25
        for puff in range(5):
            px = cx + (puff - 2) * 0.03
            c.draw.ellipse(c.box(px - 0.04, cy - 0.05, px + 0.04, cy + 0.03), fill=(250, 250, 252))
    tree_line(c, horizon, (40, 90, 50))
    bands = 12
    for band in range(bands):
        top = horizon + (1 - horizon) * (band / bands) ** 1.5
        bottom = horizon + (1 - horizon) * ((band + 1) / bands) ** 1.5
        wave = 0.5 + 0.5 * math.sin(band * 0.9 - t * 2 * math.pi * 2)
        c.draw.rectangle(c.box(0, top, 1, bottom), fill=hsv(0.2 + 0.04 * wave, 0.75, 0.55 + 0.35 * wave))
    for bird in range(5):
        bx = -0.1 + 1.2 * t + bird * 0.04
        by = 0.15 + 0.03 * math.sin(bird + t * 20) + bird * 0.02
        flap = 0.015 * math.sin(t * 60 + bird)
        c.draw.line(c.points((bx - 0.015, by - flap), (bx, by), (bx + 0.015, by - flap)), fill=(40, 40, 40), width=3)
    return c.image


def city_lights(t: float, seed: int) -> Image.Image:
    """Dusk in town: the sky darkens, windows light up one by one and cars pass."""
    c = _canvas(seed)
    horizon = 0.68
    c.gradient(0, horizon, mix((90, 140, 210), (15, 20, 50), t), mix((250, 180, 120), (60, 50, 90), t))
    layout = random.Random(seed)
    x = 0.0
    while x < 1.0:
        width = layout.uniform(0.07, 0.14)
        top = layout.uniform(0.2, 0.55)
        wall = mix(hsv(layout.random(), 0.15, 0.8), (40, 45, 60), t)
        building(c, x, x + width, horizon, top, wall)
        columns, rows = max(2, int(width / 0.022)), max(2, int((horizon - top) / 0.05))
        for row in range(rows):
            for column in range(columns):
                if layout.random() < t * 1.2:
                    wx = x + width * (column + 0.25) / columns
                    wy = top + (horizon - top) * (row + 0.2) / rows
                    c.draw.rectangle(
                        c.box(wx, wy, wx + width * 0.5 / columns, wy + (horizon - top) * 0.5 / rows),
                        fill=(255, 220, 130),
                    )
        x += width + 0.01
    c.gradient(horizon, 1, mix((110, 110, 115), (40, 40, 48), t), (30, 30, 36))
    for car in range(6):
        direction = 1 if car % 2 else -1
        lane = 0.78 if direction == 1 else 0.88
        cx = (car * 0.37 + direction * t * 0.9) % 1.3 - 0.15
        c.draw.rounded_rectangle(c.box(cx, lane - 0.04, cx + 0.1, lane), radius=6, fill=hsv(car / 6, 0.6, 0.7))
        light = (255, 245, 200) if direction == 1 else (230, 40, 40)
        front = cx + 0.1 if direction == 1 else cx
        c.draw.ellipse(c.box(front - 0.008, lane - 0.025, front + 0.008, lane - 0.01), fill=light)
    return c.image


CLIPS: dict[str, Callable[[float, int], Image.Image]] = {
    "binh-minh-tren-song.mp4": river_dawn,
    "lua-ngoai-thanh.mp4": rice_wind,
    "pho-len-den.mp4": city_lights,
}


def encode(name: str, draw: Callable[[float, int], Image.Image], seed: int = 7) -> Path:
    target = VIDEO_DIR / name
    command = [
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-s",
        f"{WIDTH}x{HEIGHT}",
        "-r",
        str(FPS),
        "-i",
        "-",
        "-c:v",
        "libx264",
        "-preset",
        "slow",
        "-profile:v",
        "main",
        "-pix_fmt",
        "yuv420p",
        "-crf",
        "28",
        "-movflags",
        "+faststart",
        "-an",
        str(target),
    ]
    frames = FPS * SECONDS
    with subprocess.Popen(command, stdin=subprocess.PIPE) as process:
        assert process.stdin is not None
        for index in range(frames):
            frame = draw(index / (frames - 1), seed).resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
            process.stdin.write(frame.tobytes())
        process.stdin.close()
    if process.returncode:
        raise RuntimeError(f"ffmpeg failed for {name}")
    return target


def main() -> None:
    VIDEO_DIR.mkdir(exist_ok=True)
    for name, draw in CLIPS.items():
        path = encode(name, draw)
        print(f"{path.name}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
