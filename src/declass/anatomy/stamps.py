"""Release stamps and page furniture, from the patterns in ``data/stamps.yaml``.

Each match becomes a :class:`Finding` of kind ``stamp`` whose ``value`` holds the named groups
read to normal form (dates to ISO, numbers without OCR damage). A State status stamp also takes
the exemption codes printed after it, on its line or the next one, and records the junk between
(``STATE OF CARTE``) as noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from declass.anatomy import exemptions
from declass.anatomy.data import load_yaml
from declass.anatomy.dates import numeric
from declass.findings import Finding


@dataclass(frozen=True, slots=True)
class StampPattern:
    name: str
    kind: str
    agency: str | None
    regex: re.Pattern[str]
    furniture: bool
    date_order: str
    trigger: tuple[str, ...] = ()
    before: re.Pattern[str] | None = None
    require_before: bool = False
    fallback: bool = False  # kept only where no other pattern's match overlaps it


@lru_cache(maxsize=1)
def patterns() -> tuple[StampPattern, ...]:
    out = []
    for p in load_yaml("stamps.yaml")["patterns"]:
        out.append(
            StampPattern(
                p["name"],
                p["kind"],
                p.get("agency"),
                re.compile(p["regex"], re.M),
                bool(p.get("furniture", True)),
                p.get("date_order", "MDY"),
                tuple(p.get("trigger") or ()),
                re.compile(p["before"]) if p.get("before") else None,
                bool(p.get("require_before", False)),
                bool(p.get("fallback", False)),
            )
        )
    return tuple(out)


def _clean_doc(s: str) -> str:
    """``CO6131108``, ``CQ5285746`` -> ``C06131108``, ``C05285746``; ``05771423`` and ``006134372`` lost their C."""
    s = re.sub(r"\s", "", s).replace("(", "C")
    if len(s) == 9 and s[0] in "0OQ":
        s = "C" + s[1:]
    s = s[:1] + s[1:].replace("O", "0").replace("Q", "0")
    if len(s) == 8 and s.isdigit():
        s = "C" + s
    return s


def _clean_case(s: str) -> str:
    s = re.sub(r"\s", "", s)
    m = re.fullmatch(r"([A-Z]{1,2})-?(\d{4})-(\d{5})", s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.fullmatch(r"2(\d{4})-(\d{5})", s)  # "22014-20439": F- read as 2
    if m:
        return f"F-{m.group(1)}-{m.group(2)}"
    return s


def _value(p: StampPattern, m: re.Match[str]) -> dict[str, Any]:
    v: dict[str, Any] = {}
    for k, s in m.groupdict().items():
        if s is None:
            continue
        if k == "date":
            v[k] = numeric(s, p.date_order)
        elif k == "doc":
            v[k] = _clean_doc(s)
        elif k == "case":
            v[k] = _clean_case(s) if not s.upper().startswith("N") else re.sub(r"\s+", " ", s)
        elif k == "status":
            v[k] = load_yaml("stamps.yaml")["status_words"][s.upper()]
        elif k == "rdp":
            v[k] = re.sub(r"\s", "", s).replace("AO", "A0").upper()
            v[k] = "CIA" + v[k][3:]
        elif k == "marking":
            v[k] = "UNCLASSIFIED" if re.search(r"(?:UNC|ASS|IED|FIED)", s.upper()) else s.strip()
        else:
            v[k] = re.sub(r"\s+", " ", s).strip()
    return v


_LINE_END = re.compile(r"[^\n]*")
_COLUMN = re.compile(r"(?<![^\s])\S+(?: {1,2}\S+)*")  # a run of text with at most double spaces: one column


def scan(raw: str) -> tuple[list[Finding], list[Finding]]:
    """All stamps in ``raw``: (stamp findings, noise findings)."""
    found: list[Finding] = []
    noise: list[Finding] = []
    for p in patterns():
        if p.trigger and not any(t in raw for t in p.trigger):
            continue
        for m in p.regex.finditer(raw):
            start, end = m.start(), m.end()
            value = _value(p, m)
            if p.before is not None:
                # look back over the match's own line, or the line above when its line is blank so far
                window = raw.rfind("\n", max(0, start - 220), start) + 1
                if not raw[window:start].strip() and window > 0:
                    window = raw.rfind("\n", max(0, window - 221), window - 1) + 1
                window = max(window, start - 220)
                b = p.before.search(raw[window:start])
                if b is not None:
                    start = window + b.start()
                    value.update(_value(p, b))
                elif p.require_before:
                    continue
            if p.kind == "release-status" and p.name != "state-denied":
                end, codes, junk = _status_codes(raw, start, end)
                value["codes"] = codes
                noise.extend(j for j in junk if j.kind == "noise")
                for j in junk:
                    if j.kind == "stamp-continuation":  # the stamp's code list, wrapped to the next line
                        found.append(
                            Finding(
                                "stamp",
                                {"codes": value["codes"]},
                                j.start,
                                j.end,
                                j.raw,
                                p.name + "-wrap",
                                furniture=True,
                                extra={"kind": p.kind, "agency": p.agency},
                            )
                        )
            f = Finding("stamp", value, start, end, raw[start:end], p.name, furniture=p.furniture, extra={"kind": p.kind, "agency": p.agency})
            found.append(f)
    fallbacks = {n.name for n in patterns() if n.fallback}
    firm = [(f.start, f.end) for f in found if f.rule not in fallbacks]
    found = [f for f in found if f.rule not in fallbacks or all(f.end <= a or f.start >= b for a, b in firm)]
    # one stamp read by two patterns (a status and its continuation form) is kept once
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for f in found:
        if any(k.extra["kind"] == f.extra["kind"] and k.start <= f.start and f.end <= k.end for k in kept[-3:]):
            continue
        kept.append(f)
    return kept, noise


def _status_codes(raw: str, start: int, end: int) -> tuple[int, list[str], list[Finding]]:
    """Extend a status stamp over the codes printed after it (same line, else the next line)."""
    rest = _LINE_END.match(raw, end)
    assert rest
    line = rest.group(0)
    junk: list[Finding] = []
    hits = exemptions.find_codes(line)
    strong = [h for h in hits if h.strong]
    if strong:
        first = min(h.start for h in hits if h.codes or h.strong)
        last = max(h.end for h in hits)
        tail = line[last:]
        run = exemptions.code_run(line[first:last] + tail.rstrip()) if tail.strip() and len(tail.strip()) < 40 else None
        if run is not None:
            last = len(line.rstrip())
        gap = line[:first]
        if gap.strip() and not exemptions.code_run(gap.strip()):
            if len(gap.strip()) <= 30:
                s = end + len(gap) - len(gap.lstrip())
                junk.append(Finding("noise", gap.strip(), s, s + len(gap.strip()), gap.strip(), "stamp-junk"))
            else:
                return end, [], junk
        codes = exemptions.normalise(line[first:last])
        stop = end + last
        if line[:last].rstrip().endswith((",", "CIA", "B3")):
            # the list wraps: "RELEASE IN PART B1,1.4(D),B3 CIA" / "PERS/ORG,B6" in the same column
            line_start = raw.rfind("\n", 0, end) + 1
            cols = (end + first - line_start, start - line_start)  # under the codes or under the stamp
            nl = end + len(line)
            nxt_end = raw.find("\n", nl + 1)
            nxt_end = len(raw) if nxt_end == -1 else nxt_end
            for seg in _COLUMN.finditer(raw, nl + 1, nxt_end):
                if min(abs(seg.start() - (nl + 1) - c) for c in cols) <= 12 and exemptions.code_run(seg.group(0)):
                    codes = exemptions.sort_codes(set(codes) | set(exemptions.normalise(seg.group(0))))
                    continuation = Finding("stamp-continuation", seg.group(0), seg.start(), seg.end(), seg.group(0), "stamp-wrap")
                    junk.append(continuation)
                    break
        return stop, codes, junk
    if line.strip():
        return end, [], junk
    # nothing after the stamp on its line: a code run alone on the next line belongs to it
    nxt = re.compile(r"\n[^\S\n]*([^\n]*)").match(raw, end + len(line))
    if nxt and nxt.group(1).strip():
        cand = nxt.group(1).rstrip()
        if exemptions.code_run(cand.strip()) and not re.match(r"\s*(?:IN\s+)?PART", cand):
            return nxt.start(1) + len(cand), exemptions.normalise(cand), junk
    return end, [], junk
