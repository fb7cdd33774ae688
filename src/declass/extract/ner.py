"""The statistical model (spaCy): people, organisations and places that no pack or gazetteer
names. Its model is a setting (``spacy_model``); without it declass still runs, with a warning.
Only the tokenizer and the entity recogniser run (no parser): that is what it costs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from declass import settings
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug
from declass.read.quality import common_words

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
MAX_CHARS = 1_000_000


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


def find(text: str) -> list[Mention]:
    nlp = model()
    if nlp is None or not text.strip():
        return []
    doc = nlp(text[:MAX_CHARS])
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
        s = text[a:b]
        if len(s) < 2 or _JUNK.search(s) or "\n\n" in s:
            continue
        toks = s.split()
        if all(w.lower() in words for w in toks) and not (typ == "person" and len(toks) > 1):
            continue  # "Drafted", "Secretary": words, not names
        if typ == "person" and (s.isupper() and len(toks) == 1 and len(s) <= 3):
            continue
        if "/" in s:
            continue  # office symbols and markings
        name = " ".join(toks)
        out.append(Mention(a, b, s, typ, f"{typ}:{slug(name)}", name, f"model:{settings.get().spacy_model}", 10, {}))
    return out


def same_name(a: str, b: str) -> bool:
    return fold(a) == fold(b)
