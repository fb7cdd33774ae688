"""The statistical model (spaCy): people, organisations and places that no pack or gazetteer
names. Its model is a setting (``spacy_model``); without it declass still runs, with a warning.
Only the tokenizer and the entity recogniser run (no parser): that is what it costs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from declass import settings
from declass.extract import housestyle, places, rules
from declass.extract.mention import Mention
from declass.extract.rules import ordinary_words
from declass.extract.textutil import fold, in_capitals, shouting, slug
from declass.extract.titles import honorifics, title_prefix, title_words, titles
from declass.read.quality import common_words

LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}


class ModelUnavailable(Exception):
    pass


@lru_cache(maxsize=2)
def _load(name: str) -> Any:
    import spacy

    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
        _lexicon(nlp)
        return nlp
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
_LIST_MARK = re.compile(r"[a-z][.)]\s+(?=[A-Z])")
# what ends a span and is no part of the name: "Breneman-Y-" (an OCR'd mark), "Thomas James Devine
# - 201267708" (a file number)
_STRIP_TAIL = re.compile(r"(?:'s|’s|-[A-Z]\W*|[\s,.;:'\"’)-]+|[^\S\n]+[-–—#][^\S\n]*#?\d[\d-]*)$")


def find(text: str, warnings: list[str] | None = None) -> list[Mention]:
    nlp = model()
    if nlp is None or not text.strip():
        return []
    cap = settings.get().ner_max_chars
    if len(text) > cap and warnings is not None:
        warnings.append(
            f"the statistical model read the first {cap:,} of {len(text):,} characters (setting ner_max_chars); packs, gazetteers and rules read all"
        )
    recased = for_model(text[:cap])
    doc = nlp(recased)
    words = _words_not_names()
    seen: dict[str, bool] = {}
    loud = shouting(text)
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
        marker = _LIST_MARK.match(s)
        if marker:  # "b. Lucien Conein": a list item's letter
            a += marker.end()
            s = text[a:b]
        if typ == "person" and title_prefix(s):
            a += title_prefix(s)  # "Sec Armitage": the title is kept apart (entities.title_before)
            s = text[a:b]
        if typ == "person":
            b = _person_end(text, a, b)
            s = text[a:b]
            if _names_something_else(text, b) or _building_of_address(text, a, b):
                continue  # "John F. Kennedy Assassination Records Act", "Kennedy Center", "440 Robertson Hall"
        toks = s.split()
        if not toks or toks[0].lower().strip(".,") in rules.words("not_names"):
            continue  # "Tues", "Depart Casablanca", "Calm"
        alpha = [w for w in toks if any(c.isalpha() for c in w)]
        if all(w.lower() in words for w in alpha) and not (typ == "person" and len(alpha) > 1):
            continue  # "Drafted", "Secretary": words, not names
        if typ == "person" and len(alpha) == 1 and alpha[0].lower().strip(".,") in _honorific_words():
            continue  # "Lic", "Sra": a form of address alone ("King", "Bishop" may be surnames)
        if typ == "person" and len(alpha) > 1 and _heading_words(alpha):
            continue  # "Operational Support", "Desk Officer", "Interim Reply": a heading, not a name
        if typ == "person" and len(toks) == 2 and _word_not_name(toks[0]) and (at := _place_word(text, a, b, toks)) is not None:
            a, typ = at, "place"  # "Reference Havana letter": a word of the records, then the place
            s, toks = text[a:b], text[a:b].split()
        if loud and typ == "organization" and len(toks) == 1 and s.isupper():
            continue  # in a text set in capitals a lone capital word is a cryptonym, a code or noise ("PSI", "REA")
        if typ == "organization":
            b = _organization_end(text, a, b)  # "Quartet Representative Blair": the body, not its envoy
            s = text[a:b]
            toks = s.split()
            if not toks:
                continue
        if typ == "organization" and title_prefix(s) and surname_alone(s[title_prefix(s) :].split()):
            a += title_prefix(s)  # "General Jones" the model calls an organisation
            s, toks, typ = text[a:b], text[a:b].split(), "person"
        if typ == "organization" and _a_persons_name(toks, loud):
            typ = "person"  # "Alejandro Majorkas", "Lowry", "MARTINEZ", "NORMA" the model calls an organisation
        elif typ == "organization" and _no_organization(s, toks, _lexicon(nlp)):
            continue
        if _unlikely_name(s, toks, typ, text, _lexicon(nlp), seen):
            continue
        if typ == "person" and (s.isupper() and len(toks) == 1 and len(s) <= 3):
            continue
        if "/" in s:
            continue  # office symbols and markings
        recased_here = _recased_line(text, recased, a, b)
        if recased_here and _unknown_in_capitals(s, recased[a:b], toks, typ, text, seen):
            continue
        # a surname of the lists the model reads in a recased cable counts once ("RELYING ON CABRERA")
        if _ocr_junk(s, toks, words, text, seen, backed=recased_here and typ == "person" and _names_of_the_lists(toks)):
            continue
        if typ in ("organization", "person") and len(toks) > 1 and not any(_known_word(w) for w in toks):
            # "Gobir Sagow", "Paalld Qufermoteir": no word any list knows, OCR noise; a person's name
            # the lists do not know is one where OCR is poor or a word of it is a word OCR broke
            # ("Beputy Directur"), not "Shirin Ebadi" in an e-mail
            if typ == "organization" or _noisy_near(text, a, b) or any(housestyle.near_common_word(fold(w)) for w in toks if len(w) >= 6):
                continue
        name = " ".join(toks)
        if typ == "person" and len(toks) <= 2:
            # "Sullivan, Jacob J": e-mail headers print the surname first, at the start of a line or
            # slot ("To: H; Sullivan, Jacob J"), never after a comma ("Hi, Tamera, Kris")
            line_start = text.rfind("\n", 0, a) + 1
            sur = re.search(r"(?:^|[;:<\"'])[^\S\n]*([A-Z][A-Za-z'’-]+),[^\S\n]*$", text[max(line_start, a - 40) : a])
            lists = (rules.words("not_in_names"), rules.words("not_names"), _not_organizations()[0], rules.day_words(), ordinary_words())
            if sur and not any(sur.group(1).lower() in ws for ws in lists):
                a = a - (len(text[max(line_start, a - 40) : a]) - sur.start(1))
                s = text[a:b]
                name = f"{name} {sur.group(1)}"
        source = f"model:{settings.get().spacy_model}"
        if typ == "person" and re.search(r"\s[&+]\s", s):
            # "Lucy Jarvis & Scott McArthur", "Katie Dowd + Stanton": two people
            for part in re.finditer(r"[^&+]+", s):
                pa, pb = a + part.start(), a + part.end()
                while pa < pb and text[pa].isspace():
                    pa += 1
                while pb > pa and text[pb - 1].isspace():
                    pb -= 1
                piece = text[pa:pb]
                if piece[:1].isupper() and piece.lower() not in rules.words("not_names"):
                    out.append(Mention(pa, pb, piece, typ, f"{typ}:{slug(piece)}", piece, source, 10, {}))
            continue
        if typ == "person" and name.isupper() and len(name) > 3:
            name = housestyle.title_case(name)  # "YURIY BABASHKIN" of a cable is Yuriy Babashkin
        out.append(Mention(a, b, s, typ, f"{typ}:{slug(name)}", name, source, 10, {}))
    return out


_CAPS_LINE = re.compile(r"[^\n]+")
_CAPS_WORD = re.compile(r"(?<![\w'’])[A-Z][A-Z'’]*[A-Z](?![\w'’])")


def for_model(text: str) -> str:
    """``text`` as the model should read it, of the same length: a line set in capitals (a cable)
    in the case running text would give it. The words the records print in lower case, and other
    dictionary words of six letters or more, are lower case; names, places, nationalities and
    unknown words of six letters or more are capitalised ("RAY SEEMS CONFIDENT FRANQUI WILL JOIN"
    -> "Ray seems confident Franqui will join"); acronyms, cryptonyms and short unknown words stay
    in capitals ("CIA", "AMLASH", "MIRR"). A model trained on mixed case reads names in capitals
    poorly."""
    chars: list[str] | None = None
    for line in _CAPS_LINE.finditer(text):
        s = line.group()
        if len(re.findall(r"[A-Za-z]{2,}", s)) < 3 or not in_capitals(s, 0.9):
            continue
        ws = list(_CAPS_WORD.finditer(s))
        cased = [_case_of(m.group()) for m in ws]
        index = places.gazetteer().index
        for i in range(len(ws)):
            for n in (3, 2):  # "MEXICO CITY", "SAN LUIS POTOSI": a place's name of several words
                run = ws[i : i + n]
                if len(run) == n and all(run[k + 1].start() - run[k].end() == 1 for k in range(n - 1)):
                    if fold(" ".join(m.group() for m in run)).lower() in index:
                        for k, m in enumerate(run):
                            cased[i + k] = m.group()[0] + m.group()[1:].lower()
                        break
        for m, c in zip(ws, cased):
            if c != m.group():
                if chars is None:
                    chars = list(text)
                a = line.start() + m.start()
                chars[a : a + len(c)] = c
    return text if chars is None else "".join(chars)


def _unknown_in_capitals(s: str, recased_span: str, toks: list[str], typ: str, text: str, seen: dict[str, bool]) -> bool:
    """What the model reads in a line set in capitals (``for_model``) that the lists do not back:
    a person of words no list of names holds, seen once ("KIS CANP"); an organisation of one word
    (a codeword: "UMBRA"); a place no gazetteer knows ("MOVIATENTO")."""
    if not recased_span[:1].isupper():
        return True  # "renewal & Russian": the model's span begins with a word of running text
    if typ != "place" and any(len(w) >= 3 and w.isalpha() and w.isupper() for w in recased_span.split()):
        return True  # a word left in capitals, a code or a cryptonym ("LNERGO", "AMD HOU")
    if typ == "person":
        return not _names_of_the_lists(toks) and not twice(text, s, seen)
    if typ == "organization":
        # of two words or more, each a word of the dictionary or a place, no name first ("ENRIQUE
        # ONT ERO", "GS App", "AMD HOU": OCR's)
        vocab, index = vocabulary(), places.gazetteer().index
        words = [w.strip(".,") for w in toks if w.lower() not in rules.words("organization_connectors")]
        return (
            len(toks) == 1
            or fold(toks[0]).lower() in housestyle.world_given_names()
            or any(len(w) < 3 or (w.lower() not in vocab and fold(w).lower() not in index) for w in words)
        )
    return fold(s).lower() not in places.gazetteer().index


def _recased_line(text: str, recased: str, a: int, b: int) -> bool:
    """Whether the line of ``text[a:b]`` is one ``for_model`` recased."""
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    end = len(recased) if end < 0 or end > len(recased) else end
    return recased[start:end] != text[start:end]


def _names_of_the_lists(toks: list[str]) -> bool:
    """Every word a given name or a surname of the lists, or an initial."""
    for w in toks:
        core = fold(w.strip(".,;:'’()")).lower()
        if len(core) > 1 and core not in housestyle.world_given_names() and core not in housestyle.world_surnames():
            return False
    return True


def _case_of(w: str) -> str:
    low = w.lower()
    f = fold(low)
    if low in ordinary_words() or low in rules.words("short_lower_words"):
        return low
    if f in housestyle.world_given_names() or f in housestyle.world_surnames() or (len(w) >= 6 and housestyle.slavic().fullmatch(w)):
        return w[0] + low[1:]  # "YURIY", "CASTRO", "KURAPOV"
    if len(w) <= 3 or low[:2] in rules.words("cryptonym_onsets") or low[:2] in rules.words("cryptonym_digraphs"):
        return w  # an acronym, a code or a cryptonym ("STA", "LNERGO", "AMLASH")
    if f in places.gazetteer().index or f in rules.words("demonyms"):
        return w[0] + low[1:]  # "HAVANA", "CUBAN"
    if low in vocabulary() and low not in housestyle.given_anywhere() and len(w) >= 6:
        return low  # a word of the dictionary, no name of the lists ("DISTANT", "RELYING")
    # a short word no list knows is an acronym or OCR's ("MIRR", "UILL"); a longer one a name
    return w if len(w) <= 5 else w[0] + low[1:]


def _cut(text: str, a: int, b: int) -> tuple[int, int]:
    """The name part of a model span: up to a line break, a bracket, or a word no name holds."""
    s = text[a:b]
    for stop in ("\n", "[", "(", "<", "|", "@"):
        k = s.find(stop)
        if k >= 0:
            s = s[:k]
    stops = rules.words("not_in_names")
    out = 0
    for w in re.finditer(r"\S+", s):
        if w.group(0).lower().strip(".,:;") in stops:
            break
        out = w.end()
    s = s[:out].rstrip(" ,.;:-")
    return a, a + len(s)


def _person_end(text: str, a: int, b: int) -> int:
    """A person's name ends before a day ("Obama Today"), before a form's label ("Musslin Reply:")
    and, in capitals, before an ordinary word ("ROBERT B. OLDMOOR WHILE")."""
    words = list(re.finditer(r"\S+", text[a:b]))
    caps = text[a:b].isupper()
    while len(words) > 1:
        w = words[-1].group().strip(".,").lower()
        # "Mr. Musslin Reply:": a form's label after the name, an ordinary word and a colon
        label = w in ordinary_words() and text[a + words[-1].end() : a + words[-1].end() + 2].strip()[:1] == ":"
        if w in rules.day_words() or (caps and w in ordinary_words()) or label:
            words.pop()
        else:
            break
    return a + words[-1].end() if words else b


@lru_cache(maxsize=1)
def _post_words() -> frozenset[str]:
    """One-word titles and posts that, inside what the model calls an organisation, begin the
    name of its holder ("Quartet Representative Blair", "Homeland Security Advisor Frances Townsend")."""
    single = {t.lower().strip(".") for t in titles() if " " not in t}
    return frozenset((single | rules.words("post_words")) - rules.words("titles_in_organization_names"))


def _organization_end(text: str, a: int, b: int) -> int:
    words = list(re.finditer(r"\S+", text[a:b]))
    for i in range(1, len(words) - 1):
        if words[i].group().strip(".,").lower() in _post_words() and words[i + 1].group()[:1].isupper():
            return a + words[i - 1].end()
    return b


def _names_something_else(text: str, end: int) -> bool:
    """A name followed by "Assassination", "Center", "Airport"... names an act, a building or an
    institution after the person (data: ``not_after_person_names``)."""
    nxt = re.match(r"[^\S\n]*([A-Za-z]+)", text[end : end + 30])
    return nxt is not None and nxt.group(1).lower() in rules.words("not_after_person_names")


def _building_of_address(text: str, a: int, b: int) -> bool:
    """ "440 Robertson Hall": a name after a street number that ends with a building's head noun
    (``building_heads``) is an address."""
    words = text[a:b].split()
    if not words or words[-1].lower() not in rules.words("building_heads"):
        return False
    return re.search(r"(?:^|\s)\d+[A-Za-z]?[^\S\n]+$", text[max(0, a - 12) : a]) is not None


_MIXED = re.compile(r"[A-Z][a-z]+[A-Z]|[a-z][A-Z][a-z]|[A-Z]{2}[a-z]")  # "FOlA", "McX" is fine below
_VOWEL = re.compile(r"[AEIOUYaeiouy]")


def _given_then_surname(toks: list[str]) -> bool:
    """A given name and an initial before a surname, or two or three words in title case, the
    first a given name that is no ordinary word, the last no institution's head noun: a person."""
    if len(toks) == 3 and re.fullmatch(r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+", " ".join(toks)):
        return True  # "Newton S. Miler": a middle initial
    if not 2 <= len(toks) <= 4 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) or w.lower() in rules.words("name_particles") for w in toks):
        return False
    first, last = fold(toks[0]), toks[-1].lower()
    return (
        first in housestyle.world_given_names()
        and first not in rules.words("given_names_also_words")
        and last not in rules.words("institution_heads")
        and last not in rules.words("name_particles")
        and not any(w.lower() in rules.words("not_in_person_names") for w in toks)
        and not any(w.lower() in common_words() and w.lower() not in rules.words("name_particles") for w in toks[1:-1])  # "Royal Air Maroc"
        and (last not in common_words() or fold(last) in housestyle.world_surnames())  # "Dow Chemical", not "Samantha Power"
    )


def _name_then_surname(toks: list[str]) -> bool:
    """Two or three words in title case, the last a surname and no word of the records, none a
    common word or a head noun ("Sarmmel Halpern", "Con Hitchcock", "Bartolomé Costa"): a person
    whose given name OCR garbled or no list holds, not an organisation."""
    if not 2 <= len(toks) <= 3 or not all(re.fullmatch(r"[A-Z][a-zà-ÿ]+", w) for w in toks):
        return False
    last = fold(toks[-1])
    heads = rules.words("institution_heads") | rules.words("not_in_person_names")
    words = common_words() | ordinary_words()
    return (
        last in housestyle.world_surnames()
        and last not in words
        and not any(w.lower() in words for w in toks[:-1])
        and not any(w.lower() in heads for w in toks)
    )


def surname_alone(toks: list[str]) -> bool:
    """One word in title case or in capitals that is a surname and no common word ("Petraeus" is
    not, "Lowry" and "MARTINEZ" are): what the model calls an organisation is more often the person."""
    if len(toks) != 1 or not re.fullmatch(r"[A-Z][a-z]+|[A-Z]{4,}", toks[0]):
        return False
    w = toks[0].lower()
    return w not in _words_not_names() and w in housestyle.world_surnames()


def _a_persons_name(toks: list[str], loud: bool) -> bool:
    """Whether what the model calls an organisation is a person's name (``loud``: the text is set in capitals)."""
    return (
        _given_then_surname(toks)
        or surname_alone(toks)
        or _name_then_surname(toks)
        or (not loud and (_given_name_in_capitals(toks) or _given_name_alone(toks)))
    )


def _given_name_alone(toks: list[str]) -> bool:
    """One capitalised word that is a given name of the lists and no word of the records
    nor a place: the model's organisation "Kristy" ("Kristy is available tomorrow afternoon") is a
    person."""
    if len(toks) != 1 or not re.fullmatch(r"[A-Z][a-z]{2,}", toks[0]):
        return False
    f = fold(toks[0])
    also = rules.words("given_names_also_words")
    return f in housestyle.world_given_names() and f not in _words_not_names() and f not in also and f not in places.gazetteer().index


def _given_name_in_capitals(toks: list[str]) -> bool:
    """One word in capitals, in a text that is not, that is a given name and no word of the
    records: FBI reports print people so ("SAVARESE's reference to VITO", "NORMA and her son";
    a surname so printed is ``surname_alone``'s); an organisation so printed is an acronym."""
    if len(toks) != 1 or not re.fullmatch(r"[A-Z]{4,}", toks[0]):
        return False
    f = fold(toks[0])
    return f not in _words_not_names() and f in housestyle.given_anywhere()


@lru_cache(maxsize=1)
def _honorific_words() -> frozenset[str]:
    return frozenset(h.lower().strip(".") for h in honorifics() if " " not in h)


@lru_cache(maxsize=1)
def _words_not_names() -> frozenset[str]:
    """The common words of the records less the surnames they repeat: a word the records mostly
    print capitalised (not in ``data/ordinary_words.txt``) that is a surname and no given name
    ("clinton", "blair", "oswald") is a name, even if every other document has it; a given name
    alone ("Martin") stays too common to tell."""
    ordinary = ordinary_words()
    also = rules.words("given_names_also_words") | rules.words("capitalised_words_not_names") | rules.words("demonyms")
    given = housestyle.world_given_names()
    # a big place's name is no surname here ("london", "jordan"; not the towns named Clinton or Kennedy)
    names = {w for w in housestyle.world_surnames() if w not in given and w not in also and not places.big(w)}
    titles = title_words()
    return frozenset(w for w in common_words() if w in ordinary or w not in names or w in titles)


@lru_cache(maxsize=1)
def _arabic_hyphened() -> re.Pattern[str]:
    """An Arabic article or particle hyphened to a capitalised name ("al-Hariri", "el-Ganzouri",
    "ash-Shami"): ``arabic_name_particles`` and ``arabic_name_particles_hyphened`` of rules.yaml."""
    data = rules.data()
    particles = {str(w).lower() for w in [*data["arabic_name_particles"], *data["arabic_name_particles_hyphened"]]}
    return re.compile(rf"(?:{rules.alternation(particles)})-[A-Z]")


def _ordinary_not_name(w: str) -> bool:
    """A word of four letters or more the records mostly print in lower case (``ordinary_words``)
    that no list knows as a given name or a surname ("Research", "Helping"; not "Grant", "Rice")."""
    f = fold(w.strip(".,"))
    return len(f) >= 4 and f in rules.ordinary_words() and f not in housestyle.world_given_names() and f not in housestyle.world_surnames()


def _surname_a_word(toks: list[str]) -> bool:
    """A given name, then a surname that is also a noun ("Doug Band", "John Leader"): no verb form
    ("Pat Seen", "Jose Fernandez Swearing"), no other word of the records before it."""
    last = fold(toks[-1])
    return (
        fold(toks[0]) in housestyle.world_given_names()
        and toks[-1][:1].isupper()
        and toks[-1][1:].islower()
        and not last.endswith(("ing", "ed"))
        and last not in rules.words("participles_not_surnames")
        and not any(_ordinary_not_name(w) for w in toks[:-1])
    )


def _heading_words(toks: list[str]) -> bool:
    """Words the records print in lower case, the first no given name: a heading or a phrase set
    in capitals ("Operational Support"), not a name ("Grant Harris", "Art Keller")."""
    low = rules.ordinary_words()
    return all(w.lower() in low for w in toks) and fold(toks[0]) not in housestyle.world_given_names()


def _word_not_name(tok: str) -> bool:
    """A word of the records that is no given name and no surname ("Reference", "Operational"; not
    "Grant", "Rice")."""
    f = fold(tok)
    return tok.lower() in common_words() and f not in housestyle.world_given_names() and f not in housestyle.world_surnames()


def _place_word(text: str, a: int, b: int, toks: list[str]) -> int | None:
    """Where the second of two words starts when it is a country, a state or a city of 100,000."""
    f = fold(toks[1])
    land = any(p.kind in ("country", "state", "region") for p in places.gazetteer().index.get(f) or [])
    if not (land or (places.big(f) and f not in housestyle.world_surnames())):
        return None  # "Watch Officer", "Ted Kennedy": a town or a district of that name is no reason
    return text.rindex(toks[1], a, b)


@lru_cache(maxsize=1)
def _not_in_person_names() -> frozenset[str]:
    """Words of places and institutions, and the cable words that name no organisation: never in a
    person's name ("Idlewild Airport", "BIRMINGHAM SAC")."""
    return rules.words("not_in_person_names") | _not_organizations()[0]


@lru_cache(maxsize=1)
def _not_organizations() -> tuple[frozenset[str], re.Pattern[str]]:
    crypt = "|".join(sorted(rules.words("cryptonym_digraphs"), key=len, reverse=True)).upper()
    return rules.words("not_organizations") | rules.words("demonyms"), re.compile(rf"(?:{crypt})[A-Z]{{3,}}")


def _no_organization(s: str, toks: list[str], vocab: frozenset[str]) -> bool:
    """What the model calls an organisation in cables and forms that is none: their words and
    abbreviations ("TDY", "LHM", "Legat", "TELETYPE"), nationalities ("Guatemalan"), a CIA
    cryptonym (a digraph and a word in capitals: "JMWAVE", "ODENVY", "LIENVOY"), and a word OCR
    broke from a dictionary word or a country by a letter ("Subjoct", "Stato", "Hexico")."""
    words, crypt = _not_organizations()
    f = " ".join(toks).lower().strip(".")
    if f in words:
        return True
    last = toks[-1].lower()
    if len(toks) > 1 and toks[-1][1:].islower() and last.endswith("s") and last in ordinary_words() and last not in rules.words("plural_organization_heads"):
        return True  # "Anti-Gay Laws", "Incoming Abductions": a common noun in the plural ends no name
    if len(toks) > 1 and last in rules.words("plural_people_nouns") and all(_nation(t) for t in toks[:-1]):
        return True  # "U.S. Citizens", "Cuban Exiles": people of a nation
    if len(toks) != 1:
        return False
    w = toks[0]
    if w.isupper() and crypt.fullmatch(w) and w.lower() not in vocab:
        return True
    if len(w) >= 4 and w[1:].islower() and f not in vocab:
        near = process.extractOne(f, _near_words(), scorer=Levenshtein.distance, score_cutoff=1)
        if near is not None:
            return True
    return False


def _nation(word: str) -> bool:
    """A nationality or a country ("Cuban", "U.S.", "Mexico")."""
    f = fold(word).strip(".")
    return f in rules.words("demonyms") or f in ("u s", "us") or any(p.kind == "country" for p in places.gazetteer().index.get(f, []))


@lru_cache(maxsize=1)
def _near_words() -> list[str]:
    """Words whose OCR'd spelling the model takes for a name: common words of the records and
    country names, lower case, four letters or more."""
    import pycountry

    countries = {fold(c.name) for c in pycountry.countries}
    return sorted(w for w in common_words() | countries if len(w) >= 4 and " " not in w)


def twice(text: str, s: str, seen: dict[str, bool]) -> bool:
    """Whether ``s`` occurs at least twice in ``text`` as words of their own, not inside longer
    words ("Cin" in "Cincinnati"); asked once per distinct string."""
    got = seen.get(s)
    if got is None:
        found = re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)
        got = seen[s] = next(found, None) is not None and next(found, None) is not None
    return got


def _ocr_junk(s: str, toks: list[str], words: frozenset[str], text: str, seen: dict[str, bool], backed: bool = False) -> bool:
    """Names the model finds in OCR noise: "BRUN SEE THE LETTER", "FOlA Review", "DERSNREGEN"."""
    for w in toks:
        core = w.strip(".,'’-")
        if _MIXED.search(core) and not re.match(r"(?:Mc|Mac|O'|D'|De|La|Le|Van|Von)[A-Z]", core):
            return True
        if len(core) >= 4 and not _VOWEL.search(core):
            return True
    if len(toks) > 1 and any(_stub(w) for w in toks):
        return True  # "Te Tee", "Tina Tis Taiatis Ta", "Parig VY": a word of two letters no name holds
    if s.isupper():
        common = sum(w.lower() in words for w in toks)
        if len(toks) > 1 and common >= len(toks) / 2:
            return True  # capitals of a running text, not a name
        if len(toks) == 1 and not backed and not twice(text, s, seen):
            return True  # one all-capital word seen once: too little to call it a name
    return False


def _noisy_near(text: str, a: int, b: int) -> bool:
    """Whether the text around ``text[a:b]`` is poor OCR (``housestyle.clean_around``)."""
    return not housestyle.clean_around(text, a, b)


def _known_word(w: str) -> bool:
    """Whether a dictionary, the name lists or the gazetteer know ``w``, or it is an acronym or an initial."""
    core = w.strip(".,;:'’()\"-")
    if len(core) <= 2 or (core.isupper() and len(core) <= 5) or not core.isalpha():
        return True
    f = fold(core)
    return (
        f in vocabulary()
        or f in common_words()
        or f in housestyle.world_surnames()
        or f in housestyle.given_anywhere()
        or f in places.gazetteer().index
        or f in rules.words("institution_heads")
        or f in rules.words("institution_heads_spanish")
        or f in rules.words("spanish_connectors")
    )


def _stub(w: str) -> bool:
    """A word of two letters, not in capitals (initials, acronyms), no particle ("de", "al"), suffix
    ("Jr", "Sr") or name of the lists ("Li", "Ed", "Ho"): OCR noise inside what the model calls a name."""
    core = w.strip(",;:'’")
    if not core.isalpha() or len(core) != 2 or core.isupper():
        return False  # initials ("J", "JN") and acronyms ("UC Berkeley") are no noise
    f = core.lower()
    if f in rules.words("name_particles") or f in rules.words("name_suffixes"):
        return False
    return not (f in housestyle.world_surnames() or f in housestyle.world_given_names())


_NAME_CHARS = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*")


_LEXICONS: dict[int, frozenset[str]] = {}


def vocabulary() -> frozenset[str]:
    """Words a dictionary knows, lower case: the model's lexicon when a model is loaded, else the
    common words of the records."""
    try:
        nlp = model()
    except ModelUnavailable:
        nlp = None
    return _lexicon(nlp) if nlp is not None else common_words()


def _lexicon(nlp: Any) -> frozenset[str]:
    """The words the model's vocabulary held when it was loaded, in lower case (its string store
    grows with every text it reads, so it is copied once, first)."""
    key = id(nlp)
    if key not in _LEXICONS:
        _LEXICONS[key] = frozenset(s.lower() for s in nlp.vocab.strings)
    return _LEXICONS[key]


def _unlikely_name(s: str, toks: list[str], typ: str, text: str, vocab: frozenset[str], seen: dict[str, bool]) -> bool:
    """What the model calls a name in OCR noise or in running words: a lower-case start ("pak
    al"), marks no name holds ("cfenfer{Beroer"), a comma inside an organisation ("Voile,
    Organization"), a word of 15 letters or more, a one-word organisation the text names once
    ("Frome", "approva"), and in capitals an organisation of words no dictionary knows ("ECIST
    BANSEED")."""
    if not s[:1].isupper() and not re.match(r"(?:al|el|an|ad|as)-", s):
        return True
    if any(not _NAME_CHARS.fullmatch(w.strip(",&+")) for w in toks if w not in ("&", "+")):
        return True
    if any(len(w) >= 15 for w in toks):
        return True
    if len(toks) == 1 and len(s) <= 2:
        return True
    bare = [w for w in toks if w.strip(".,").lower() not in rules.words("name_suffixes")]
    if typ == "person" and len(toks) >= 2 and bare and len(bare[-1].strip(".")) == 1:
        return True  # "Jacob J", "Bill B", "John E Jr": a name cut before its surname
    if typ == "organization" and len(toks) == 2 and len(toks[1].strip(".")) == 1 and fold(toks[0]) in housestyle.given_anywhere():
        return True  # "Philip H" of "Gordon, Philip H" in a wrapped Cc list: a person's name, cut
    if len(toks) >= 3 and all(len(w) <= 3 for w in toks):
        return True  # "Dem Ind Men Wom Wht": a table's column heads
    if typ == "person" and any(w.strip(".,").lower() in _not_in_person_names() for w in toks):
        return True  # "Idlewild Airport", "BIRMINGHAM SAC"
    if typ == "person" and any(w[:1].islower() and w.lower() not in rules.words("name_particles") and not _arabic_hyphened().match(w) for w in toks[1:]):
        return True  # "Color de tos ojos", "AMMUGOL al ii": words of a sentence, not a name ("Rafik al-Hariri" is one)
    if typ == "person" and len(toks) > 1 and toks[-1][:1].islower() and not _arabic_hyphened().match(toks[-1]):
        return True  # "Saka el": a particle ends no name
    if typ == "person" and len(toks) >= 4 and sum(len(w) <= 3 for w in toks) >= 3:
        return True  # "Tan Tuave Tae Tse Tax": OCR's fragments
    if typ == "person" and len(toks) > 1 and any(_ordinary_not_name(w) for w in toks) and not _surname_a_word(toks):
        return True  # "Research Intern", "Helping Cheryl", "AMO SOCIAL SECUNITY": a word the records print in lower case
    once = not twice(text, s, seen)
    if typ == "organization":
        if "," in s or any(w[:1].islower() and w.lower() not in rules.words("name_particles") | rules.words("organization_connectors") for w in toks[1:]):
            return True  # "Voile, Organization", "Rip os.ed": no organisation's name
        if len(toks) == 1 and once:
            return True
        if len(toks) > 1 and any(w.isupper() and len(w) >= 3 for w in toks):
            # in capitals every word of a name should be a word the dictionary knows ("GRAN HOTEL
            # CONTINENTAL"); "ECIST BANSEED", "THR BRIGADE Leapres" are OCR noise
            if not all(w.lower().strip(".") in vocab for w in toks if len(w.strip(".")) >= 3):
                return True
    if once and _noisy_line(text, s, vocab):
        return True
    return False


def _noisy_line(text: str, s: str, vocab: frozenset[str]) -> bool:
    """The line around a name seen once is mostly words no dictionary knows: OCR noise."""
    at = text.find(s)
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at + len(s))
    line = text[a : b if b >= 0 else len(text)].replace(s, " ")
    # title-case words are left out: names beside names ("Hi, Tamera, Kris and KPK") are no noise
    words = [w for w in re.findall(r"[A-Za-z]{3,}", line) if not (w[0].isupper() and w[1:].islower())]
    if len(words) < 3:
        return False
    return sum(w.lower() in vocab for w in words) * 2 < len(words)
