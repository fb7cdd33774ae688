"""Every date expression in the text, resolved against the document's own date.

"On March 13" in a document written in 2010 is 2010-03-13; "In August" is 2010-08 (precision
month); "June 1994" is 1994-06. A month later than the document's date belongs to the year
before. Each date keeps its span and precision (day, month, year)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from declass.anatomy.dates import MONTH_RE, MONTHS, iso, year4
from declass.record import Record


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO at its precision: YYYY, YYYY-MM, YYYY-MM-DD
    precision: str  # year | month | day
    inferred_year: bool  # the year came from the document's date


_PATTERNS = [
    # 13 March 2010, March 13, 2010, March 13 2010
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>" + MONTH_RE + r")\.?,?\s+(?P<y>(?:1[89]|20)\d\d)\b")),
    ("mdy", re.compile(r"\b(?P<m>" + MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:1[89]|20)\d\d)\b")),
    # 03/13/2010, 2010-03-13
    ("num", re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])")),
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])")),
    # June 1994, mid-June 1994
    ("my", re.compile(r"\b(?P<m>" + MONTH_RE + r")\.?,?\s+(?P<y>(?:1[89]|20)\d\d)\b")),
    # March 13, On March 13 (no year)
    ("md", re.compile(r"\b(?P<m>" + MONTH_RE + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)?\d\d\b)(?![\d/:])")),
    ("dm", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>" + MONTH_RE + r")\b(?!\.?,?\s+(?:19|20)?\d\d)")),
    # In August, since June, in early May (a month alone needs a preposition before it)
    (
        "m",
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?|[Ss]ince\s+early|[Ss]ince\s+late|[Ii]n\s+early|[Ii]n\s+late|[Ii]n\s+mid-?)\s*(?P<m>"
            + MONTH_RE
            + r")\b(?![\s.,]*\d)"
        ),
    ),
    # in 1994, since 2006
    (
        "y",
        re.compile(
            r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hrough|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]efore|[Aa]fter)\s+(?P<y>(?:1[89]|20)\d\d)\b(?!\s*[-/]\d)"
        ),
    ),
]


def reference(rec: Record) -> str | None:
    """The date the document speaks from: its own date, else the latest of its window."""
    d = rec.date
    return d.value or d.latest or d.earliest or rec.header.date or None


def find(text: str, ref: str | None) -> list[DateMention]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    ref_y = int(ref[:4]) if ref else None
    ref_m = int(ref[5:7]) if ref and len(ref) >= 7 else 12
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            a, b = m.span()
            if any(a < e and s < b for s, e in taken):
                continue
            g = m.groupdict()
            mon_s = g.get("m")
            if kind in ("num", "iso"):
                mon = int(mon_s or 0)
            else:
                mon = MONTHS[mon_s[:3].lower()] if mon_s else 0
            if kind in ("m", "md", "dm") and mon_s and mon_s.lower() in ("may", "march") and kind == "m" and mon_s[0].islower():
                continue
            if mon_s == "May" and kind == "m" and not re.match(r"\s*(?:[,.;]|$|\d)", text[b : b + 3]):
                continue  # "in May he" is a date; "may" the verb is lower case
            day = int(g["d"]) if g.get("d") else None
            inferred = False
            if g.get("y"):
                year = year4(g["y"])
            else:
                if ref_y is None:
                    continue  # no year and nothing to take it from
                year = ref_y
                if mon and mon > ref_m:
                    year -= 1  # "In August" in a document of March is last August
                inferred = True
            value = iso(year, mon or None, day)
            if value is None:
                continue
            # keep only the date words, not the preposition before them
            lead = re.match(r"(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hrough|[Bb]efore|[Aa]fter|[Oo]n)\s+", text[a:b])
            if lead and kind in ("m", "y"):
                a += lead.end()
            precision = "day" if day else ("month" if mon else "year")
            out.append(DateMention(a, b, text[a:b], value, precision, inferred))
            taken.append((a, b))
    out.sort(key=lambda d: d.start)
    return out
