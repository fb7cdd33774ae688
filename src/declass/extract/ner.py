"""The statistical model (spaCy): people, organisations and places that no pack or gazetteer
names. Its model is a setting (``spacy_model``); without it declass still runs, with a warning.
Only the tokenizer and the entity recogniser run (no parser): that is what it costs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from declass import settings
from declass.datafiles import load_yaml
from declass.extract.mention import Mention
from declass.extract.textutil import slug
from declass.read.quality import common_words

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}


class ModelUnavailable(Exception):
    pass


@lru_cache(maxsize=2)
def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    except (OSError, ImportError) as e:
        raise ModelUnavailable(f"the spaCy model {name!r} is not installed ({e}); entities come from packs, gazetteers and rules only") from e


def model() -> Any | None:
    """The loaded model, or None when the setting turns it off. Raises ModelUnavailable."""
    name = settings.get().spacy_model
    if not name or name.lower() == "none":
        return None
    return _load(name)


_JUNK = re.compile(r"\d|REDACTED|//|^[^A-Za-z]*$")
_STRIP_HEAD = re.compile(r"^(?:the|The|THE|a|an)\s+")
_STRIP_TAIL = re.compile(r"(?:'s|’s|[\s,.;:'\"’)-]+)$")


def find(text: str, warnings: list[str] | None = None) -> list[Mention]:
    nlp = model()
    if nlp is None or not text.strip():
        return []
    cap = settings.get().ner_max_chars
    if len(text) > cap and warnings is not None:
        warnings.append(
            f"the statistical model read the first {cap:,} of {len(text):,} characters (setting ner_max_chars); packs, gazetteers and rules read all"
        )
    doc = nlp(text[:cap])
    words = common_words()
    out = []
    for ent in doc.ents:
        typ = LABELS.get(ent.label_)
        if typ is None:
            continue
        a, b = ent.start_char, ent.end_char
        m = _STRIP_HEAD.match(text, a, b)
        if m:
            a = m.end()
        s = text[a:b]
        t = _STRIP_TAIL.search(s)
        if t:
            b = a + t.start()
        a, b = _cut(text, a, b)
        s = text[a:b]
        if len(s) < 2 or _JUNK.search(s):
            continue
        toks = s.split()
        if all(w.lower() in words for w in toks) and not (typ == "person" and len(toks) > 1):
            continue  # "Drafted", "Secretary": words, not names
        if typ == "person" and (s.isupper() and len(toks) == 1 and len(s) <= 3):
            continue
        if "/" in s:
            continue  # office symbols and markings
        if _ocr_junk(s, toks, words, text):
            continue
        name = " ".join(toks)
        if typ == "person" and len(toks) <= 2:
            # "Sullivan, Jacob J": e-mail headers print the surname first
            sur = re.search(r"(?:^|[\s;:<\"'])([A-Z][A-Za-z'’-]+),[^\S\n]*$", text[max(0, a - 40) : a])
            if sur and sur.group(1).lower() not in _stop_words() and sur.group(1).lower() not in ("dear", "hi", "hello", "thanks", "yes", "no", "ok", "well"):
                a = a - (len(text[max(0, a - 40) : a]) - sur.start(1))
                s = text[a:b]
                name = f"{name} {sur.group(1)}"
        out.append(Mention(a, b, s, typ, f"{typ}:{slug(name)}", name, f"model:{settings.get().spacy_model}", 10, {}))
    return out


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    data = load_yaml("declass.extract", "data/rules.yaml")
    return frozenset(w.lower() for w in data.get("not_in_names") or [])


def _cut(text: str, a: int, b: int) -> tuple[int, int]:
    """The name part of a model span: up to a line break, a bracket, or a word no name holds."""
    s = text[a:b]
    for stop in ("\n", "[", "(", "<", "|"):
        k = s.find(stop)
        if k >= 0:
            s = s[:k]
    stops = _stop_words()
    out = 0
    for w in re.finditer(r"\S+", s):
        if w.group(0).lower().strip(".,:;") in stops:
            break
        out = w.end()
    s = s[:out].rstrip(" ,.;:-")
    return a, a + len(s)


_MIXED = re.compile(r"[A-Z][a-z]+[A-Z]|[a-z][A-Z][a-z]|[A-Z]{2}[a-z]")  # "FOlA", "McX" is fine below
_VOWEL = re.compile(r"[AEIOUYaeiouy]")


def _ocr_junk(s: str, toks: list[str], words: frozenset[str], text: str) -> bool:
    """Names the model finds in OCR noise: "BRUN SEE THE LETTER", "FOlA Review", "DERSNREGEN"."""
    for w in toks:
        core = w.strip(".,'’-")
        if _MIXED.search(core) and not re.match(r"(?:Mc|Mac|O'|D'|De|La|Le|Van|Von)[A-Z]", core):
            return True
        if len(core) >= 4 and not _VOWEL.search(core):
            return True
    if s.isupper():
        common = sum(w.lower() in words for w in toks)
        if len(toks) > 1 and common >= len(toks) / 2:
            return True  # capitals of a running text, not a name
        if len(toks) == 1 and text.count(s) < 2:
            return True  # one all-capital word seen once: too little to call it a name
    return False
