"""Averages written the Vietnamese way (4,25), for the report screen."""

from __future__ import annotations


def vn_average(value: float | None) -> str:
    """4.25 → '4,25'; a dash when nothing was rated."""
    return "–" if value is None else f"{value:.2f}".replace(".", ",")
