"""Correspondents as the thread spells them: OCR repair of the top message's From/To/Cc.

A scanned e-mail's top header is often the worst-printed part of the page ("'sullivanij@state.gov'",
"a bed in h@state.gov", "cheryl.mill" cut at the margin), while the same thread quotes the same
people again further down, usually cleanly ("From: Sullivan, Jacob J <SullivanJJ@state.gov>").
A reader fixes the top line from those spellings; so does this stage, cautiously:

- a value is only replaced by a spelling printed elsewhere in the same document, never invented;
- an address is touched only when it is not well formed (spaces in it, a top-level domain that
  does not exist: "state.goy"), and then only to a well-formed address within two edits;
- a name only when OCR split one of its words ("Abed in, Huma") and the joined spelling is printed;
- a mailbox name only when cut or damaged at its end ("preine", "jake.sullivar") and a longer
  spelling is printed (a changed last letter needs that spelling printed twice);
- exactly one spelling may qualify; two as close leave the value as printed.

A well-formed but wrong address ("sullivanij@state.gov") stays as printed: nothing in one
document says which of two well-formed spellings is right.

Each repair is reported in the record's warnings with both spellings."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pycountry
from rapidfuzz.distance import Levenshtein

from declass.anatomy.data import load_yaml
from declass.record import Header

# an address, a "Last, First" name, or a bare mailbox name in a header line
_ADDRESS_LEFT = re.compile(r"[A-Za-z0-9][\w.'-]*$")
_ADDRESS_RIGHT = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_LINE = re.compile(r"^[^\S\n]*(?:From|To|Cc|CC|Sent by)[^\S\n]*:[^\S\n]*(?P<v>[^\n]+)$", re.M)
_PART = re.compile(r"^(?P<name>.*?)\s*(?:[<\[(](?:mailto:)?(?P<addr>[^>\])]*)[>\])]?)?\s*$")
_QUOTES = " '\"`‘’“”"
MIN_LEN = 5  # shorter forms ("H", "cb") are left as printed: too many near neighbours
MIN_SEEN = 2  # a spelling printed once may be damaged itself: a changed letter needs one printed twice


@lru_cache(maxsize=1)
def _well_formed() -> re.Pattern[str]:
    """An address as mail systems write it, ending in a real top-level domain."""
    tlds = set(load_yaml("headers.yaml")["email_tlds"]) | {c.alpha_2.lower() for c in pycountry.countries}
    return re.compile(r"[a-z0-9][a-z0-9._'+-]*@(?:[a-z0-9-]+\.)+(?:" + "|".join(sorted(tlds)) + ")", re.I)


_UNSPACED = re.compile("[" + re.escape(_QUOTES) + r"\s]")


def _key(s: str) -> str:
    """How two spellings compare: without spaces, quotes and case."""
    return _UNSPACED.sub("", s).lower().strip(".,;:")


def _vocabulary(text: str) -> dict[str, tuple[str, int]]:
    """key -> (spelling, how often printed) for the names and addresses in ``text``; of the
    spellings of one key, the one with the fewest spaces ("Abedin, Huma" over "Abed in, Huma")."""
    seen: Counter[str] = Counter()
    for m in _LINE.finditer(text):
        for unit in m.group("v").split(";"):
            p = _PART.match(unit.strip())
            if p is None:
                continue
            for part in (p.group("name"), p.group("addr")):
                part = (part or "").strip(_QUOTES + ".,;:")
                if MIN_LEN <= len(part) <= 80 and "@" not in part:  # addresses: counted below, once
                    seen[part] += 1
    at = text.find("@")
    while at != -1:  # around each "@" (a scan for "@" is much cheaper than for an address)
        left = _ADDRESS_LEFT.search(text, max(0, at - 80), at)
        right = _ADDRESS_RIGHT.match(text, at)
        if left is not None and right is not None:
            seen[(left.group(0) + right.group(0)).strip("'.")] += 1
        at = text.find("@", at + 1)
    spelling: dict[str, str] = {}
    count: Counter[str] = Counter()
    for form, n in seen.items():
        k = _key(form)
        if len(k) < MIN_LEN:
            continue
        count[k] += n
        old = spelling.get(k)
        if old is None or (form.count(" "), -n) < (old.count(" "), -seen[old]):
            spelling[k] = form
    return {k: (spelling[k], count[k]) for k in spelling}


def _address(part: str, k: str, vocab: dict[str, tuple[str, int]]) -> str | None:
    """A damaged address ("a bed in h@state.gov", "millscd@state.goy") to the well-formed one
    printed elsewhere within two edits; a well-formed address is left as printed."""
    ok = _well_formed()
    if ok.fullmatch(part.strip(".,;:")):
        return None
    limit = 1 if len(k) < 12 else 2
    close = sorted(
        (d, v)
        for v, (form, _n) in vocab.items()
        if "@" in v and abs(len(v) - len(k)) <= limit and ok.fullmatch(form)
        and (d := Levenshtein.distance(k, v, score_cutoff=limit)) <= limit
    )
    if not close or (len(close) > 1 and close[1][0] == close[0][0]):
        return None  # nothing close, or two spellings as close: no choice to make
    return vocab[close[0][1]][0]


def _name(part: str, k: str, vocab: dict[str, tuple[str, int]]) -> str | None:
    """A name with a word split by OCR ("Abed in, Huma") to the joined spelling printed elsewhere."""
    form = vocab.get(k, (part, 0))[0]
    return form if 0 < form.count(" ") < part.count(" ") else None


def _handle(part: str, k: str, vocab: dict[str, tuple[str, int]]) -> str | None:
    """A mailbox name cut or damaged at its end by the right margin ("jake.sullivar", "preine") to
    the longer spelling printed elsewhere."""
    if k in vocab:
        return None
    close = [
        v
        for v, (form, n) in vocab.items()
        if "@" not in v and " " not in form and v[: len(k) - 1] == k[:-1] and 0 <= len(v) - len(k) <= 2
        and (len(v) > len(k) or n >= MIN_SEEN)
    ]
    return vocab[close[0]][0] if len(close) == 1 else None


def _repair(part: str, vocab: dict[str, tuple[str, int]]) -> str | None:
    """The spelling elsewhere in the document that ``part`` is an OCR-damaged copy of, if any."""
    k = _key(part)
    if len(k) < MIN_LEN:
        return None
    if "@" in k:
        return _address(part, k, vocab)
    if " " in part:
        return _name(part, k, vocab)
    return _handle(part, k, vocab)


def _unit(unit: str, vocab: dict[str, tuple[str, int]]) -> tuple[str, bool]:
    """``unit`` without wrapping quotes, its name and address repaired; and whether one was."""
    p = _PART.match(unit)
    if p is None:
        return unit, False
    name, addr = (p.group("name") or "").strip(_QUOTES), (p.group("addr") or "").strip(_QUOTES)
    new_name = _repair(name, vocab)
    new_addr = _repair(addr, vocab) if addr else None
    name, addr = new_name or name, new_addr or addr
    value = (f"{name} <{addr}>" if name else addr) if p.group("addr") is not None else name
    return value, new_name is not None or new_addr is not None


def repair(header: Header, elsewhere: str, warnings: list[str]) -> None:
    """Repair ``header``'s correspondents from the spellings printed in ``elsewhere`` (the rest of
    the document, without the top header itself)."""
    vocab = _vocabulary(elsewhere)

    def fix(label: str, value: str) -> str:
        new, repaired = _unit(value, vocab)
        if repaired:
            warnings.append(f"header.{label}: OCR {value!r} read as {new!r}, as the document prints it elsewhere")
        return new or value

    if header.from_:
        header.from_ = fix("from", header.from_)
    header.to = [fix("to", t) for t in header.to]
    header.cc = [fix("cc", c) for c in header.cc]
