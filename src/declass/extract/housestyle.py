"""People in the house style of CIA and FBI records, which a model trained on news text misses:
names in capitals ("JOSEPH H. LANGOSCH", "MARTIN LUTHER KING") and a given name before a surname
in capitals ("Carlos GARZANA Roldan", "Joseph R. MOROLA"). A given name from
``data/given_names.txt`` is what makes capitals a name; words that follow a given name in cables
without being a surname ("INFO", "STATION", "TOLD") are ``not_surnames`` in ``data/rules.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.datafiles import read_words
from declass.extract import places, rules
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug
from declass.read.quality import common_words

PRIORITY = 36  # above the gazetteer ("VICTOR" is no Victorville), below packs
LONE_SOURCE = "rule:given name"
LONE_PRIORITY = 12  # above the model, below the gazetteer: "Florence" alone stays a place

_H = r"[^\S\n]+"
_CAPS_NAME = re.compile(rf"(?<![\w.])(?P<given>[A-Z]{{2,}})(?:{_H}(?P<mid>[A-Z]\.|[A-Z]{{3,}}))?{_H}(?P<sur>[A-Z][A-Z'’-]{{2,}})(?![\w])")
_CAPS_INVERTED = re.compile(rf"(?<![\w.])(?P<sur>[A-Z][A-Z'’-]{{2,}}),[^\S\n]*(?P<given>[A-Z]{{2,}})(?:{_H}(?P<mid>[A-Z]\.|[A-Z]{{2,}}))?(?![\w])")
# the surname in capitals first, then the given name as written: indexes, rosters, name checks
# ("DANIELS, Gerard", "FORD, Harold P.", "OSWALD, Lee Harvey")
_INVERTED_HOUSE = re.compile(
    rf"(?<![\w.])(?P<sur>[A-Z][A-Z'’-]{{2,}}),[^\S\n]*(?P<given>[A-Z][a-z]+)(?:{_H}(?P<mid>[A-Z]\.?(?:[A-Z]\.?)?|[A-Z][a-z]+))?(?![\w])"
)
_HOUSE = re.compile(rf"(?<![\w.])(?P<given>[A-Z][a-z]+)(?:{_H}(?P<mid>[A-Z]\.))?{_H}(?P<sur>[A-Z]{{3,}}[A-Z'’-]*)(?:{_H}(?P<second>[A-Z][a-z]+))?(?![\w])")


# an office symbol before a name, as CIA routing and drafting lines print them: "CI/OP Richard Ober",
# "WH/1/Charles M.Bounds"
_AFTER_SYMBOL = re.compile(
    r"(?<![\w/])(?:[A-Z]{1,5}/)+[A-Z0-9]{1,5}(?:/|[^\S\n]+)"
    r"(?P<name>(?P<given>[A-Z][a-z]+)(?:[^\S\n]+|[^\S\n]*(?P<mid>[A-Z]\.)[^\S\n]*)(?P<sur>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))(?![\w])"
)
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+[^\S\n]+(?:[A-Z]\.[^\S\n]*)?$")
_PATRONYMIC = re.compile(r"(?i)[A-Z][a-z]+(?:ovich|evich|ovna|evna|ichna)")


def patronymic(word: str) -> bool:
    """A Russian patronymic ("Ivanovich", "Nikolayevna"): a word only a person's name holds."""
    return bool(_PATRONYMIC.fullmatch(word))


_LONE = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][a-z]{2,})(?![\w'’-]*[\w])(?!['’]\w)")


_GLUED = re.compile(r"[,.][^\S\n]*[A-Z]\.|[:«»(\[{/|]\S|[^\S\n]*:")


def lone_given_names(text: str) -> list[Mention]:
    """A given name standing alone in running text ("still pulsing Jim and Bill", "Don and Nancy
    were confirmed") is a person; not a given name that is as often a word or a place ("Bill",
    "Florence"), not one beside another capitalised word (a longer name, read elsewhere)."""
    given, _ = _data()
    also = rules.words("given_names_also_words")
    out = []
    for m in _LONE.finditer(text):
        w = m.group("name")
        f = w.lower()
        if f not in given or f in also:
            continue
        nxt = re.match(r"[^\S\n]+([A-Z])", text[m.end() : m.end() + 3])
        prev = re.search(r"([A-Za-z]+)[^\S\n]+$", text[max(0, m.start() - 30) : m.start()])
        if nxt or (prev and prev.group(1)[:1].isupper() and prev.group(1).lower() not in ("and", "or")):
            continue  # "Jim Jeffrey", "Mount Vernon": part of a longer name
        if _GLUED.match(text, m.end()):
            continue  # "Eileen, M. Wukitch", "Felix«Fernendez", "Ben :": a name OCR broke, or a label
        out.append(Mention(m.start(), m.end(), w, "person", f"person:{slug(w)}", w, LONE_SOURCE, LONE_PRIORITY))
    return out


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str]]:
    given = frozenset(w.lower() for w in read_words("declass.extract", "data/given_names.txt"))
    not_sur = frozenset(w.upper() for w in rules.words("not_surnames"))
    return given, not_sur


def given_names() -> frozenset[str]:
    """Given names (lower case) from ``data/given_names.txt``."""
    return _data()[0]


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """A broader list, folded to ASCII: ``given_names.txt`` and the given names of many languages in
    ``data/given_names_world.txt``, less those that are common words of the records ("Will",
    "Page") or places of the gazetteer ("Jordan", "Salem"). Too broad to make a word alone a
    person; enough to tell "Samantha Power" from an organisation."""
    index = places.gazetteer().index
    return frozenset({w for w in _given_anywhere() if w not in index} | {fold(w) for w in given_names()})


@lru_cache(maxsize=1)
def _given_anywhere() -> frozenset[str]:
    """Every given name of both lists, places' names among them ("Chester"), less common words:
    enough where the form itself says a name follows ("ITO, Chester")."""
    words = common_words()
    return frozenset({fold(w) for w in given_names()} | {w for w in read_words("declass.extract", "data/given_names_world.txt") if w not in words})


@lru_cache(maxsize=1)
def world_surnames() -> frozenset[str]:
    """Surnames of many languages, folded to ASCII (``data/surnames_world.txt``): what tells the
    surname "Power" in "Samantha Power" from the word "Chemical" in "Dow Chemical"."""
    return read_words("declass.extract", "data/surnames_world.txt")


def _surname(w: str, given: frozenset[str], not_sur: frozenset[str]) -> bool:
    """A word in capitals that can be a surname: not a cable word, not a past tense ("RAY
    INDICATED"), not an institution's head noun ("SERVICE, JORGE"), not a big city
    ("TEGUCIGALPA, IVAN")."""
    if w in not_sur or w.lower() in rules.words("institution_heads"):
        return False
    if len(w) >= 6 and w.endswith("ED") and w.lower() not in given:
        return False
    cands = places.gazetteer().index.get(fold(w)) or []
    return not any(p.kind in ("country", "region") or (p.kind == "city" and p.population >= 500_000) for p in cands)


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
    for m in _CAPS_INVERTED.finditer(text):
        # "OSWALD, LEE HARVEY", "CASTRO, FIDEL": subject lines and indexes put the surname first
        mid = m.group("mid")
        if m.group("given").lower() not in given or not _surname(m.group("sur"), given, not_sur):
            continue
        end = m.end() if mid and (len(mid) <= 2 or (mid.lower() in given and mid not in not_sur)) else m.end("given")
        parts = [m.group("given"), *([mid] if mid and end == m.end() else []), m.group("sur")]
        name = _title(" ".join(parts))
        out.append(Mention(m.start(), end, text[m.start() : end], "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
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
    anyname = _given_anywhere()
    for m in _INVERTED_HOUSE.finditer(text):
        if fold(m.group("given")) not in anyname or not _surname(m.group("sur"), given, not_sur):
            continue
        if _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Joseph R. MOROLA, Gordon Cooper": the capitals end a name, a list goes on
        mid = m.group("mid")
        if mid and len(mid.strip(".")) > 2 and fold(mid) not in anyname and not patronymic(mid):
            mid = None  # "DANIELS, Gerard Award": the next word is no second given name (a patronymic is)
        end = m.end("mid") if mid else m.end("given")
        name = " ".join([m.group("given"), *([mid] if mid else []), _title(m.group("sur"))])
        out.append(Mention(m.start(), end, text[m.start() : end], "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    words = common_words()
    for m in _AFTER_SYMBOL.finditer(text):
        sur = m.group("sur")
        if m.group("given").lower() not in given or sur.lower() in words or sur.lower() in given:
            continue
        name = " ".join([m.group("given"), *([m.group("mid")] if m.group("mid") else []), sur])
        out.append(Mention(m.start("name"), m.end("name"), m.group("name"), "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out + lone_given_names(text)
