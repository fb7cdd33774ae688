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

from declass.anatomy.data import load_yaml
from declass.extract import packs, places, rules
from declass.extract.housestyle import given_anywhere, given_names, initial_stops, surname_in_capitals, title_case, world_given_names
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug
from declass.extract.titles import title_words
from declass.read.quality import common_words

SOURCE = "rule:address-line"
HEADER_SOURCE = "anatomy:header"
PRIORITY = 38  # above the gazetteer (30) and acronyms (35), below packs (40)
_MAX_WRAPPED = 12  # lines of a list below its label
_LABEL = re.compile(r"[^\S\n]*[A-Z][A-Za-z -]{0,25}:")  # "Subject:", "Sent:": the next header field

_H = r"[^\S\n]"
_OCR_INITIAL = {"5": "S", "1": "I", "0": "O", "8": "B", "3": "J", "i": "I", "l": "I"}  # "Sullivan, Jacob 3", "Sullivan, Jacob i"
_WORD = r"(?:O['’])?[A-Z][a-z](?:[A-Za-z'’-]*[A-Za-z])?"  # "Huma", "O'Brien"
_CAPS = r"[A-Z][A-Z'’-]+"
# "Sullivan, Jacob J", "Mills, Cheryl .D", "Ross, Alec 3", "Sullivan, Jacob i" (OCR's initials), "Shah,
# Rajiv (AID/A)", "Wayne, E Anthony"
_INVERTED = re.compile(
    rf"(?P<last>{_WORD}(?:[ -]{_WORD})?),{_H}*(?P<first>(?:[A-Z]\.?{_H}+)?{_WORD}(?:{_H}+{_WORD})?)(?:{_H}+\.?(?P<mid>[A-Z01358il])\b\.?)?"
)
# "Huma Abedin", "Lee S. Strickland", "J. Barry Harrelson", "SUKIE STANLEY", "John F, Pereira" (OCR's
# comma for the initial's stop), "S. D. Breckinridge", "S.D. BRECKINRIDGE" (initials and a surname)
_DIRECT = re.compile(
    rf"(?P<name>(?:[A-Z]\.{_H}*){{1,2}}{_WORD}(?![\w.'’-])|(?:[A-Z]\.{_H}*)?{_WORD}(?:{_H}+(?:[A-Z][.,;]?(?![A-Za-z])|{_WORD})){{1,3}}"
    rf"|(?:[A-Z]\.{_H}*){{1,2}}{_CAPS}(?![\w.'’-])|{_CAPS}(?:{_H}+(?:[A-Z][.,]?(?![A-Za-z])|{_CAPS})){{1,2}})"
)
# what may follow a name in an address slot: an address, an office, a bracket, stray OCR marks
_TAIL = re.compile(
    r"(?:<[^>\n]*>?|\[[^\]\n]*\]?|\([^)\n]*\)?|@[^\S\n]*[\w./-]*|[\d\s.,'’\"~>}{|-]"
    r"|(?<=\s)[A-Za-z]{1,6}(?:/[A-Za-z0-9&]{1,6})+|(?<=\s)[a-z](?=\s))*$"  # an office symbol ("i PCS/LOC": a speck, then the office)
)
_DIRECT_SLOT = re.compile(rf"{_DIRECT.pattern}{_TAIL.pattern}")  # "J. Barry Harrelson", not "J. Barry"
# the surname in capitals first, as NARA's identification forms and FBI memoranda print the sender
# and the addressee: "COTTER, W. J.", "WANNALL. W. R." (OCR's stop for the comma), "TALBURTT,
# ORVILLE R.", "KNOCHE, E. H., ASST. TO OCI" (the post after the name), "RANKIN, J. LEE" (an
# initial before the given name the man went by)
_INVERTED_CAPS = re.compile(
    rf"(?P<last>{_CAPS}(?:[ -]{_CAPS})?)(?:,|\.(?={_H}*[A-Z])){_H}*"
    rf"(?P<first>(?P<lead>[A-Z]\.{_H}*)(?P<led>[A-Z][A-Z]+)(?![\w.'’-])|(?P<initials>(?:[A-Z]\.{_H}*){{1,3}})"
    rf"|(?P<given>[A-Z][A-Z]+)(?:{_H}+(?P<mid>[A-Z])\.?(?![A-Za-z]))?)"
)
# slots end at a semicolon, or at a wide gap where a withheld address was taken out
# ("Cc: Huma Abedin                    Valmoro, Lona J")
_SLOT = re.compile(r"[^;]+?(?=;|[^\S\n]{6,}|$)")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][.,]?")  # "S.D.", "W.", "F,"
_POST_TAIL = re.compile(r"(?:,|[^\S\n]+(?=[A-Z(]))[^\n]*$")  # ", ASST. TO OCI", " EXEC. DIRECTOR", " (GENERAL)"


@lru_cache(maxsize=1)
def _letters() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = rules.data()

    def alts(key: str) -> str:
        return rules.alternation(data[key], spaces=True)

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
    labels = rules.alternation(data["address_labels"], spaces=True)
    # "‘ MEMORANDUM FOR:"; a form's label alone on its line, its colon before the value below ("TO\n\n: RANKIN, J. LEE")
    # and OCR's digit for the colon after a label in capitals ("FROM 3 Winston M. Scott", "TO 2 R. H. Cunningham")
    colon = rf"(?:(?:\n(?:{_H}*\n){{0,2}}{_H}*)?:|(?<=[A-Z]){_H}+[234](?={_H}))"
    line = re.compile(rf"^{_H}*(?:[^\w\s]{_H}*)?(?P<label>{labels}){_H}*{colon}{_H}*(?P<value>.*)$", re.M)
    stop = rules.words("not_in_names") | rules.words("not_names")
    return line, stop


_GLUED_INITIAL = re.compile(r"(?P<initial>[A-Z])(?P<sur>[A-Z][a-z]{3,})(?![\w.@-])")  # a mailbox name: "PVerveer"
# "'Krysta.harder ", "'Lona.Stoll 'Krysta.harder ": quoted addresses the margin cut, with no close
_TRUNCATED_ADDRESS = re.compile(r"(?:['‘]?[^\s,'’]+[^\S\n]+)+(?=[A-Z])")


def _person(text: str, a: int, b: int, stop: frozenset[str], cable: bool = False) -> Mention | None:
    """The person one address slot ``text[a:b]`` names, or None. In a ``cable`` (a label in
    capitals, or a value read by the anatomy) a name in capitals needs a given name first: the
    addressee of a cable is mostly a station ("TO: SCUAT MEXI"); "From: SUKIE STANLEY" is a person."""
    seg = _stray_marks(text[a:b])
    lead = len(seg) - len(seg.lstrip(" \t.'\"‘“"))
    cut = _TRUNCATED_ADDRESS.match(seg, lead) if lead and seg[lead - 1] in "'‘" else None
    if cut and (after := _INVERTED.match(seg, cut.end())) and _TAIL.fullmatch(seg, after.end()):
        lead = cut.end()  # "'Kamern Shah, Rajiv (AID/A)": an address the margin cut, then the name
    m = _INVERTED.match(seg, lead)
    if m and _TAIL.fullmatch(seg, m.end()):
        last, first, mid = m.group("last"), m.group("first"), m.group("mid")
        toks = [*first.split(), *last.split()]
        # a post and the place it serves is no name: "Consular, Rangoon" in a To line
        post = any(p.kind == "country" or p.population >= 100_000 for p in places.gazetteer().index.get(fold(first), [])) and not any(
            fold(t) in given_anywhere() for t in first.split()
        )
        # an initial is no word of the stop list ("Murphy, W Patrick": "w" is "with" there)
        if not post and not any(len(t) > 1 and (t.lower() in stop or t.lower() in title_words()) for t in toks):  # "Chief, Counterintelligence Division"
            if mid:
                mid = _OCR_INITIAL.get(mid, mid)  # "Ford, Robert 5"
            elif re.search(r"[a-z][A-Z]$", first):
                first, mid = first[:-1], first[-1]  # "Sullivan, JacobJ": the initial run on
            name = " ".join([first, *([mid] if mid else []), last])
            return _mention(text, a + m.start(), a + m.end(), name)
    caps = _inverted_caps(text, a, b, lead, stop)
    if caps:
        return caps
    glued = _GLUED_INITIAL.match(seg, lead)
    if glued and _TAIL.fullmatch(seg, glued.end()) and fold(glued.group("sur")) not in rules.ordinary_words() and glued.group("sur").lower() not in stop:
        # a mailbox name, the initial glued to the surname: "From: PVerveer", "HAbedin"
        return _mention(text, a + glued.start(), a + glued.end(), f"{glued.group('initial')}. {glued.group('sur')}")
    m = _DIRECT_SLOT.match(seg, lead)  # with what may follow, so the name is the one the slot holds
    if m:
        raw = m.group("name")
        toks = [t.strip(".") for t in raw.split()]
        if any(t.lower() in title_words() for t in toks):
            return None  # "Budget Officer Thomas Howarth", "Counterintelligence Division Chief": a post
        # "Robert W. Gambino": an initial is no word of the stop list ("w" is "with" there)
        if any(len(t) > 1 and t.lower() in stop for t in toks) or not toks or len(toks[-1]) < 2:
            return None
        if sum(len(t) > 1 for t in toks) < 2 and toks[-1].lower() in rules.ordinary_words():
            return None  # "A. Division": initials before a word
        if sum(len(t) > 1 for t in toks) > 3 or fold(raw) in places.gazetteer().index:
            return None  # "Cheryl Mills Bernadette Meehan": two names run together; "MEXICO CITY" a station
        if any(len(t) > 1 and t.lower() in rules.ordinary_words() and t.lower() not in given_names() for t in toks):
            return None  # "All Addressees", "Turkey Earthquake": words, not a name
        words = [t for t in raw.split() if not _INITIALS.fullmatch(t)]
        if cable and raw.isupper() and len(words) > 1 and fold(words[0]) not in world_given_names():
            return None  # a cable's addressee in capitals is a station ("SCUAT MEXI") unless a given name opens it
        name = initial_stops(" ".join(raw.split()))
        if raw.isupper():
            name = " ".join(t if _INITIALS.fullmatch(t) else t.capitalize() for t in name.split())
        return _mention(text, a + m.start("name"), a + m.end("name"), name)
    return None


# OCR's stray marks in a name: a stop or comma after a given name ("Martin. J. Boland", "Eileen, M.
# Wukitch", "J. Barry. Harrelson"), a bracket before the address ("Wukitch}@ DO")
_STRAY_AFTER_GIVEN = re.compile(rf"(?<![\w.])(?P<given>{_WORD})[.,](?={_H}+[A-Z])")
_STRAY_BEFORE_AT = re.compile(r"[}{|\]\[](?=[^\S\n]*@)|(?<=\s)[‘’'\"](?=[A-Z]\.)")  # "Wukitch}@ DO", "Paula ‘A. Sweeney"


def _stray_marks(seg: str) -> str:
    """``seg`` with OCR's stray marks in a name blanked, one character for one (offsets hold)."""

    def given(m: re.Match[str]) -> str:
        g = m.group("given")
        if fold(g) not in given_names() or (m.group(0)[-1] == "," and not _INITIAL_NEXT.match(seg, m.end())):
            return m.group(0)  # "Howard, John": a surname first, its comma kept
        return g + " "

    return _STRAY_BEFORE_AT.sub(" ", _STRAY_AFTER_GIVEN.sub(given, seg))


_INITIAL_NEXT = re.compile(rf"{_H}+[A-Z]\.{_H}+[A-Z]")  # "Wayne, E Anthony" is State's surname first


def _inverted_caps(text: str, a: int, b: int, lead: int, stop: frozenset[str]) -> Mention | None:
    """The person of an address slot written surname first in capitals ("COTTER, W. J."), or None.
    A given name must be one the lists know; initials alone need a surname that is no word of the
    records and no place ("DIRECTOR, FBI", "SAC, NY", "MEXICO, D. F." name no one)."""
    seg = text[a:b]
    m = _INVERTED_CAPS.match(seg, lead)
    if not m or not (_TAIL.fullmatch(seg, m.end()) or _POST_TAIL.match(seg, m.end())):
        return None
    last = m.group("last")
    words = [w.lower() for w in last.replace("-", " ").split()]
    if any(w in stop or w in title_words() or w in rules.words("institution_heads") for w in words):
        return None
    if m.group("initials"):
        # initials alone: the surname must be no word and no place ("MEXICO, D. F.")
        if any(w in rules.ordinary_words() or not surname_in_capitals(w.upper()) for w in words):
            return None
        first = " ".join(f"{c}." for c in re.findall(r"[A-Z]", m.group("initials")))
    else:
        given = m.group("given") or m.group("led")
        known = places.gazetteer().index
        # a given name that is also a place ("WINSTON", "BRENT") after a surname that is none
        anywhere = fold(given) in given_anywhere() and not any(w in known or w in rules.ordinary_words() for w in words)
        if not (fold(given) in world_given_names() or anywhere) or given.lower() in stop or given.lower() in title_words():
            return None
        if any(p.kind in ("country", "region") for w in words for p in known.get(w, [])):
            return None  # "CUBA, FIDEL": a subject line's place first; "KENNEDY, REGIS L." is a name
        first = given.capitalize() + (f" {m.group('mid')}." if m.group("mid") else "")
        if m.group("lead"):
            first = f"{m.group('lead').strip()[0]}. {first}"
    end = m.end()
    while end > m.start() and seg[end - 1].isspace():
        end -= 1
    return _mention(text, a + m.start(), a + end, f"{first} {title_case(last)}")


def _run_together(text: str, a: int, b: int, stop: frozenset[str], cable: bool) -> list[Mention]:
    """Two people one slot runs together where the clean text closed the gap a withheld address
    left ("Cc: Huma Abedin Valmoro, Lona J"): a name, then a surname, a comma and a given name."""
    comma = text.find(",", a, b)
    if comma < 0:
        return []
    cut = text.rfind(" ", a, comma)
    if cut <= a:
        return []
    first, second = _person(text, a, cut, stop, cable), _person(text, cut + 1, b, stop, cable)
    if first is None or second is None or "," in first.text or "," not in second.text:
        return []
    return [first, second]


def header_people(text: str, values: list[str]) -> list[Mention]:
    """The people the record's header names as sender or addressee (``values``, as the anatomy
    read them, wherever the form put them: NARA's identification forms print the labels in one
    column and the values in another), at each place ``text`` prints them."""
    _, stop = _data()
    out: list[Mention] = []
    for value in dict.fromkeys(values):
        for piece in _SLOT.finditer(value):
            p = _person(value, piece.start(), piece.end(), stop, cable=True)
            comma = value.find(",", piece.start(), piece.end())
            post = value[comma + 1 : piece.end()].split()[:1] if comma > 0 else []
            if p is None and post and post[0].lower().strip(",.") in title_words() and len(value[piece.start() : comma].split()) > 1:
                # a signer and the post under the name: "E. Mendoza, Chief, Services Staff"
                p = _person(value, piece.start(), comma, stop, cable=True)
            if p is None:
                continue
            pattern = r"(?<![\w])" + r"\s*".join(re.escape(c) for c in p.text.replace(" ", "")) + r"(?![\w])"
            for m in re.finditer(pattern, text):
                nxt = _NEXT_WORD.match(text, m.end())
                if nxt and fold(nxt.group(1)) not in rules.ordinary_words():
                    continue  # "LEE HARVEY OSWALD IN MEXICO": the name the anatomy cut goes on
                out.append(Mention(m.start(), m.end(), m.group(0), "person", p.key, p.name, HEADER_SOURCE, PRIORITY))
    return out


# officials of one roster a document must print at the start of a line, and of them alone on it or
# before a blank (the clean text may join a margin's line to the next: "Belmont eee von nd has")
_ROUTING_MIN, _ROUTING_BLANK = 4, 3
_NEXT_WORD = re.compile(r"[^\S\n]+([A-Z][A-Za-z'’-]+)")  # the word after a name, on its line


@lru_cache(maxsize=1)
def _rosters() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    out = []
    for names in (rules.data().get("routing_rosters") or {}).values():
        line = re.compile(rf"^{_H}*[^\w\n]{{0,3}}{_H}*(?:(?:Mr|Mrs|Miss)\.?{_H}*)?(?P<sur>{rules.alternation(names)})\b(?P<rest>[^\n]*)$", re.M)
        out.append((line, {str(k): str(v) for k, v in names.items()}))
    return out


def _blank_after(rest: str) -> bool:
    """What follows a surname in a routing block: nothing, a blank to initial ("____"), marks, or
    a scrap of OCR ("eee"), not the rest of a sentence ("Sullivan said")."""
    if re.fullmatch(r"[^\w\n]*", rest) or re.match(rf"{_H}*[_—=~.-]{{2,}}", rest):
        return True
    scrap = re.fullmatch(rf"{_H}+(\S{{1,4}}){_H}*", rest)
    if not scrap:
        return False
    w = scrap.group(1).lower()
    return bool(re.fullmatch(r"(.)\1+", w)) or w not in rules.ordinary_words()  # "eee" is OCR's underline


def routing_people(text: str) -> list[Mention]:
    """The officials of a routing block ("Mr. Tolson ___", "Belmont", "Mohr" a line each down a
    memorandum's margin): each surname of a roster (``routing_rosters`` in ``data/rules.yaml``)
    that starts a line, where the document prints four or more of that roster so, three of them
    with nothing after but a blank."""
    by_alias = packs.matcher().by_alias
    out: list[Mention] = []
    for line, names in _rosters():
        hits = list(line.finditer(text))
        blank = {names[m.group("sur")] for m in hits if _blank_after(m.group("rest"))}
        if len(blank) < _ROUTING_BLANK or len({names[m.group("sur")] for m in hits}) < _ROUTING_MIN:
            continue
        for m in hits:
            name = names[m.group("sur")]
            key = by_alias.get(fold(name)) or f"person:{slug(name)}"
            out.append(Mention(m.start("sur"), m.end("sur"), m.group("sur"), "person", key, name, "rule:routing block", PRIORITY))
    return out


# a signature block: the name alone on its line, the post or the distribution below it, or a
# closing above it ("Sincerely yours,", "FOR THE DIRECTOR OF SECURITY:")
_SIGNER_LINE = re.compile(rf"^{_H}*[^\w\n]{{0,3}}{_H}*(?P<name>[A-Z][^\n]{{2,40}}?){_H}*$", re.M)
_SIGNER_ABOVE = re.compile(r"FOR\s+THE\s+[A-Z][A-Z ]{4,60}:\s*$|For\s+the\s+[A-Z][A-Za-z ]{4,60}:\s*$")
_LISTED = re.compile(r"[A-Z][.)]\s+\S")
_MIDDLE_INITIAL = re.compile(r"^[A-Z][a-zA-Z'’-]+\s+[A-Z][.,;]?\s+[A-Z]")


@lru_cache(maxsize=1)
def _signer_data() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a post under a signer's name, a list under it (``signature_followers``), a closing above it)."""
    headers = load_yaml("headers.yaml")
    posts = re.compile(r"[^\w\n]{0,3}\s*(?:" + "|".join(headers["signatures"]["titles"]) + ")", re.I)
    lists = re.compile(rf"[^\w\n]{{0,3}}\s*(?:{rules.alternation(rules.data()['signature_followers'])})\b", re.I)
    closings = rules.alternation([*rules.data()["closings"], *headers["letters"]["closings"]], spaces=True)
    return posts, lists, re.compile(rf"^{_H}*(?:{closings}){_H}*[,.]?{_H}*$", re.I)


def _lines_near(text: str, a: int, b: int, step: int, count: int) -> list[str]:
    """Up to ``count`` lines with text above (``step`` -1) or below (+1) the line ``text[a:b]``."""
    out: list[str] = []
    pos = a
    while len(out) < count:
        if step < 0:
            if pos <= 0:
                break
            start = text.rfind("\n", 0, pos - 1) + 1
            line, pos = text[start : pos - 1], start
        else:
            if b >= len(text):
                break
            end = text.find("\n", b + 1)
            end = len(text) if end < 0 else end
            line, b = text[b + 1 : end], end
        if line.strip():
            out.append(line.strip())
    return out


def signer_people(text: str) -> list[Mention]:
    """The people who sign a memorandum, letter or report: a line that is a name and nothing else,
    above the signer's post ("Robert W. Gambino" / "Director of Security", "JOHN M, MAURY" /
    "Chief, SR Division") or the distribution list, or under a closing ("Sincerely yours,", "FOR
    THE DIRECTOR OF SECURITY:"); a given name, an initial and a surname alone on a line
    ("Lee H. Wigren") wherever it stands."""
    _, stop = _data()
    posts, lists, closing = _signer_data()
    out: list[Mention] = []
    for m in _SIGNER_LINE.finditer(text):
        p = _person(text, m.start("name"), m.end("name"), stop)
        if p is None or len(p.name.split()) < 2:
            continue
        words = [w for w in p.name.split() if not _INITIALS.fullmatch(w)]
        if len(words[-1]) < 3 or words[-1].lower().strip(".") in rules.words("name_suffixes"):
            continue  # "Thomas R. Jr", "QN.I.": no surname
        below = _lines_near(text, m.start(), m.end(), 1, 1)
        above = _lines_near(text, m.start(), m.end(), -1, 2)
        if re.match(r"[A-Z][.)]\s", p.text) and above and (_LISTED.match(above[0]) or lists.match(above[0])):
            continue  # "Attachments: / A. Photos / B. Nemo": a lettered list, no initial and a surname
        placed = any(posts.match(ln) or lists.match(ln) for ln in below) or any(closing.match(ln) or _SIGNER_ABOVE.search(ln) for ln in above)
        given = fold(words[0]) in world_given_names() or bool(_INITIALS.fullmatch(p.name.split()[0]))
        middle = bool(_MIDDLE_INITIAL.match(p.text))
        # a given name or an initial opens the name ("Foreign Service" is no signer), or, where the
        # block says a signer stands, a middle initial does the work of one OCR damaged ("VUCTOR R. WHITE")
        if (placed and (given or middle)) or (middle and given):
            out.append(p)
    return out


def _mention(text: str, a: int, b: int, name: str) -> Mention:
    return Mention(a, b, text[a:b], "person", f"person:{slug(name)}", name, SOURCE, PRIORITY)


def _slots(text: str, a: int, b: int, stop: frozenset[str], cable: bool) -> tuple[list[Mention], bool]:
    """The people of the address slots (separated by ";") in ``text[a:b]``, and whether the
    span holds a separator at all."""
    got = []
    for piece in _SLOT.finditer(text[a:b]):
        p = _person(text, a + piece.start(), a + piece.end(), stop, cable)
        if p:
            got.append(p)
        else:
            got += _run_together(text, a + piece.start(), a + piece.end(), stop, cable)
    return got, ";" in text[a:b]


_SURNAME_AT_END = re.compile(r"(?:^|;)[^\S\n]*(?P<slot>[A-Z][\w'’-]+,)[^\S\n]*\n$")


def _split_slot(text: str, pos: int, end: int, stop: frozenset[str], cable: bool) -> Mention | None:
    """The person of a slot a wrapped To / Cc field broke after the surname's comma ("...; Bommer,\n
    Ashley F; Crowley, Philip J"): the surname ends the line before ``pos``, the given name begins
    the line ``text[pos:end]``."""
    m = _SURNAME_AT_END.search(text, max(0, pos - 60), pos)
    if m is None:
        return None
    first = _SLOT.match(text, pos, end)
    if first is None:
        return None
    a, b = m.start("slot"), first.end()
    line = text[a:b].replace("\n", " ")  # the slot as one line, the same length
    p = _person(line, 0, len(line), stop, cable)
    if p is None:
        return None
    p.start, p.end = p.start + a, p.end + a
    p.text = text[p.start : p.end]
    return p


def find(text: str) -> list[Mention]:
    line, stop = _data()
    out: list[Mention] = []
    for m in line.finditer(text):
        cable = m.group("label").isupper()
        got, _ = _slots(text, m.start("value"), m.end("value"), stop, cable)
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
            split = None if blank else _split_slot(text, pos, end, stop, cable)
            got, separated = _slots(text, split.end + 1 if split else pos, end, stop, cable)
            if split:
                got.insert(0, split)
            if (not got and not separated) or (blank and not (got and separated)):
                break
            out += got
            pos = end + 1
    return out + letter_people(text) + greeting_people(text) + routing_people(text) + signer_people(text)
