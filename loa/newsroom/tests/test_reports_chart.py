"""The SVG bar chart on its own: round axis steps, escaping, crowded months."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from loa.newsroom.reports.chart import Bar, bar_chart, nice_ticks

SVG_NS = "{http://www.w3.org/2000/svg}"


def chart(bars: list[Bar], title: str = "Lượt xem theo tháng") -> ET.Element:
    svg = bar_chart(
        bars, chart_id="c", title=title, description="Mô tả:", x_label="Tháng", y_label="Lượt xem", unit="lượt xem"
    )
    return ET.fromstring(svg)


def test_axis_steps_are_round_and_cover_the_largest_value():
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(3) == [0, 1, 2, 3]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(4238) == [0, 2000, 4000, 6000]
    assert nice_ticks(1000) == [0, 500, 1000]


def test_axis_labels_use_vietnamese_thousands():
    svg = chart([Bar("01/2026", 4238), Bar("02/2026", 1200)])
    texts = [text.text for text in svg.iter(f"{SVG_NS}text")]
    assert "4.238" in texts and "6.000" in texts


def test_titles_are_escaped_and_stay_well_formed():
    svg = chart([Bar("<01/2026>", 1)], title='Tin "A & B" <mới>')
    assert svg.find(f"{SVG_NS}title").text == 'Tin "A & B" <mới>'


def test_many_months_thin_the_labels_and_drop_the_values():
    bars = [Bar(f"{month % 12 + 1:02d}/{2020 + month // 12}", 1_000_000 + month) for month in range(120)]
    svg = chart(bars)
    assert len(svg.findall(f".//{SVG_NS}rect")) == 120
    ticks = [text for text in svg.iter(f"{SVG_NS}text") if text.get("class") == "loa-chart__tick"]
    assert 5 < len(ticks) < 30
    assert not [text for text in svg.iter(f"{SVG_NS}text") if text.get("class") == "loa-chart__value"]


def test_zero_everywhere_still_draws_an_axis():
    svg = chart([Bar("01/2026", 0), Bar("02/2026", 0)])
    assert [rect.get("height") for rect in svg.iter(f"{SVG_NS}rect")] == ["0.0", "0.0"]
