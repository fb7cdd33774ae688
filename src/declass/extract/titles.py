"""Titles that attach to a person's name ("President Calderon", "Gen. Smith")."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.datafiles import load_yaml
from declass.extract.mention import Mention
from declass.extract.textutil import slug


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    data = load_yaml("declass.extract", "data/titles.yaml")
    return tuple(sorted((str(t) for t in data["titles"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _before() -> re.Pattern[str]:
    alts = "|".join(re.escape(t) for t in titles())
    return re.compile(r"(?:^|(?<=[\s(\"']))(?P<title>" + alts + r")\s+$", re.I)


def title_before(text: str, start: int) -> str | None:
    """The title printed right before ``start`` (a name), in its canonical spelling, or None."""
    m = _before().search(text, max(0, start - 40), start)
    if m is None:
        return None
    got = m.group("title")
    if not got[:1].isupper():
        return None
    singular = _plural()[0]
    if got in singular:
        return singular[got]  # "Senators Kerry and Lugar": each a senator
    for t in titles():
        if t.lower() == got.lower():
            return t
    return got


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Titles that say nothing of an office ("Mr.", "Dr."): ``honorifics`` in ``data/titles.yaml``."""
    return frozenset(str(t) for t in load_yaml("declass.extract", "data/titles.yaml").get("honorifics") or [])


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The words of titles and of the roles signature blocks print under a name ("Special
    Assistant", "Project Officer"): a line of them alone names nobody."""
    data = load_yaml("declass.extract", "data/titles.yaml")
    words = {w.lower().strip(".") for t in titles() for w in t.split()}
    return frozenset(words | {str(w).lower() for w in data.get("role_words") or []})


@lru_cache(maxsize=1)
def _leading() -> re.Pattern[str]:
    alts = "|".join(re.escape(t) for t in titles())
    return re.compile(r"(?:(?:" + alts + r")\.?[^\S\n]+)+")


def title_prefix(name: str) -> int:
    """How many characters of ``name`` a leading title takes ("Sec Armitage", "H.E. Benjamin
    Netanyahu", "Taoiseach Brian Cowen"): 0 when it starts with none."""
    m = _leading().match(name)
    return m.end() if m and m.end() < len(name) else 0


SURNAME = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?"
PLURAL_PRIORITY = 36  # the house styles' rank: below packs, which know "Kerry" is John Kerry


@lru_cache(maxsize=1)
def _plural() -> tuple[dict[str, str], re.Pattern[str]]:
    data = {str(k): str(v) for k, v in (load_yaml("declass.extract", "data/titles.yaml").get("plural_titles") or {}).items()}
    alts = "|".join(re.escape(t) for t in sorted(data, key=len, reverse=True))
    h = r"[^\S\n]+"
    names = rf"{SURNAME}(?:,{h}{SURNAME})*,?{h}and{h}{SURNAME}"
    return data, re.compile(rf"(?<![\w.])(?P<title>{alts}){h}(?P<names>{names})(?![\w'’-])")


def plural_titles() -> frozenset[str]:
    """The titles in the plural ("Senators", "Sens.", "Messrs."): ``plural_titles`` in ``data/titles.yaml``."""
    return frozenset(_plural()[0])


def people_after_plural_titles(text: str) -> list[Mention]:
    """The people a title in the plural names ("Senators Alexander and Isakson", "Ambassadors
    Eikenberry, Ricciardone, and Carney", "Secretaries Reed and Rodriguez"): each surname of the
    list, its title the singular (``plural_titles`` in ``data/titles.yaml``)."""
    singular, pattern = _plural()
    out = []
    for m in pattern.finditer(text):
        title = singular[m.group("title")]
        for w in re.finditer(SURNAME, m.group("names")):
            a, b = m.start("names") + w.start(), m.start("names") + w.end()
            name = w.group()
            out.append(Mention(a, b, name, "person", f"person:{slug(name)}", name, "rule:plural title", PLURAL_PRIORITY, {"title": title}))
    return out
