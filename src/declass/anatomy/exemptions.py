"""Exemption codes in every printed form, normalised to canonical codes.

Codes are corrected only inside a recognised pattern and only to a legal code (the keys of
``data/exemptions.yaml``): there is no ``B0``, ``(b)(10)``, ``25X0`` or ``1.4(i)``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from declass.anatomy.data import load_yaml


@dataclass(frozen=True, slots=True)
class CodeHit:
    """One code token in a string: where, what was printed, what it means (maybe nothing)."""

    start: int
    end: int
    raw: str
    codes: tuple[str, ...]  # canonical codes; empty for a damaged token such as a bare "1.4"
    strong: bool  # a token that cannot be ordinary prose (B6, 1.4(b), 25X1, (b)(6))
    exact: bool = True  # printed as the code is, without an OCR correction ("BS", "BI", "b 4" are not)


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_yaml("exemptions.yaml")


def legal_codes() -> dict[str, str]:
    return dict(_data()["codes"])


def meaning(code: str) -> str | None:
    return _data()["codes"].get(code)


_D = r"[1-9lIi|SGZ]"  # a digit as OCR prints it
_TOKEN = re.compile(
    r"""
    (?P<eo>(?:(?<![\w.])|(?<=\)\.))(?P<maj>[1Il3])[.,]\s?(?P<sec>[345])
        (?:\s*(?:\(\s*(?P<paren>[A-Ha-h80](?:(?:\s*\)\s*\(\s*|\s*\)?\s*(?:[,/&]|(?i:\band\b))\s*\(?\s*)[A-Ha-h80])*)\s*\)?
               |\s?(?P<bare>[A-Ha-h](?:\s*(?:[,/&]|(?i:\band\b))\s*[A-Ha-h])*)(?![A-Za-z]))
           (?:\s*\(\s*(?P<sub>\d)\s*\))?)?
        (?:(?<=\))|(?![\d.])))
  | (?P<x>(?<![\w])(?P<xn>[257])\s?[5O0]\s?[Xx]\s?(?P<xd>[1-9lI])(?P<xs>[A-Z])?(?:\s?-\s?(?P<xh>HUM|WMD|human))?(?![\w]))
  | (?P<foia>(?<![A-HJ-Za-km-z0-9(/])\(?\s?[bB]\s?\)?\s?\(?\s?(?P<bd>"""
    + _D
    + r""")\s?\)?(?:\s?\(?\s?(?P<bs>[A-Fa-f])\s?\))?(?P<btail>[A-Fa-f](?![A-Za-z]))?(?![\w]))
  | (?P<pa>(?<![\w])\((?P<pal>[jkd])\)\s?\((?P<pad>[1-7])\)(?![\w]))
  | (?P<pa2>(?<![\w])(?P<pal2>[jkJK])(?P<pad2>[1-7])(?![\w]))
    """,
    re.VERBOSE,
)


_AND = re.compile(r"\band\b", re.I)


def _digit(ch: str) -> str | None:
    if ch.isdigit():
        return ch
    return _data()["digit_confusions"].get(ch)


def _letter(ch: str) -> str:
    return _data()["letter_confusions"].get(ch, ch).lower()


def _legal(code: str) -> bool:
    return code in _data()["codes"]


def _exact(m: re.Match[str]) -> bool:
    """Was the code printed as itself, with no digit or letter read from a look-alike?"""
    if m.group("foia"):
        return m.group("bd").isdigit() and re.search(r"[bB]\s+\d", m.group(0)) is None
    if m.group("x"):
        return m.group("xd").isdigit()
    if m.group("eo"):
        return m.group("maj") in "13" and not re.search(r"[80]", m.group("paren") or "")
    return m.group("pa") is not None


def find_codes(s: str) -> list[CodeHit]:
    """Every code-shaped token in ``s`` (callers decide whether the context is a code run)."""
    hits: list[CodeHit] = []
    for m in _TOKEN.finditer(s):
        codes: list[str] = []
        strong = True
        if m.group("eo"):
            sec = m.group("sec")
            letters = m.group("paren") or m.group("bare") or ""
            sub = m.group("sub")
            if m.group("maj") == "3":
                alias = _data()["section_aliases"].get(f"3.{sec}({letters.lower()})({sub})")
                if not alias:
                    continue  # 3.5(c) and the like cite an authority, not an exemption
                codes.append(alias)
            else:
                for ch in re.findall(r"[A-Ha-h80]", _AND.sub(" ", letters)):
                    code = f"1.{sec}({_letter(ch)})"
                    if _legal(code):
                        codes.append(code)
            if not letters:
                strong = False  # "1.4" with its letter lost: (b)(1) of an unknown category
        elif m.group("x"):
            d = _digit(m.group("xd"))
            n = m.group("xn")
            if m.group("xh"):
                code = "50X1-HUM" if m.group("xh").lower() == "human" or m.group("xh") == "HUM" else "50X2-WMD"
            else:
                code = f"{n}5X{d}" if n == "2" else f"{n}0X{d}"
                if n != "2" and code not in _data()["codes"]:
                    code = f"{n}0X{d}"
            if _legal(code):
                codes.append(code)
            elif n == "7" and d:
                codes.append(f"75X{d}")
        elif m.group("foia"):
            d = _digit(m.group("bd"))
            sub = m.group("bs") or m.group("btail")
            if d:
                code = f"(b)({d})" + (f"({sub.upper()})" if sub and d == "7" else "")
                if _legal(code):
                    codes.append(code)
            # a bare lower-case "b6"/"bl" is weaker than "B6" or "(b)(6)"
            strong = bool(codes)
        elif m.group("pa"):
            code = f"({m.group('pal')})({m.group('pad')})"
            if _legal(code):
                codes.append(code)
        elif m.group("pa2"):
            code = f"({m.group('pal2').lower()})({m.group('pad2')})"
            if _legal(code):
                codes.append(code)
            strong = False
        if codes or not strong:
            hits.append(CodeHit(m.start(), m.end(), m.group(0), tuple(codes), strong and bool(codes), _exact(m)))
    return hits


def normalise(s: str) -> list[str]:
    """Canonical codes printed in ``s``, unique and sorted."""
    return sort_codes({c for h in find_codes(s) for c in h.codes})


_ORDER = {"1": 0, "2": 1, "5": 2, "7": 3, "(": 4}


def sort_codes(codes: set[str] | list[str]) -> list[str]:
    return sorted(set(codes), key=lambda c: (_ORDER.get(c[0], 9), c))


@lru_cache(maxsize=1)
def _statute_re() -> re.Pattern[str]:
    names = sorted(_data()["statutes"], key=len, reverse=True)
    named = "|".join(re.escape(n).replace(r"\ ", r"\s?") for n in names)
    # or agencies whose statutes apply, slash-joined acronyms as State prints them: "B3 DIA/NRO/NGA"
    return re.compile(r"(?<![\w])(?:(?i:" + named + r")|[A-Z]{2,6}(?:/[A-Z]{2,6})+)(?![\w])")


# every code has a digit, or a letter OCR prints for one ("Bl", "BG", "BS")
_MAYBE = re.compile(r"\d+|(?<![A-Za-z])[Bb][lIGS](?![A-Za-z])")

_WORD = re.compile(r"[A-Za-z]{4,}")


@lru_cache(maxsize=1)
def _statute_words() -> frozenset[str]:
    words = {w.upper() for st in _data()["statutes"] for w in re.findall(r"[A-Za-z]{4,}", st)}
    return frozenset(words | {"HUMAN"})


def lines_maybe_coded(text: str, line_starts: list[int]) -> list[int]:
    """Indices of the lines (given by their start offsets) that could hold a code, in one pass."""
    found: list[int] = []
    pos, n = 0, len(line_starts)
    while (m := _MAYBE.search(text, pos)) is not None:
        i = bisect.bisect_right(line_starts, m.start()) - 1
        found.append(i)
        pos = line_starts[i + 1] if i + 1 < n else len(text)  # the rest of this line: already in
    return found


# what may sit between codes in a margin run: separators, box edges, OCR dust
_FILLER = re.compile(r"^[\s,;:.&/|()\[\]{}_\-—–~'\"`*+=<>!•·°]*(?:and)?[\s,;:.&/|()\[\]{}_\-—–~'\"`*+=<>!•·°]*$", re.I)


def code_run(s: str) -> tuple[list[CodeHit], str] | None:
    """If ``s`` is nothing but exemption codes (with separators, box edges and (b)(3) statutes),
    return its code hits and the statutes text; otherwise ``None``."""
    if not s or len(s) > 200 or not _MAYBE.search(s):
        return None
    words = _WORD.findall(s)
    if words and not _statute_words().issuperset(w.upper() for w in words):
        return None  # a word that is neither a code nor a statute: prose
    hits = find_codes(s)
    if not hits:
        return None
    if not any(h.strong for h in hits):
        # a run of weak tokens ("b6", "1.4") counts only if it is the whole string and has a legal code
        if not any(h.codes for h in hits) or any(not h.codes for h in hits):
            return None
    pos = 0
    rest: list[str] = []
    for h in hits:
        rest.append(s[pos : h.start])
        pos = h.end
    rest.append(s[pos:])
    statutes: list[str] = []
    for gap in rest:
        if _FILLER.match(gap) or (len(gap.strip()) <= 2 and _FILLER.match(gap.replace("l", "").replace("I", ""))):
            continue  # separators, or a box edge read as "l" / "I"
        stripped = _statute_re().sub(lambda m: statutes.append(m.group(0)) or " ", gap)  # type: ignore[func-returns-value]
        if not _FILLER.match(stripped):
            return None
    return hits, " ".join(statutes)
