"""Withheld spans: exemption codes printed in margins, glued to lines, or alone on a line.

Codes become redaction *sites* anchored in the reading order of the body; sites with no body
text between them are one withheld span (a damaged duplicate run such as ``1.4 1.4 B1`` above
``1.4(B) 1.4(C) 1.4(D) B1`` is the same box). Short junk beside a code run (``to rs``, ``æd``,
``|``) is OCR of the box edge and becomes noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from declass.anatomy import exemptions
from declass.anatomy.layout import Line
from declass.findings import Finding

_JUNK_MAX = 6


@dataclass(slots=True)
class Site:
    """Codes found at one place: after body line ``after_line`` (index into body), same line or not."""

    line: int  # raw line index where the codes are
    start: int  # raw offsets of the code text
    end: int
    raw: str
    codes: list[str]
    statutes: str
    glued: bool  # on the same line as body text
    page: int
    extra_raw: list[str] = field(default_factory=list)


def is_junk(s: str) -> bool:
    t = s.strip()
    return bool(t) and len(t) <= _JUNK_MAX and not re.search(r"\d{2}|[A-Z]{2}\b:", t)


def find_sites(
    raw: str, lines: list[Line], segs_by_line: list[list[tuple[int, int]]], trust_corrected: bool = True
) -> tuple[list[Site], list[Finding], set[int]]:
    """Scan the kept segments of each line for code runs. Returns sites, noise findings, and the
    set of (raw offset) starts of segments to drop from the body.

    A run made only of OCR-corrected codes ("BS", "BI", "b 4") counts only where codes are
    expected: ``trust_corrected`` (a release stamp was found) or an exact code elsewhere."""
    runs: dict[tuple[int, int], tuple[list[exemptions.CodeHit], str]] = {}
    candidates = exemptions.lines_maybe_coded(raw, [ln.start for ln in lines])
    for i in candidates:
        segs = segs_by_line[i]
        if segs:
            for a, b in segs:
                run = exemptions.code_run(raw[a:b])
                if run is not None:
                    runs[(a, b)] = run
    if not trust_corrected and not any(h.exact for hits, _ in runs.values() for h in hits):
        runs = {k: v for k, v in runs.items() if any(h.exact for h in v[0])}
    if trust_corrected:
        # codes glued to the end of a body line by a single space ("... the IDF general who 1.4(D)")
        for i in candidates:
            segs = segs_by_line[i]
            if segs and segs[-1] not in runs:
                a, b = segs[-1]
                cut = _glued_codes(raw[a:b])
                if cut is not None:
                    segs[-1:] = [(a, a + cut[0]), (a + cut[1], b)]
                    runs[(a + cut[1], b)] = cut[2]
    sites: list[Site] = []
    noise: list[Finding] = []
    drop: set[int] = set()
    code_lines: set[int] = set()
    for ln, segs in zip(lines, segs_by_line):
        kinds = ["code" if (a, b) in runs else "text" for a, b in segs]
        if "code" not in kinds:
            continue
        code_lines.add(ln.index)
        has_text = any(k == "text" and not is_junk(raw[a:b]) for k, (a, b) in zip(kinds, segs))
        for k, (a, b) in zip(kinds, segs):
            if k == "code":
                hits, statutes = runs[(a, b)]
                codes = sorted({c for h in hits for c in h.codes})
                sites.append(Site(ln.index, a, b, raw[a:b], codes, statutes, has_text, ln.page))
                drop.add(a)
        # junk segments next to codes on this line
        for i, (k, (a, b)) in enumerate(zip(kinds, segs)):
            if k == "text" and is_junk(raw[a:b]):
                near = (i + 1 < len(kinds) and kinds[i + 1] == "code") or (i > 0 and kinds[i - 1] == "code")
                if near and (i > 0 or len(segs) > 1):
                    noise.append(Finding("noise", raw[a:b], a, b, raw[a:b], "box-edge", page=ln.page))
                    drop.add(a)
    # a junk segment ending a line whose next non-blank line is a code run ("murder\tto rs\t")
    for ln, segs in zip(lines, segs_by_line):
        if ln.index in code_lines or len(segs) < 2:
            continue
        a, b = segs[-1]
        if not is_junk(raw[a:b]) or "\t" not in raw[segs[-2][1] : a]:
            continue
        j = ln.index + 1
        while j < len(lines) and not segs_by_line[j]:
            j += 1
        if j < len(lines) and j in code_lines and j - ln.index <= 2:
            noise.append(Finding("noise", raw[a:b], a, b, raw[a:b], "box-edge", page=ln.page))
            drop.add(a)
    return sites, noise, drop


_GLUED = re.compile(r"(?<=\S)(\s+)((?:[(\[]?(?:B[1-9]|1\.4\s?\([A-H]\)|25X[1-9]|\(b\)\s?\([1-9]\))[)\],]*\s?){1,4})$")


def _glued_codes(s: str) -> tuple[int, int, tuple[list[exemptions.CodeHit], str]] | None:
    """``"... who 1.4(D)"`` -> (end of the text, start of the codes, the code run)."""
    m = _GLUED.search(s)
    if m is None or m.start(1) < 12:
        return None
    run = exemptions.code_run(m.group(2).strip())
    if run is None or not all(h.exact and h.strong for h in run[0]):
        return None
    return m.start(1), m.start(2), run


_TERMINAL_CHARS = frozenset('.!?:;"”’)]')


def is_terminal(s: str) -> bool:
    """Does the line end a sentence (or a clause a box could follow)?"""
    t = s.rstrip()
    return bool(t) and t[-1] in _TERMINAL_CHARS
