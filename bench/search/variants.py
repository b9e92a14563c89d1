"""Bench-only variants of the slow parts of Loa's search (placeholder)."""

from __future__ import annotations


def measure_variants(texts: list[str], result: dict, reps: int) -> dict:
    return {}


def report(variants: dict) -> list[str]:
    return []
