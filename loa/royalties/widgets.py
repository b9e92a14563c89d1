"""A number box that shows 1.5 and 60, not the database's 1.50 and 60.00."""

from __future__ import annotations

from decimal import Decimal

from django import forms


class PlainNumberInput(forms.NumberInput):
    def format_value(self, value):
        if isinstance(value, Decimal):
            value = format(value.normalize(), "f")
        return super().format_value(value)


def points_input() -> PlainNumberInput:
    return PlainNumberInput(attrs={"min": "0", "step": "0.1"})


def percent_input() -> PlainNumberInput:
    return PlainNumberInput(attrs={"min": "0", "max": "100", "step": "0.01"})


def multiplier_input() -> PlainNumberInput:
    return PlainNumberInput(attrs={"min": "0", "step": "1"})
