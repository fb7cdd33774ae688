"""Institutions named in full: capitalised words ending in a head noun ("International Joint
Commission", "Ulster Unionist Party") or a head noun with its complement ("Office of Children's
Issues", "US Institute for Peace"). Read before the model, which cuts such names or misses them;
the head nouns and the words that never begin a name are data (``data/rules.yaml``). Text in
capitals is left alone: every heading there would look like a name."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.extract import places, rules
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug
from declass.extract.titles import title_words
from declass.read.quality import common_words

PRIORITY = 33  # above the gazetteer ("Mexico City Police Department"), below acronyms and packs

_H = r"[^\S\n]+"
_MOD = r"(?:U\.S\.|U\.N\.|[A-Z]{2,5}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:'s|’s)?)"
_LINK = r"(?:of|for|on)(?:[^\S\n]+the)?"  # "Office of the Secretary of State"
_AND = r"(?:of|and|for)"  # further links, never "and the": that starts another name


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    data = rules.data()
    heads = "|".join(sorted({re.escape(h) for h in data["institution_heads"]}, key=len, reverse=True))
    pat = re.compile(
        rf"(?<![\w.])(?P<mods>(?:{_MOD}{_H}){{0,4}})(?P<head>{heads})(?P<comp>{_H}{_LINK}{_H}{_MOD}(?:{_H}(?:{_AND}{_H})?{_MOD}){{0,3}})?(?![\w])"
    )
    return pat, frozenset(data.get("institution_not_first") or [])


def _place_start(mods: list[str]) -> bool:
    """ "New York City Police Department": the first words name a place, whatever their case."""
    return len(mods) > 1 and fold(" ".join(mods[:2])) in places.gazetteer().index


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at]
    return at == 0 or bool(re.search(r"(?:^|[.!?\n])\s*$", before))


def find(text: str) -> list[Mention]:
    pat, not_first = _pattern()
    out = []
    for m in pat.finditer(text):
        a, b = m.start(), m.end()
        mods = m.group("mods").split()
        words = common_words()
        while mods and (mods[0] in not_first or (mods[0].lower() in words and _sentence_start(text, a) and not _place_start(mods))):
            # "The", and an ordinary word that only has its capital from the sentence ("Furnish Bureau")
            a = text.index(mods[0], a) + len(mods[0])
            while text[a].isspace():
                a += 1
            mods.pop(0)
        if not mods and not m.group("comp"):
            continue  # "the Board": a head noun alone names nothing in particular
        if len(mods) == 1 and mods[0].endswith(("'s", "’s")) and not m.group("comp"):
            continue  # "Mark's Party": somebody's party, not a party
        comp = m.group("comp") or ""
        if comp and comp.split()[-1] in ("and", "of", "for", "on", "the"):
            continue
        s = text[a:b]
        if s.isupper() or (mods and mods[0].lower() in title_words()):
            continue  # a heading; "Senator Church": a title and a surname
        if fold(s) in places.gazetteer().index:
            continue  # "Soviet Union", "West Bank": places
        name = " ".join(s.split())
        out.append(Mention(a, b, s, "organization", f"organization:{slug(name)}", name, "rule:institution", PRIORITY, {}))
    return out
