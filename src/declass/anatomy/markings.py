"""Classification banners and portion marks, read by a tolerant tokenizer into the CAPCO
categories (level, SCI, SAP, AEA, FGI, dissemination, REL TO, non-IC), with a canonical banner.

The canonical banner keeps the printed order of the controls and writes ``//`` between them,
except where the document itself grouped values of one category with a single ``/``
(``TOP SECRET//SI/TK//NOFORN``): ``SECRET/NOFORN``, ``SECRET NOFORN`` and ``SECRET - NOFORN``
all become ``SECRET//NOFORN``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from declass.anatomy.data import load_yaml

LEVEL_RANK = {"TOP SECRET": 5, "SECRET": 4, "CONFIDENTIAL": 3, "RESTRICTED": 2, "UNCLASSIFIED": 1}


@dataclass(slots=True)
class Marking:
    level: str
    canonical: str
    raw: str
    sci: list[str] = field(default_factory=list)
    sap: list[str] = field(default_factory=list)
    aea: list[str] = field(default_factory=list)
    fgi: list[str] = field(default_factory=list)
    dissemination: list[str] = field(default_factory=list)
    rel_to: list[str] = field(default_factory=list)
    non_ic: list[str] = field(default_factory=list)


@lru_cache(maxsize=2)
def _forms(portion: bool) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(control forms, level forms), longest first: (printed, canonical, category)."""
    data = load_yaml("markings.yaml")
    only = set(data["portion_only"])
    controls: list[tuple[str, str, str]] = []
    for canon, spec in data["controls"].items():
        for form in spec["forms"]:
            if portion or form not in only:
                controls.append((form, canon, spec["category"]))
    levels: list[tuple[str, str]] = []
    for canon, forms in data["levels"].items():
        for form in forms:
            if portion or form not in only:
                levels.append((form, canon))
    controls.sort(key=lambda x: -len(x[0]))
    levels.sort(key=lambda x: -len(x[0]))
    return controls, levels


@lru_cache(maxsize=1)
def _level_initials() -> frozenset[str]:
    """The letters a banner can start with: the initials of the levels (upper and lower case)."""
    initials = {form[0] for forms in load_yaml("markings.yaml")["levels"].values() for form in forms}
    return frozenset(initials | {c.lower() for c in initials})


_SPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")
_SEP = re.compile(r"\s*(//|/|,\s*|\s+-\s+|\s+--\s+|\s+)\s*")
_REL = re.compile(r"^(?:REL(?:EASABLE)?\s+TO|AUTHORIZED FOR RELEASE TO)\s+((?:[A-Z]{3,4})(?:\s*(?:,|\bAND\b)\s*[A-Z]{3,4})*)")
_SAR = re.compile(r"^(?:SAR|SPECIAL ACCESS REQUIRED)-([A-Z0-9][A-Z0-9 -]*?)(?=//|$)")


def _collapse_spaced(s: str) -> str:
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), s)


def parse(s: str, portion: bool = False) -> Marking | None:
    """Parse a banner line (or, with ``portion``, the inside of a portion mark). ``None`` if the
    whole string is not a marking."""
    raw = s
    head = s.lstrip(" \t*=-_|.:;~")[:1]
    if not head or head not in _level_initials() or not (s.isupper() or s.replace(" and ", " AND ").isupper()):
        return None  # markings are printed in capitals
    t = _collapse_spaced(s.strip().upper())
    t = t.strip(" \t*=-_|.:;~")
    if not t or len(t) > 200:
        return None
    controls, levels = _forms(portion)
    level = None
    pos = 0
    for form, canon in levels:
        if t.startswith(form) and (len(t) == len(form) or not t[len(form)].isalnum()):
            level, pos = canon, len(form)
            break
    if level is None:
        return None
    for suffix in load_yaml("markings.yaml")["legacy_level_suffixes"]:
        m = re.match(r"\s+" + re.escape(suffix), t[pos:])
        if m:
            pos += m.end()
    mk = Marking(level=level, canonical=level, raw=raw)
    parts: list[str] = [level]
    prev_cat = "level"
    while pos < len(t):
        sep = _SEP.match(t, pos)
        sep_text = ""
        if sep:
            sep_text = sep.group(1).strip()
            pos = sep.end()
        if pos >= len(t):
            break
        rest = t[pos:]
        rel = _REL.match(rest)
        if rel:
            countries = [c for c in re.split(r"\s*(?:,|\bAND\b)\s*", rel.group(1)) if c]
            mk.rel_to.extend(countries)
            mk.dissemination.append("REL TO")
            value, cat, pos = "REL TO " + ", ".join(countries), "dissemination", pos + rel.end()
        elif (sar := _SAR.match(rest)) is not None:
            value, cat, pos = "SAR-" + sar.group(1).strip(), "sap", pos + sar.end()
            mk.sap.append(sar.group(1).strip())
        elif (fgi := re.match(r"FGI((?:\s+[A-Z]{3})+)(?=//|/|$)", rest)) is not None:
            mk.fgi.extend(fgi.group(1).split())
            value, cat, pos = "FGI" + fgi.group(1), "fgi", pos + fgi.end()
        else:
            hit = _control(rest, controls)
            if hit is None:
                return None
            value, cat, n = hit
            pos += n
            getattr(mk, cat).append(value)
        joiner = "/" if sep_text == "/" and cat == prev_cat else "//"
        parts.append(joiner + value)
        prev_cat = cat
    mk.canonical = "".join(parts)
    return mk


def _control(rest: str, controls: list[tuple[str, str, str]]) -> tuple[str, str, int] | None:
    for form, canon, cat in controls:
        if rest.startswith(form) and (len(rest) == len(form) or not rest[len(form)].isalnum()):
            return canon, cat, len(form)
    return None


_PORTION = re.compile(r"\(\s*([A-Z][A-Z/\- ]{0,40}?)\s*\)")


def parse_portion(s: str) -> Marking | None:
    """``(S//NF)``, ``(C)``, ``(SBU)``, ``(U//FOUO)``, ``(S/NF)`` -> a marking."""
    m = _PORTION.fullmatch(s.strip())
    if not m:
        return None
    body = m.group(1)
    if body in ("SBU", "SBU-NF", "LOU"):
        body = "U//" + body if body != "LOU" else "U"
    return parse(body, portion=True)


def highest(levels: list[str]) -> str | None:
    return max(levels, key=lambda lv: LEVEL_RANK.get(lv, 0)) if levels else None
