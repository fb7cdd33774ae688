"""CIA cable originators: the station or headquarters component that sent a cable.

A cable names its originator in three places, each of which OCR damages in its own way:

- the sender line, ``FROM: DIRECTOR``, whose label scanned typewriter ribbon turns into
  "ftom,", "Feom:", "frou,", "HOm", "*90m.", "F20M:";
- the cite line, ``CITE MEXI 4455`` or ``STAFF 0623312 DIRECTOR 323590``;
- the value itself, "DIPECTOR", "SIRECTOR".

The originators are data (``cia_stations.tsv``: a station's code as printed and the place the
catalogue names, headquarters' ``DIR`` included). A damaged label is accepted only before a known
originator, so a sentence that starts with "from" is never a sender; a damaged value is repaired
only to a long originator one edit away ("DIPECTOR" -> "DIRECTOR"), never a four-letter code, whose
neighbours are too many.

FBI field offices, which send the Bureau's memoranda and airtels, are shown with the file code the
Bureau and NARA's catalogue use for them ("SAC, MIAMI" -> "SAC, MIAMI (MM)", ``fbi_offices.tsv``)."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from declass.anatomy.data import load_tsv, load_yaml

# a damaged FROM label: within two edits of "from", and still holding its "m" or its "fr"
LABEL_EDITS = 2
# a value is repaired to an originator of at least this length one edit away
FUZZY_MIN_LEN = 6

_TOKEN = re.compile(r"[A-Za-z0-9¥#]+")
# a word that may be a damaged label, its punctuation, then a capital
_LABEL = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9¥]{2,5})(?:[:;.,_“\"'‘]|[^\S\n])+(?=[A-Z])")
# specks between a sender's label and its value: "4,", "•", "+", "og |"
_JUNK = re.compile(r"^(?:(?:[^\w\s]{1,2}|\d|[a-z]{1,2})[,.]?[^\S\n]+){1,2}")
_PARAGRAPH = re.compile(r"^[^\S\n]*1[.,][^\S\n]+\S", re.M)


@lru_cache(maxsize=1)
def stations() -> dict[str, str]:
    """Code as printed -> place or component (``MEXI`` -> ``MEXICO CITY``)."""
    return {row[0]: row[1] for row in load_tsv("cia_stations.tsv")}


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Every printed form of an originator: its codes and its names."""
    return frozenset(stations()) | frozenset(stations().values())


def display(printed: str) -> str:
    """``MEXI`` -> ``MEXICO CITY (MEXI)``: the station as printed, and what it is."""
    name = stations().get(printed)
    return printed if name is None or name == printed else f"{name} ({printed})"


def known(value: str, fuzzy: bool = True) -> str | None:
    """The originator a value starts with, as :func:`display` shows it, or None.
    ``"DIRECTOR is :"`` -> ``DIRECTOR``; ``"MEXI (oP) Into"`` -> ``MEXICO CITY (MEXI)``;
    ``"DIPECTOR Re cory a"`` -> ``DIRECTOR`` (one edit from a long originator)."""
    words = _TOKEN.findall(value[:60])
    if not words or not words[0].isupper():
        return None  # printed in capitals: "Santiago de Cuba" is a place, not a sender
    words = [w.upper() for w in words]  # "MEXICO CiTY"
    names = _names()
    for n in (3, 2, 1):  # the longest printed form first: "RIO DE JANEIRO" before "RIO"
        cand = " ".join(words[:n])
        if len(words) >= n and cand in names:
            return display(cand)
    first = words[0]
    if fuzzy and len(first) >= FUZZY_MIN_LEN:
        near = [n for n in names if len(n) >= FUZZY_MIN_LEN and " " not in n and Levenshtein.distance(first, n, score_cutoff=1) <= 1]
        if len(near) == 1:
            return display(near[0])
    return None


def exact(value: str) -> str | None:
    """A sender that is exactly a station's code or name, specks stripped, shown as :func:`display`
    shows it ("MEXI" -> "MEXICO CITY (MEXI)", "! MEXICO CITY" -> "MEXICO CITY"); None otherwise."""
    v = re.sub(r"\s+", " ", value.strip(" •·*.:;,'\"‘’“”|!")).upper()
    return display(v) if v in _names() else None


def repaired(value: str) -> str | None:
    """A cable's sender as its header printed it, OCR-damaged ("DIPECTOR Re cory a"), as the
    originator it is one edit from; None when the value is not such a damaged originator."""
    if known(value, fuzzy=False) is None:
        return known(value)
    return None


def is_from_label(token: str) -> bool:
    """Is this token what OCR left of a FROM label ("ftom", "Feom", "frou", "HOm", "F20M")? One
    edit away, or two for a token not in capitals that keeps the label's "m", or a three-letter
    "FR." (so "ROME" is a station, "FRAY" a word, and "tom", "Om,", "stom." and "FRC" labels)."""
    t = token.lower().replace("0", "o").replace("2", "r")
    if not 2 <= len(t) <= 5:
        return False
    edits = Levenshtein.distance(t, "from", score_cutoff=2)
    return edits <= 1 or (edits == 2 and (("m" in t and not token.isupper()) or (len(t) == 3 and t.startswith("fr"))))


def first_paragraph(text: str) -> int | None:
    """Where a cable's, dispatch's or memo's first numbered paragraph ("1. ...") starts."""
    para = _PARAGRAPH.search(text)
    return para.start() if para else None


def above_first_paragraph(text: str) -> str:
    """The text before the first numbered paragraph: the head of a cable, dispatch or memo."""
    return text[: first_paragraph(text)]


def damaged_sender(head: str) -> str | None:
    """The originator after a FROM label that OCR damaged: ``"ftom, DIRECTOR"``, ``"i: Feom:
    DIRECTOR"``, ``"t FROM DIRECTOR *"``. Clean text may have run the header's lines together, so the
    label is looked for anywhere before the cable's first numbered paragraph."""
    top = above_first_paragraph(head)
    for m in _LABEL.finditer(top):
        loose = not is_from_label(m.group(1))
        if loose and not _headquarters_label(m.group(1)):
            continue
        before = top[max(0, m.start() - 30) : m.start()].split()
        if m.group(1) == "FROM" and before and re.fullmatch(r"[A-Z]{3,}", before[-1]) and top[m.end(1)] == " ":
            continue  # "ARRIVED PARI FROM LOND": a sentence of a cable in capitals, not its sender line
        value = _JUNK.sub("", top[m.end() : m.end() + 70], count=1)  # "PROM 4, PARIS", "(FROM + HAVANA"
        if (sender := known(value)) and (not loose or sender == stations().get("DIR")):
            return sender
    return None


def _headquarters_label(token: str) -> bool:
    """A label damaged further ("Frets", "feat:", "teow,", "tou:") is taken only before
    headquarters ("DIRECTOR"), which a cable names after FROM or TO alone, and never a word of the
    cable's routing ("REF", "INFO", "IMMEDIATE") or what is left of TO ("10", "Tor")."""
    t = token.lower().replace("0", "o")
    if len(t) < 3 or t in _cable_words() or t.startswith(("to", "1o")):
        return False  # "Tor DIRECTOR", "tog DIRECTOR": a TO label, damaged
    return Levenshtein.distance(t, "from", score_cutoff=3) <= 3


@lru_cache(maxsize=1)
def _cable_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("headers.yaml")["cable_words"])


@lru_cache(maxsize=1)
def _fbi_offices() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = load_tsv("fbi_offices.tsv")
    codes = {office: code for code, office in rows}
    names = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(codes, key=len, reverse=True))
    return re.compile(r"^(SAC|LEGAT|ADIC|ASAC)[,.]?\s+(" + names + r")\b(?!\s*\([A-Z]{2,3}\))", re.I), codes


def fbi_office(value: str) -> str:
    """An FBI field office's sender or addressee with the office's file code after its name:
    "SAC, MIAMI (105-8988) (P)" -> "SAC, MIAMI (MM) (105-8988) (P)". Anything else as printed."""
    pattern, codes = _fbi_offices()
    m = pattern.match(value)
    if not m:
        return value
    code = codes[re.sub(r"\s+", " ", m.group(2).upper())]
    return f"{value[: m.end()]} ({code}){value[m.end() :]}"


def cited(code: str) -> str:
    """A cite line's station as displayed; a code one edit from exactly one known four-letter
    code is taken as that code ("MEXT", "MEX!", "MEX" -> "MEXI") only because a cite line names a
    station."""
    code = code.strip(" “\"'‘").upper().replace("!", "I")  # "MEX!": an I scanned as "!"
    if code in stations():
        return display(code)
    if sender := known(code):
        return sender
    if 3 <= len(code) <= 5 and " " not in code:
        near = [c for c in stations() if len(c) == 4 and Levenshtein.distance(code, c, score_cutoff=1) <= 1]
        if len(near) == 1:
            return display(near[0])
    return code
