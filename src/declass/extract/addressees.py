"""People named in address lines: the From / To / Cc lines of every message an e-mail quotes,
a memo's MEMORANDUM FOR list (one name a line), its cc list. Headers print names in two house
styles: "Sullivan, Jacob J" (State's directory) and "Huma Abedin <abedinh@state.gov>" or
"Edmund Cohen @ DA" (a name and its address or office). Both are people, read before the model:
a header's name is a person even where a gazetteer knows the word ("Shannon, Thomas A").
The name a salutation addresses ("Dear Cheryl,") and the one under a closing ("Warm wishes,\nKathy")
are people too.

The labels, salutations and closings are data (``data/rules.yaml``)."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.extract import places, rules
from declass.extract.housestyle import given_names, world_given_names
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug
from declass.extract.titles import title_words
from declass.read.quality import common_words

SOURCE = "rule:address-line"
PRIORITY = 38  # above the gazetteer (30) and acronyms (35), below packs (40)
_MAX_WRAPPED = 12  # lines of a list below its label
_LABEL = re.compile(r"[^\S\n]*[A-Z][A-Za-z -]{0,25}:")  # "Subject:", "Sent:": the next header field

_H = r"[^\S\n]"
_OCR_INITIAL = {"5": "S", "1": "I", "0": "O", "8": "B", "3": "J"}  # "Sullivan, Jacob 3"
_WORD = r"[A-Z][a-z](?:[A-Za-z'’-]*[A-Za-z])?"
_CAPS = r"[A-Z][A-Z'’-]+"
# "Sullivan, Jacob J", "Mills, Cheryl .D", "Ross, Alec 3", "Shah, Rajiv (AID/A)"
_INVERTED = re.compile(
    rf"(?P<last>{_WORD}(?:[ -]{_WORD})?),{_H}*(?P<first>{_WORD}(?:{_H}+{_WORD})?)(?:{_H}+\.?(?P<mid>[A-Z01358])\b\.?)?"
)
# "Huma Abedin", "Lee S. Strickland", "J. Barry Harrelson", "SUKIE STANLEY"
_DIRECT = re.compile(
    rf"(?P<name>(?:[A-Z]\.{_H}*)?{_WORD}(?:{_H}+(?:[A-Z]\.?(?![A-Za-z])|{_WORD})){{1,3}}|{_CAPS}(?:{_H}+(?:[A-Z]\.?(?![A-Za-z])|{_CAPS})){{1,2}})"
)
# what may follow a name in an address slot: an address, an office, a bracket, stray OCR marks
_TAIL = re.compile(r"(?:<[^>\n]*>?|\[[^\]\n]*\]?|\([^)\n]*\)?|@[^\S\n]*[\w./-]*|[\d\s.,'’\"~>}{|-])*$")


@lru_cache(maxsize=1)
def _letters() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = rules.data()

    def alts(key: str) -> str:
        return "|".join(sorted((re.escape(x).replace(r"\ ", r"\s+") for x in data[key]), key=len, reverse=True))

    name = rf"(?P<name>[A-Z][a-z]+(?:{_H}+[A-Z][a-z]+)?)"
    salute = re.compile(rf"^{_H}*(?:{alts('salutations')}){_H}+{name}{_H}*[,:!]", re.M)
    # a closing, then on the next line with text the name alone
    closing = re.compile(rf"^{_H}*(?:{alts('closings')}){_H}*[,!.]?{_H}*\n(?:{_H}*\n)?{_H}*{name}{_H}*$", re.M)
    return salute, closing, rules.words("not_addressees")


_HANDLE = re.compile(r"(?<![\w@.])(?P<first>[a-z]{2,})[._](?P<last>[a-z]{2,}(?:-[a-z]{2,})?)(?=@|[^\w.@]|$)")
_GREETING_NAME = r"[A-Z][a-z]+"
_GREETING = re.compile(rf"^{_H}*(?P<names>{_GREETING_NAME}(?:{_H}*(?:,|&|and){_H}*{_GREETING_NAME}){{0,4}}){_H}*(?:,|:|—|–|-{{1,2}}){_H}*$", re.M)
_SIGNATURE = re.compile(rf"(?:^|\n{_H}*\n){_H}*(?P<name>{_GREETING_NAME}(?:{_H}+[A-Z][a-z]+)?){_H}*(?=\n{_H}*\n|\n?$)")


_SUBJECT_ABOVE = re.compile(r"(?:^|\n)[^\S\n]*(?:Subject|SUBJECT|Re|RE)[^\S\n]*:?[^\n]*\n(?:[^\n]*\n){0,5}[^\S\n]*$")
_MESSAGE_END = re.compile(r"\s*(?:$|-{2,}|_{2,}|From:|Original Message|Sent from|Begin forwarded|This message|On .{5,60} wrote:)", re.I)


def handle_people(text: str, a: int, b: int) -> list[Mention]:
    """People an address field names by an e-mail handle ("'monica.hanley", "alec.ross"): a given
    name, a dot and a surname."""
    out = []
    for m in _HANDLE.finditer(text, a, b):
        first, last = m.group("first"), m.group("last")
        if first not in given_names() or last in rules.ordinary_words():
            continue
        name = f"{first.capitalize()} {'-'.join(p.capitalize() for p in last.split('-'))}"
        out.append(_mention(text, m.start(), m.end(), name))
    return out


def greeting_people(text: str) -> list[Mention]:
    """The given names a message opens with on a line of their own ("Bill—", "Tom:", "Cheryl,
    Meghann,") and the one it is signed with, alone on a line after a paragraph ("Steve")."""
    out = []
    given = given_names()
    world = world_given_names()
    nobody = rules.words("not_addressees") | rules.words("closings") | rules.words("salutations")
    for m in _GREETING.finditer(text):
        if not _SUBJECT_ABOVE.search(text[max(0, m.start() - 400) : m.start()]):
            continue  # a greeting opens a message, under its header ("Ben :" in a routing block is none)
        names = list(re.finditer(_GREETING_NAME, m.group("names")))
        if all(fold(n.group()) in world and n.group().lower() not in nobody for n in names if n.group() != "and"):
            base = m.start("names")
            out += [_mention(text, base + n.start(), base + n.end(), n.group()) for n in names if n.group() != "and"]
    for m in _SIGNATURE.finditer(text):
        words = m.group("name").split()
        if words[0].lower() not in given or words[0].lower() in rules.words("given_names_also_words"):
            continue
        if len(words) == 2 and (words[1].lower() in common_words() or words[1].lower() in title_words()):
            continue
        nxt = text[m.end("name") :].lstrip().split("\n", 1)[0].split()
        if not _MESSAGE_END.match(text, m.end("name")) and not (nxt and nxt[0].lower().strip(",") in title_words()):
            continue  # a signature ends a message (the next header, the mail program's mark, the end) or tops a title
        out.append(_mention(text, m.start("name"), m.end("name"), " ".join(words)))
    return out


def letter_people(text: str) -> list[Mention]:
    """The person a salutation addresses ("Dear Cheryl,") and the one who signs under a closing
    ("Warm wishes,\nKathy")."""
    salute, closing, nobody = _letters()
    _, stop = _data()
    out = []
    for pat in (salute, closing):
        for m in pat.finditer(text):
            a, b = m.start("name"), m.end("name")
            words = m.group("name").split()
            if len(words) == 2 and words[0].lower() in title_words():
                a = b - len(words[1])  # "Dear Congressman Dellums:": the title is no part of the name
                words = words[1:]
            if any(w.lower() in nobody or w.lower() in stop or w.lower() in title_words() for w in words):
                continue
            if pat is closing and len(words) == 1 and words[0].lower() in common_words() and words[0].lower() not in given_names():
                continue  # "Administrative": a word under a closing, not a signature ("Dear Hillary," is a name)
            out.append(_mention(text, a, b, " ".join(words)))
    return out


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], frozenset[str]]:
    data = rules.data()
    labels = "|".join(sorted((re.escape(x).replace(r"\ ", r"\s+") for x in data["address_labels"]), key=len, reverse=True))
    line = re.compile(rf"^{_H}*(?:{labels}){_H}*:{_H}*(?P<value>.*)$", re.M)
    stop = rules.words("not_in_names") | rules.words("not_names")
    return line, stop


def _person(text: str, a: int, b: int, stop: frozenset[str]) -> Mention | None:
    """The person one address slot ``text[a:b]`` names, or None."""
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip(" \t.'\"‘“"))
    m = _INVERTED.match(seg, lead)
    if m and _TAIL.fullmatch(seg, m.end()):
        last, first, mid = m.group("last"), m.group("first"), m.group("mid")
        toks = [*first.split(), *last.split()]
        if not any(t.lower() in stop or t.lower() in title_words() for t in toks):  # "Chief, Counterintelligence Division"
            if mid:
                mid = _OCR_INITIAL.get(mid, mid)  # "Ford, Robert 5"
            name = " ".join([first, *([mid] if mid else []), last])
            return _mention(text, a + m.start(), a + m.end(), name)
    m = _DIRECT.match(seg, lead)
    if m and _TAIL.fullmatch(seg, m.end()):
        raw = m.group("name")
        toks = [t.strip(".") for t in raw.split()]
        if any(t.lower() in title_words() for t in toks):
            return None  # "Budget Officer Thomas Howarth", "Counterintelligence Division Chief": a post
        if any(t.lower() in stop for t in toks) or sum(len(t) > 1 for t in toks) < 2:
            return None
        if sum(len(t) > 1 for t in toks) > 3 or fold(raw) in places.gazetteer().index:
            return None  # "Cheryl Mills Bernadette Meehan": two names run together; "MEXICO CITY" a station
        if any(len(t) > 1 and t.lower() in rules.ordinary_words() and t.lower() not in given_names() for t in toks):
            return None  # "All Addressees", "Turkey Earthquake": words, not a name
        name = " ".join(raw.split())
        if raw.isupper():
            name = " ".join(t if len(t.strip(".")) == 1 else t.capitalize() for t in name.split())
        return _mention(text, a + m.start(), a + m.end(), name)
    return None


def _mention(text: str, a: int, b: int, name: str) -> Mention:
    return Mention(a, b, text[a:b], "person", f"person:{slug(name)}", name, SOURCE, PRIORITY)


def _slots(text: str, a: int, b: int, stop: frozenset[str]) -> tuple[list[Mention], bool]:
    """The people of the address slots (separated by ";") in ``text[a:b]``, and whether the
    span holds a separator at all."""
    got = []
    for piece in re.finditer(r"[^;]+", text[a:b]):
        p = _person(text, a + piece.start(), a + piece.end(), stop)
        if p:
            got.append(p)
    return got, ";" in text[a:b]


def find(text: str) -> list[Mention]:
    line, stop = _data()
    out: list[Mention] = []
    for m in line.finditer(text):
        got, _ = _slots(text, m.start("value"), m.end("value"), stop)
        out += got + handle_people(text, m.start("value"), m.end("value"))
        if m.group("value").strip() and not got:
            continue
        # the list goes on below its label: one name a line (MEMORANDUM FOR:, cc:), or a long
        # To / Cc field wrapped onto the next lines ("...; 'Stephen E Pomper\nB; DiCarlo, Rosemary A")
        pos = m.end() + 1
        for _ in range(_MAX_WRAPPED):
            if pos >= len(text):
                break
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            blank = not text[pos:end].strip()
            if blank:
                # a paragraph break the clean text put after a redaction ("Ahmed, Salman [REDACTED]"):
                # the list goes on only if the next line is more slots of it
                pos = end + 1
                nl = text.find("\n", pos)
                end = len(text) if nl < 0 else nl
            if line.match(text, pos) or _LABEL.match(text, pos) or not text[pos:end].strip():
                break
            got, separated = _slots(text, pos, end, stop)
            if (not got and not separated) or (blank and not (got and separated)):
                break
            out += got
            pos = end + 1
    return out + letter_people(text) + greeting_people(text)
