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
DEFINED = "acronym definition"  # the source of a long form where the document defines its acronym
_DEF = re.compile(r"\((?P<acr>[A-Z][A-Za-z&]{1,7})\)")
# a name in another language glossed in parentheses with its acronym: "Direccion General de
# Inteligencia (General Directorate of Intelligence - DGI)"
_GLOSS = re.compile(r"\((?P<long>[A-Z][\w'’.]*(?:\s+[\w'’.-]+){1,9}?)\s*(?:-|–|—|,)\s*(?P<acr>[A-Z][A-Za-z&]{1,7})\)")
_SMALL = frozenset({"of", "the", "and", "for", "de", "del", "la", "los", "las", "el", "y", "on", "in", "to", "&"})


@dataclass(frozen=True, slots=True)
class Definition:
    acronym: str
    long: str
    start: int  # of the long form
    end: int  # of the closing parenthesis
    term: bool  # a lower-case phrase: a term, not a name
    gloss: bool = False  # the long form inside the parentheses, beside its acronym
    long_end: int = -1  # of a gloss's long form


def _spelt(long: str, letters: list[str]) -> bool:
    """Whether the initials of a name's words, small words skipped, are the acronym's letters."""
    initials = [w[:1].upper() for w in re.findall(r"[\w'’.]+", long) if w.lower() not in _SMALL]
    return initials == letters


def _spelt_before(text: str, pos: int, letters: list[str]) -> int | None:
    """Where the name that ends at ``pos`` and whose initials spell ``letters`` begins: the words
    before are walked back until the initials spell the acronym."""
    base = max(0, pos - 120)
    words = list(re.finditer(r"[\w'’.-]+|/", text[base:pos].rstrip()))
    need = list(reversed(letters))
    k = 0
    start_idx = None
    for w in reversed(words):
        tok = w.group(0)
        if tok.lower() in _SMALL and k < len(need):
            continue
        if tok == "/":
            break
        # a hyphenated word may give a letter a part, read from its end ("Beltran-Leyva", "Al-Qaeda"),
        # or one letter
        parts = [p for p in reversed(tok.split("-")) if p]
        got = 0
        while got < len(parts) and k + got < len(need) and parts[got][:1].upper() == need[k + got]:
            got += 1
        if got < len(parts):
            got = 1 if k < len(need) and tok[:1].upper() == need[k] else 0
        if not got:
            break
        k += got
        start_idx = w.start()
        if k == len(need):
            break
    return base + start_idx if k == len(need) and start_idx is not None else None


def _reordered_before(text: str, pos: int, letters: list[str], any_initials: bool = False) -> int | None:
    """Where the name that ends at ``pos`` begins when its capitalised words, small words skipped,
    are as many as the acronym's letters and have its initials in another order (or any initials,
    ``any_initials``): a translation of the name the acronym spells."""
    base = max(0, pos - 120)
    words = list(re.finditer(r"[\w'’.-]+", text[base:pos].rstrip()))
    content = 0
    for w in reversed(words):
        tok = w.group(0)
        if tok.lower() in _SMALL:
            continue
        if not tok[:1].isupper():
            return None
        content += 1
        if content == len(letters):
            spelt = [x.group(0)[:1].upper() for x in words if x.start() >= w.start() and x.group(0).lower() not in _SMALL]
            return base + w.start() if any_initials or sorted(spelt) == sorted(letters) else None
    return None


def _definition(text: str, start: int, pos: int, acr: str, end: int) -> Definition:
    long = re.sub(r"\s+", " ", text[start:pos].strip())
    return Definition(acr, long, start, end, long[:1].islower())


def definitions(text: str) -> list[Definition]:
    out = []
    for m in _DEF.finditer(text):
        acr = m.group("acr")
        letters = [c for c in acr if c.isupper()]
        a = _spelt_before(text, m.start(), letters) if len(letters) >= 2 else None
        if a is not None:
            out.append(_definition(text, a, m.start(), acr, m.end()))
    for g in _GLOSS.finditer(text):
        acr = g.group("acr")
        letters = [c for c in acr if c.isupper()]
        if len(letters) < 2:
            continue
        long = re.sub(r"\s+", " ", g.group("long"))
        # the name the gloss translates spells the acronym ("Direccion General de Inteligencia"), or
        # the gloss itself does
        a = _spelt_before(text, g.start(), letters)
        if a is None:
            # "General Directorate of Intelligence (Direccion General de Inteligencia - DGI)"; where the
            # gloss spells the acronym, a name of as many words before it ("Chemical Laboratory
            # (Laboratorio Quimico - LQ)")
            a = _reordered_before(text, g.start(), letters, any_initials=_spelt(long, letters))
        foreign = _definition(text, a, g.start(), acr, g.end()) if a is not None else None
        if (foreign is not None and not foreign.term) or _spelt(long, letters):
            out.append(Definition(acr, long, g.start("long"), g.end(), False, gloss=True, long_end=g.end("long")))
            if foreign is not None and not foreign.term:
                out.append(foreign)
    # in the text's order; a gloss before the name it translates, which ends at the same parenthesis
    return sorted(out, key=lambda d: (d.end, not d.gloss))


def _long_end(text: str, d: Definition) -> int:
    """Where a definition's long form ends in the text: a gloss's inside its parentheses, any other
    before them."""
    return d.long_end if d.gloss else d.start + len(text[d.start : d.end].split("(")[0].rstrip())


def find(text: str, defs: list[Definition]) -> list[Mention]:
    out: list[Mention] = []
    by_acr: dict[str, tuple[str, str]] = {}  # acronym -> (key, name); the first definition wins
    by_long: dict[str, tuple[str, str]] = {}
    firsts: set[int] = set()
    countries = places.gazetteer().index
    glossed: dict[int, tuple[str, str]] = {}  # the end of a gloss's parentheses -> what it defines
    for d in defs:
        if d.term:
            continue
        if d.acronym in by_acr:
            got = glossed.get(d.end)
            if got and not d.gloss:
                # the name a gloss translates is a name of what the gloss names
                long_end = _long_end(text, d)
                by_long.setdefault(fold(d.long), got)
                out.append(Mention(d.start, long_end, text[d.start : long_end], "organization", got[0], got[1], DEFINED, PRIORITY))
                firsts.add(d.start)
            continue
        long_end = _long_end(text, d)
        land = [p for p in countries.get(fold(d.long), []) if p.kind in ("country", "state", "region")]
        if land:
            # "Federal Republic of Germany (FRG)", "United Arab Emirates (UAE)": a country defines its
            # abbreviation; both are the place, wherever the text prints them
            place = places.choose(land)
            for a, b in [(d.start, long_end), *((m.start(), m.end()) for m in re.finditer(rf"(?<![\w]){re.escape(d.acronym)}(?![\w])", text))]:
                out.append(Mention(a, b, text[a:b], "place", place.key, place.name, DEFINED, PRIORITY, place.mention_attributes()))
            continue
        key, name = f"organization:{slug(d.long)}", d.long
        by_acr[d.acronym] = by_long[fold(d.long)] = (key, name)
        if d.gloss:
            glossed[d.end] = (key, name)
        out.append(Mention(d.start, long_end, text[d.start : long_end], "organization", key, name, DEFINED, PRIORITY))
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
