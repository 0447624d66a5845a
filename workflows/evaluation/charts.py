"""Bar charts as data for the SVG templates (templates/evaluation/includes/bars.svg)."""

from __future__ import annotations

from dataclasses import dataclass

BAR_WIDTH = 260  # px of the longest bar


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    width: int
    y: int


def bars(distribution: list[tuple[int | str, int]], *, row: int = 22) -> list[Bar]:
    """One bar per value, scaled to the largest count (SVG coordinates)."""
    top = max((count for _value, count in distribution), default=0) or 1
    return [
        Bar(str(value), count, round(BAR_WIDTH * count / top), index * row)
        for index, (value, count) in enumerate(distribution)
    ]


def height(drawn: list[Bar], *, row: int = 22) -> int:
    return len(drawn) * row + 6
