"""Acronyms the document defines: "Beltran Leyva Organization (BLO)" names an organisation and
makes every later "BLO" a mention of it; "drug trafficking organization (DTO)" defines a term,
not an entity."""

from __future__ import annotations

import re
from dataclasses import dataclass

from declass.extract import places
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug

PRIORITY = 35
_DEF = re.compile(r"\((?P<acr>[A-Z][A-Za-z&]{1,7})\)")
_SMALL = frozenset({"of", "the", "and", "for", "de", "del", "la", "los", "las", "el", "y", "on", "in", "to", "&"})


@dataclass(frozen=True, slots=True)
class Definition:
    acronym: str
    long: str
    start: int  # of the long form
    end: int  # of the closing parenthesis
    term: bool  # a lower-case phrase: a term, not a name


def definitions(text: str) -> list[Definition]:
    out = []
    for m in _DEF.finditer(text):
        acr = m.group("acr")
        letters = [c for c in acr if c.isupper()]
        if len(letters) < 2:
            continue
        before = text[max(0, m.start() - 120) : m.start()].rstrip()
        words = list(re.finditer(r"[\w'’.-]+|/", before))
        # walk back over words until the initials spell the acronym
        need = list(reversed(letters))
        k = 0
        start_idx = None
        for w in reversed(words):
            tok = w.group(0)
            if tok.lower() in _SMALL and k < len(need):
                continue
            if tok == "/":
                break
            if k < len(need) and tok[:1].upper() == need[k]:
                k += 1
                start_idx = w.start()
                # a hyphenated word may give two letters ("Beltran-Leyva")
                for part in tok.split("-")[1:]:
                    if k < len(need) and part[:1].upper() == need[k]:
                        k += 1
                if k == len(need):
                    break
            else:
                break
        if k != len(need) or start_idx is None:
            continue
        a = max(0, m.start() - 120) + start_idx
        long = text[a : m.start()].strip()
        long = re.sub(r"\s+", " ", long)
        term = long[:1].islower()
        out.append(Definition(acr, long, a, m.end(), term))
    return out


def find(text: str, defs: list[Definition]) -> list[Mention]:
    out: list[Mention] = []
    by_acr: dict[str, tuple[str, str]] = {}  # acronym -> (key, name); the first definition wins
    by_long: dict[str, tuple[str, str]] = {}
    firsts: set[int] = set()
    countries = places.gazetteer().index
    for d in defs:
        if d.term or d.acronym in by_acr:
            continue
        long_end = d.start + len(text[d.start : d.end].split("(")[0].rstrip())
        land = [p for p in countries.get(fold(d.long), []) if p.kind in ("country", "state", "region")]
        if land:
            # "Federal Republic of Germany (FRG)", "United Arab Emirates (UAE)": a country defines its
            # abbreviation; both are the place, wherever the text prints them
            place = places.choose(land)
            for a, b in [(d.start, long_end), *((m.start(), m.end()) for m in re.finditer(rf"(?<![\w]){re.escape(d.acronym)}(?![\w])", text))]:
                out.append(Mention(a, b, text[a:b], "place", place.key, place.name, "acronym definition", PRIORITY, place.mention_attributes()))
            continue
        key, name = f"organization:{slug(d.long)}", d.long
        by_acr[d.acronym] = by_long[fold(d.long)] = (key, name)
        out.append(Mention(d.start, long_end, text[d.start : long_end], "organization", key, name, "acronym definition", PRIORITY))
        firsts.add(d.start)
    if not by_acr:
        return out
    acr_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in sorted(by_acr, key=len, reverse=True)) + r")(?![\w])")
    for m in acr_re.finditer(text):
        key, name = by_acr[m.group(0)]
        out.append(Mention(m.start(), m.end(), m.group(0), "organization", key, name, "acronym", PRIORITY))
    longs = sorted({d.long for d in defs if not d.term and fold(d.long) in by_long}, key=len, reverse=True)
    long_re = re.compile("|".join(re.escape(x).replace(r"\ ", r"\s+") for x in longs))
    for m in long_re.finditer(text):
        got = by_long.get(fold(m.group(0)))
        if got and m.start() not in firsts:
            out.append(Mention(m.start(), m.end(), m.group(0), "organization", got[0], got[1], "acronym long form", PRIORITY))
    return out


def terms(defs: list[Definition]) -> dict[str, str]:
    return {d.acronym: d.long for d in defs if d.term}


def is_term(name: str, defs: list[Definition]) -> bool:
    return any(d.term and fold(name) in (fold(d.acronym), fold(d.long)) for d in defs)
