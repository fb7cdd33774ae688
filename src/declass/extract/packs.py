"""Curated data packs: names, aliases, acronyms and attributes of the entities a subject needs.

A pack is a YAML file (see docs/packs.md): the packs shipped in ``extract/data/packs`` and any in
the folders of the setting ``packs`` (``DECLASS_PACKS``, separated by ``:``). A pack's names are
matched before any statistical model: they are the most precise knowledge declass has."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.distance import Levenshtein

from declass import settings
from declass.extract import housestyle, places, rules
from declass.extract.mention import Mention
from declass.extract.textutil import fold, fold_same_length, line_of, without_initials
from declass.extract.titles import honorifics, title_words
from declass.read.quality import common_words

PRIORITY = 40


@dataclass(slots=True)
class Entry:
    key: str
    pack: str
    type: str
    name: str
    aliases: list[str]
    weak: list[str] = field(default_factory=list)
    weak_not_before: list[str] = field(default_factory=list)
    weak_not_after: list[str] = field(default_factory=list)
    not_before: frozenset[str] = frozenset()  # any name of it, followed by one of these words, names something else
    not_after: frozenset[str] = frozenset()  # any name of it after one of these words names someone else ("Mrs. Oswald")
    surname: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    case_sensitive: bool = False  # also a word ("Intel", "Apple"): found only as written
    since: int | None = None  # the year the entity came to public notice: no document before it names it
    surname_after_honorific: bool = False  # "Mr. Belmont" names this person (an honorific licenses the surname)
    # acronyms that name it only after one of these words ("the WH", "to WH": the White House; CIA's
    # "C/WH", "WH/3" are its Western Hemisphere Division)
    acronyms_after: dict[str, frozenset[str]] = field(default_factory=dict)
    acronyms_since: int | None = None  # its acronyms name it only in documents of this year or later
    acronyms_until: int | None = None  # …and of this year or earlier ("POTUS" of 2009-2017 is Barack Obama)
    # acronyms the records also write in lower case, matched only as written ("hrc" in e-mails)
    lower_case_acronyms: list[str] = field(default_factory=list)
    surname_alone: SurnameAlone | None = None


@dataclass(frozen=True, slots=True)
class SurnameAlone:
    """Where a person's surname names them alone, without the full name or a title ("KENNEDY
    ASSASSINATION", "the attack on KENNEDY" in the records of the investigation)."""

    near: re.Pattern[str]  # a word (or its plural) the document's text holds: what it speaks of
    until: int | None  # the document was written by this year at the earliest (a 2011 e-mail's Kennedy is another)
    not_after: frozenset[str]  # the surname (alone or after a title) never after these words ("Senator KENNEDY", "Mrs. Kennedy")
    not_before: tuple[str, ...]  # …nor before these words or phrases ("Kennedy Library", "Kennedy Assassination Records")


@dataclass(slots=True)
class Matcher:
    entries: dict[str, Entry]
    by_alias: dict[str, str]  # fold(alias) -> key (strong names)
    by_weak: dict[str, str]
    by_surname: dict[str, str]
    acronyms: dict[str, str]  # exact acronym -> key
    words: AliasPattern | None  # case-insensitive names, on folded lowercase text
    weak_words: AliasPattern | None
    surnames: AliasPattern | None
    acronym_re: re.Pattern[str] | None
    people: dict[str, str]  # full names (two words or more) of persons, folded, also without initials -> key
    lone_surnames: dict[str, str]  # one-word aliases of persons (7 letters or more), folded -> key: misspellings match them


def _is_acronym(a: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,6}|[A-Z][A-Z0-9&-]{1,6}", a)) and any(c.isalpha() for c in a)


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


class AliasPattern:
    """The packs' names as one regex over folded lower-case text, searched only where a name can
    begin: at a token that starts with the first token of some name. ``finditer`` gives what
    ``re.finditer`` of the whole alternation (longest name first) gives, without trying every
    name at every position of the text (thousands of names: most of ``packs.find``'s time)."""

    def __init__(self, patterns: dict[str, set[str]]) -> None:
        self.by_first = {k: sorted(v, key=len, reverse=True) for k, v in patterns.items()}
        self.compiled: dict[tuple[str, ...], re.Pattern[str]] = {}  # a few hundred first-token sets
        self.firsts_of: dict[str, tuple[str, ...]] = {}  # a word of the text -> the first tokens it begins with
        self.pattern = self._compile(tuple(sorted(self.by_first)))  # the whole alternation, as it reads
        self.longest_first = max(len(k) for k in self.by_first)
        self.indexed = sum(len(v) for v in self.by_first.values()) >= 300  # a short list is quicker whole

    def _compile(self, firsts: tuple[str, ...]) -> re.Pattern[str]:
        pat = self.compiled.get(firsts)
        if pat is None:
            body = "|".join(sorted({p for k in firsts for p in self.by_first[k]}, key=len, reverse=True))
            pat = self.compiled[firsts] = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])")
        return pat

    def finditer(self, low: str) -> Iterable[re.Match[str]]:
        if not self.indexed:
            yield from self.pattern.finditer(low)
            return
        end = 0
        memo = self.firsts_of
        if len(memo) > 500_000:
            memo.clear()
        for tok in _TOKEN.finditer(low):
            t = tok.group()
            firsts = memo.get(t)
            if firsts is None:
                firsts = memo[t] = tuple(t[:k] for k in range(1, min(len(t), self.longest_first) + 1) if t[:k] in self.by_first)
            if firsts and tok.start() >= end and (m := self._compile(firsts).match(low, tok.start())):
                yield m
                end = m.end()


def _alias_pattern(aliases: Iterable[str]) -> AliasPattern | None:
    pats: dict[str, set[str]] = {}
    for a in aliases:
        toks = re.findall(r"[^\W_]+|[^\w\s]", fold_same_length(a).lower())
        if toks:
            pats.setdefault(toks[0], set()).add(r"[\s\-]*".join(re.escape(t) for t in toks))
    return AliasPattern(pats) if pats else None


def pack_files() -> list[Path]:
    files = sorted(Path(str(resources.files("declass.extract").joinpath("data/packs"))).glob("*.yaml"))
    for folder in (settings.get().packs or "").split(os.pathsep):
        if folder:
            p = Path(folder)
            files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    return files


def load_pack(path: Path) -> list[Entry]:
    """The entries of one pack file; raises ``ValueError`` naming the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ValueError(f"pack {path}: cannot read it ({e})") from e
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise ValueError(f"pack {path}: expected a mapping with a list 'entities'")
    name = str(data.get("pack") or path.stem)
    out = []
    for i, item in enumerate(data["entities"]):
        if not isinstance(item, dict) or not item.get("name") or item.get("type") not in ("person", "organization", "place"):
            raise ValueError(f"pack {path}: entity {i + 1} needs a name and a type (person, organization or place)")
        attrs = dict(item.get("attributes") or {})
        if item.get("kind"):
            attrs["kind"] = item["kind"]
        if data.get("country") and "country" not in attrs and item["type"] == "organization" and item.get("kind") != "international":
            attrs["country"] = data["country"]
        out.append(
            Entry(
                key=f"pack:{name}:{item.get('id') or fold(item['name']).replace(' ', '-')}",
                pack=name,
                type=item["type"],
                name=str(item["name"]),
                aliases=[str(a) for a in item.get("aliases") or []],
                weak=[str(a) for a in item.get("weak_aliases") or []],
                weak_not_before=[str(a) for a in item.get("weak_not_before") or []],
                not_before=frozenset(str(a).lower() for a in item.get("not_before") or []),
                not_after=frozenset(str(a).lower().rstrip(".") for a in item.get("not_after") or []),
                weak_not_after=[str(a) for a in item.get("weak_not_after") or []],
                surname=item.get("surname"),
                attributes=attrs,
                case_sensitive=bool(item.get("case_sensitive")),
                since=_year(item.get("since"), path, i),
                surname_after_honorific=bool(item.get("surname_after_honorific")),
                acronyms_after={str(k): frozenset(str(w).lower() for w in v) for k, v in (item.get("acronyms_after") or {}).items()},
                acronyms_since=_year(item.get("acronyms_since"), path, i),
                acronyms_until=_year(item.get("acronyms_until"), path, i),
                lower_case_acronyms=[str(a) for a in item.get("lower_case_acronyms") or [] if str(a).islower()],
                surname_alone=_surname_alone(item.get("surname_alone"), path, i),
            )
        )
    return out


def _surname_alone(v: Any, path: Path, i: int) -> SurnameAlone | None:
    if v is None:
        return None
    if not isinstance(v, dict) or not v.get("near"):
        raise ValueError(f"pack {path}: entity {i + 1}: surname_alone needs near: [words the document holds]")
    words = "|".join(re.escape(fold(str(w)).lower()) for w in v["near"])
    return SurnameAlone(
        re.compile(rf"\b(?:{words})s?\b"),
        _year(v.get("until"), path, i),
        frozenset(str(w).lower().rstrip(".") for w in v.get("not_after") or []),
        tuple(" ".join(fold(str(w)).lower().split()) for w in v.get("not_before") or []),
    )


def _year(v: Any, path: Path, i: int) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueError(f"pack {path}: entity {i + 1}: since must be a year (a whole number), not {v!r}")
    return v


def matcher() -> Matcher:
    """The matcher over the packs in force (the built-in ones and the setting ``packs``)."""
    return _matcher(tuple(pack_files()))


@lru_cache(maxsize=4)
def _matcher(files: tuple[Path, ...]) -> Matcher:
    entries: dict[str, Entry] = {}
    for f in files:
        for e in load_pack(f):
            entries[e.key] = e
    by_alias: dict[str, str] = {}
    acr: dict[str, str] = {}
    by_weak: dict[str, str] = {}
    by_surname: dict[str, str] = {}
    for e in entries.values():
        for a in [e.name, *e.aliases, *e.acronyms_after]:
            if _is_acronym(a):
                acr[a] = e.key
                acr[a.replace(".", "")] = e.key
            else:
                by_alias.setdefault(fold(a), e.key)
        for a in e.lower_case_acronyms:
            acr[a] = e.key
        for a in e.weak:
            by_weak.setdefault(fold(a), e.key)
        if e.surname:
            by_surname.setdefault(fold(e.surname), e.key)
    acr_re = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in sorted(acr, key=len, reverse=True)) + r")(?![\w])") if acr else None
    return Matcher(
        entries,
        by_alias,
        by_weak,
        by_surname,
        acr,
        _alias_pattern(a for e in entries.values() for a in [e.name, *e.aliases] if not _is_acronym(a)),
        _alias_pattern(by_weak_key for by_weak_key in {a for e in entries.values() for a in e.weak}),
        _alias_pattern({e.surname for e in entries.values() if e.surname}),
        acr_re,
        _people(entries),
        {f: k for f, k in by_alias.items() if " " not in f and len(f) >= 7 and entries[k].type == "person"},
    )


def _people(entries: dict[str, Entry]) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in entries.values():
        if e.type == "person":
            for n in (e.name, *e.aliases):
                f = fold(n)
                if len(f.split()) >= 2:
                    out.setdefault(f, e.key)
                    out.setdefault(without_initials(f), e.key)
    return out


def _mention(m: Matcher, key: str, text: str, a: int, b: int, how: str) -> Mention:
    e = m.entries[key]
    return Mention(a, b, text[a:b], e.type, key, e.name, f"pack:{e.pack}" + (f" ({how})" if how else ""), PRIORITY, dict(e.attributes))


def _part_of_other_name(e: Entry, text: str, end: int) -> bool:
    """ "JFK Assassination System", "JFK Project Officer": the name begins the name of something else
    (a stop OCR put between them aside: "JFK. Assassination System"; quotes and brackets too: "the
    “JFK Act.”", "<JFK> <ASSASSINATION>")."""
    after = re.match(r"\.?[\s<>\"“”'‘’(\[]*([A-Za-z]+)", text[end : end + 30])
    return after is not None and after.group(1).lower() in e.not_before


def _after_other_name(e: Entry, text: str, start: int) -> bool:
    """ "Mrs. Oswald", "Marina OSWALD": a name of the entity after a word that makes it another's."""
    return bool(e.not_after) and _word_before(text, start) in e.not_after


def names_another(key: str, text: str, start: int, end: int | None = None) -> bool:
    """Whether the pack entity ``key``'s name at ``start`` names someone else ("Mrs. Oswald") or,
    given its ``end``, begins the name of something else ("John F. Kennedy Assassination Records")."""
    e = matcher().entries.get(key)
    if e is None:
        return False
    return _after_other_name(e, text, start) or (end is not None and _part_of_other_name(e, text, end))


def _begins_institution(e: Entry, text: str, end: int) -> bool:
    """An organisation's name (not an acronym) before an institution's head noun begins another's:
    "The Atlantic Council" is no magazine ("CIA Office of Security" names the CIA too); on its
    line only ("U.S. Mission to the United Nations" / "Office 212-415-4300" in a signature)."""
    after = re.match(r"[^\S\n]+(\S+)", text[end : end + 30])
    if e.type != "organization" or after is None:
        return False
    word = after.group(1)
    return word[:1].isupper() and word.strip(".,;:").lower() in rules.words("institution_heads")


_NEXT_WORD = re.compile(r"(?:[^\S\n]+|-)([A-Z][a-z]+)\b")


_NEXT_CAPS = re.compile(r"[^\S\n]+([A-Z]{3,})(?![\w'’-])")


def _name_runs_on(e: Entry, text: str, end: int) -> bool:
    """A person's name followed by a capitalised word that is no common word is a longer name of
    someone else: "President Johnson Sirleaf" is not President Johnson."""
    if e.type != "person":
        return False
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1).lower() not in common_words()


def _given_name_runs_on(e: Entry, text: str, start: int, end: int) -> bool:
    """In capitals, a person's one-word name that is also a given name, before a word in capitals
    that is no word of the records, title or place, is someone else's given name ("RUBY JELSEN AND
    HER DAUGHTER" is not Jack Ruby; "OSWALD VISHED", OCR's, is Oswald)."""
    raw = text[start:end]
    if e.type != "person" or not raw.isupper() or " " in raw or fold(raw) not in housestyle.world_given_names():
        return False
    caps = _NEXT_CAPS.match(text, end)
    if caps is None:
        return False
    w = caps.group(1).lower()
    return w not in common_words() and w not in rules.ordinary_words() and w not in title_words() and fold(w) not in places.gazetteer().index


def _office(title: str | None, e: Entry) -> bool:
    """Whether a title licenses a pack's surname: a title of office does, an honorific only for
    the people the records of their time call so ("Mr. Belmont")."""
    return bool(title) and (e.surname_after_honorific or title not in honorifics())


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{6,}(?![\w'’-])")


def _misspelt(m: Matcher, text: str, free: Callable[[int, int], bool], year: int | None) -> list[Mention]:
    """A one-word alias of a pack's person misspelt by a letter ("Kouchener", "Qaddahfi", OCR's
    "Nosenio", "Glancana"): that person, where the word is no word or name of its own, no common
    word's misspelling ("Gtation"), only one alias is that close, and the document never writes
    it as another person's surname ("Feldman, Daniel F", "Dan Feldman")."""
    hits: dict[str, list[tuple[int, int, str]]] = {}
    others: set[str] = set()
    for hit in _CAPITALISED.finditer(text):
        a, b = hit.span()
        f = fold(hit.group(0)).lower()
        if f in m.by_alias or f in common_words() or _own_name(f):
            continue
        near = [k for k in m.lone_surnames if k[0] == f[0] and abs(len(k) - len(f)) <= 1 and Levenshtein.distance(k, f, score_cutoff=1) <= 1]
        if len(near) != 1:
            continue
        key = m.lone_surnames[near[0]]
        given = _GIVEN_BEFORE.search(text, max(0, a - 25), a)
        if _GIVEN_AFTER.match(text, b) or (given and fold(given.group(1)).lower() not in fold(m.entries[key].name).lower().split()):
            others.add(f)  # "Feldman, Daniel F", "Spector, Phillip M", "Roselle, Ill.", "Dan Feldman"
        if free(a, b) and not came_later(m.entries[key], year) and not _name_runs_on(m.entries[key], text, b):
            hits.setdefault(f, []).append((a, b, key))
    out = []
    for f, spans in hits.items():
        if f in others or housestyle.near_common_word(f):
            continue
        out += [_mention(m, key, text, a, b, "spelling") for a, b, key in spans]
    return out


_GIVEN_AFTER = re.compile(r",[^\S\n]*[A-Z][a-z]")
_GIVEN_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)[^\S\n]+$")


def _own_name(f: str) -> bool:
    """Whether a folded word is a word of the records or a name of its own (a given name, a
    surname the lists know): no misspelling of a pack's name."""
    return f in rules.ordinary_words() or f in housestyle.world_surnames() or f in housestyle.world_given_names()


@lru_cache(maxsize=1)
def _form_value_label() -> re.Pattern[str]:
    labels = rules.alternation(rules.data().get("form_labels_no_entity") or [], spaces=True)
    return re.compile(rf"(?:{labels})[^\S\n]*:?\s*:?[^\S\n]*$", re.I)


def _after_ok(e: Entry, acronym: str, text: str, a: int, b: int, year: int | None) -> bool:
    """Whether an acronym that names ``e`` only after certain words ("the WH") has one before it,
    no office symbol's slash after it ("WH/3"), and the document is of its years (a 1963 CIA
    memo's "the WH man" is a man of the Western Hemisphere Division)."""
    if year is not None and e.acronyms_since is not None and year < e.acronyms_since:
        return False
    if year is not None and e.acronyms_until is not None and year > e.acronyms_until:
        return False
    words = e.acronyms_after.get(acronym)
    if words is None:
        return True
    before = re.search(r"([A-Za-z]+)[^\S\n]+$", text[max(0, a - 12) : a])
    return before is not None and before.group(1).lower() in words and text[b : b + 1] != "/"


def _form_value(text: str, a: int) -> bool:
    """Whether the name at ``a`` is the value of a form field that names no entity (the record
    series of NARA's identification form: "RECORD SERIES : JFK"), printed beside its label or
    under it (``form_labels_no_entity`` in ``data/rules.yaml``)."""
    return bool(_form_value_label().search(text, max(0, a - 40), a))


_GROUP = re.compile(r"[A-Z]+")


def _letter_run(text: str, a: int, acronyms: dict[str, str]) -> bool:
    """Whether the acronym at ``a`` stands in a line of groups of capital letters, no
    punctuation between, most of them no acronym a pack knows nor a word ("FEI CII COI IOC OIC GB
    OREE-GN HOSA OI II SSA": OCR reading a rule or a pattern of the page), not in a list of bodies
    ("DIR INFO WAVE MEXI", "STATE, DOD, CIA")."""
    groups = re.split(r"[\s\-—–]+", line_of(text, a, a).strip())
    if len(groups) < 8 or not all(_GROUP.fullmatch(g) for g in groups):
        return False
    words = common_words()
    unknown = sum(1 for g in groups if g not in acronyms and g.lower() not in words)
    return unknown * 2 > len(groups)


# an e-mail's header line: its writers set names in lower case ("call with kouchner")
_EMAIL_HEADER = re.compile(r"(?m)^[^\S\n]*Sent:[^\S\n]")


def _lower_case_surname(m: Matcher, raw: str) -> str | None:
    """The pack person ``raw``, in lower case, is a one-word alias of (a surname: "lugar",
    "kouchner"), when it has five letters or more and is no word of the records or of English."""
    key = m.by_alias.get(fold(raw))
    if key is None or m.entries[key].type != "person" or not raw.isalpha() or len(raw) < 5:
        return None
    return None if raw in housestyle.record_words() or raw in rules.words("spanish_connectors") else key


def _speaks_of(alone: SurnameAlone, low: str, earliest: int | None) -> str | None:
    """The word of ``alone.near`` the record holds, if it can be of the years the entry allows."""
    if earliest is not None and alone.until is not None and earliest > alone.until:
        return None
    hit = alone.near.search(low)
    return hit.group(0) if hit else None


def _surname_of_another(e: Entry, text: str, start: int, end: int) -> bool:
    """The surname after a word that makes it another's ("Senator KENNEDY", "Mrs. Kennedy") or
    before one that makes it a name of something else ("Kennedy Library")."""
    if e.surname_alone is None:
        return False
    if _word_before(text, start) in e.surname_alone.not_after:
        return True
    after = " ".join(re.findall(r"[a-z]+", fold(text[end : end + 60]).lower()))
    return any(after == p or after.startswith(p + " ") for p in e.surname_alone.not_before)


def _word_before(text: str, start: int) -> str:
    before = re.search(r"(\S+)\s*$", text[max(0, start - 30) : start])
    return before.group(1).strip(".,;:").lower() if before else ""


def _office_symbol_part(text: str, a: int, b: int, acronyms: dict[str, str]) -> bool:
    """An acronym of two letters joined by a slash to a code no pack holds is part of an office
    symbol ("AP/3", "AP /1", "AP/COPS/CA" in a CIA distribution list); two of the packs' names so
    joined are both named ("UN/AU")."""
    if b - a > 2:
        return False  # "FBI/Dallas", "USIA/IOR": a longer acronym names its body in an office's symbol too
    after = re.match(r"[^\S\n]?/[^\S\n]?([A-Za-z0-9]+)", text[b : b + 14])
    before = re.search(r"([A-Za-z0-9]+)[^\S\n]?/[^\S\n]?$", text[max(0, a - 14) : a])
    # a code in capitals or digits: "w/EU" (with) and "Susan/UN" name the body
    codes = [side.group(1) for side in (after, before) if side is not None]
    return any((c.isupper() or c.isdigit()) and c not in acronyms for c in codes)


def _undated_surname(e: Entry, raw: str, year: int | None, earliest: int | None) -> bool:
    """A one-word name of a person who came to notice late (``since`` at or after the rule
    ``undated_records_before``), in a record whose own date is unknown (only its release's): OCR's
    "Corker." on an undated page of the JFK files is no senator of 2007. A text that gives no date
    at all, not even its release's, is not such a record."""
    cut = rules.data().get("undated_records_before")
    return (
        e.type == "person"
        and e.since is not None
        and isinstance(cut, int)
        and e.since >= cut
        and earliest is None
        and year is not None  # dated by its release only; a text with no date at all is no such record
        and len(raw.split()) == 1
        and not _is_acronym(raw)
    )


def came_later(e: Entry, year: int | None) -> bool:
    """Whether the entity came to notice after a document of ``year`` was written (a year's
    grace): a 1963 cable's "Gates" or "Medvedev" is someone else."""
    return year is not None and e.since is not None and e.since > year + 1


_AS_YEAR = -1  # ``earliest`` not given: the document was written in ``year``


def find(
    text: str, title_before: Callable[[str, int], str | None] | None = None, year: int | None = None, earliest: int | None = _AS_YEAR
) -> list[Mention]:
    """The packs' entities ``text`` names; ``year``, the document's (its date, else the latest of
    its window), rules out those that came to notice later (``since``); ``earliest``, the first year
    it can have been written (None: unknown, the record dated by its release only; not given: the
    year), those whose surname alone names them only in older records (``surname_alone``) and those
    of recent years named by one word in an undated record."""
    if earliest == _AS_YEAR:
        earliest = year
    m = matcher()
    folded = fold_same_length(text)
    low = folded.lower()
    out: list[Mention] = []
    informal = _EMAIL_HEADER.search(text) is not None
    if m.words is not None:
        for hit in m.words.finditer(low):
            a, b = hit.span()
            raw = text[a:b]
            if raw[:1].islower():
                person = _lower_case_surname(m, raw) if informal else None
                if person is not None:
                    out.append(_mention(m, person, text, a, b, "a surname an e-mail writes in lower case"))
                    continue  # "lugar, corker and isakson voted yes", "call with kouchner"
                article = re.match(r"the[^\S\n]+", raw)
                if not (article and raw[article.end() :][:1].isupper() and fold(raw[article.end() :]) in m.by_alias):
                    continue  # "the congress of ..." in lower case is a word, not a name
                a, raw = a + article.end(), raw[article.end() :]  # "finances the Taliban": the alias "the Taliban" in running text
            key = m.by_alias.get(fold(raw))
            if key and m.entries[key].case_sensitive and raw not in (m.entries[key].name, *m.entries[key].aliases):
                continue  # "PROBABLE INTEL": a name that is also a word counts only as the pack writes it ("Intel")
            if key is None:
                continue
            e = m.entries[key]
            if _form_value(text, a):
                continue  # "RECORD SERIES : JFK": the collection a form files the record in
            if _after_other_name(e, text, a):
                continue
            if _given_name_runs_on(e, text, a, b):
                continue  # "RUBY JELSEN"
            if not _part_of_other_name(e, text, b) and not _name_runs_on(e, text, b) and not _begins_institution(e, text, b):
                out.append(_mention(m, key, text, a, b, ""))
    if m.acronym_re is not None:
        for hit in m.acronym_re.finditer(folded):
            key = m.acronyms.get(hit.group(0)) or m.acronyms.get(hit.group(0).replace(".", ""))
            if not key or _part_of_other_name(m.entries[key], text, hit.end()) or _form_value(text, hit.start()):
                continue
            if _letter_run(text, hit.start(), m.acronyms) or _office_symbol_part(text, hit.start(), hit.end(), m.acronyms):
                continue
            if _after_other_name(m.entries[key], text, hit.start()) or _given_name_runs_on(m.entries[key], text, hit.start(), hit.end()):
                continue  # "Mrs. Oswald"; "RUBY JELSEN AND HER DAUGHTER"
            if hit.group(0).islower() and text[hit.end() : hit.end() + 1] in ("@", "."):
                continue  # "hrc@...", "hrc.org": an address, not the person
            if _after_ok(m.entries[key], hit.group(0), text, hit.start(), hit.end(), year):
                out.append(_mention(m, key, text, hit.start(), hit.end(), "acronym"))
    out = [x for x in out if not came_later(m.entries[x.key], year) and not _undated_surname(m.entries[x.key], x.text, year, earliest)]
    strong = {x.key for x in out}
    taken = [(x.start, x.end) for x in out]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    if m.weak_words is not None:
        for hit in m.weak_words.finditer(low):
            a, b = hit.span()
            key = m.by_weak.get(fold(text[a:b]))
            if not key or key not in strong or not text[a : a + 1].isupper() or not free(a, b):
                continue
            e = m.entries[key]
            after = text[b : b + 20].split()[:1]
            before = text[max(0, a - 20) : a].split()[-1:]
            if (after and after[0].strip(".,;:") in e.weak_not_before) or (before and before[0] in e.weak_not_after):
                continue
            out.append(_mention(m, key, text, a, b, "weak alias, the document names it elsewhere"))
    out += _misspelt(m, text, free, year)
    if m.surnames is not None:
        hits: dict[str, list[tuple[int, int]]] = {}
        for hit in m.surnames.finditer(low):
            a, b = hit.span()
            key = m.by_surname.get(fold(text[a:b]))
            if (
                key
                and text[a : a + 1].isupper()
                and free(a, b)
                and not came_later(m.entries[key], year)
                and not _after_other_name(m.entries[key], text, a)
                and not _given_name_runs_on(m.entries[key], text, a, b)
                and not _surname_of_another(m.entries[key], text, a, b)
            ):
                hits.setdefault(key, []).append((a, b))
        for key, spans in hits.items():
            # a bare surname names the pack's person only when the document also gives the full
            # name, or puts a title of office before the surname ("President Calderon"; "Mr.
            # Gordon" is anyone named Gordon)
            e = m.entries[key]
            if key in strong or (title_before is not None and any(_office(title_before(text, a), e) for a, _ in spans)):
                out.extend(_mention(m, key, text, a, b, "surname") for a, b in spans)
            elif e.surname_alone is not None and (topic := _speaks_of(e.surname_alone, low, earliest)):
                out.extend(
                    _mention(m, key, text, a, b, f"surname alone, in a record that speaks of {topic}")
                    for a, b in spans
                    if not (title_before is not None and title_before(text, a))
                )
    return out
