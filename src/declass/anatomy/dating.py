"""When the document was written: the explicit date when there is one, otherwise a window
with its reasons (the latest dated mention in the text, the FOIA case year, the release date)."""

from __future__ import annotations

import re

from declass.anatomy.dates import MONTH_RE, MONTHS, textual
from declass.record import Record

_YEAR_MENTION = re.compile(r"\b(?:in|since|during|by|of|until|early|late|mid-?)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_MONTH_YEAR = re.compile(r"\b(?P<m>" + MONTH_RE + r")\.?,?\s+(?P<y>(?:19|20)\d\d)\b")
_MONTH_ONLY = re.compile(
    r"\b(?:(?:[Ii]n|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?)\s+)(?P<m>"
    + MONTH_RE
    + r")\b(?:\s+(?P<d>\d{1,2})\b)?(?!,?\s+(?:19|20)\d\d)"
    r"|\b(?P<m2>" + MONTH_RE + r")\s+(?P<d2>\d{1,2})\b(?!,?\s+(?:19|20)?\d\d\b)(?!\d)"
)


def read(rec: Record) -> None:
    d = rec.date
    explicit = rec.header.date
    if explicit:
        d.value = explicit[:10]
        d.earliest = d.latest = explicit[:10]
        d.basis.append(f"{rec.header.kind or 'header'} date: {explicit}")
        return
    # the latest the document can have been written
    latest: str | None = None
    case = rec.release.case_number or ""
    m = re.match(r"[A-Z]{1,2}-((?:19|20)\d\d)-", case)
    if m:
        latest = f"{m.group(1)}-12"
        d.basis.append(f"FOIA case {case} was opened in {m.group(1)}: the document existed by then")
    if rec.release.release_date and (latest is None or rec.release.release_date[:7] < latest):
        latest = rec.release.release_date[:7]
        d.basis.append(f"released {rec.release.release_date}")
    text = rec.text
    # the earliest: the latest dated mention in the text, no later than ``latest``
    mentions: list[tuple[str, str]] = []
    for _s, _e, v in textual(text):
        mentions.append((v, text[_s:_e]))
    for mm in _MONTH_YEAR.finditer(text):
        mentions.append((f"{mm.group('y')}-{MONTHS[mm.group('m')[:3].lower()]:02d}", mm.group(0)))
    for mm in _YEAR_MENTION.finditer(text):
        mentions.append((mm.group("y"), mm.group(0)))
    if latest:
        ref_year = int(latest[:4])
        for mm in _MONTH_ONLY.finditer(text):
            mon = mm.group("m") or mm.group("m2")
            if mon == "May" and not (mm.group("d") or mm.group("d2")):
                continue  # "may" the verb
            v = f"{ref_year}-{MONTHS[mon[:3].lower()]:02d}"
            mentions.append((v, mm.group(0).strip() + f" (year taken as {ref_year})"))
    usable = [(v, s) for v, s in mentions if latest is None or v[:7] <= latest]
    if usable:
        v, s = max(usable, key=lambda x: x[0])
        d.earliest = v[:7] if len(v) >= 7 else v
        d.basis.append(f"latest dated mention in the text: {s!r} -> {v}")
    d.latest = latest
    if d.earliest and d.latest and d.earliest[:7] == d.latest[:7] and len(d.earliest) >= 7:
        d.value = d.earliest
