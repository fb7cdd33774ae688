"""Titles that attach to a person's name ("President Calderon", "Gen. Smith")."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.datafiles import load_yaml


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
