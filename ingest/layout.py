"""Reading order of positioned text (OCR boxes, OFD text codes): lines top to bottom, each left to right."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A piece of text and its rectangle on the page; y grows downwards."""
    left: float
    top: float
    right: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1e-6)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Line:
    boxes: list[Box]
    top: float  # mean edges of its boxes, kept as it grows (a median would make a crafted page quadratic)
    bottom: float

    def takes(self, box: Box) -> bool:
        # A quarter of the line height as slack: skewed scans and mixed font sizes do not share exact baselines.
        slack = (self.bottom - self.top) * 0.25
        return self.top - slack <= box.middle <= self.bottom + slack

    def add(self, box: Box) -> None:
        n = len(self.boxes)
        self.top, self.bottom = (self.top * n + box.top) / (n + 1), (self.bottom * n + box.bottom) / (n + 1)
        self.boxes.append(box)


def reading_lines(boxes: list[Box]) -> list[str]:
    """The text of boxes as lines: a box whose vertical middle falls inside the line being built joins it."""
    lines: list[_Line] = []
    for box in sorted((b for b in boxes if b.text.strip()), key=lambda b: b.middle):
        if lines and lines[-1].takes(box):
            lines[-1].add(box)
        else:
            lines.append(_Line([box], box.top, box.bottom))
    return [_join(sorted(line.boxes, key=lambda b: b.left)) for line in lines]


def _join(line: list[Box]) -> str:
    """Pieces side by side are one run of text; a gap wider than two characters (table cells,
    a signature block) keeps a space."""
    out = line[0].text
    for before, box in zip(line, line[1:]):
        wide = box.left - before.right > 2 * min(before.height, box.height)
        out += (" " if wide and not out[-1:].isspace() else "") + box.text
    return out.strip()
