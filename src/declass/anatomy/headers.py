"""Headers: the top message of an e-mail thread, cables, memos and NARA identification forms;
classification blocks (Classified by / Reason / Derived from / Declassify on) and portion marks.

Everything here reads the clean text, so furniture and margin codes are already gone."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.anatomy import exemptions, markings
from declass.anatomy.data import load_yaml
from declass.anatomy.dates import MONTH_RE, MONTHS, any_date, iso, numeric, year4
from declass.record import Portion, Record

_MARK = re.compile(r"\s*\[REDACTED\]\s*")


@lru_cache(maxsize=1)
def _labels() -> dict[str, re.Pattern[str]]:
    data = load_yaml("headers.yaml")
    out = {}
    for kind in ("email", "memo", "cable", "form"):
        alts = []
        for fieldname, labels in data[kind].items():
            for lab in sorted(labels, key=len, reverse=True):
                alts.append((fieldname, lab))
        # one group per field; the label, then ":" or ";" or spaces, then the value
        ws = r"[^\S\n]+"
        pat = "|".join(f"(?P<{f}_{i}>{re.escape(lab).replace(chr(92) + ' ', ws)})" for i, (f, lab) in enumerate(alts))
        flags = 0 if kind == "cable" else re.I
        out[kind] = re.compile(r"^[^\S\n]*(?:" + pat + r")[^\S\n]*(?:[:;.][^\S\n]*|[^\S\n]+|$)(?P<value>[^\n]*)$", re.M | flags)
    return out


def _fields(kind: str, text: str, limit: int) -> list[tuple[str, str, int, int]]:
    """(field, value, start, end) for each labelled line in the first ``limit`` characters."""
    out = []
    for m in _labels()[kind].finditer(text, 0, min(len(text), limit)):
        name = next(k for k, v in m.groupdict().items() if v is not None and k != "value")
        out.append((name.rsplit("_", 1)[0], m.group("value").strip(), m.start(), m.end()))
    return out


def _clean(v: str) -> str:
    v = _MARK.sub(" ", v)
    return re.sub(r"\s+", " ", v).strip(" ;,")


def _people(v: str) -> list[str]:
    v = _clean(v)
    if not v:
        return []
    parts = [p.strip() for p in re.split(r";|\s{2,}", v) if p.strip()]
    return parts


# ----- dates as headers print them
_SENT = re.compile(
    r"(?:\w+,?\s+)?(?P<mon>" + MONTH_RE + r")\.?\s+(?P<d>\d{1,2}),?\s*(?P<y>\d{4})(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[AP]\.?M\.?)?)?"
    r"|(?:\w{3}\s+)?(?P<mon2>" + MONTH_RE + r")\s+(?P<d2>\d{1,2})\s+(?P<h2>\d{1,2}):(?P<mi2>\d{2}):\d{2}\s+(?P<y2>\d{4})",
    re.I,
)


def header_date(v: str) -> str | None:
    m = _SENT.search(v)
    if m:
        if m.group("mon"):
            day = iso(int(m.group("y")), MONTHS[m.group("mon")[:3].lower()], int(m.group("d")))
            h, mi, ap = m.group("h"), m.group("mi"), m.group("ap")
        else:
            day = iso(int(m.group("y2")), MONTHS[m.group("mon2")[:3].lower()], int(m.group("d2")))
            h, mi, ap = m.group("h2"), m.group("mi2"), None
        if day and h:
            hh = int(h) % 12 + (12 if ap and ap.upper().startswith("P") else 0) if ap else int(h)
            if hh < 24:
                return f"{day}T{hh:02d}:{mi}"
        return day
    return any_date(v) or (numeric(v) if re.search(r"\d", v) else None)


_DTG = re.compile(r"\b(?P<d>\d{2})(?P<h>\d{2})(?P<mi>\d{2})Z\s+(?P<mon>" + MONTH_RE + r")\s+(?P<y>\d{2,4})\b", re.I)


def read(rec: Record) -> None:
    text = rec.text
    h = rec.header
    head = text[:6000]
    if re.search(r"IDENTIFICATION\s+FORM|AGENCY\s+INFORMATION|RECORD\s+NUMBER", head[:2500]):
        _form(rec, head)
        if h.kind:
            return
    fields = _fields("email", head, 3000)
    names = [f for f, *_ in fields]
    if "from" in names and ("date" in names or "subject" in names):
        _email(rec, fields)
        return
    cable = _fields("cable", head, 4000)
    dtg = _DTG.search(head[:3000])
    cnames = [f for f, *_ in cable]
    if ("from" in cnames and "to" in cnames) or (dtg and ("subject" in cnames or "tags" in cnames)):
        _cable(rec, cable, dtg)
        return
    memo = _fields("memo", head, 3000)
    mnames = [f for f, *_ in memo]
    if ("subject" in mnames and ("to" in mnames or "from" in mnames)) or re.match(r"\s*MEMORANDUM\b", head):
        _memo(rec, memo)
        return


def _email(rec: Record, fields: list[tuple[str, str, int, int]]) -> None:
    h = rec.header
    h.kind = "email"
    seen: set[str] = set()
    text = rec.text
    for name, value, _s, end in fields:
        if name == "from" and "from" in seen:
            break  # the next message of the thread starts here
        if name in seen:
            continue
        seen.add(name)
        # a value wrapped onto the next line (long To: lists)
        nxt = re.match(r"\n([^\n:]{1,200})(?=\n)", text[end : end + 202])
        if nxt and name in ("to", "cc", "subject") and not re.match(r"\s*\w+\s*:", nxt.group(1)) and value.endswith((";", ",")):
            value += " " + nxt.group(1)
        if name == "from":
            h.from_ = _clean(value) or None
        elif name == "to":
            h.to = _people(value)
        elif name == "cc":
            h.cc = _people(value)
        elif name == "subject":
            h.subject = _clean(value) or None
        elif name == "date":
            h.date = header_date(value)


def _memo(rec: Record, fields: list[tuple[str, str, int, int]]) -> None:
    h = rec.header
    h.kind = "memo"
    for name, value, *_ in fields:
        v = _clean(value)
        if not v:
            continue
        if name == "from" and not h.from_:
            h.from_ = v
        elif name == "to" and not h.to:
            h.to = _people(v)
        elif name == "subject" and not h.subject:
            h.subject = v
        elif name == "date" and not h.date:
            h.date = header_date(v)
    if not h.date:
        h.date = any_date(rec.text[:600])


def _cable(rec: Record, fields: list[tuple[str, str, int, int]], dtg: re.Match[str] | None) -> None:
    h = rec.header
    h.kind = "cable"
    for name, value, *_ in fields:
        v = _clean(value)
        if not v:
            continue
        if name == "from" and not h.from_:
            h.from_ = v
        elif name == "to" and not h.to:
            h.to = [v]
        elif name == "subject" and not h.subject:
            h.subject = v
        elif name == "tags" and not h.tags:
            h.tags = [t for t in re.split(r"[,\s]+", v) if t]
        elif name == "refs":
            h.refs.append(v)
    if dtg:
        y = year4(dtg.group("y")) if len(dtg.group("y")) == 2 else int(dtg.group("y"))
        day = iso(y, MONTHS[dtg.group("mon")[:3].lower()], int(dtg.group("d")))
        h.date = f"{day}T{dtg.group('h')}:{dtg.group('mi')}" if day else None


_FORM_LABEL = re.compile(
    r"^(AGENCY|RECORD\s*NUMBER|RECORD\s*SERIES|AGENCY\s*FILE\s*NUMBER|ORIGINATOR|FROM|TO|TITLE|DATE|PAGES|SUBJECTS?"
    r"|DOCUMENT\s*TYPE|CLASSIFICATION|RESTRICTIONS|CURRENT\s*STATUS|DATE\s*OF\s*LAST\s*REVIEW|OPENING\s*CRITERIA"
    r"|COMMENTS|STATUS|REVIEW\s*DATE)\b\s*[:;.]?\s*(.*)$",
    re.I,
)


def _form(rec: Record, head: str) -> None:
    """NARA JFK identification form. Labels and values are on one line, or the value follows."""
    h = rec.header
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    label = _FORM_LABEL
    fields: dict[str, str] = {}
    in_doc = False
    i = 0
    while i < len(lines):
        ln = lines[i]
        if re.match(r"DOCUMENT\s+INFORMATION", ln, re.I):
            in_doc = True
        m = label.match(ln)
        if m:
            key = re.sub(r"\s+", " ", m.group(1).upper())
            val = m.group(2).lstrip(":;. —-").strip()
            if not val and i + 1 < len(lines) and not label.match(lines[i + 1]):
                val = lines[i + 1].lstrip(":;. —-").strip()
                i += 1
                if val.endswith(",") and i + 1 < len(lines) and not label.match(lines[i + 1]):
                    val += " " + lines[i + 1]
                    i += 1
            elif val.endswith(",") and i + 1 < len(lines) and not label.match(lines[i + 1]):
                val += " " + lines[i + 1]
                i += 1
            if key == "DATE" and not in_doc and "DATE" not in fields:
                # "Date: 05/08/96 / Page: 1" at the top is when the form was printed
                if i + 1 < len(lines) and re.match(r"Page\s*:", lines[i + 1], re.I):
                    i += 1
                    continue
            if key not in fields and val:
                fields[key] = val
        i += 1
    if not fields:
        return
    h.kind = "form"
    for key in ("FROM",):
        if fields.get(key):
            h.from_ = _clean(fields[key])
    if fields.get("TO"):
        h.to = [_clean(fields["TO"])]
    if fields.get("TITLE"):
        h.subject = _clean(fields["TITLE"])
    if fields.get("DATE"):
        h.date = numeric(fields["DATE"], "MDY") or any_date(fields["DATE"])
    if fields.get("CLASSIFICATION") and not rec.classification.level:
        mk = markings.parse(re.sub(r"[^A-Za-z /]", " ", fields["CLASSIFICATION"]).strip())
        if mk:
            rec.classification.level = mk.level
    status = fields.get("CURRENT STATUS") or fields.get("STATUS")
    if status and rec.release.status is None:
        st = load_yaml("headers.yaml")["form_statuses"].get(re.sub(r"[^A-Z ]", "", status.upper()).strip())
        if st:
            rec.release.status = st
    if fields.get("AGENCY") and not rec.release.agency:
        rec.release.agency = "NARA"


# ----- classification blocks and portion marks
_CAB = re.compile(
    r"^[^\S\n]*(?:\(\w{1,4}\)\s*)?(?P<label>Classified\s+By|Derived\s+From|Declassify\s+On|Reasons?|DECL)\b\s*:?\s*(?P<value>[^\n]*)$",
    re.I | re.M,
)
_EO_DECL = re.compile(r"E\.?\s?O\.?\s*(?P<eo>1\d{4})\s*:?\s*(?:DECL\s*:?\s*)?(?P<value>[^\n]*)", re.I)
_PORTION_AT = re.compile(r"(?m)^[^\S\n]*(?:¶?\d{1,2}\.\s*)?(?P<mark>\((?:TS|S|C|U|R|SBU|LOU|CUI)(?:\s?//?\s?[A-Z][A-Z\- ]{0,20}){0,3}\))")


def classification_block(rec: Record) -> None:
    c = rec.classification
    text = rec.text
    for m in _CAB.finditer(text):
        label = m.group("label").lower()
        v = _clean(m.group("value"))
        if not v:
            continue
        if label.startswith("classified"):
            c.classified_by = c.classified_by or re.split(r"\s*[;,]?\s*\b[Rr]easons?\b", v)[0].strip() or None
            r = re.search(r"\b[Rr]easons?\b\s*:?\s*(.*)", v)
            if r:
                c.reasons = c.reasons or exemptions.normalise(r.group(1))
        elif label.startswith("reason"):
            c.reasons = c.reasons or exemptions.normalise(v)
        elif label.startswith("derived"):
            c.derived_from = c.derived_from or v
        elif label.startswith("declassify") or label == "decl":
            c.declassify_on = c.declassify_on or v
    if not c.declassify_on:
        m2 = _EO_DECL.search(text[:5000])
        if m2 and m2.group("value").strip():
            c.declassify_on = _clean(m2.group("value")) or None
    for m in _PORTION_AT.finditer(text):
        mk = markings.parse_portion(m.group("mark"))
        if mk:
            c.portions.append(Portion(m.group("mark"), mk.level, m.start("mark"), m.end("mark")))
    if not c.level and c.portions:
        c.level = markings.highest([p.level for p in c.portions])
