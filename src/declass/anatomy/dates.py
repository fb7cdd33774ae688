"""Date strings as printed on releases, read to ISO 8601 (a helper shared by recognizers)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"


def year4(y: str, pivot: int = 30) -> int:
    n = int(y)
    if len(y) <= 2:
        return 1900 + n if n > pivot else 2000 + n
    return n


def iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """ISO string at the precision given; ``None`` for an impossible date."""
    if not 1000 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        date(y, m, d)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def numeric(s: str, order: str = "MDY") -> str | None:
    """``03/08/2013`` (MDY), ``2006/11/01`` (YMD), ``07 31 2017``, ``10:21-2021`` (OCR)."""
    parts = re.findall(r"\d+", s)
    if len(parts) != 3:
        if len(parts) == 1 and len(parts[0]) == 8:  # 20130308
            p = parts[0]
            return iso(int(p[:4]), int(p[4:6]), int(p[6:]))
        return None
    if order == "YMD" or len(parts[0]) == 4:
        y, m, d = parts
    elif order == "DMY":
        d, m, y = parts
    else:
        m, d, y = parts
    return iso(year4(y), int(m), int(d))


_TEXT_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + MONTH_RE + r")\.?,?\s+(?P<y1>\d{4}|\d{2})"
    r"|(?P<m2>" + MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))\b",
    re.I,
)


def textual(s: str) -> list[tuple[int, int, str]]:
    """Dates written with a month name: ``19 March 1964``, ``December 4, 2009``, ``24 NOV 63``."""
    out = []
    for m in _TEXT_DATE.finditer(s):
        if m.group("m1"):
            mon, d, y = m.group("m1"), m.group("d1"), m.group("y1")
        else:
            mon, d, y = m.group("m2"), m.group("d2"), m.group("y2")
        v = iso(year4(y), MONTHS[mon[:3].lower()], int(d))
        if v:
            out.append((m.start(), m.end(), v))
    return out


_NUM_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?![\d/-])")


def any_date(s: str) -> str | None:
    """The first date in ``s`` in a usual form (textual first, then M/D/Y)."""
    t = textual(s)
    n = _NUM_DATE.search(s)
    if t and (not n or t[0][0] <= n.start()):
        return t[0][2]
    if n:
        return numeric(n.group(0), "MDY")
    return None
