"""Is a page's text real text? Character statistics and the share of common words.

A PDF text layer can exist and still be useless: glyphs mapped to the wrong code points, a
scanner's invisible OCR of noise, a font with no Unicode map. Those pages read as letters in no
language. :func:`assess` scores a page from 0 (garbage) to 1 (ordinary prose); the PDF reader
sends a page below :data:`GARBAGE_BELOW` to OCR."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

GARBAGE_BELOW = 0.35  # quality under this: the text layer is not worth keeping
MIN_WORDS = 12  # fewer word-like tokens than this: too little to judge by words

_TOKEN = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class Quality:
    score: float | None  # 0..1, None when the page has too little text to judge
    words: int  # word-like tokens
    known: float  # share of those tokens in the common-word list
    odd_chars: float  # share of characters that are neither letters, digits, punctuation nor space
    reason: str  # one line a user can read


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    text = resources.files("declass.read").joinpath("data/words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


# private-use glyphs, the replacement character, control characters, box drawing: what a broken
# font map or a binary stream decoded as text produces
_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u2500-\u259f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
_SPACE = re.compile(r"\s")


def assess(text: str) -> Quality:
    visible = len(text) - len(_SPACE.findall(text))
    if visible <= 0:
        return Quality(None, 0, 0.0, 0.0, "no text")
    odd = len(_ODD.findall(text)) / visible
    tokens = _TOKEN.findall(text.lower())
    known = sum(map(common_words().__contains__, tokens)) / len(tokens) if tokens else 0.0
    if odd > 0.2:
        return Quality(0.0, len(tokens), known, odd, f"{odd:.0%} of the characters are unprintable or private-use glyphs")
    if len(tokens) < MIN_WORDS:
        return Quality(None, len(tokens), known, odd, f"only {len(tokens)} words: too little text to judge")
    # prose in these records scores 0.6-0.9 on known words; OCR'd typescript 0.4-0.7
    score = max(0.0, min(1.0, known / 0.6)) * (1.0 - odd)
    reason = f"{known:.0%} of {len(tokens)} words are common words"
    return Quality(round(score, 3), len(tokens), known, odd, reason)


def is_garbage(q: Quality) -> bool:
    return q.score is not None and q.score < GARBAGE_BELOW
