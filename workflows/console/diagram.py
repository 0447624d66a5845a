"""Draw a :class:`~workflows.engine.machine.Machine` as SVG, from the same table the engine runs.

Pure Python, no JavaScript or external service: states are laid out in columns by their
distance from the initial state, transitions are arrows labelled with their (translated) name.
The SVG carries a ``<title>`` and ``<desc>`` and each state and arrow its own ``<title>``, and
:func:`transition_rows` gives the same information as a table for screen readers.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from xml.sax.saxutils import escape

from workflows.engine.machine import Machine, Transition

NODE_HEIGHT = 44
COLUMN_GAP = 110
ROW_GAP = 36
MARGIN = 30
CHAR_WIDTH = 7.2
#: A transition from more sources than this (e.g. "withdraw") is drawn dashed, labelled once.
MANY_SOURCES = 3


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float

    @property
    def left(self) -> tuple[float, float]:
        return self.x, self.y + NODE_HEIGHT / 2

    @property
    def right(self) -> tuple[float, float]:
        return self.x + self.width, self.y + NODE_HEIGHT / 2


def columns(machine: Machine) -> dict[str, int]:
    """Each state's column: its breadth-first distance from the initial state; final states
    reached from many places go to the last column so the arrows into them stay short."""
    depth = {machine.initial: 0}
    queue = deque([machine.initial])
    while queue:
        key = queue.popleft()
        for transition in machine.transitions_from(key):
            if transition.target not in depth:
                depth[transition.target] = depth[key] + 1
                queue.append(transition.target)
    last = max(depth.values(), default=0)
    for state in machine.states:
        depth.setdefault(state.key, last + 1)  # unreachable: shown apart, at the end
        incoming = sum(len(t.sources) for t in machine.transitions if t.target == state.key)
        if state.is_final and incoming > MANY_SOURCES:
            depth[state.key] = last + 1
    return depth


def layout(machine: Machine) -> dict[str, Box]:
    width = max(140, max(len(str(s.label)) for s in machine.states) * CHAR_WIDTH + 24)
    by_column: dict[int, list[str]] = defaultdict(list)
    for state in machine.states:
        by_column[columns(machine)[state.key]].append(state.key)
    boxes = {}
    for column, keys in by_column.items():
        for row, key in enumerate(keys):
            boxes[key] = Box(
                MARGIN + column * (width + COLUMN_GAP),
                MARGIN + row * (NODE_HEIGHT + ROW_GAP),
                width,
            )
    return boxes


def _edge(source: Box, target: Box, offset: int) -> tuple[str, tuple[float, float]]:
    """A path from source to target and a point for its label."""
    if target.x > source.x:
        (x1, y1), (x2, y2) = source.right, target.left
        bend = (x2 - x1) / 2
        path = (
            f"M{x1:.0f},{y1:.0f} C{x1 + bend:.0f},{y1:.0f} "
            f"{x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
        )
        return path, ((x1 + x2) / 2, (y1 + y2) / 2 - 4 + offset * 12)
    if target.x == source.x:
        # Same column: bulge out to the right of the column.
        (x1, y1), (x2, y2) = source.right, target.right
        out = x1 + 40 + offset * 14
        path = f"M{x1:.0f},{y1:.0f} C{out:.0f},{y1:.0f} {out:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
        return path, (out - 6, (y1 + y2) / 2 + 4)
    # Back arrows loop under the boxes.
    x1, y1 = source.x + source.width / 2, source.y + NODE_HEIGHT
    x2, y2 = target.x + target.width / 2, target.y + NODE_HEIGHT
    low = max(y1, y2) + 30 + offset * 14
    path = f"M{x1:.0f},{y1:.0f} C{x1:.0f},{low:.0f} {x2:.0f},{low:.0f} {x2:.0f},{y2:.0f}"
    return path, ((x1 + x2) / 2, low - 6)


def render_svg(machine: Machine) -> str:
    """The machine as a standalone, accessible SVG string (safe to inline in HTML)."""
    boxes = layout(machine)
    width = max(b.x + b.width for b in boxes.values()) + MARGIN
    height = max(b.y for b in boxes.values()) + NODE_HEIGHT + MARGIN + 80
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-labelledby="wf-{machine.name}-title wf-{machine.name}-desc" '
        f'class="workflow-diagram" font-family="sans-serif" font-size="12">',
        f'<title id="wf-{machine.name}-title">{escape(str(machine.label))}</title>',
        f'<desc id="wf-{machine.name}-desc">{escape(describe(machine))}</desc>',
        '<defs><marker id="wf-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#555"/></marker></defs>',
    ]
    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    for transition in machine.transitions:
        many = len(transition.sources) > MANY_SOURCES
        for index, source in enumerate(transition.sources):
            pair = (source, transition.target)
            path, (lx, ly) = _edge(boxes[source], boxes[transition.target], pair_count[pair])
            pair_count[pair] += 1
            dash = ' stroke-dasharray="4 3"' if many else ""
            out.append(
                f'<g class="wf-transition" data-transition="{transition.name}">'
                f"<title>{escape(_edge_title(machine, transition, source))}</title>"
                f'<path d="{path}" fill="none" stroke="#555" stroke-width="1.3"{dash} '
                'marker-end="url(#wf-arrow)"/>'
            )
            if many and index == 0:
                target = boxes[transition.target]
                lx, ly = target.x + target.width / 2, target.y - 8
            if not many or index == 0:
                out.append(
                    f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" fill="#222" '
                    'stroke="#fff" stroke-width="3" paint-order="stroke">'
                    f"{escape(str(transition.label))}</text>"
                )
            out.append("</g>")
    for state in machine.states:
        box = boxes[state.key]
        fill = "#e8f1fb" if state.key == machine.initial else "#f4f4f4"
        if state.is_final:
            fill = "#fdf0e6"
        border = ' stroke-width="3"' if state.is_final else ' stroke-width="1.5"'
        out.append(
            f'<g class="wf-state" data-state="{state.key}">'
            f"<title>{escape(str(state.label))}</title>"
            f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.width:.0f}" '
            f'height="{NODE_HEIGHT}" rx="8" fill="{fill}" stroke="#333"{border}/>'
            f'<text x="{box.x + box.width / 2:.0f}" y="{box.y + NODE_HEIGHT / 2 + 4:.0f}" '
            f'text-anchor="middle" fill="#111">{escape(str(state.label))}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _edge_title(machine: Machine, transition: Transition, source: str) -> str:
    return (
        f"{transition.label}: {machine.state(source).label} → "
        f"{machine.state(transition.target).label}"
    )


def describe(machine: Machine) -> str:
    """One sentence per transition, for the SVG's description."""
    return " ".join(
        f"{t.label}: {', '.join(str(machine.state(s).label) for s in t.sources)} → "
        f"{machine.state(t.target).label}."
        for t in machine.transitions
    )


def transition_rows(machine: Machine) -> list[dict]:
    """The machine as table rows (the accessible twin of the diagram)."""
    return [
        {
            "name": t.name,
            "label": t.label,
            "sources": [machine.state(s).label for s in t.sources],
            "target": machine.state(t.target).label,
            "roles": [machine.role_label(role) for role in sorted(t.roles)],
            "effects": t.effects,
            "comment_required": t.comment_required,
            "guards": [
                g.__doc__.strip().splitlines()[0] if g.__doc__ else g.__name__ for g in t.guards
            ],
        }
        for t in machine.transitions
    ]
