"""People in the house style of CIA and FBI records, which a model trained on news text misses:
names in capitals ("JOSEPH H. LANGOSCH", "MARTIN LUTHER KING") and a given name before a surname
in capitals ("Carlos GARZANA Roldan", "Joseph R. MOROLA"). A given name from
``data/given_names.txt`` is what makes capitals a name; words that follow a given name in cables
without being a surname ("INFO", "STATION", "TOLD") are ``not_surnames`` in ``data/rules.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.datafiles import load_yaml, read_text
from declass.extract.mention import Mention
from declass.extract.textutil import slug

PRIORITY = 36  # above the gazetteer ("VICTOR" is no Victorville), below packs

_H = r"[^\S\n]+"
_CAPS_NAME = re.compile(rf"(?<![\w.])(?P<given>[A-Z]{{2,}})(?:{_H}(?P<mid>[A-Z]\.|[A-Z]{{3,}}))?{_H}(?P<sur>[A-Z][A-Z'’-]{{2,}})(?![\w])")
_HOUSE = re.compile(rf"(?<![\w.])(?P<given>[A-Z][a-z]+)(?:{_H}(?P<mid>[A-Z]\.))?{_H}(?P<sur>[A-Z]{{3,}}[A-Z'’-]*)(?:{_H}(?P<second>[A-Z][a-z]+))?(?![\w])")


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str]]:
    text = read_text("declass.extract", "data/given_names.txt")
    given = frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())
    not_sur = frozenset(str(w).upper() for w in load_yaml("declass.extract", "data/rules.yaml").get("not_surnames") or [])
    return given, not_sur


def given_names() -> frozenset[str]:
    """Given names (lower case) from ``data/given_names.txt``."""
    return _data()[0]


def _surname(w: str, given: frozenset[str], not_sur: frozenset[str]) -> bool:
    """A word in capitals that can be a surname: not a cable word, not a past tense ("RAY
    INDICATED")."""
    if w in not_sur:
        return False
    return not (len(w) >= 6 and w.endswith("ED") and w.lower() not in given)


def _title(s: str) -> str:
    return " ".join(w if len(w.strip(".")) == 1 else w.capitalize() for w in s.split())


def find(text: str) -> list[Mention]:
    given, not_sur = _data()
    out: list[Mention] = []
    for m in _CAPS_NAME.finditer(text):
        mid = m.group("mid")
        if m.group("given").lower() not in given or not _surname(m.group("sur"), given, not_sur):
            continue
        if mid and len(mid) > 2 and not _surname(mid, given, not_sur):
            continue
        name = _title(" ".join(m.group(0).split()))
        out.append(Mention(m.start(), m.end(), m.group(0), "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    for m in _HOUSE.finditer(text):
        if m.group("given").lower() not in given or not _surname(m.group("sur"), given, not_sur):
            continue
        end = m.end()
        second = m.group("second")
        if second and second.lower() in given:
            end = m.end("sur")  # "Joseph MOROLA Gordon ...": the next word starts another name
        raw = text[m.start() : end]
        name = _title(" ".join(raw.split()))
        out.append(Mention(m.start(), end, raw, "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out
