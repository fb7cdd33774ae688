"""Acronyms the document defines: "Beltran Leyva Organization (BLO)" names an organisation and
makes every later "BLO" a mention of it; "drug trafficking organization (DTO)" defines a term,
not an entity."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    for d in defs:
        if d.term:
            continue
        key = f"organization:{slug(d.long)}"
        name = d.long
        la = d.start
        out.append(Mention(la, la + len(text[la : d.end].split("(")[0].rstrip()), text[la : la + len(text[la : d.end].split("(")[0].rstrip())], "organization", key, name, "acronym definition", PRIORITY))
        for m in re.finditer(r"(?<![\w])" + re.escape(d.acronym) + r"(?![\w])", text):
            out.append(Mention(m.start(), m.end(), m.group(0), "organization", key, name, "acronym", PRIORITY))
        for m in re.finditer(re.escape(d.long).replace(r"\ ", r"\s+"), text):
            if m.start() != la:
                out.append(Mention(m.start(), m.end(), m.group(0), "organization", key, name, "acronym long form", PRIORITY))
    return out


def terms(defs: list[Definition]) -> dict[str, str]:
    return {d.acronym: d.long for d in defs if d.term}


def is_term(name: str, defs: list[Definition]) -> bool:
    return any(d.term and fold(name) in (fold(d.acronym), fold(d.long)) for d in defs)
