"""Figures with their unit and what they count: "over 45,000" personnel, "70%" approval,
"$1.4 billion". Years, dates, identifiers and bare small numbers are not quantities."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from declass.datafiles import load_yaml
from declass.read.quality import common_words

_NUM = re.compile(
    r"(?P<qual>\b(?:over|more than|about|approximately|nearly|almost|some|at least|up to|under|less than|fewer than|roughly|around|an estimated|estimated)\s+)?"
    r"(?P<cur>(?:US)?\$|USD\s?|€|£)?"
    r"(?<![\w./-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|[.,]\d|-\d)"
    r"(?P<pct>\s?%|\s+percent\b|\s+per\s?cent\b)?"
    r"(?P<mult>\s+(?:million|billion|thousand|trillion|hundred)\b)?",
    re.I,
)
_UNIT_AFTER = re.compile(r"\s+(?:(?:additional|more|new|other|armed|suspected|federal|military|[a-z]+-[a-z]+)\s+)*(?P<unit>[a-z][a-z-]{2,})", re.I)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    d = load_yaml("declass.extract", "data/quantities.yaml")
    return {
        "mult": {k: float(v) for k, v in d["multipliers"].items()},
        "units": frozenset(d["units"]),
        "ids": frozenset(str(w) for w in d["identifier_words"]),
        "not_units": frozenset(str(w) for w in d["not_units"]),
    }



def find(text: str, skip: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """``skip``: spans already read as something else (dates, redaction markers)."""
    out = []
    words = common_words()
    spans = sorted(skip)
    starts = [s for s, _ in spans]
    longest = max((e - s for s, e in spans), default=0)
    for m in _NUM.finditer(text):
        a, b = m.start("num"), m.end()
        if m.group("cur"):
            a = m.start("cur")
        if _overlaps(spans, starts, longest, a, b):
            continue
        prev = re.findall(r"[\w.#]+", text[max(0, a - 20) : a])
        if prev and prev[-1].lower().rstrip(".") in _data()["ids"]:
            continue  # "paragraph 3", "No. 12", "page 4": identifiers, not amounts
        raw = m.group("num")
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            continue
        if m.group("mult"):
            value *= _data()["mult"][m.group("mult").strip().lower()]
        elif not m.group("cur") and not m.group("pct") and (len(raw.replace(",", "")) > 9 or (raw.startswith("0") and len(raw) > 1)):
            continue  # an identifier or a time ("0730"), not an amount
        unit: str | None = None
        about: str | None = None
        if m.group("pct"):
            value /= 100.0
            unit = "share"
            after = re.findall(r"[\w'-]+", text[b : b + 80])[:7]
            about = " ".join(after) if after else None
        elif m.group("cur"):
            unit = "USD" if "$" in m.group("cur") or "USD" in m.group("cur").upper() else m.group("cur").strip()
        else:
            u = _UNIT_AFTER.match(text, b)
            if u and u.group("unit").lower() not in _data()["not_units"] and _countable(u.group("unit").lower(), words):
                unit = u.group("unit").lower()
            elif text[b : b + 1] == ")" or text[b : b + 2] == " )":
                # "(now numbering over 45,000)": the noun before the parenthesis
                head = text[max(0, a - 200) : a]
                paren = head.rfind("(")
                if paren >= 0:
                    before = re.findall(r"[A-Za-z-]+", head[:paren])
                    unit = before[-1].lower() if before else None
                    about = " ".join(before[-5:]) if before else None
            if unit is None:
                continue  # a bare number counts nothing we can name
            if 1900 <= value <= 2100 and "," not in raw and not m.group("qual"):
                continue  # a year
            if value < 2 and unit in words and not m.group("qual"):
                continue
        start = m.start() if m.group("qual") else a
        entry: dict[str, Any] = {"text": text[start:b].strip(), "value": value, "unit": unit, "start": start, "end": b}
        if about:
            entry["about"] = about
        out.append(entry)
    return out


def _overlaps(spans: list[tuple[int, int]], starts: list[int], longest: int, a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps one of ``spans`` (sorted; bisection, not a scan of them all)."""
    j = bisect.bisect_left(starts, b) - 1
    while j >= 0 and starts[j] >= a - longest:
        if spans[j][1] > a:
            return True
        j -= 1
    return False


def _countable(unit: str, words: frozenset[str]) -> bool:
    """A word that can follow a count: a known unit, or a common plural noun ("individuals")."""
    if unit in _data()["units"]:
        return True
    return unit in words and len(unit) > 3 and unit.endswith("s") and not unit.endswith(("ss", "us", "is"))
