"""Text helpers shared by the extractors: accent folding that keeps offsets, sentences, clauses."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate


def _base(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base[:1] if base else " "


# one character for one: Latin letters with diacritics to their base letter (é -> e, ñ -> n);
# other characters stay as they are
_FOLD_TABLE = {o: _base(chr(o)) for o in range(0x80, 0x250) if unicodedata.category(chr(o)).startswith("L") and _base(chr(o)) != chr(o)}


def fold_same_length(s: str) -> str:
    """``s`` with accents removed, one character for one (``León`` -> ``Leon``): offsets into the
    result are offsets into ``s``."""
    if s.isascii():
        return s
    # only the letters with diacritics are visited: translate() would look up every character
    return _FOLDABLE.sub(_fold_char, s)


_FOLDABLE = re.compile("[" + "".join(sorted(chr(o) for o in _FOLD_TABLE)) + "]")


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD_TABLE[ord(m.group())]


@lru_cache(maxsize=1)
def _combining() -> dict[int, None]:
    """Every combining mark (all lie below U+20000), for ``str.translate`` to delete."""
    return dict.fromkeys(c for c in range(0x20000) if unicodedata.combining(chr(c)))


_NOT_KEY = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """A key for comparing names: accents removed, case folded, punctuation to single spaces."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).translate(_combining())
    return _NOT_KEY.sub(" ", s.casefold()).strip()


def without_initials(name: str) -> str:
    """ "Jacob J Sullivan" -> "Jacob Sullivan", "Norman JJ Eyel" -> "Norman Eyel": a name without
    its middle initials (one letter, or two without a vowel: never a particle, "de", "al")."""
    toks = name.split()
    return " ".join([toks[0], *[t for t in toks[1:-1] if not _initials(t)], toks[-1]]) if len(toks) > 2 else name


def _initials(t: str) -> bool:
    core = t.replace(".", "")
    return len(core) <= 1 or (len(core) == 2 and core.isalpha() and not re.search(r"[aeiouyAEIOUY]", core))


def slug(s: str) -> str:
    return fold(s).replace(" ", "-")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


_ABBREV = (
    r"(?:U\.S|U\.N|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|Inc|Corp|Ltd|Jr|Sr|vs|etc|e\.g|i\.e|[A-Z])"
)
_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|\n\s*\n")


def sentences(text: str) -> Iterator[Span]:
    """Sentence spans: a stop followed by a capital, or a blank line; not after an abbreviation
    (``U.S.``, ``Gen.``, an initial)."""
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group(0)[0] == ".":
            before = text[max(0, m.start() - 6) : m.start()]
            if re.search(r"(?:^|[\s(])" + _ABBREV + r"$", before):
                continue
        end = m.end() if not m.group(0).startswith("\n") else m.start()
        if text[start:end].strip():
            yield _trim(text, start, end)
        start = m.end()
    if text[start:].strip():
        yield _trim(text, start, len(text))


def _trim(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b)


_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|\s+and\s+(?=(?:on|in|during|by)\s+(?:[A-Z]|\d))", re.I)


def clauses(text: str, sent: Span) -> list[Span]:
    """A sentence cut where a new clause begins (``, and on July 15, …``; ``;``)."""
    out: list[Span] = []
    a = sent.start
    for m in _CLAUSE.finditer(text, sent.start, sent.end):
        if m.start() > a:
            out.append(Span(a, m.start()))
        a = m.end()
    if a < sent.end:
        out.append(Span(a, sent.end))
    return out


def shouting(text: str) -> bool:
    """Whether a text is set all in capitals (more than 60 % of the letters of its first 20,000
    characters): there every word looks like a name."""
    letters = [c for c in text[:20000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


def line_of(text: str, a: int, b: int) -> str:
    """The line (or lines) of ``text`` that hold ``text[a:b]``, without their line breaks."""
    end = text.find("\n", b)
    return text[text.rfind("\n", 0, a) + 1 : end if end >= 0 else len(text)]


def in_capitals(s: str, share: float = 0.8) -> bool:
    """Whether ``s`` is set in capitals: at least ``share`` of its letters (a line of a cable;
    ``shouting`` asks it of a whole text)."""
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) >= share * len(letters)


class Spans:
    """Spans of a text already taken, ``[start, end)``: whether another overlaps one of them, in
    logarithmic time (a long cable has thousands)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b)  # the spans that begin before b
        return i > 0 and self.max_end[i - 1] > a
