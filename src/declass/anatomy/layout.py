"""The line model: raw text cut into lines with offsets, pages, and the pieces of each line
that survive furniture removal. Margin columns (tab or wide-space separated) become segments."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    index: int
    start: int  # raw offsets, without the newline
    end: int
    text: str
    page: int = 1
    keep: list[tuple[int, int]] = field(default_factory=list)  # raw spans kept after removal

    def kept_text(self, raw: str) -> str:
        return " ".join(raw[a:b] for a, b in self.keep)


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for i, chunk in enumerate(raw.split("\n")):
        lines.append(Line(i, pos, pos + len(chunk), chunk))
        pos += len(chunk) + 1
    return lines


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def apply_removals(lines: list[Line], removed: list[tuple[int, int]]) -> None:
    """Set each line's ``keep`` to its spans outside the removed ones (``removed`` merged, sorted)."""
    starts = [a for a, _ in removed]
    for ln in lines:
        if ln.text.isspace() or not ln.text:
            ln.keep = []  # a blank line keeps nothing
            continue
        if not removed or (removed[-1][1] <= ln.start) or (removed[0][0] >= ln.end):
            ln.keep = [(ln.start, ln.end)]
            continue
        keep: list[tuple[int, int]] = []
        cur = ln.start
        i = max(0, bisect.bisect_right(starts, ln.start) - 1)
        while i < len(removed) and removed[i][0] < ln.end:
            a, b = removed[i]
            if b > cur:
                if a > cur:
                    keep.append((cur, min(a, ln.end)))
                cur = max(cur, b)
            i += 1
        if cur < ln.end:
            keep.append((cur, ln.end))
        ln.keep = keep


_GAP = re.compile(r"\t+| {3,}")


def segments(raw: str, ln: Line) -> list[tuple[int, int]]:
    """Kept pieces of a line cut at tabs and runs of 3+ spaces (margin columns), trimmed."""
    out: list[tuple[int, int]] = []
    for a, b in ln.keep:
        cur = a
        for m in _GAP.finditer(raw, a, b):
            _add(raw, cur, m.start(), out)
            cur = m.end()
        _add(raw, cur, b, out)
    return out


def _add(raw: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and raw[s] in " \f\v":
        s += 1
    while e > s and raw[e - 1] in " \f\v":
        e -= 1
    if e > s:
        out.append((s, e))
