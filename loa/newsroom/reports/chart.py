"""Bar charts drawn on the server as inline SVG: no JavaScript, readable by screen readers.

The SVG carries a <title> and a <desc> that says every value, is labelled by
them (``role="img"``, ``aria-labelledby``), and each bar has its own <title>
(a tooltip on hover). Numbers are written the Vietnamese way (4.238). Colours
come from CSS classes so the admin's light and dark themes apply; the fill
attributes are only a fallback for the SVG on its own. ElementTree writes it,
so titles with "&" or "<" stay well-formed.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from loa.core.formats import vn_number

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 12, 24, 58
FONT_SIZE = 12
CHAR_WIDTH = 7  # average width of a digit or letter at FONT_SIZE, to decide what fits
TICKS = 4


@dataclass(frozen=True)
class Bar:
    label: str  # in the description and the tooltip: "03/2026"
    value: int
    tick: str = ""  # under the bar, if shorter than the label: "T3"

    @property
    def axis_label(self) -> str:
        return self.tick or self.label


def nice_ticks(maximum: int, count: int = TICKS) -> list[int]:
    """0 up to a round number at or above ``maximum``, in steps of 1, 2 or 5 × 10ⁿ (whole numbers)."""
    raw_step = max(maximum / count, 1)
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    top = max(step * math.ceil(maximum / step), step)
    return list(range(0, int(top) + 1, int(step)))


def _text(parent: ET.Element, x: float, y: float, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", x=f"{x:.1f}", y=f"{y:.1f}", **attrs)
    element.text = text
    return element


def bar_chart(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    unit: str,
    css_class: str = "",
) -> SafeString:
    """An SVG bar chart: ``unit`` names what a value counts ("lượt xem"), for each bar's tooltip."""
    svg = ET.Element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        role="img",
        id=chart_id,
        **{"aria-labelledby": f"{chart_id}-title {chart_id}-desc", "class": f"loa-chart {css_class}".strip()},
    )
    ET.SubElement(svg, "title", id=f"{chart_id}-title").text = title
    values = "; ".join(f"{bar.label}: {vn_number(bar.value)}" for bar in bars)
    ET.SubElement(svg, "desc", id=f"{chart_id}-desc").text = f"{description} {values}."

    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    baseline = TOP + plot_height
    ticks = nice_ticks(max((bar.value for bar in bars), default=0))
    scale = plot_height / ticks[-1]

    grid = ET.SubElement(svg, "g", {"class": "loa-chart__grid", "aria-hidden": "true"})
    for tick in ticks:
        y = baseline - tick * scale
        ET.SubElement(grid, "line", x1=str(LEFT), x2=str(WIDTH - RIGHT), y1=f"{y:.1f}", y2=f"{y:.1f}", stroke="#d9d9d9")
        _text(grid, LEFT - 8, y + FONT_SIZE / 3, vn_number(tick), **{"text-anchor": "end", "font-size": str(FONT_SIZE)})

    slot = plot_width / max(len(bars), 1)
    bar_width = min(slot * 0.64, 56)
    show_values = all(len(vn_number(bar.value)) * CHAR_WIDTH <= slot for bar in bars)
    widest = max((len(bar.axis_label) for bar in bars), default=1) + 1  # a character's room between labels
    label_every = max(1, math.ceil(len(bars) * widest * CHAR_WIDTH / plot_width))
    columns = ET.SubElement(svg, "g", {"class": "loa-chart__bars"})
    for index, bar in enumerate(bars):
        centre = LEFT + slot * (index + 0.5)
        height = bar.value * scale
        rect = ET.SubElement(
            columns,
            "rect",
            x=f"{centre - bar_width / 2:.1f}",
            y=f"{baseline - height:.1f}",
            width=f"{bar_width:.1f}",
            height=f"{height:.1f}",
            fill="#007d7e",
            **{"class": "loa-chart__bar"},
        )
        ET.SubElement(rect, "title").text = f"{bar.label}: {vn_number(bar.value)} {unit}"
        if show_values and bar.value:
            _text(
                columns,
                centre,
                baseline - height - 5,
                vn_number(bar.value),
                **{"text-anchor": "middle", "font-size": str(FONT_SIZE), "class": "loa-chart__value"},
            )
        if index % label_every == 0:
            _text(
                columns,
                centre,
                baseline + FONT_SIZE + 6,
                bar.axis_label,
                **{"text-anchor": "middle", "font-size": str(FONT_SIZE), "class": "loa-chart__tick"},
            )

    ET.SubElement(
        svg, "line", x1=str(LEFT), x2=str(WIDTH - RIGHT), y1=str(baseline), y2=str(baseline), stroke="#5c5c5c"
    ).set("class", "loa-chart__axis")
    _text(
        svg,
        LEFT + plot_width / 2,
        HEIGHT - 8,
        x_label,
        **{"text-anchor": "middle", "font-size": str(FONT_SIZE), "class": "loa-chart__axis-label"},
    )
    _text(
        svg,
        0,
        0,
        y_label,
        transform=f"translate(16 {TOP + plot_height / 2:.1f}) rotate(-90)",
        **{"text-anchor": "middle", "font-size": str(FONT_SIZE), "class": "loa-chart__axis-label"},
    )
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308 -- ElementTree escaped every text
