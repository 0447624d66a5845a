"""A mentee's goals as a list, from the goals and wishes they wrote in their application.

The agreement states those goals; at the end of the year each is rated again. People write
goals as bullet points, numbered lines or plain sentences, in Czech, German or English.
"""

from __future__ import annotations

import re

MAX_GOALS = 6
BULLET = re.compile(r"^\s*(?:[-–•*·]|\d+[.)])\s*")


def split_goals(text: str) -> list[str]:
    """Bullets or lines if the text has several; otherwise its sentences."""
    lines = [BULLET.sub("", line).strip() for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    if len(lines) <= 1:
        lines = [
            part.strip() for part in re.split(r"(?<=[.!?;])\s+", " ".join(lines)) if part.strip()
        ]
    return [line[:300] for line in lines[:MAX_GOALS]]
