"""Assembly: findings -> record fields, and the clean text with redactions in place.

Conflicts are resolved here, in one place: the State header printed most often wins and a
disagreement becomes a warning; a printed status stamp beats a form's status, which beats the
default drawn from the withheld spans.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from declass import settings
from declass.anatomy import authorship, dating, exemptions, headers, identifiers, markings, redactions, stamps
from declass.anatomy.layout import Line, apply_removals, merge_spans, segments, split_lines
from declass.findings import Finding
from declass.read import quality
from declass.read.base import Reading
from declass.record import (
    Classification,
    Noise,
    Page,
    Record,
    Redaction,
    Release,
    Source,
    Stamp,
)

MARK = "[REDACTED]"
# stamps after which OCR-damaged margin codes ("BS" for B5) are believed
_CODE_STAMPS = {"release-status", "release-header", "review-authority", "release-line", "review-classification"}
_LISTLIKE = re.compile(r"^(?:[-•*>]|\d{1,2}[.)]\s|\(?[a-z][.)]\s|[A-Z][A-Za-z]{0,12}\s?:|¶)")
_NO_ALNUM = re.compile(r"^[^A-Za-z0-9]{1,3}$")


@dataclass(slots=True)
class _Item:
    page: int
    text: str = ""
    blank: int = 0  # blank lines before it
    site: redactions.Site | None = None
    page_kind: bool = False


def analyse(reading: Reading) -> Record:
    raw = reading.raw_text
    warnings = list(reading.warnings)
    limit = settings.get().max_text_chars
    if len(raw) > limit:
        warnings.append(f"text is {len(raw):,} characters; only the first {limit:,} were analysed (setting max_text_chars)")
        raw = raw[:limit]
    rec = Record(
        id=reading.sha256,
        source=Source(reading.path, reading.media_type, reading.size, 0, reading.ocr, reading.extractor, reading.encoding, reading.parent),
        raw_text=reading.raw_text,
    )
    rec.warnings = warnings
    if not raw.strip():
        rec.source.pages = 0
        if "empty file: no text to read" not in warnings:
            rec.warnings.append("no text in this document")
        rec.release.record_number = identifiers.record_number("", reading.path)  # the file name may still say
        return rec

    stamp_f, noise_f = stamps.scan(raw)
    lines = split_lines(raw)
    apply_removals(lines, merge_spans([(f.start, f.end) for f in stamp_f if f.furniture] + [(n.start, n.end) for n in noise_f]))

    banner_f: list[Finding] = []
    for ln in lines:
        if not ln.keep:
            continue
        t = ln.kept_text(raw).strip()
        if len(t) < 120 and (mk := markings.parse(t)) is not None:
            a, b = _trim(raw, ln.keep[0][0], ln.keep[-1][1])
            banner_f.append(Finding("banner", mk, a, b, raw[a:b], "banner-line", furniture=True))
            ln.keep = []
        elif _NO_ALNUM.match(t) and t not in ("*", "-", "--"):
            a, b = _trim(raw, ln.keep[0][0], ln.keep[-1][1])
            noise_f.append(Finding("noise", raw[a:b], a, b, raw[a:b], "stray-mark"))
            ln.keep = []

    _assign_pages(raw, lines, stamp_f, banner_f)
    for f in stamp_f + banner_f + noise_f:
        f.page = _page_at(lines, f.start)

    segs = [segments(raw, ln) if ln.keep else [] for ln in lines]
    expected = any(f.extra["kind"] in _CODE_STAMPS for f in stamp_f)
    sites, box_noise, drop = redactions.find_sites(raw, lines, segs, trust_corrected=expected)
    noise_f.extend(box_noise)
    text, pages, reds = _build_text(raw, lines, segs, sites, drop, stamp_f)
    rec.text, rec.pages, rec.redactions = text, pages, reds
    rec.source.pages = len(pages)
    _page_quality(rec, reading)
    rec.noise = [Noise(n.raw, n.page, n.start, n.end) for n in sorted(noise_f, key=lambda n: n.start)]

    _release(rec, stamp_f, banner_f, raw, reading.path)
    _classification(rec, banner_f, stamp_f)
    headers.read(rec)
    headers.dateline(rec)
    headers.letter(rec)
    _status_by_default(rec)
    authorship.read(rec)
    dating.read(rec)
    return rec


def _trim(raw: str, a: int, b: int) -> tuple[int, int]:
    while a < b and raw[a].isspace():
        a += 1
    while b > a and raw[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------- pages
def _page_quality(rec: Record, reading: Reading) -> None:
    """How each page was read and how well: the reader's account where it gave one (PDF, OCR),
    otherwise the common-word share of the page's clean text."""
    info = reading.page_info
    for p in rec.pages:
        got = info[p.number - 1] if 0 < p.number <= len(info) else None
        if got is not None:
            p.method, p.quality, p.ocr_confidence = got.method, got.quality, got.ocr_confidence
        else:
            p.method, p.quality = reading.extractor.split(" ")[0], quality.assess(rec.text[p.start : p.end]).score


def _assign_pages(raw: str, lines: list[Line], stamp_f: list[Finding], banner_f: list[Finding]) -> None:
    breaks: list[int] = []  # raw offsets where a new page begins
    if "\f" in raw:
        last = len(raw.rstrip())  # a form feed after the last text starts no page
        breaks = [m.end() for m in re.finditer("\f", raw) if m.end() < last]
    else:
        markers = [f for f in stamp_f if f.rule == "markdown-page-marker" and "Page" in f.raw]
        if markers:
            breaks = [f.start for f in markers[1:]] if markers[0].start < 200 else [f.start for f in markers]
        else:
            # a banner at the foot of one page and again at the head of the next, with only
            # furniture between them, is a page join
            banner_lines = {_line_at(lines, f.start) for f in banner_f}
            prev_banner = None
            for ln in lines:
                if ln.index in banner_lines:
                    if prev_banner is not None and all(not lines[j].keep for j in range(prev_banner + 1, ln.index)):
                        breaks.append(ln.start)
                        prev_banner = None
                    else:
                        prev_banner = ln.index
                elif ln.keep:
                    prev_banner = None
    page, bi = 1, 0
    for ln in lines:
        while bi < len(breaks) and ln.start >= breaks[bi]:
            page += 1
            bi += 1
        ln.page = page


def _line_at(lines: list[Line], offset: int) -> int:
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _page_at(lines: list[Line], offset: int) -> int:
    return lines[_line_at(lines, offset)].page


# ---------------------------------------------------------------- text
def _build_text(
    raw: str, lines: list[Line], segs: list[list[tuple[int, int]]], sites: list[redactions.Site], drop: set[int], stamp_f: list[Finding]
) -> tuple[str, list[Page], list[Redaction]]:
    by_line: dict[int, list[redactions.Site]] = {}
    for s in sites:
        by_line.setdefault(s.line, []).append(s)
    denied = {}
    for f in stamp_f:
        if f.extra.get("kind") == "page-denied":
            denied[_line_at(lines, f.start)] = f
    items: list[_Item] = []
    blank = 0
    for ln in lines:
        if ln.index in denied:
            f = denied[ln.index]
            items.append(_Item(ln.page, site=redactions.Site(ln.index, f.start, f.end, f.raw, [], "", False, ln.page), page_kind=True))
        if not ln.keep:
            if not ln.text.strip():
                blank += 1
            continue
        parts = [raw[a:b] for a, b in segs[ln.index] if a not in drop]
        body = " ".join(" ".join(parts).split())
        if body:
            items.append(_Item(ln.page, body, blank))
            blank = 0
        for s in by_line.get(ln.index, []):
            items.append(_Item(ln.page, site=s))
        if not body and ln.index not in by_line:
            blank += 1
    lengths = sorted(len(it.text) for it in items if it.text)
    width = max(60, lengths[int(len(lengths) * 0.9)] if lengths else 80)
    unwrapped = width > 160

    out: list[str] = []
    size = 0
    pages: list[Page] = []
    reds: list[Redaction] = []
    prev: _Item | None = None
    cur_page = 0
    page_start = 0
    i = 0
    while i < len(items):
        it = items[i]
        if it.page != cur_page:
            if pages or cur_page:
                pages.append(Page(cur_page, page_start, size))
                out.append("\n\n")
                size += 2
            cur_page, page_start, prev = it.page, size, None
        if it.site is None:
            sep = _join(prev, it, width, unwrapped)
            if sep == " " and prev is not None and prev.site is None and (hyphen := _line_end_hyphen(prev.text, it.text)) is not None:
                sep = ""  # a word the line's end broke: "Com-" / "mission" is "Commission", "well-" / "known" "well-known"
                if not hyphen:
                    out[-1], size, prev.text = out[-1][:-1], size - 1, prev.text[:-1]
            piece = sep + it.text
            out.append(piece)
            size += len(piece)
            prev = it
            i += 1
            continue
        # a group of sites with no body text between them is one withheld span
        group = [it]
        while i + 1 < len(items) and items[i + 1].site is not None and items[i + 1].page == cur_page and not items[i + 1].page_kind and not it.page_kind:
            i += 1
            group.append(items[i])
        first = group[0].site
        assert first is not None
        if it.page_kind:
            kind = "page"
        elif prev is not None and prev.text and not redactions.is_terminal(prev.text) and (first.glued or (it.blank == 0 and _adjacent(lines, first))):
            kind = "inline"
        else:
            kind = "passage"
        sep = "" if prev is None else (" " if kind == "inline" else "\n\n")
        start = size + len(sep)
        out.append(sep + MARK)
        size = start + len(MARK)
        codes = exemptions.sort_codes({c for g in group for c in (g.site.codes if g.site else [])})
        raw_codes = " | ".join(g.site.raw.strip() for g in group if g.site)
        statutes = " ".join(g.site.statutes for g in group if g.site and g.site.statutes)
        reds.append(Redaction(first.page, start, size, kind, codes, raw_codes + (f" [{statutes}]" if statutes else ""), 0.6 if len(group) > 1 else 0.9))
        prev = _Item(cur_page, MARK if kind == "inline" else "", 0, site=first)
        prev.page_kind = kind == "passage" or kind == "page"
        i += 1
    if cur_page:
        pages.append(Page(cur_page, page_start, size))
    return "".join(out), pages, reds


_BROKEN_HEAD = re.compile(r"(?<![A-Za-z-])([A-Za-z]{2,})-$")
_BROKEN_TAIL = re.compile(r"^([a-z]{2,})(?![A-Za-z])")


def _line_end_hyphen(a: str, b: str) -> bool | None:
    """A word broken at a line's end, its head ending ``a`` with a hyphen and its tail opening ``b``
    in lower case: None if it is none; whether the hyphen stays. It goes when the whole is a word
    ("Allega-" / "tions") or neither part is one ("Rehabili-" / "tation"); it stays between two
    words ("well-" / "known", "anti-" / "communist")."""
    head, tail = _BROKEN_HEAD.search(a), _BROKEN_TAIL.match(b)
    if head is None or tail is None:
        return None
    words = quality.common_words()
    h, t = head.group(1).lower(), tail.group(1)
    if h + t in words:
        return False
    return h in words or t in words


def _adjacent(lines: list[Line], site: redactions.Site) -> bool:
    """Is the code line directly under the previous body line (no blank line between)?"""
    j = site.line - 1
    return j >= 0 and bool(lines[j].text.strip())


def _join(prev: _Item | None, it: _Item, width: int, unwrapped: bool) -> str:
    if prev is None:
        return ""
    if prev.site is not None:  # after a redaction marker
        if not prev.page_kind and it.text[:1].islower():
            return " "
        return "\n\n"
    a, b = prev.text, it.text
    if headers.is_header_line(a) or headers.is_header_line(b):
        return "\n\n" if it.blank else "\n"  # e-mail and memo header lines keep their own lines
    cont = not redactions.is_terminal(a) and b[:1].islower() and not b.startswith(("http", "www."))
    if unwrapped:
        return " " if cont else ("\n\n" if it.blank else "\n")
    listlike = bool(_LISTLIKE.match(b))
    if it.blank == 0:
        if len(a) >= 0.6 * width and not listlike:
            return " "
        return " " if cont else "\n"
    if cont:
        return " "
    if it.blank == 1 and len(a) >= 0.8 * width and not redactions.is_terminal(a) and b[:1].isalnum() and not listlike:
        return " "
    return "\n\n"


# ---------------------------------------------------------------- release
_AGENCY_PRIORITY = ["U.S. Department of State", "CIA", "FBI", "NARA"]
_WEAK_KINDS = {"release-status", "review-authority", "margin-code", "page-denied"}


def _release(rec: Record, stamp_f: list[Finding], banner_f: list[Finding], raw: str, path: str) -> None:
    rel = Release()
    rel.stamps = [Stamp(f.extra["kind"], f.raw, f.page, f.start, f.end, f.extra.get("agency")) for f in stamp_f]
    rel.stamps += [Stamp("banner", f.raw, f.page, f.start, f.end, None) for f in banner_f]
    rel.stamps.sort(key=lambda s: s.start)
    by_kind: dict[str, list[Finding]] = {}
    for f in stamp_f:
        by_kind.setdefault(f.extra["kind"], []).append(f)
    # the releasing agency: the one whose defining stamps (header, release line, release stamp,
    # footer) are on the page; a status phrase or a reviewer line alone counts for less
    weight: Counter[str] = Counter()
    for f in stamp_f:
        a = f.extra.get("agency")
        if a and f.extra["kind"] != "page-marker":
            weight[a] += 1 if f.extra["kind"] in _WEAK_KINDS else 10
    if weight:
        rel.agency = max(weight, key=lambda a: (weight[a], -_AGENCY_PRIORITY.index(a) if a in _AGENCY_PRIORITY else -99))
    headers_ = [f for f in by_kind.get("release-header", [])]
    if headers_:
        votes = Counter((f.value.get("case"), f.value.get("doc"), f.value.get("date")) for f in headers_)
        (case, doc, date), _n = votes.most_common(1)[0]
        first = headers_[0].value
        rel.case_number, rel.doc_number, rel.release_date = case, doc, date
        rel.marking = first.get("marking")
        if len(votes) > 1:
            rec.warnings.append(f"release headers disagree: {sorted(votes, key=str)}; kept the most frequent")
    status = [f for f in by_kind.get("release-status", [])]
    codes: set[str] = set()
    for f in status:
        codes.update(f.value.get("codes") or [])
    if status:
        rel.status = status[0].value.get("status")
    for f in by_kind.get("review-authority", []):
        if f.value.get("reviewer"):
            rel.review_authority = {"name": f.value["reviewer"], "title": f.value.get("title")}
            break
    cia = by_kind.get("release-line", [])
    if cia:
        v = cia[0].value
        rel.release_date = rel.release_date or v.get("date")
        rel.doc_number = rel.doc_number or v.get("rdp") or v.get("doc")
        if rel.status is None:
            rel.status = "released_in_part" if any(f.value.get("sanitized") for f in cia) or rec.redactions else "released_in_full"
    for f in by_kind.get("release-stamp", []):
        v = f.value
        if v.get("nw") and not rel.case_number:
            rel.case_number = "NW " + v["nw"]
        if not rel.release_date:
            rel.release_date = v.get("date") or v.get("year")
    for f in by_kind.get("page-footer", []):
        if f.value.get("nw") and not rel.case_number:
            rel.case_number = "NW " + f.value["nw"]
    for f in by_kind.get("declassification", []):
        if not rel.release_date and f.value.get("date"):
            rel.release_date = f.value["date"]
        if not rel.case_number and f.value.get("case"):
            rel.case_number = f.value["case"]
    if rel.agency != "U.S. Department of State":  # RIF numbers are NARA's
        rel.record_number = identifiers.record_number(raw, path)
    if rel.record_number and not rel.agency:
        rel.agency = "NARA"
    for r in rec.redactions:
        codes.update(r.exemptions)
    rel.exemptions = exemptions.sort_codes(codes)
    rec.release = rel


def _status_by_default(rec: Record) -> None:
    """No stamp or form says the status: a released document with withheld spans was released in
    part, one without them in full."""
    rel = rec.release
    if rel.status is None and rel.agency:
        withheld = rec.redactions or any(s.kind == "page-denied" for s in rel.stamps)
        rel.status = "released_in_part" if withheld else "released_in_full"


def _classification(rec: Record, banner_f: list[Finding], stamp_f: list[Finding]) -> None:
    c = Classification()
    marks: list[markings.Marking] = [f.value for f in banner_f]
    if marks:
        levels = [m.level for m in marks]
        top = markings.highest(levels)
        # the banner printed most often at the highest level is the document's
        counts = Counter(m.canonical for m in marks if m.level == top)
        best = max((m for m in marks if m.level == top), key=lambda m: (counts[m.canonical], len(m.canonical)))
        c.level, c.banner = best.level, best.canonical
        for attr in ("sci", "sap", "aea", "fgi", "dissemination", "rel_to", "non_ic"):
            vals: list[str] = []
            for m in marks:
                if m.level == top:
                    for v in getattr(m, attr):
                        if v not in vals:
                            vals.append(v)
            setattr(c, attr, vals)
    for f in stamp_f:
        if f.extra["kind"] == "review-classification":
            v = f.value
            c.review = {
                "level": v.get("level"),
                "classified_by": f"{v.get('reviewer')}, A/GIS, DoS",
                "date": v.get("date"),
                "reasons": exemptions.normalise(v.get("reasons") or ""),
                "declassify_on": v.get("declassify"),
            }
    rec.classification = c
    headers.classification_block(rec)
