"""Headers: the top message of an e-mail thread, cables, memos and NARA identification forms;
classification blocks (Classified by / Reason / Derived from / Declassify on) and portion marks.

Everything here reads the clean text, so furniture and margin codes are already gone."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from declass.anatomy import correspondents, exemptions, markings, originators
from declass.anatomy.data import load_yaml
from declass.anatomy.dates import MONTH_RE, MONTHS, any_date, iso, numeric, textual, year4
from declass.record import Portion, Record

_MARK = re.compile(r"\s*\[REDACTED\]\s*")
# a speck OCR leaves before a label (",From:", "• From:"), then perhaps a space
_SPECKS = "“\"'‘_•*,.·-"
# a speck before a label, or a lone lower-case letter before one in capitals ("j FROM 2 Deputy Director")
_SPECK = "(?:(?:[" + re.escape(_SPECKS) + r"]|[a-z](?=[^\S\n]+[A-Z]{2}))[^\S\n]?)?"
_SPECK_AT = re.compile("^" + _SPECK)


@lru_cache(maxsize=1)
def _labels() -> dict[str, re.Pattern[str]]:
    data = load_yaml("headers.yaml")
    out = {}
    for kind in ("email", "memo", "cable"):
        alts = []
        for fieldname, labels in data[kind].items():
            forms = {f for lab in labels for f in (lab, lab.upper(), lab.title())}
            for lab in sorted(forms, key=len, reverse=True):
                alts.append((fieldname, lab))
        # one group per field; the label, then ":" or ";" or spaces, then the value
        ws = r"[^\S\n]+"
        pat = "|".join(f"(?P<{f}_{i}>{re.escape(lab).replace(chr(92) + ' ', ws)})" for i, (f, lab) in enumerate(alts))
        flags = 0  # "To" and "to" differ: a label is printed capitalised
        out[kind] = re.compile(r"^[^\S\n]*" + _SPECK + "(?:" + pat + r")[^\S\n]*(?:,?[^\S\n]*[:;.][^\S\n]*|[^\S\n]+|$)(?P<value>[^\n]*)$", re.M | flags)
    return out


@lru_cache(maxsize=1)
def _header_line() -> re.Pattern[str]:
    data = load_yaml("headers.yaml")
    labels = {lab for kind in ("email", "memo") for labs in data[kind].values() for lab in labs} | set(data["line_labels"])
    alts = "|".join(re.escape(x).replace(chr(92) + " ", r"\s+") for x in sorted(labels, key=len, reverse=True))
    return re.compile(r"^(?:" + alts + r")(?:\s*:|\s+\S|\s*$)", re.I)


def is_header_line(line: str) -> bool:
    """Does this line start with a header label (``From:``, ``Sent``, ``Subject``...)?"""
    return line[:1] in _line_initials() and _header_line().match(line) is not None


@lru_cache(maxsize=1)
def _line_initials() -> frozenset[str]:
    data = load_yaml("headers.yaml")
    labels = [lab for kind in ("email", "memo") for labs in data[kind].values() for lab in labs] + list(data["line_labels"])
    return frozenset(c for lab in labels for c in (lab[0].upper(), lab[0].lower()))


@lru_cache(maxsize=1)
def _value_stamps() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("headers.yaml")["value_stamps"]), re.I)


@lru_cache(maxsize=1)
def _caption() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("headers.yaml")["form_captions"]), re.I)


@lru_cache(maxsize=8)
def _initials(kind: str) -> frozenset[str]:
    data = load_yaml("headers.yaml")
    return frozenset(c for labels in data[kind].values() for lab in labels for c in (lab[0].upper(), lab[0].lower()))


def _fields(kind: str, text: str, limit: int) -> list[tuple[str, str, int, int]]:
    """(field, value, start, end) for each labelled line in the first ``limit`` characters."""
    out = []
    pat, initials = _labels()[kind], _initials(kind)
    end = min(len(text), limit)
    pos = 0
    matches = []
    while pos < end:  # line by line: only lines that start like a label are tried
        nl = text.find("\n", pos, end)
        nl = end if nl == -1 else nl
        line = text[pos : min(nl, pos + 40)].lstrip()
        line = _SPECK_AT.sub("", line, count=1).lstrip()  # a speck before the label
        first = line[:1]
        if first and first in initials and (lm := pat.match(text, pos, nl)) is not None:
            matches.append(lm)
        pos = nl + 1
    for m in matches:
        name = next(k for k, v in m.groupdict().items() if v is not None and k != "value")
        value = _value_stamps().sub(" ", m.group("value")).strip(" :;.,")
        if name.startswith(("from", "to")) and kind in ("memo", "cable"):
            value = _COLON_AS_DIGIT.sub("", value)  # "FROM 3: Robert W. Gambino": OCR's "3" or "2" for the colon
        if kind in ("memo", "cable") and not re.search(r"[A-Za-z]{2}", value):
            value = ""  # what a caption left ("7]", "NO.", "B 8 8"): the value is below
        if not value and kind in ("memo", "cable"):
            # the label alone on its line: the value is the next non-blank line, unless a label; an
            # OCR speck line between them ("FROM / STil / Chief of Station, Habana") is passed over
            below = [ln.strip() for ln in text[m.end() : m.end() + 240].split("\n")[1:] if ln.strip()][:3]
            while len(below) > 1 and (
                (len(below[0]) <= SPECK_LINE_MAX and not below[0].isupper()) or not re.search(r"[A-Za-z]{3}", _value_stamps().sub("", below[0]))
            ):
                below.pop(0)
            nxt_line = below[0][:80] if below and len(below[0]) >= 2 else None
            bare = (nxt_line or "").rstrip(" ,.;:")  # "SUBJECT,": the next label, its colon lost
            if nxt_line and not _labels()[kind].match(nxt_line) and not is_header_line(nxt_line) and not _labels()[kind].fullmatch(bare):
                value = nxt_line
        out.append((name.rsplit("_", 1)[0], value, m.start(), m.end()))
    return out


_COLON_AS_DIGIT = re.compile(r"^[23][^\S\n]*[:;]?[^\S\n]+(?=[A-Z][a-z])")
# a line of OCR specks: at most this many letters or signs ("STil", "wr", "| .")
SPECK_LINE_MAX = 4


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
    return any_date(v)


_DTG = re.compile(r"\b(?P<d>\d{2})(?P<h>\d{2})(?P<mi>\d{2})Z\s+(?P<mon>" + MONTH_RE + r")\s+(?P<y>\d{2,4})\b", re.I)


# an e-mail header prints "From:" with its colon (a cable's "FROM LONDON" does not)
_EMAIL_FROM = re.compile(
    r"^[^\S\n]*" + _SPECK + r"(?:From|FROM)[^\S\n]*:[^\n]*\n(?:[^\n]*\n){0,6}?[^\S\n]*(?:Sent|SENT|Date|DATE)[^\S\n]*:?[^\S\n]+\S"
    r"|^[^\S\n]*(?:Sent|Date)[^\S\n]*:[^\n]*\n(?:[^\n]*\n){0,6}?[^\S\n]*(?:From|FROM)[^\S\n]*:",
    re.M,
)


def read(rec: Record) -> None:
    """The document's top header, whatever its kind; FBI field offices named with their codes."""
    _read(rec)
    h = rec.header
    if h.from_:
        h.from_ = originators.fbi_office(h.from_)
    h.to = [originators.fbi_office(t) for t in h.to]


def _read(rec: Record) -> None:
    text = rec.text
    h = rec.header
    head = text[:6000]
    if re.search(r"IDENTIFICATION\s+FORM|AGENCY\s+INFORMATION|RECORD\s+NUMBER", head[:2500], re.I):
        _form(rec, head)
        if h.kind:
            return
    fields = _fields("email", head, 3000)
    names = [f for f, *_ in fields]
    if "from" in names and ("date" in names or "subject" in names) and _EMAIL_FROM.search(head[:3000]):
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
    # no recognised header: a CIA cable's originator line, else labelled lines near the top
    cited = _cited(head)
    sender = originators.damaged_sender(head[:3000])  # "ftom, DIRECTOR": a sender line whose label OCR damaged
    if cited or sender:
        # a cite line naming a known station wins; a damaged one ("CITE OR 48198") yields to the sender line
        h.from_ = cited if cited and (originators.known(cited, fuzzy=False) or not sender) else sender
        h.kind = "cable"
    if not h.from_:
        _dispatch(rec, head[:2500])
    if "from" not in mnames and (loose := _LOOSE_FROM.search(head[:3000])) is not None:
        memo.append(("from", loose.group(1) or loose.group(2), loose.start(), loose.end()))
    _fill(rec, [f for f in memo if f[0] != "date"])
    if not h.subject and not h.kind:
        first = next((ln.strip() for ln in head[:600].split("\n") if ln.strip() and ln.strip() != "[REDACTED]"), "")
        if 3 <= len(first) <= 160 and not re.search(r"[.:,;]$", first) and re.search(r"[A-Za-z]{3}", first):
            h.subject = first  # the title line


@lru_cache(maxsize=1)
def _dispatch_line() -> re.Pattern[str]:
    titles = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(load_yaml("headers.yaml")["dispatch_titles"], key=len, reverse=True))
    return re.compile(r"^[^\w\n]{0,3}((?:" + titles + r")\b[,;:]?[^\S\n]+[A-Z][^\n]{1,60}?)[^\w\n]*$", re.M)


_TRAILING_SPECKS = re.compile(r"(?:[^\S\n]+(?:[a-z]{1,2}|[^\w\s]{1,3}))+$")


def _dispatch(rec: Record, head: str) -> None:
    """A CIA dispatch whose TO / INFO / FROM labels OCR lost: its address block is two or three lines
    of officers' titles at the top ("Chief, WH Division" / "Chief of Station, Mexico City"), the
    addressee first and the sender last. Only lines before the first numbered paragraph count."""
    top = originators.above_first_paragraph(head)
    lines = [(top.count("\n", 0, m.start()), m.group(1).strip()) for m in _dispatch_line().finditer(top)]
    block = lines[:1]
    for ln in lines[1:]:
        if ln[0] - block[-1][0] > 4:
            break  # the block is a few lines together
        block.append(ln)
    if 2 <= len(block) <= 3:
        h = rec.header
        first, last = (_clean(_TRAILING_SPECKS.sub("", v)) for v in (block[0][1], block[-1][1]))
        h.from_ = last
        h.to = h.to or [first]
        h.inferred += ["from"] + (["to"] if h.to == [first] else [])
        h.kind = h.kind or "memo"


# "FROM, DIRECTOR", "t FROM DIRECTOR", "FROM, : Jerry G. Brown": a sender line as OCR leaves it
# and, label damaged to lower case ("frou, DIRECTOR", "fROM: WAVE"), a sender in capitals only
_LOOSE_FROM = re.compile(
    r"^[^\S\n]*(?:\S{1,3}[^\S\n]+)?F?ROM[^\S\n]*[,:;.]?[^\S\n]*[,:;.]?[^\S\n]*([A-Z][\w.,/' -]{1,60})$"
    r"|^[^\S\n]*(?:\S{1,3}[^\S\n]+)?[fF][rR][oO0][mMuU][^\S\n]*[,:;.][^\S\n]*([A-Z][A-Z0-9.,/' -]{1,60})$",
    re.M,
)
# CIA cable lines naming the originating station: "CITE ROME 1258", "STAFF 0420522 DIRECTOR 627924",
# a date-time group then the originator and its cable number
_CITE = re.compile(
    r"\bCITE[^\S\n]*[\\(]?[^\S\n]*([“\"]?[A-Z][A-Z!/ ]{1,30}?)[_}\]|)]?[^\S\n]+[“\"']?[OIlbSB]{0,2}\d{2,6}"
    r"|\bCITE[^\S\n]+((?i:DIR(?:ECTOR)?))\b"  # headquarters needs no number: "CITE DIRECTOR :"
    r"|\bSTAFF[^\S\n]+(?:[.-][^\S\n]+)?\w{6,8}[^\S\n]+([A-Z]{3,20})[^\S\n]+[‘'\"]?\d{4,7}"
    r"|\bSTAFF[^\S\n]+(?:\S{1,9}[^\S\n]+)?(DIRECTOR)\b"  # "STAFF as DIRECTOR", "STAFF 100014z- DIRECTOR"
    r"|\bTOT[^\S\n]*:[^\S\n]*\w{6,8}[^\S\n]+[A-Z]{3}[^\S\n]+\d{2}[^\S\n]+([A-Z]{3,20})[^\S\n]+\d{4,7}"
    r"|(?<![\w/])\d{6}[Z2][^\S\n]+([A-Z]{3,20})[^\S\n]+\d{5,7}\b"  # "021354Z DIRECTOR 758224"
)
_DATELINE_NUM = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/-])")


def dateline(rec: Record) -> None:
    """A document with no dated header: the first full date near its top (a dateline, a
    cable's date-time group), no later than its release."""
    h = rec.header
    if h.date:
        return
    head = rec.text[:2500]
    latest = (rec.release.release_date or "9999")[:4]
    cands: list[tuple[int, str]] = []
    for s_, _e, v in textual(head):
        cands.append((s_, v))
    for m in _DATELINE_NUM.finditer(head):
        nv = numeric(m.group(0), "MDY")
        if nv:
            cands.append((m.start(), nv))
    for m in _DTG.finditer(head):
        dv = _dtg_date(m, with_time=False)
        if dv:
            cands.append((m.start(), dv))
    for _pos, v in sorted(cands):
        if "1900" <= v[:4] <= latest:
            h.date = v
            return


def _email(rec: Record, fields: list[tuple[str, str, int, int]]) -> None:
    h = rec.header
    h.kind = "email"
    seen: set[str] = set()
    text = rec.text
    quoted_from: str | None = None
    top = (fields[0][2], fields[0][3]) if fields else (0, 0)
    for name, value, _s, end in fields:
        if name == "from" and "from" in seen:
            if len(value) > 80 or re.search(r"[.!?,;]['\"”]?$", value):
                continue  # a sentence that starts with "From" ("From here we will..."), not a header
            # the next message of the thread starts here: the one the top message answers
            quoted_from = _clean(value) or None
            break
        if name in seen:
            continue
        seen.add(name)
        top = (top[0], end)
        # a value wrapped onto the next line (long To: lists)
        nxt = re.match(r"\n([^\n]{1,200})(?=\n|$)", text[end : end + 202])
        if nxt and not is_header_line(nxt.group(1)) and not re.match(r"\s*(?:https?:|www\.)", nxt.group(1)):
            wrapped = name in ("to", "cc") and value.endswith((";", ","))
            wrapped |= name == "subject" and len(value) >= 70 and not re.search(r"[.?!]$", value)
            if wrapped:
                value += " " + nxt.group(1)
                top = (top[0], end + nxt.end())
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
    # a reply with no printed addressee went to the sender of the message it quotes
    if not h.to and quoted_from and h.subject and re.match(r"\s*re\b", h.subject, re.I):
        name_ = re.sub(r"\s*[<\[(].*$", "", quoted_from).strip()
        if name_ and name_.lower() != re.sub(r"\s*[<\[(].*$", "", h.from_ or "").strip().lower():
            h.to = [name_]
            h.inferred.append("to")
    # OCR damage in the top header, repaired from the spellings the rest of the thread prints
    correspondents.repair(h, text[: top[0]] + "\n" + text[top[1] :], rec.warnings)


def _fill(rec: Record, fields: list[tuple[str, str, int, int]]) -> None:
    """Labelled values into the header, the first of each kind winning."""
    h = rec.header
    for name, value, *_ in fields:
        v = _clean(_value_stamps().sub(" ", value))
        if len(v) < 2 or _caption().search(v):
            continue  # empty, or the printed caption of a blank form field
        if name == "from" and not h.from_:
            h.from_ = originators.exact(v) or v  # "! MEXICO CITY" -> "MEXICO CITY (MEXI)"
        elif name == "to" and not h.to:
            h.to = _people(v)
        elif name == "subject" and not h.subject:
            h.subject = v
        elif name == "date" and not h.date:
            h.date = header_date(v)
        elif name == "tags" and not h.tags:
            h.tags = [t for t in re.split(r"[,\s]+", v) if t]
        elif name == "refs":
            h.refs.append(v)


@lru_cache(maxsize=1)
def _routing() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("headers.yaml")["cable_routing"]))


def _cited(text: str) -> str | None:
    """The station a cable's cite line names near the top, as printed and what it is."""
    cite = _CITE.search(text[:3000])
    return originators.cited(next(g for g in cite.groups() if g)) if cite else None


def _sender_not_routing(rec: Record) -> None:
    """A FROM line that holds a cable's dissemination is not its sender: the cite line's station is."""
    h = rec.header
    if h.from_ and _routing().match(h.from_):
        h.from_ = _cited(rec.text)


def _memo(rec: Record, fields: list[tuple[str, str, int, int]]) -> None:
    rec.header.kind = "memo"
    _fill(rec, fields)
    _sender_not_routing(rec)
    if not rec.header.date:
        rec.header.date = any_date(rec.text[:600])


def _dtg_date(m: re.Match[str], with_time: bool = True) -> str | None:
    """A date-time group ``281848Z DEC 66`` -> ``1966-12-28T18:48``."""
    y = year4(m.group("y")) if len(m.group("y")) == 2 else int(m.group("y"))
    day = iso(y, MONTHS[m.group("mon")[:3].lower()], int(m.group("d")))
    if day and with_time:
        return f"{day}T{m.group('h')}:{m.group('mi')}"
    return day


def _cable(rec: Record, fields: list[tuple[str, str, int, int]], dtg: re.Match[str] | None) -> None:
    rec.header.kind = "cable"
    _fill(rec, fields)
    _sender_not_routing(rec)
    h = rec.header
    if not h.from_ or (len(h.from_) > 30 and originators.known(h.from_) is None):
        # no sender line, or a sentence that starts with "FROM": a sender line whose label OCR damaged
        h.from_ = originators.damaged_sender(rec.text[:3000]) or h.from_
    if h.from_ and (sender := originators.repaired(h.from_)):
        rec.warnings.append(f"header.from: {h.from_!r} read as {sender!r} (OCR damage to a known originator)")
        h.from_ = sender
    if dtg:
        rec.header.date = _dtg_date(dtg)


@lru_cache(maxsize=1)
def _form_labels() -> tuple[list[str], re.Pattern[str]]:
    """(label names, one pattern with a group L<i> per label) from ``form_labels`` in the data."""
    rows = load_yaml("headers.yaml")["form_labels"]
    alts = "|".join(f"(?P<L{i}>{pat})" for i, (_name, pat) in enumerate(rows))
    pattern = re.compile(r"^[\W_]{0,3}(?:" + alts + r")(?![A-Za-z0-9])[^\S\n]*[:;.=|—-]*[^\S\n]*(?P<value>.*)$", re.I)
    return [name for name, _pat in rows], pattern


# the slots of the DOCUMENT INFORMATION block, in printed order
_DOC_SLOTS = ["ORIGINATOR", "FROM", "TO", "TITLE", "DATE", "PAGES", "SUBJECTS"]
_FORM_DATE = re.compile(r"(?<![\d/])\d{1,2}\s?/\s?\d{1,2}\s?/\s?(?:\d{4}|\d{2})(?![\d/])")
_AGENCY_INFO = re.compile(r"(?<![A-Z0-9-])(?:\d{3}-\d{5}-\d{5}|[0-9A-Z-]*\d[0-9A-Z-]*|JFK|JEK|HQ)$")


def _form_label(line: str) -> tuple[str, str] | None:
    names, pattern = _form_labels()
    m = pattern.match(line)
    if not m:
        return None
    key, label = next((k, v) for k, v in m.groupdict().items() if v is not None and k != "value")
    if label.islower():
        return None  # "from whom", "from ClA-controlled documents.)": the form's words, or a sentence, not its label
    return names[int(key[1:])], m.group("value").strip()


def _plausible(value: str) -> bool:
    """Could this be a sender ("HQ", "YEATES", "Lee H. Wigren"), or is it what OCR left of a
    withheld value ("Ne", "Nea", "mzz")?"""
    return re.search(r"[A-Z]{2}|[A-Za-z]{4}", value) is not None


_FORM_TAIL = {"DOCUMENT TYPE", "CLASSIFICATION", "RESTRICTIONS", "CURRENT STATUS", "DATE OF LAST REVIEW", "REVIEW DATE", "OPENING CRITERIA", "COMMENTS"}
_FORM_STARTS = (r"AGENCY\s+INFORMATION", r"IDENTIFICATION\s+FORM", r"^\W{0,3}AGENCY\s*:", r"^\W{0,3}RECORD\s*NUMBER\s*:")
@lru_cache(maxsize=1)
def _form_end() -> re.Pattern[str]:
    return re.compile("|".join(load_yaml("headers.yaml")["form_end"]), re.I)


@lru_cache(maxsize=1)
def _form_skip() -> re.Pattern[str]:
    d = load_yaml("headers.yaml")
    return re.compile("|".join(d["form_end"] + d["form_skip"]), re.I)


def _form(rec: Record, head: str) -> None:
    """NARA JFK identification form. Its OCR often prints a run of labels, then a run of values
    in the same order; values are matched to labels in order, typed where the type is clear."""
    h = rec.header
    # the form starts at its caption, or at its first label where OCR printed the labels first
    starts = [m.start() for m in (re.search(p, head, re.I | re.M) for p in _FORM_STARTS) if m]
    if not starts:
        return
    start = min(starts)
    # the form ends at the release stamp or the page footer, unless the document's values are still to
    # come (a run of labels, the stamp, then the values): then the stamp is skipped
    stop = re.search(r"\n---\n", head[start:])
    end = start + (stop.start() if stop else 3000)
    region = head[start:end]
    tail = head[end : end + 600]
    review = re.search(r"DATE\s*OF\s*LAST\s*REVIEW|REVIEW\s*DATE|CURRENT\s*STATUS", region, re.I)
    fields: dict[str, str] = {}
    pending: list[str] = []
    printed: set[str] = set()  # the labels this form prints
    withheld: set[str] = set()  # slots whose value the release withholds
    ran: set[str] = set()  # slots given a value from a run of values (not on their label's line)
    last: str | None = None
    in_doc = captioned = False
    lines = [raw.strip().strip("*•") for raw in region.splitlines()]
    found = [(i, lab[0]) for i, ln in enumerate(lines) if (lab := _form_label(ln))]
    # the form's labels end with its review block; a "To" further down is the document's own
    last_label = max((i for i, name in found if name in _FORM_TAIL), default=len(lines))
    labels = [(i, name) for i, name in found if name in (*_DOC_SLOTS, "DOCUMENT INFORMATION") and i <= last_label]
    # some agencies' forms (NSA's) leave the sender's slots blank or withheld: no value goes there
    agency_m = re.search(r"^\W{0,3}AGENCY[^\S\n]*:[^\S\n]*(\w+)", region, re.M)
    sender_slots = {"ORIGINATOR", "FROM", "TO"}
    no_sender = agency_m is not None and agency_m.group(1).upper() in load_yaml("headers.yaml")["form_agencies_sender_withheld"]
    if no_sender:
        withheld |= sender_slots
    for i, line in enumerate(lines):
        if (
            _form_end().search(line)
            and not any(p in _DOC_SLOTS for p in pending)
            and not any(j > i and name not in printed for j, name in labels)
        ):
            break  # the release stamp or the footer, with no document label or value still to come
        if not line:
            continue
        lab = _form_label(line)
        if _form_skip().search(line):
            if lab and lab[0] in _DOC_SLOTS:
                withheld.add(lab[0])  # "FROM : 44 USC 2107(5)(g)(2)(D)": the value is withheld under the JFK Act
                printed.add(lab[0])
                in_doc = True
                last = None
            continue
        if lab:
            name, value = lab
            if no_sender and name in sender_slots:
                printed.add(name)
                in_doc, last = True, None
                if _plausible(v := value.lstrip(":;.=|—-_ ").strip()) and name not in fields:
                    fields[name] = v  # "FROM : YEATES": printed on the label's line, so not withheld
                    withheld.discard(name)
                continue
            if name in _DOC_SLOTS and (name in fields or name in withheld) and name not in ran:
                break  # a label the form printed already: the document's own header ("From:") below it
            if name == "DOCUMENT INFORMATION" and line.upper() == "INFORMATION" and pending[-1:] == ["AGENCY"]:
                pending.pop()  # "AGENCY / INFORMATION": the agency caption broken over two lines
                continue
            if name in ("DOCUMENT INFORMATION", "AGENCY INFORMATION"):
                if name == "DOCUMENT INFORMATION" and not captioned:
                    in_doc = captioned = True
                    # the document's values follow their caption: any taken before it were misaligned
                    for slot in ran & set(_DOC_SLOTS):
                        del fields[slot]
                    ran.clear()
                    pending = [p for p in _DOC_SLOTS if p in printed and p not in fields]
                continue
            if name == "DATE" and not in_doc and not any(x in fields or x in pending for x in _DOC_SLOTS):
                name = "FORM DATE"  # "Agency Information / Date: 5/28/201": when the form was filled in
            printed.add(name)
            if name in _DOC_SLOTS:
                in_doc = True
            value = value.lstrip(":;.=|—-_ ").strip()
            if re.search(r"\w", value) and not _form_label(value):
                if name not in fields or (name in ran and i < last_label):
                    fields[name] = value  # a value on its label's line (in the form) wins over one placed by order
                    ran.discard(name)
                last = name
            else:
                if name not in fields and name not in pending:
                    pending.append(name)
                last = None
            continue
        value = line.lstrip(":;.=|—-_ ").strip()
        if not re.search(r"\w", value):
            continue
        if not in_doc:
            if pending:
                fields.setdefault(pending.pop(0), value)
            continue
        if pending and pending[0] not in _DOC_SLOTS:
            fields.setdefault(pending.pop(0), value)  # an agency-information value printed late
            continue
        if _AGENCY_INFO.match(value) and not _FORM_DATE.search(value) and "FROM" not in fields:
            # an agency-information value printed among the document's ("JFK", a file number); "HQ"
            # is one only while the record series has none, else it is the FBI office that wrote
            slot = "RECORD SERIES" if value in ("JFK", "JEK", "HQ") else "AGENCY FILE NUMBER"
            if slot not in fields:
                fields[slot] = value
                continue
        if last in fields and fields[last].endswith(",") and last in ("FROM", "TO", "TITLE"):
            fields[last] += " " + value  # "STAFF OFFICER," / "SR/CI/R"
            continue
        is_date = bool(_FORM_DATE.search(value))
        if is_date and "DATE" not in fields and ("DATE" in pending or not pending or last == "TITLE"):
            fields["DATE"] = value
            if "DATE" in pending:
                pending.remove("DATE")
            last = "DATE"
            continue
        if last == "TITLE" and (not pending or pending[0] in ("DATE", "PAGES", "SUBJECTS")) and not is_date:
            fields["TITLE"] += " " + value
            continue
        # slots whose label OCR lost: open, and after the last one filled ("ORIGINATOR: FBI / AMBLER,
        # JOHN A / DIRECTOR, FBI")
        open_ = [x for x in _DOC_SLOTS if x not in fields and x not in withheld and x not in pending]
        after = [x for x in _DOC_SLOTS[_DOC_SLOTS.index(last) + 1 :] if x in open_] if last in _DOC_SLOTS else []
        if "PAGES" in pending and re.fullmatch(r"\d{1,4}", value):
            slot = "PAGES"  # a page count: never a title left blank
            pending.remove(slot)
        elif pending and pending[0] in ("DATE", "PAGES") and (lost := [x for x in after if _DOC_SLOTS.index(x) < _DOC_SLOTS.index(pending[0])]):
            slot = lost[0]  # not a date or a count: the value of a slot before it whose label was lost
        elif pending:
            slot = pending.pop(0)
        else:
            # inside the form (a label still to come), the next open slot; below it, only a slot it prints
            inside = any(j > i for j, _name in labels)
            free = after[:1] or [x for x in open_ if inside or x in printed]
            if not free:
                continue
            slot = free[0]
        if slot not in fields:
            fields[slot] = value
            ran.add(slot)
        last = slot
    if "DATE" not in fields:
        d = _FORM_DATE.search(region, 0, review.start() if review else len(region))
        if d:
            fields["DATE"] = d.group(0)
    if not fields:
        return
    h.kind = "form"
    for slot in ("ORIGINATOR", "FROM"):
        if slot in fields and not _plausible(fields[slot]):
            del fields[slot]  # "FROM : Ne": what OCR left of a withheld value
            withheld.add(slot)
    if fields.get("FROM"):
        h.from_ = _clean(fields["FROM"])
        if fields.get("AGENCY", "").upper() == "CIA" and (sender := originators.repaired(h.from_)):
            rec.warnings.append(f"header.from: {h.from_!r} read as {sender!r} (OCR damage to a known originator)")
            h.from_ = sender  # "UMWAVE": JMWAVE, one letter damaged
    elif ("FROM" not in printed or "FROM" in withheld) and (
        agency := (fields.get("ORIGINATOR") if "ORIGINATOR" in printed else None) or fields.get("AGENCY")
    ):
        h.from_ = _clean(agency)  # no FROM line, or its value withheld: the agency that wrote the record
        h.inferred.append("from")
    if fields.get("TO"):
        h.to = [_clean(fields["TO"])]
    if fields.get("TITLE"):
        h.subject = _clean(fields["TITLE"])
    if fields.get("DATE"):
        d = _FORM_DATE.search(fields["DATE"])
        h.date = numeric(d.group(0), "MDY") if d else any_date(fields["DATE"])
    cls = fields.get("CLASSIFICATION") or _after_label(region + tail, "CLASSIFICATION")
    if cls and not rec.classification.level:
        mk = markings.parse(re.sub(r"[^A-Za-z /]", " ", cls).strip().upper())
        if mk:
            rec.classification.level = mk.level
    status = _after_label(region + tail, "CURRENT\\s*STATUS")
    if status and rec.release.status is None:
        statuses = load_yaml("headers.yaml")["form_statuses"]
        flat = re.sub(r"[^A-Z ]", " ", status.upper())
        for phrase, st in statuses.items():
            if phrase in re.sub(r"\s+", " ", flat):
                rec.release.status = st
                break
    if not rec.release.agency:
        rec.release.agency = "NARA"


def _after_label(text: str, label: str) -> str | None:
    m = re.search(label + r"\s*[:;.]?\s*([^\n]*)(?:\n\s*([^\n]*))?", text, re.I)
    if not m:
        return None
    v = m.group(1).strip(" :;.") or (m.group(2) or "").strip(" :;.")
    return v or None


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
    low = text.lower()
    cab = any(k in low for k in ("classified by", "reason", "derived from", "declassify", "decl"))
    for m in _CAB.finditer(text) if cab else ():
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


# letters, speeches and articles: the sender is the signature, the addressee the salutation
_NAME = r"(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)(?:[^\S\n]+(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.))"
_NAME_LINE = re.compile(r"[^\S\n]*(" + _NAME + r"{1,3})[^\S\n]*$")
_ADDRESS_BLOCK = re.compile(r"^[^\S\n]*(?:His|Her)[^\S\n]+Excellency[^\S\n]*\n[^\S\n]*(" + _NAME + r"{1,3})[^\S\n]*$", re.M)
_BYLINE = re.compile(r"(?:^|[^\S\n])By[^\S\n]+(" + _NAME + r"{1,3})[^\S\n]*(?:,[^\n]{0,40})?$", re.M)


_MEMO_WORD = re.compile(r"\bMEMO(?:RANDUM)?\b", re.I)
_INITIALS = re.compile(r"(?:[A-Z]\.-?){1,2}")
_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+|[A-Z][A-Z'’-]{2,}")


@lru_cache(maxsize=1)
def _signature_data() -> tuple[re.Pattern[str], frozenset[str]]:
    d = load_yaml("headers.yaml")["signatures"]
    return re.compile(r"^[^\w\n]{0,3}(?:" + "|".join(d["titles"]) + ")"), frozenset(w.lower() for w in d["not_names"])


def _name_tokens(line: str) -> list[str] | None:
    """The words of a line that is a person's name and nothing else ("Lee H. Wigren", "S. D.
    Breckinridge i.", "JAMES W. FRANKLIN"): specks before it and a short speck after it allowed."""
    tokens = line.split()
    while tokens and not re.search(r"[A-Za-z]", tokens[0]):
        tokens.pop(0)
    if len(tokens) > 2 and len(tokens[-1]) <= 5 and not (_NAME_WORD.fullmatch(tokens[-1]) or _INITIALS.fullmatch(tokens[-1])):
        tokens.pop()  # "206°:", "i."
    if not 2 <= len(tokens) <= 4 or not _NAME_WORD.fullmatch(tokens[-1]):
        return None
    if not all(_NAME_WORD.fullmatch(t) or _INITIALS.fullmatch(t) for t in tokens):
        return None
    return tokens


def signature(text: str) -> str | None:
    """The signer of a memorandum with no FROM line: a line that is a name after the memo's first
    paragraph, with initials ("Lee H. Wigren") or above a title line, which is kept with it
    ("E. Mendoza, Chief, Services Staff")."""
    titles, not_names = _signature_data()
    lines = [ln.strip() for ln in text[originators.first_paragraph(text) or 0 :].split("\n")]
    for i, line in enumerate(lines[1:], 1):
        tokens = _name_tokens(line)
        if not tokens or any(t.lower().strip(".") in not_names for t in tokens):
            continue
        if tokens[-1].isupper() and any(t[1:].islower() for t in tokens[:-1] if len(t) > 2):
            continue  # "Valentin V. BAKOLIN": the house style for a person written about, not the signer
        nxt = next((ln for ln in lines[i + 1 : i + 4] if ln), "")
        if titles.match(nxt):
            return f"{' '.join(tokens)}, {_clean(nxt.strip(' .:;|*•'))}"[:120]  # the signer and the title under the name
        if any(_INITIALS.fullmatch(t) for t in tokens):
            return " ".join(tokens)
    return None


@lru_cache(maxsize=1)
def _letters() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Closing, salutation and the words that name no one, from headers.yaml (letters)."""
    d = load_yaml("headers.yaml")["letters"]
    words = "|".join(r"[^\S\n]+".join(re.escape(w) for w in c.split()) for c in sorted(d["closings"], key=len, reverse=True))
    closing = re.compile(r"^[^\S\n]*(?:" + words + r")[^\S\n]*,?[^\S\n]*\n", re.M | re.I)
    titles = "|".join(re.escape(t) for t in d["salutation_titles"])
    salutation = re.compile(r"^[^\S\n]*Dear[^\S\n]+(?:(?:" + titles + r")\.?[^\S\n]+)?(" + _NAME + r"{0,3})[^\S\n]*[:,]", re.M)
    return closing, salutation, frozenset(d["not_names"])


class _Authors(NamedTuple):
    byline: re.Pattern[str]  # prefix, title, name: "Remarks by Ambassador Susan E. Rice"
    labelled: re.Pattern[str]  # "Office of Origin: S/SRGIA"
    letterhead: re.Pattern[str]  # "THE SECRETARY OF STATE"
    name_ends_before: frozenset[str]  # "STATEMENT FROM CECILE RICHARDS ON ...": the name ends at "on"


@lru_cache(maxsize=1)
def _authors() -> _Authors:
    """Author lines, labelled author lines and letterheads, from headers.yaml (authors)."""
    d = load_yaml("headers.yaml")["authors"]

    def alts(xs: list[str]) -> str:
        return "|".join(r"[^\S\n]+".join(re.escape(w) for w in x.split()) for x in sorted(xs, key=len, reverse=True))

    byline = re.compile(
        r"^[^\S\n]*(?i:" + alts(d["prefixes"]) + r")[^\S\n]*(?:(?i:" + alts(d["titles"]) + r")[^\S\n]+)?"
        r"(" + _NAME + r"{0,3})[^\S\n]*(?:[,.(:\n]|$)",
        re.M,
    )
    labelled = re.compile(r"^[^\S\n]*(?i:" + alts(d["labelled"]) + r")[^\S\n]*:[^\S\n]*([A-Z][\w/&.-]{1,30}(?:[^\S\n][A-Z][\w/&.-]*){0,4})[^\S\n]*$", re.M)
    letterhead = re.compile(r"^[^\S\n]*((?i:" + alts(d["letterheads"]) + r"))[^\S\n]*$", re.M)
    return _Authors(byline, labelled, letterhead, frozenset(w.lower() for w in d["name_ends_before"]))


def letter(rec: Record) -> None:
    """A document with no sender in a header: the name under a letter's closing ("Sincerely
    yours, / Hillary Rodham Clinton") or an article's byline ("By Louise Diamond"); with no
    addressee, a letter's salutation ("Dear Mr. John Olver:")."""
    h = rec.header
    if h.kind in ("email", "cable", "form"):
        return
    text = rec.text
    authors = _authors()
    if not h.from_:
        author = authors.byline.search(text[:1500]) or authors.labelled.search(text[:1500])
        if author:
            words = author.group(1).split()
            cut = next((i for i, w in enumerate(words) if w.lower() in authors.name_ends_before), len(words))
            h.from_ = " ".join(words[:cut]) or None
    if not h.from_:
        closing, _salutation, not_names = _letters()
        for m in closing.finditer(text):
            lines = [ln for ln in text[m.end() : m.end() + 400].split("\n")[:6] if ln.strip() and ln.strip() != "[REDACTED]"]
            got = _NAME_LINE.match(lines[0]) if lines else None
            if got and got.group(1) not in not_names:
                h.from_ = got.group(1)
                break
        if not h.from_:
            by = _BYLINE.search(text[:1500])
            if by:
                h.from_ = by.group(1)
        if not h.from_:
            head = "\n".join(text[:1500].split("\n")[:15])
            top = authors.letterhead.search(head)
            if top:
                h.from_ = re.sub(r"\s+", " ", top.group(1)).strip().title()
        if not h.from_ and (h.kind == "memo" or _MEMO_WORD.search(text[:1500])):
            h.from_ = signature(text[:6000])
    if not h.to:
        _, salutation, not_names = _letters()
        dear = salutation.search(text[:4000])
        if dear and dear.group(1) not in not_names:
            h.to = [dear.group(1)]
        elif dear and (block := _ADDRESS_BLOCK.search(text, dear.end(), dear.end() + 4000)):
            h.to = [block.group(1)]  # "Dear Mr. Ambassador:" names no one: "His Excellency / Han Duk-soo" does
