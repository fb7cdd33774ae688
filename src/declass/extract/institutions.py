"""Institutions named in full: capitalised words ending in a head noun ("International Joint
Commission", "Ulster Unionist Party") or a head noun with its complement ("Office of Children's
Issues", "US Institute for Peace"). Read before the model, which cuts such names or misses them;
the head nouns and the words that never begin a name are data (``data/rules.yaml``). Text in
capitals is left alone: every heading there would look like a name."""

from __future__ import annotations

import re
from functools import lru_cache

from declass.extract import housestyle, places, rules
from declass.extract.mention import Mention
from declass.extract.textutil import fold, in_capitals, line_of, slug
from declass.extract.titles import title_words
from declass.read.quality import common_words

SOURCE = "rule:institution"
PRIORITY = 33  # above the gazetteer ("Mexico City Police Department"), below acronyms and packs

_H = r"[^\S\n]+"
_PARTY = r"(?:U\.S\.|US|UK|EU|UN|[A-Z][a-z]+)"
# "Afghan-Pakistan", "US/Afghan", "U.S.-Mexico": the parties of a bilateral body (not an office
# symbol before a slash: "DDP/Operations Group")
# a unit's number is part of its name: "66th MI Group", "82nd Airborne Division"
_ORD = r"\d{1,4}(?:st|nd|rd|th)"
# "St. Joseph's Hospital", "Ft. Worth Police": a saint's or a fort's abbreviation begins a name
_MOD = rf"(?:(?:St|Ste|Ft|Mt)\.|{_PARTY}-{_PARTY}|{_PARTY}/[A-Z][a-z]+|U\.[^\S\n]?S\.|U\.[^\S\n]?N\.|[A-Z]{{2,5}}|[A-Z][a-z]+|{_ORD})(?:'s|’s)?"
_ORDINAL = re.compile(_ORD)
_SPACED_US = re.compile(r"\bU\.[^\S\n]([SN])\.")
_LINK = r"(?:of|for|on)(?:[^\S\n]+the)?"  # "Office of the Secretary of State"
_AND = r"(?:of|and|for)"  # further links, never "and the": that starts another name
# a series in the complement, closed by "and": "Bureau of Democracy, Human Rights, and Labor"
_SERIES = rf"(?:(?:,{_H}{_MOD}(?:{_H}{_MOD}){{0,2}})+,?{_H}and{_H}{_MOD}(?:{_H}{_MOD}){{0,2}})"


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    data = rules.data()
    heads = rules.alternation(data["institution_heads"])
    pat = re.compile(
        rf"(?<![\w.])(?P<mods>(?:{_MOD}{_H}){{0,4}})(?P<head>{heads})(?P<comp>{_H}{_LINK}{_H}{_MOD}(?:{_H}(?:{_AND}{_H})?{_MOD}){{0,3}}{_SERIES}?)?(?![\w])"
    )
    return pat, frozenset(data.get("institution_not_first") or [])


_JOINED_BEFORE = re.compile(r"(?<![\w.,&-])(?P<word>[A-Z][a-z]{3,})[^\S\n]+and[^\S\n]+$")


def _a_field_of_work(word: str) -> bool:
    """Whether ``word`` before "and" and the words of a name ("Policy and Coordination Staff")
    joins them as the field the body works in: a word the records print in lower case ("policy",
    "honor", "research"), no place and no given name ("Cuba and Soviet Intelligence" are two)."""
    f = fold(word)
    return f in rules.ordinary_words() and f not in places.gazetteer().index and f not in housestyle.given_anywhere()


def _place_start(mods: list[str]) -> bool:
    """ "New York City Police Department": the first words name a place, whatever their case."""
    return len(mods) > 1 and fold(" ".join(mods[:2])) in places.gazetteer().index


def head_after(rest: str) -> bool:
    """Whether ``rest``, the words of a name after another name it holds, has a head noun of its own."""
    return any(w.lower() in rules.words("institution_heads") for w in re.findall(r"[A-Za-z]+", rest))


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at]
    return at == 0 or bool(re.search(r"(?:^|[.!?\n])\s*$", before))


@lru_cache(maxsize=1)
def _not_in_complement() -> frozenset[str]:
    """Words that end a name's complement: dates and honorifics ("Program on Friday", "Committee
    on August 3", "Company on Mr. Hunt")."""
    return rules.month_words() | rules.day_words() | rules.words("institution_complement_stops")


def _owner(word: str) -> bool:
    """Whether a possessive before an institution names its owner, who is named apart ("China's
    State Council", "the Committee's Budget Office"), rather than being part of the name
    ("People's Liberation Army", "Sheriff's Office", "Secretary's Outer Office")."""
    w = word.lower()
    if w in rules.words("institution_possessives"):
        return False
    if w in rules.words("institution_heads") or fold(word) in places.gazetteer().index or re.fullmatch(r"[A-Z]{2,6}", word):
        return True  # "the Committee's", "China's", "CIA's"
    return not (w in common_words() or w in title_words())


def _not_a_unit(mods: list[str], not_first: frozenset[str]) -> bool:
    """Whether the words before a unit's head noun ("Staff", "Branch") make it no unit's name: a
    person's name (a given name first), another institution's head noun, a word that begins no name."""
    first = mods[0].capitalize()
    heads = rules.words("institution_heads") - rules.words("unit_heads")
    return first in not_first or fold(mods[0]) in housestyle.given_anywhere() or any(w.lower() in heads for w in mods)


def _a_persons(mods: list[str]) -> bool:
    """Whether the words before a head noun are a person's given name and surname ("Jessica Wright")."""
    return len(mods) == 2 and fold(mods[0]) in housestyle.given_anywhere() and fold(mods[1]) in housestyle.world_surnames()


def _institution_of_board(s: str) -> int | None:
    """Where, in "Board of Trustees of Stanford University" or "Board of the American Constitution
    Society", the institution the board governs begins: after the last "of (the)" that a run of
    capitalised words ending in a head noun follows. None if there is none."""
    heads = rules.words("institution_heads")
    for link in reversed(list(re.finditer(r"\b(?:of|OF)(?:[^\S\n]+(?:the|THE))?[^\S\n]+", s))):
        rest = s[link.end() :].split()
        if len(rest) >= 2 and rest[-1].lower() in heads and all(w[:1].isupper() or w in ("of", "and", "for") for w in rest):
            return link.end()
    return None


def _complement_end(comp: str) -> int:
    """Where the complement ``comp`` (" of the Secretary of State", " on Friday") ends: before a
    date or a title word, with the link words that led to it; 0 if nothing of it is left."""
    stop = _not_in_complement()
    words = list(re.finditer(r"\S+", comp))
    for i, w in enumerate(words):
        if i and w.group().strip(".,").lower() in stop:
            j = i
            while j > 0 and words[j - 1].group() in ("of", "for", "on", "the", "and"):
                j -= 1
            return words[j - 1].end() if j > 0 else 0
    return len(comp)


_CONNECTORS = frozenset({"of", "and", "for", "on", "the", "in", "to", "de", "del", "la"})


def _capitals_as_title_case(text: str) -> str:
    """A copy of ``text``, of the same length, in which lines set in capitals read in title case
    ("OFFICE OF SECURITY, HEADQUARTERS" -> "Office of Security, Headquarters"): cables and forms
    print names so. Words of three letters or fewer stay as they are ("WH Division", "FBI")."""
    out = []
    for line in text.splitlines(keepends=True):
        if sum(c.isalpha() for c in line) < 6 or not in_capitals(line):
            out.append(line)
            continue
        out.append(
            re.sub(
                r"[A-Z][A-Z'’]+",
                lambda w: w.group().lower() if w.group().lower() in _CONNECTORS else w.group() if len(w.group()) <= 3 else w.group().capitalize(),
                line,
            )
        )
    return "".join(out)


_FIELD_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*(?:[\W\d_]*|[A-Z][A-Za-z. ]{0,25}:[^\S\n]*|.*:[^\S\n]*[\W\d]*)$")
_FIELD_AFTER = re.compile(r"[^\S\n]*(?:$|\n|[,;:.)(\]/-])")


def _own_field(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` fills its line or a field of a form or header: nothing but marks or a
    label before it on its line ("AGENCY ORIGINATOR : OFFICE OF SECURITY"), its line or a comma after it."""
    line_start = text.rfind("\n", 0, a) + 1
    return bool(_FIELD_BEFORE.search(text, line_start - 1 if line_start else 0, a)) and bool(_FIELD_AFTER.match(text, b))


@lru_cache(maxsize=1)
def _head_forms() -> dict[int, list[str]]:
    """The head nouns of seven letters or more and their plurals, lower case, by length."""
    out: dict[int, list[str]] = {}
    for h in rules.words("institution_heads"):
        if len(h) >= 7 and " " not in h:
            for form in {h, h[:-1] + "ies" if h.endswith("y") else h + "s"}:
                out.setdefault(len(form), []).append(form)
    return out


_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]{7,}(?![\w'’-])")


@lru_cache(maxsize=2)  # a document's text, read by the post rules and by find
def repair_heads(text: str) -> str:
    """``text`` with an institution's head noun OCR misread by one letter restored, letter for
    letter (the same length, so offsets hold): "Cuban Smbassies", "CUBAN ENBASSY". A word of the
    dictionary or the name lists is left alone ("Counsel" is no "Council")."""
    from declass.extract.ner import vocabulary  # the model's words, loaded with it

    forms = _head_forms()
    chars: list[str] | None = None
    for m in _WORD.finditer(text):
        w = m.group()
        low = w.lower()
        cands = forms.get(len(w), [])
        if not cands or low in cands or low in common_words() or low in rules.ordinary_words() or low in vocabulary():
            continue
        near = [h for h in cands if sum(x != y for x, y in zip(h, low)) == 1]
        if len(near) != 1:
            continue
        fix = near[0]
        fix = fix.upper() if w.isupper() else fix.capitalize() if w[0].isupper() else fix
        if chars is None:
            chars = list(text)
        chars[m.start() : m.end()] = fix
    return text if chars is None else "".join(chars)


def find(text: str) -> list[Mention]:
    pat, not_first = _pattern()
    out = []
    original = text
    fixed = repair_heads(text)
    text = _capitals_as_title_case(fixed)
    not_names = {fold(n) for n in rules.data().get("not_institutions") or []}
    for m in pat.finditer(text):
        a, b = m.start(), m.end()
        mods = m.group("mods").split()
        words = common_words()
        while mods and (
            mods[0] in not_first
            or (
                mods[0].lower() in words
                and mods[0].lower() not in rules.words("institution_adjectives")
                and _sentence_start(text, a)
                and not _place_start(mods)
            )
        ):
            # "The", and an ordinary word that only has its capital from the sentence ("Furnish Bureau")
            a = text.index(mods[0], a) + len(mods[0])
            while text[a].isspace():
                a += 1
            mods.pop(0)
        comp = m.group("comp") or ""
        if "," in comp and head_after(comp[comp.index(",") :]):
            comp = comp[: comp.index(",")]  # "Department of State, Central Intelligence Agency, and ...": a list of names
        if comp:
            cut = _complement_end(comp)
            b = m.end("head") + cut
            comp = comp[:cut]
        if len(mods) == 1 and mods[0].endswith(("'s", "’s")) and not comp:
            continue  # "Mark's Party": somebody's party, not a party
        if any(_ORDINAL.fullmatch(w) for w in mods) and re.search(r"\d[^\S\n]+$", text[max(0, a - 8) : a]):
            continue  # "2635 Southwest 28th Court": an address
        if m.group("head").lower() in rules.words("unit_heads") and mods and _not_a_unit(mods, not_first):
            # "Taylor Branch", "Lizette Ocampo Staff", "ALL Staff"; "Senate Select Committee Staff"
            # is the staff of the committee, which is named
            heads = [i for i, w in enumerate(mods) if w.lower() in rules.words("institution_heads")]
            if heads and len(mods) > 1 and mods[0].capitalize() not in not_first:
                end = a
                for w in mods[: heads[-1] + 1]:
                    end = text.index(w, end) + len(w)
                raw, name = original[a:end], " ".join(text[a:end].split())
                out.append(Mention(a, end, raw, "organization", f"organization:{slug(name)}", name, SOURCE, PRIORITY, {}))
            continue
        if m.group("head").lower() in rules.words("person_office_heads") and _a_persons(mods):
            continue  # "Contact: Jessica Wright Office 202-647-3945": her office's telephone, not an institution
        if mods and (joined := _JOINED_BEFORE.search(text, max(0, a - 40), a)) and _a_field_of_work(joined.group("word")):
            a = joined.start("word")  # "Policy and Coordination Staff", "Honor and Merit Awards Board"
            mods.insert(0, joined.group("word"))
        titled = bool(mods) and mods[0].lower() in title_words() - rules.words("title_words_beginning_institutions")
        owner = max((i for i, w in enumerate(mods) if w.endswith(("'s", "’s")) and _owner(w[:-2])), default=-1)
        if owner >= 0:
            # "Houston's Saudi Refining Company", "the Agency's Domestic Contacts Division": the
            # owner is named apart, the institution begins after it
            a = text.index(mods[owner], a) + len(mods[owner])
            while text[a].isspace():
                a += 1
            mods = mods[owner + 1 :]
        if not mods and not comp:
            continue  # "the Board": a head noun alone names nothing in particular
        if comp and comp.split()[-1] in ("and", "of", "for", "on", "the"):
            continue
        if text.endswith(("'s", "’s"), a, b):
            b -= 2  # "the Department of the Navy's files"
        s = text[a:b]
        if s.isupper() or titled:
            continue  # a heading; "Senator Church": a title and a surname
        if fold(s) in places.gazetteer().index:
            continue  # "Soviet Union", "West Bank": places
        if not mods and m.group("head").lower() in rules.words("board_heads"):
            inner = _institution_of_board(s)
            if inner is not None:
                a, s = a + inner, s[inner:]  # "Board of the American Constitution Society": the society
        name = _SPACED_US.sub(r"U.\1.", " ".join(s.split()))  # "U. S. Army Recruiting Command": a typewriter's "U.S."
        raw = original[a:b]
        if fold(name) in not_names or any(fold(name).startswith(n + " ") for n in not_names):
            continue  # "Office of Origin", "Employing Office": captions of forms, also run on into the next ("Office of Origin Date Investigative Period")
        if fixed[a:b] != s and not _own_field(original, a, b):
            continue  # in capitals, a name fills a field of its own: "FURNISH THIS OFFICE" is a sentence
        if fixed[a:b] != s and not all(w.lower() in common_words() for w in re.findall(r"[A-Za-z]{4,}", s)):
            continue  # in capitals, every word a word of the records: "OFFICE OF SSCURITY" is OCR noise
        out.append(Mention(a, b, raw, "organization", f"organization:{slug(name)}", name, SOURCE, PRIORITY, {}))
    return out + spanish(original) + local_bodies(original) + head_first(original) + capitals_companies(original) + universities_in_capitals(original)


def _name_of(raw: str, links: frozenset[str] = _CONNECTORS) -> str:
    """The name a span prints, its spaces single, in title case if it is in capitals, its link
    words in lower case ("THE LITTLE ROCK CHAMBER OF COMMERCE" -> "Little Rock Chamber of Commerce")."""
    words = raw.split()
    if not raw.isupper():
        return " ".join(words)
    return " ".join(w.lower() if w.lower() in links else w.capitalize() for w in words)


LOCAL_SOURCE = "rule:local-body"
_PLACE_WORD = r"[A-Z][A-Za-z'’.-]*"


@lru_cache(maxsize=1)
def _local_pattern() -> re.Pattern[str]:
    heads = rules.alternation(rules.data()["local_body_heads"], spaces=True)
    suffix = rules.alternation(rules.data()["local_body_place_suffixes"])
    return re.compile(rf"(?<![\w.])(?P<words>{_PLACE_WORD}(?:{_H}{_PLACE_WORD}){{0,2}})(?:{_H}(?P<suffix>(?i:{suffix})))?{_H}(?P<head>(?i:{heads}))(?![\w])")


def local_place(name: str) -> tuple[int, int] | None:
    """Where, in the name of a body that serves a place ("The Little Rock Division", "MONTGOMERY
    COUNTY POLICE DEPARTMENT"), the place's name lies: the longest run of words before the head
    noun that the gazetteer knows (a word of the records alone only if it is a big place:
    "Mobile" no, "Dallas" yes). None if there is none."""
    m = _local_pattern().search(name)
    if m is None:
        return None
    g = places.gazetteer()
    words = list(re.finditer(r"\S+", m.group("words")))
    suffixes = rules.words("local_body_place_suffixes")
    for i in range(len(words)):
        a, b = m.start("words") + words[i].start(), m.end("words")
        key = fold(name[a:b])
        if key not in g.index and i < len(words) - 1 and words[-1].group().lower() in suffixes:
            key = fold(name[a : m.start("words") + words[-2].end()])  # "Garland County": Garland
        if key not in g.index:
            continue
        if i == len(words) - 1 and key in common_words() and not places.big(key):
            return None
        return a, b
    return None


def local_bodies(text: str) -> list[Mention]:
    """Bodies named for the place they serve: a field office or division, a police force, a
    sheriff's office, a grand jury ("DALLAS DIVISION", "THE LITTLE ROCK DIVISION:", "Dortmund
    Police", "MONTGOMERY COUNTY POLICE DEPARTMENT", "Garland County Grand Jury"). Read in capitals
    too, in running text: a place the gazetteer knows and such a head noun together name no
    ordinary thing. The place and the head are set alike (both in capitals, or both capitalised);
    the head nouns are data (``rules.yaml`` ``local_body_heads``). The place is named too, inside
    (``entities.places_inside_bodies``)."""
    out = []
    for m in _local_pattern().finditer(text):
        where = local_place(m.group())
        if where is None:
            continue
        a = m.start() + where[0]
        raw = text[a : m.end()]
        head = m.group("head")
        caps = raw.isupper()
        if not caps and not all(w[:1].isupper() for w in raw.split() if w.lower() not in _CONNECTORS):
            continue  # "Dallas police": a city's police, said in passing, or a sentence's words
        if not caps and any(w.isupper() and len(w) > 3 for w in raw.split()) and not head.isupper():
            continue
        before = text[m.start() : a].split()
        if not caps and before and before[-1][:1].isupper() and before[-1].capitalize() not in _pattern()[1]:
            continue  # "Soviet Russia Division": a longer name, the institution reader's
        name = _name_of(raw)
        # a station ("Paris Station") is the Agency's office in a city: the city is a place of the
        # record (entities.places_inside_bodies), the station no body of its own
        kind = "station" if head.lower() == "station" else "local_body"
        out.append(Mention(a, m.end(), raw, "organization", f"organization:{slug(name)}", name, LOCAL_SOURCE, PRIORITY + 1, {"kind": kind}))
    return out


@lru_cache(maxsize=1)
def _spanish_pattern() -> re.Pattern[str]:
    heads = rules.alternation(rules.data()["institution_heads_spanish"])
    word = r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü][A-Za-zÁÉÍÓÚÑÜáéíóúñü'’-]*|\d{1,2}"
    return re.compile(rf"(?<![\w.])(?i:{heads})(?:{_H}(?:{word})){{1,7}}")


def spanish(text: str) -> list[Mention]:
    """Institutions named in Spanish, head noun first, in any case: "Junta Revolucionaria Cubana",
    "MOVIMIENTO DE RECUPERACION REVOLUCIONARIO", "Unidad Militar para la Guerra". The name runs
    while its words are link words ("de", "para la") or no English word of the records (a cable
    goes on in English: "JUNTA REVOLUCIONARIA CUBANA HAD"); a head noun alone names nothing."""
    links = rules.words("spanish_connectors")
    english = rules.ordinary_words() | rules.words("institution_not_first") | rules.words("not_in_names")
    out = []
    for m in _spanish_pattern().finditer(text):
        head = m.group().split()[0]
        if not (head[:1].isupper() and (head.isupper() or head[1:].islower())):
            continue  # "frente a": a word, not a name
        toks = list(re.finditer(r"\S+", m.group()))
        end = toks[0].end()
        content = 0
        for t in toks[1:]:
            w = t.group().lower()
            if w in links:
                continue
            if w in english or not t.group()[:1].isupper() or (t.group().isupper() != head.isupper() and len(w) > 3) or w.endswith("-"):
                break
            end, content = t.end(), content + 1
        if not content:
            continue
        a, b = m.start(), m.start() + end
        raw = text[a:b]
        name = " ".join(w.lower() if w.lower() in links else w if w.isdigit() else w.capitalize() if w.isupper() else w for w in raw.split())
        out.append(Mention(a, b, raw, "organization", f"organization:{slug(name)}", name, SOURCE, PRIORITY, {}))
    return out


HEAD_FIRST_SOURCE = "rule:head-first"


@lru_cache(maxsize=1)
def _head_first_pattern() -> re.Pattern[str]:
    heads = rules.alternation(rules.data()["head_first_heads"])
    word = r"[A-Z][A-Za-zÁÉÍÓÚÑáéíóúñ'’-]+"
    links = rules.words("head_first_links")
    link = rules.alternation(links | {w.upper() for w in links})  # "de" or "DE", as the name is set
    return re.compile(rf"(?<![\w.])(?:(?:Gran|Grand|GRAN|GRAND){_H})?(?P<head>(?i:{heads}))(?P<rest>(?:{_H}(?:{link}{_H})?{word}){{1,3}})")


def head_first(text: str) -> list[Mention]:
    """Hotels and hospitals named head noun first ("the Hotel Plaza gambling casino", "GRAN HOTEL
    CONTINENTAL,", "Hotel de Marigny"): the head, capitalised or in capitals, and the words after
    it set alike, while they are no ordinary word of the records (a place's name may be: "Hotel
    Berlin") nor a part or business of the place ("Hotel Lounge", "HOTEL BILL"; data:
    ``rules.yaml`` ``head_first_not_names``)."""
    stops, links = rules.words("head_first_not_names"), rules.words("head_first_links")
    words = common_words()
    g = places.gazetteer()
    out = []
    for m in _head_first_pattern().finditer(text):
        head = m.group("head")
        if not (head.isupper() or head[1:].islower()):
            continue
        caps = head.isupper()
        end = m.end("head")
        content = 0
        for t in re.finditer(r"\S+", m.group("rest")):
            w = t.group()
            if w.lower() in links:
                continue
            if (w.isupper() != caps and len(w) > 1) or w.lower() in stops:
                break
            if w.lower() in words and (len(w) <= 3 or fold(w) not in g.index):
                break  # "HOTEL AS PLANNED", "HOTEL CATERING TO": a sentence goes on
            end, content = m.start("rest") + t.end(), content + 1
        if not content:
            continue
        a = m.start()
        raw = text[a:end]
        name = _name_of(raw, _CONNECTORS | links)
        out.append(Mention(a, end, raw, "organization", f"organization:{slug(name)}", name, HEAD_FIRST_SOURCE, PRIORITY, {}))
    return out


CAPITALS_SOURCE = "rule:capitals-company"


@lru_cache(maxsize=1)
def _capitals_company_pattern() -> re.Pattern[str]:
    heads = rules.alternation([h.upper() for h in rules.data()["capitals_company_heads"]], spaces=True)
    return re.compile(rf"(?<![\w.])(?P<words>(?:[A-Z][A-Z'’&-]+{_H}){{1,4}})(?P<head>{heads})(?![\w])")


def capitals_companies(text: str) -> list[Mention]:
    """Businesses named in running text set in capitals, as cables and FBI teletypes print it
    ("ARRANGE CHARTER WITH MACKEY AIRLINES", "ACCOUNT IN RIGGS NATIONAL BANK"), where a capitalised
    word tells nothing. The name runs back from the head noun (``rules.yaml``
    ``capitals_company_heads``) over the words before it, never over a preposition or article
    (``capitals_company_stops``), and begins at the first that is no word of the records, no title
    and no place ("RIGGS", "SCHICK SAFETY RAZOR COMPANY"); with none such ("HIS HOTEL", "FIRST
    NATIONAL CITY BANK", "HAVANA HOTEL") there is no name."""
    stops = rules.words("capitals_company_stops")
    words, known = common_words(), places.gazetteer().index
    out = []
    first = {h.lower() for h in rules.data()["head_first_heads"]}
    for m in _capitals_company_pattern().finditer(text):
        after = re.match(r"[^\S\n]+([A-Z][A-Z'’-]+)", text[m.end() : m.end() + 40])
        if m.group("head").lower() in first and after and after.group(1).lower() not in stops:
            continue  # "ADDRESS: HOTEL DIPLOMAT": a hotel may be named after its head
        if not in_capitals(line_of(text, m.start(), m.end())):
            continue  # a capitalised name in ordinary text is the other rules' ("Mackey Airlines")
        toks = list(re.finditer(r"\S+", m.group("words")))
        run: list[re.Match[str]] = []
        for t in reversed(toks):
            if t.group().lower() in stops:
                break
            run.insert(0, t)
        start = next(
            (
                i
                for i, t in enumerate(run)
                if len(t.group()) > 2
                and fold(t.group()) not in words
                and fold(t.group()) not in rules.ordinary_words()
                and t.group().lower() not in title_words()
                and fold(t.group()) not in known
            ),
            None,
        )
        if start is None:
            continue
        a = m.start("words") + run[start].start()
        raw = text[a : m.end()]
        name = _name_of(raw)
        out.append(Mention(a, m.end(), raw, "organization", f"organization:{slug(name)}", name, CAPITALS_SOURCE, PRIORITY, {}))
    return out


_HEAD_OF = re.compile(r"(?<![\w.])(?P<head>UNIVERSITY|COLLEGE)[^\S\n]+OF[^\S\n]+(?P<place>[A-Z][A-Z'’-]+(?:[^\S\n]+[A-Z][A-Z'’-]+)?)(?![\w])")


def universities_in_capitals(text: str) -> list[Mention]:
    """ "UNIVERSITY OF MINNEAPOLIS", "THE UNIVERSITY OF OKLAHOMA" set in capitals: the head and the
    longest run of words after "OF" that the gazetteer knows as a place."""
    known = places.gazetteer().index
    out = []
    for m in _HEAD_OF.finditer(text):
        words = list(re.finditer(r"\S+", m.group("place")))
        for n in range(len(words), 0, -1):
            if fold(" ".join(w.group() for w in words[:n])) in known:
                end = m.start("place") + words[n - 1].end()
                raw = text[m.start() : end]
                name = _name_of(raw)
                out.append(Mention(m.start(), end, raw, "organization", f"organization:{slug(name)}", name, CAPITALS_SOURCE, PRIORITY, {}))
                break
    return out
