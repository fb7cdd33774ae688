"""People in the house style of CIA and FBI records, which a model trained on news text misses:
names in capitals ("JOSEPH H. LANGOSCH", "MARTIN LUTHER KING"), a given name before a surname in
capitals ("Carlos GARZANA Roldan"), the surname first ("DANIELS, Gerard"), in brackets ("RAMON
(TAPIA) ESPINAL"), after an office symbol ("CI/OP Richard Ober"), after a title ("AMBASSADOR
NOLTING") or before a verb of saying ("RAY ASKED"). A given name from ``data/given_names.txt`` is
what makes capitals a name; words that follow a given name in cables without being a surname
("INFO", "STATION", "TOLD") are ``not_surnames`` in ``data/rules.yaml``. One function a form;
``find`` runs them all."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from declass.datafiles import load_yaml, read_words
from declass.extract import places, rules
from declass.extract.mention import Mention
from declass.extract.textutil import fold, shouting, slug
from declass.extract.titles import honorifics, plural_titles, title_words, titles
from declass.read.quality import assess, common_words

PRIORITY = 36  # above the gazetteer ("VICTOR" is no Victorville), below packs
LONE_SOURCE = "rule:given name"
LONE_PRIORITY = 12  # above the model, below the gazetteer: "Florence" alone stays a place

_H = r"[^\S\n]+"
# a lookahead: every word may begin a name, the words before it in capitals eat none of it
# ("SPOT CANDIDATES FOR ACCESS VALENTIN VASILYEVICH BAKULIN")
# a surname's particle before it: "MARIO DI FONZO", "JOHN VAN METER"
_PARTICLE = rf"(?:DE(?:{_H}(?:LA|LAS|LOS))?|DI|DEL|DA|DOS|DU|LA|LE|VAN|VON|DER)(?!{_H}(?:LA|LAS|LOS)\b)"
_CAPS_NAME = re.compile(
    rf"(?<![\w.])(?=(?P<all>(?P<given>[A-Z]{{2,}})(?:{_H}(?P<mid>[A-Z][.,]|[A-Z]{{3,}}))?{_H}(?P<sur>(?:{_PARTICLE}{_H})?[A-Z][A-Z'’-]{{2,}}))(?![\w]))"
)
# a name in running text whose initial's stop OCR read as a comma: "Lucien E, Conein", "D. B, Anderson"
_COMMA_INITIAL = re.compile(
    rf"(?<![\w.,])(?P<first>[A-Z][a-z]{{2,}}|[A-Z]\.){_H}+(?:(?P<mid0>[A-Z]\.){_H}+)?(?P<mid>[A-Z]),{_H}+(?P<sur>(?:O['’])?[A-Z][a-z][A-Za-z'’-]+)(?![\w])"
)
_INVERTED_MID = r"[A-Z]\.|[A-Z]{2,}|[A-Z](?=[^\S\n]*(?:\n|$))"  # an initial, its stop lost at the line's end: "KAMINSKI, HANS D"
_CAPS_INVERTED = re.compile(rf"(?<![\w.])(?P<sur>[A-Z][A-Z'’-]{{2,}}),[^\S\n]*(?P<given>[A-Z]{{2,}})(?:{_H}(?P<mid>{_INVERTED_MID}))?(?![\w])")
# the surname in capitals first, then the given name as written: indexes, rosters, name checks
# ("DANIELS, Gerard", "FORD, Harold P.", "OSWALD, Lee Harvey")
_INVERTED_HOUSE = re.compile(
    rf"(?<![\w.])(?P<sur>[A-Z][A-Z'’-]{{2,}}),[^\S\n]*(?P<given>[A-Z][a-z]+)(?:{_H}(?P<mid>[A-Z]\.?(?:[A-Z]\.?)?|[A-Z][a-z]+|[a-z]\.(?=[^\S\n]*(?:\n|$))))?(?![\w])"
)
_PATRONYMIC_END = r"(?:ovich|evich|ovna|evna|ichna)"  # "Vasilyevich", "Nikolayevna"
# the middle name may be a Russian patronymic: "Valeriy Vladimirovich KOSTIKOV", "Marina Nikolayevna PRUSAKOVA"
_HOUSE = re.compile(
    rf"(?<![\w.])(?P<given>[A-Z][a-z]+)(?:{_H}(?P<mid>[A-Z]\.|[A-Z][a-z]+{_PATRONYMIC_END}\.?))?{_H}(?P<sur>[A-Z]{{3,}}[A-Z'’-]*)(?:{_H}(?P<second>[A-Z][a-z]+))?(?![\w])"
)


# an office symbol before a name, as CIA routing and drafting lines print them: "CI/OP Richard Ober",
# "WH/1/Charles M.Bounds"
_AFTER_SYMBOL = re.compile(
    r"(?<![\w/])(?:[A-Z]{1,5}/)+[A-Z0-9]{1,5}(?:/|[^\S\n]+)"
    r"(?P<name>(?P<given>[A-Z][a-z]+)(?:[^\S\n]+|[^\S\n]*(?P<mid>[A-Z]\.)[^\S\n]*)(?P<sur>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))(?![\w])"
)
# a word in capitals, then (an adverb and) a verb of saying: "RAY ASKED", "OLIVA ALSO STRESSED"
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\S\n]+$")
# the name alone is consumed, the verb looked ahead at: "ALTHOUGH OLIVA STRESSED" has its subject
_SUBJECT = re.compile(
    r"(?<![\w.'’-])(?P<name>[A-Z]{3,}(?:['’][A-Z]{2,})?)"
    r"(?=(?:[^\S\n]+(?:ALSO|THEN|STILL|HAS|HAD|LATER|FURTHER|AGAIN|NOW|REPORTEDLY|ALLEGEDLY))?[^\S\n]+(?P<verb>[A-Z]{3,})\b)"
)
# the surname in brackets, as CIA cables mark it: "RAMON (TAPIA) ESPINAL", "FELIX ((BONNE)) CARCASSES",
# "LEE HARVEY ((OSWALD))"
_NEXT_SURNAME = re.compile(r"[^\S\n]+([A-Z][A-Z'’-]{2,})(?![\w])")
_BRACKETED = re.compile(
    r"(?<![\w.])(?P<given>[A-Z][A-Za-z]+(?:[^\S\n]+[A-Z][A-Za-z]+)?)(?P<br>[^\S\n]*\([^\S\n]?\(?[^\S\n]?(?P<sur>[A-Z]{2,}(?:['’-][A-Z]{2,})?(?:[^\S\n][A-Z]{2,}(?:['’-][A-Z]{2,})?)?)[^\S\n]?\)?[^\S\n]?\))"
    r"(?:[^\S\n]+(?P<second>[A-Z][A-Za-z'’-]{2,}))?(?![\w])"
)
_VOWEL = re.compile(r"[AEIOUY]")
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+[^\S\n]+(?:[A-Z]\.[^\S\n]*)?$")
_PATRONYMIC = re.compile(rf"(?i)[A-Z][a-z]+{_PATRONYMIC_END}")


def patronymic(word: str) -> bool:
    """A Russian patronymic ("Ivanovich", "Nikolayevna"): a word only a person's name holds."""
    return bool(_PATRONYMIC.fullmatch(word))


_LONE = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][a-z]{2,})(?![\w'’-]*[\w])(?!['’]\w)")


_GLUED = re.compile(r"[,.][^\S\n]*[A-Z]\.|[:«»(\[{/|]\S|[^\S\n]*:")


def lone_given_names(text: str) -> list[Mention]:
    """A given name standing alone in running text ("still pulsing Jim and Bill", "Don and Nancy
    were confirmed") is a person; not a given name that is as often a word or a place ("Bill",
    "Florence"), not one beside another capitalised word (a longer name, read elsewhere)."""
    given, _ = _data()
    also = rules.words("given_names_also_words")
    world = world_given_names()
    verbs = rules.words("lone_name_verbs") | rules.words("speech_verbs")
    out = []
    for m in _LONE.finditer(text):
        w = m.group("name")
        f = w.lower()
        if f in also or (f not in given and not (len(f) >= 4 and fold(f) in world and _acts(text, m.end(), verbs))):
            continue  # a name of the world lists alone needs a verb after it: "Shaun just called" (not "Bot declared")
        if not _alone(text, m.start(), m.end()):
            continue
        out.append(Mention(m.start(), m.end(), w, "person", f"person:{slug(w)}", w, LONE_SOURCE, LONE_PRIORITY))
    _elsewhere(text, out)
    # "Kudos to Gordon and Shaun": a name of the world lists joined to a lone given name found
    for found in list(out):
        for o in (_PAIRED_AFTER.match(text, found.end), _PAIRED_BEFORE.search(text, max(0, found.start - 30), found.start)):
            if o is None:
                continue
            w = o.group("name")
            known = fold(w) in world or (w.lower() in also and fold(w) not in places.gazetteer().index and w.lower() not in rules.month_words())
            if known and not any(x.start == o.start("name") for x in out) and _alone(text, o.start("name"), o.end("name")):
                out.append(Mention(o.start("name"), o.end("name"), w, "person", f"person:{slug(w)}", w, LONE_SOURCE, LONE_PRIORITY))
    _elsewhere(text, out)
    return out


PAIR_PRIORITY = 9  # below the model: a given name and a surname fill only what it missed
PAIR_SOURCE = "rule:given name and surname"
_PAIR = re.compile(
    r"(?<![\w.'’@-])(?P<given>[A-Z][a-z]{2,})[^\S\n]+(?:(?P<mid>[A-Z])\.?[^\S\n]+)?"
    r"(?P<sur>(?:Mc|Mac|O['’])?[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?)(?![\w'’@-])"
)


def given_and_surname(text: str) -> list[Mention]:
    """ "Thanks for following up w Jackie Newmyer", "w Lute, Liz Sherwood-Randall": a given name of
    the lists before a capitalised word that is a surname the lists know, or no word, place or
    institution; under the model (which reads most such names), filling what it misses. Not part of
    a longer name, nor a building or a body named for a person ("Jackie Newmyer Foundation")."""
    given, _ = _data()
    also = rules.words("given_names_also_words")
    world = world_given_names()
    words = record_words()
    g = places.gazetteer()
    out = []
    for m in _PAIR.finditer(text):
        first, sur = m.group("given"), m.group("sur")
        f, k = first.lower(), fold(sur)
        known_sur = k in world_surnames()
        # a given name only the world lists know, before a surname no list knows, where OCR is clean
        # ("Greeter: Bertrand Audoin", "Home of Adrienne Arsht"; OCR's noise makes such pairs)
        world_pair = (
            fold(f) in world
            and len(f) >= 4
            and len(k) >= 4
            and fold(f) not in words
            and not {k, sur.lower()} & (rules.words("not_after_person_names") | rules.words("institution_heads"))
            and clean_around(text, m.start(), m.end())
        )
        if not (f in given or (fold(f) in world and known_sur) or world_pair) or (f in also and not known_sur):
            continue
        if not known_sur and (sur.lower() in words or k in g.index or k in given_anywhere()):
            continue  # "Paul Street", "Jordan River", "Tom Jim": no surname
        if k in rules.words("not_in_person_names") or sur in rules.words("not_in_person_names") or f in title_words():
            continue
        prev = re.search(r"([A-Za-z]+)[^\S\n]+$", text[max(0, m.start() - 25) : m.start()])
        before = prev.group(1).lower() if prev else ""
        if prev and prev.group(1)[:1].isupper() and before not in title_words() | rules.words("post_words") and before not in ("and", "or"):
            continue  # "Mount Vernon Street", "Paris Hilton Hotel": part of a longer name ("CEO Ana Oliveira" is hers)
        end = m.end()
        nxt = re.match(r"[^\S\n]*([A-Za-z]+)", text[end : end + 30])
        second = re.match(r"[^\S\n]([A-Z][a-z]{2,})(?![\w'’@-])", text[end : end + 30])
        if second and known_sur and _second_surname(second.group(1)):
            end += second.end()  # "Pedro Diaz Lanz": a Spanish name's second surname
            nxt = re.match(r"[^\S\n]*([A-Za-z]+)", text[end : end + 30])
        if nxt and (nxt.group(1)[:1].isupper() and nxt.group(1).lower() not in ("and", "or") and text[end : end + 1] == " "):
            continue  # a third capitalised word: a longer name, the model's
        if nxt and (nxt.group(1).lower() in rules.words("not_after_person_names") or nxt.group(1).lower() in rules.words("institution_heads")):
            continue
        raw = text[m.start() : end]
        name = " ".join(raw.split())
        out.append(Mention(m.start(), end, raw, "person", f"person:{slug(name)}", name, PAIR_SOURCE, PAIR_PRIORITY))
    return out


# text whose share of common words is under this is poor OCR (e-mails and clean cables: 0.75-0.95)
NOISY_BELOW = 0.75


def clean_around(text: str, a: int, b: int, reach: int = 400) -> bool:
    """Whether the text around ``text[a:b]`` (``reach`` characters each side) is clean: three
    words in four or more common words; poor OCR is under ``NOISY_BELOW``."""
    return assess(text[max(0, a - reach) : b + reach]).known >= NOISY_BELOW


def _second_surname(w: str) -> bool:
    """A word after a given name and a surname that is a second surname: one the lists know, no
    word of the records, place or given name ("Pedro Diaz Lanz"; not "John Smith Said")."""
    f = fold(w)
    return f in world_surnames() and f not in given_anywhere() and f not in record_words() and f not in places.gazetteer().index


def _alone(text: str, a: int, b: int) -> bool:
    """Whether the name at ``text[a:b]`` stands alone: no part of a longer name ("Jim Jeffrey",
    "Mount Vernon"), no name OCR broke and no label ("Eileen, M. Wukitch", "Felix«Fernendez", "Ben :")."""
    nxt = re.match(r"[^\S\n]+([A-Z])", text[b : b + 3])
    prev = re.search(r"([A-Za-z]+)(\.?)[^\S\n]+$", text[max(0, a - 30) : a])
    if nxt:
        return False  # "Jim Jeffrey", "Mount Vernon"
    if prev and prev.group(1)[:1].isupper() and prev.group(1).lower() not in ("and", "or"):
        # "Anne Goodpasture"; "Alfred C. Drury", "Mr. Drury": a surname; not "Thanks. Richard"
        if not prev.group(2) or len(prev.group(1)) == 1 or prev.group(1).lower() in title_words() or prev.group(1) + "." in honorifics():
            return False
    return not _GLUED.match(text, b)


def _elsewhere(text: str, out: list[Mention]) -> None:
    """Add to ``out`` the same names standing alone elsewhere ("Kudos to Gordon and Shaun.")."""
    done = {m.start for m in out}
    for w in {m.text for m in out}:
        for o in _LONE.finditer(text):
            if o.group("name") == w and o.start() not in done and _alone(text, o.start(), o.end()):
                out.append(Mention(o.start(), o.end(), w, "person", f"person:{slug(w)}", w, LONE_SOURCE, LONE_PRIORITY))
                done.add(o.start())


_PAIRED_AFTER = re.compile(r"[^\S\n]+(?:and|or|&)[^\S\n]+(?P<name>[A-Z][a-z]{2,})(?![\w'’-])(?![^\S\n]+[A-Z])")
_PAIRED_BEFORE = re.compile(r"(?<![\w'’-])(?<![A-Z][a-z][^\S\n])(?P<name>[A-Z][a-z]{2,})[^\S\n]+(?:and|or|&)[^\S\n]+$")
@lru_cache(maxsize=1)
def _adverb() -> re.Pattern[str]:
    """An adverb or auxiliary between a lone name and its verb (``lone_name_auxiliaries``)."""
    return re.compile(rf"[^\S\n]+(?:{rules.alternation(rules.words('lone_name_auxiliaries'))})\b")


def _acts(text: str, end: int, verbs: frozenset[str]) -> bool:
    """Whether a verb (``lone_name_verbs``, ``speech_verbs``) follows the word ending at ``end``, an
    adverb or auxiliary between allowed: "Shaun just called", "Gordon will mention"."""
    i = end
    for _ in range(2):
        adv = _adverb().match(text, i)
        if adv is None:
            break
        i = adv.end()
    nxt = re.match(r"[^\S\n]+([a-z]+)", text[i : i + 25])
    return nxt is not None and (nxt.group(1) in verbs or (i > end and nxt.group(1).isalpha()))


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str]]:
    given = frozenset(w.lower() for w in read_words("declass.extract", "data/given_names.txt"))
    not_sur = frozenset(w.upper() for w in rules.words("not_surnames"))
    return given, not_sur


def given_names() -> frozenset[str]:
    """Given names (lower case) from ``data/given_names.txt``."""
    return _data()[0]


@lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """A broader list, folded to ASCII: ``given_names.txt`` and the given names of many languages in
    ``data/given_names_world.txt``, less those that are common words of the records ("Will",
    "Page") or places of the gazetteer ("Jordan", "Salem"). Too broad to make a word alone a
    person; enough to tell "Samantha Power" from an organisation."""
    index = places.gazetteer().index
    return frozenset({w for w in given_anywhere() if w not in index} | {fold(w) for w in given_names()})


@lru_cache(maxsize=1)
def given_anywhere() -> frozenset[str]:
    """Every given name of both lists, places' names among them ("Chester"), less common words:
    enough where the form itself says a name follows ("ITO, Chester")."""
    words = common_words()
    return frozenset({fold(w) for w in given_names()} | {w for w in read_words("declass.extract", "data/given_names_world.txt") if w not in words})


@lru_cache(maxsize=1)
def world_surnames() -> frozenset[str]:
    """Surnames of many languages, folded to ASCII (``data/surnames_world.txt``): what tells the
    surname "Power" in "Samantha Power" from the word "Chemical" in "Dow Chemical"."""
    return read_words("declass.extract", "data/surnames_world.txt")


def _surname(w: str, given: frozenset[str], not_sur: frozenset[str]) -> bool:
    """A word in capitals that can be a surname: not a cable word, not a past tense ("RAY
    INDICATED"), not an institution's head noun ("SERVICE, JORGE"), not a big city
    ("TEGUCIGALPA, IVAN")."""
    if w in not_sur or w.lower() in rules.words("institution_heads"):
        return False
    if len(w) >= 6 and w.endswith("ED") and w.lower() not in given:
        return False
    cands = places.gazetteer().index.get(fold(w)) or []
    return not any(p.kind in ("country", "region") or (p.kind == "city" and p.population >= 500_000) for p in cands)


def surname_in_capitals(w: str) -> bool:
    """Whether ``w`` (in capitals) can be a surname: no cable word, institution's head noun,
    country or big city ("TAYLOR", "HOPKINS" can; "MEXICO", "SERVICE" cannot)."""
    given, not_sur = _data()
    return _surname(w, given, not_sur)


@lru_cache(maxsize=1)
def record_words() -> frozenset[str]:
    """The words of the records: the common words (``read/data/words.txt``, names frequent in the
    records among them) and those the records mostly print in lower case (``ordinary_words``)."""
    return common_words() | rules.ordinary_words()


def _a_word(w: str) -> bool:
    """A word in capitals that is a word of the records or a nationality, not a surname the lists
    know ("FOLLOWING", "AMERICAN", "SECURITY"; "WHITE", "KING" are surnames)."""
    f = fold(w)
    if f in rules.words("demonyms") or w.lower() in rules.words("institution_heads"):
        return True
    return (f in rules.ordinary_words() or f in common_words()) and f not in world_surnames() and f not in given_anywhere()


_JOINED_INITIALS = re.compile(r"^((?:[A-Z]\.)+)(?=[A-Z][A-Za-z])")


def title_case(s: str) -> str:
    """ "O'CONNELL", "BUSTOS-VIDELA", "MCCONE", "S.D." as a name is written: "O'Connell", "Bustos-Videla", "McCone", "S.D.";
    initials run on to the surname are set apart ("R.A.COOK": "R.A. Cook") and OCR's stop after a
    word dropped ("WILLIAM. SOLTES": "William Soltes")."""
    out: list[str] = []
    for w in _JOINED_INITIALS.sub(r"\1 ", s).split():
        if len(w.strip(".")) == 1 or re.fullmatch(r"(?:[A-Z]\.)+", w):
            out.append(w)
        elif out and w.lower() in rules.words("particles_in_lower_case"):
            out.append(w.lower())  # "JOSE DE LA TORRE": "Jose de la Torre" (not "Di Fonzo", "Van Buren")
        else:
            out.append("-".join(_PREFIXED.sub(lambda m: m.group(1) + m.group(2).upper(), p.capitalize()) for p in w.rstrip(".").split("-")))
    return " ".join(out)


_PREFIXED = re.compile(r"^(O['’]|D['’]|Mc)([a-z])(?=[a-z])")


def find(text: str) -> list[Mention]:
    """The people the house styles of CIA and FBI records name (each function below reads one)."""
    out: list[Mention] = []
    for reader in (
        _split_surnames,
        _names_in_capitals,
        _comma_initial,
        _inverted_in_capitals,
        _surname_in_capitals,
        _inverted_house,
        _after_office_symbol,
        _bracketed_surnames,
        double_bracketed,
        _arabic_names,
        subjects,
        titled_in_capitals,
        titled_in_mixed_case,
        informant_keys,
        after_honorifics,
        after_spanish_address,
        lone_given_names,
        lone_surnames_in_capitals,
        given_and_surname,
    ):
        out += reader(text)
    return out


_SPLIT_SURNAME = re.compile(r"(?<![\w.])(?=(?P<given>[A-Z]{3,})(?P<parts>(?:[^\S\n]+[A-Z]{1,4}){2,4})(?![\w-])(?!['’]\w))")


def _split_surnames(text: str) -> list[Mention]:
    """ "ORLANDO BOS CH", "ANDRES PE RE Z", "LUIS POS AD A": a given name in capitals and a surname
    OCR broke into pieces of a few letters, none a word of its own but their whole a surname the
    lists know (the model, and the reader of names in capitals, keep the first piece: "Orlando Bos")."""
    out = []
    for m in _SPLIT_SURNAME.finditer(text):
        if fold(m.group("given")) not in given_anywhere():
            continue
        spans = [(m.start("parts") + t.start(), m.start("parts") + t.end()) for t in re.finditer(r"\S+", m.group("parts"))]
        parts = [text[a:b] for a, b in spans]
        for k in range(len(parts), 1, -1):
            whole = "".join(parts[:k])
            if len(whole) < 4 or fold(whole) not in world_surnames() or re.fullmatch(_PARTICLE, " ".join(parts[: k - 1])):
                continue
            if fold(whole) in rules.ordinary_words():
                continue  # "LOURDES MA DE": a word of the records, not a surname OCR broke ("BR OWN" is Brown)
            if all(len(p) >= 3 and (fold(p) in world_surnames() or fold(p) in common_words()) for p in parts[:k]):
                continue  # "SANT ANA", "PAS CAL": two words or names of their own, not pieces
            end = spans[k - 1][1]
            raw = text[m.start("given") : end]
            name = title_case(f"{m.group('given')} {whole}")
            out.append(Mention(m.start("given"), end, raw, "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY + 1))
            break
    return out


def _arabic_names(text: str) -> list[Mention]:
    """ "Muhammad al-Masri", "Ali al-Sistani", "Khalid bin Sultan", "Abdel Fattah el-Sisi": a given
    name (and a second), then names joined by Arabic particles (``arabic_name_particles``), which
    the model cuts at the first particle."""
    out: list[Mention] = []
    end = -1
    for m in _arabic_name_pattern().finditer(text):  # every word may begin one ("Please call Ali al-Sistani")
        if m.start() < end or fold(m.group("given")) not in world_given_names():
            continue
        raw = m.group("all")
        end = m.start() + len(raw)
        name = " ".join(raw.split())
        out.append(Mention(m.start(), end, raw, "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


@lru_cache(maxsize=1)
def _arabic_name_pattern() -> re.Pattern[str]:
    data = rules.data()
    joined = rf"(?:(?:{rules.alternation(data['arabic_name_particles'])})(?:-|[^\S\n]+)|(?:{rules.alternation(data['arabic_name_particles_hyphened'])})-)"
    part = rf"{joined}+[A-Z'‘’][A-Za-z]+(?:['’][A-Za-z]+(?<!['’]s))?(?:-[A-Z][a-z]+)*"
    return re.compile(rf"(?<![\w'’-])(?=(?P<all>(?P<given>[A-Z][a-z]+)(?:[^\S\n]+[A-Z][a-z]+)?(?:[^\S\n]+{part})+)(?![\w-]))")


def _names_in_capitals(text: str) -> list[Mention]:
    """ "JOSE GARCIA", "JOSEPH H. LANGOSCH", "VALENTIN VASILYEVICH BAKULIN": a given name, then names, in capitals."""
    given, not_sur = _data()
    out: list[Mention] = []
    for m in _CAPS_NAME.finditer(text):
        first, mid, sur = m.group("given"), m.group("mid"), m.group("sur")
        end = m.end("all")
        if mid and re.fullmatch(_PARTICLE, mid):
            # "ANTONIO DEL MONTE CABALLERO": the particle begins the surname, a second may follow
            more = _NEXT_SURNAME.match(text, end)
            if more and fold(more.group(1)) in world_surnames() and not _a_word(more.group(1)):
                end, sur = more.end(1), more.group(1)
            mid = None
        if mid and len(mid) > 2 and (not _surname(sur, given, not_sur) or not _surname(mid, given, not_sur)):
            mid, sur, end = None, mid, m.end("mid")  # "JOSE GARCIA AND": the name ends before the cable goes on
        if mid and len(mid) > 2 and _a_word(mid):
            continue  # "LEE STRONGLY FEEL": a sentence in capitals, no name
        if _a_word(sur) and mid and len(mid) > 2 and _surname(mid, given, not_sur):
            mid, sur, end = None, mid, m.end("mid")  # "CARLOS FRANQUI MET WITH": the name ends before the verb
        if _a_word(sur):
            continue  # "JUAN PERON DEPART", "ROSE SIMINOW AMERICAN"
        russian = bool(mid) and patronymic(mid or "")  # "VALENTIN VASILYEVICH BAKULIN": a patronymic makes it a name
        # a given name of the narrow list, or of the world's lists before a surname they know
        # ("HENRIETTA LORIE", "AUSTIN PITTMAN")
        known_given = first.lower() in given or (
            fold(first) in given_anywhere()
            # the surname, or the first of two surnames joined by a particle ("BATALLA DE BASSOLS")
            and any(fold(w) in world_surnames() for w in (sur.split()[-1], mid if mid and " " in sur else "") if len(w) > 2)
            and first.lower() not in title_words()
            # no word ("JOSE CAME"); the records' frequent words hold frequent surnames ("GARCIA")
            and not {sur.lower(), fold(sur)} & (rules.ordinary_words() | rules.words("not_in_person_names"))
            and (sur.lower() not in common_words() or (fold(sur) in world_surnames() and len(sur) > 3))
            and not _NAME_BEFORE.search(text, max(0, m.start("all") - 20), m.start("all"))  # "Manuel MORENO SANCHEZ"
        )
        # a given name of the world's lists, a middle initial and a surname that is no word: a full
        # name whatever the surname ("CHESTER D. DAINOLD GAVE BRIEFING")
        initialled = (
            bool(mid)
            and re.fullmatch(r"[A-Z]\.", mid or "") is not None
            and fold(first) in given_anywhere()
            and first.lower() not in title_words()
            and len(sur) >= 4
            and not {sur.lower(), fold(sur)} & (record_words() | rules.words("not_in_person_names"))
        )
        if (not known_given and not russian and not initialled) or not _surname(sur, given, not_sur):
            continue
        before = re.search(r"([A-Za-z]+)\.?[^\S\n]+$", text[max(0, m.start("all") - 16) : m.start("all")])
        if before and before.group(1).lower() in rules.words("place_name_starts"):
            continue  # "CALLE SAN LUIS BELTRAN 66": a street or a place named for a saint
        if before and before.group(1).isupper() and before.group(1).lower() in given:
            continue  # "ESTHER MARIA SOSA": the name began a word earlier
        raw = text[m.start("all") : end]
        nxt = re.match(r"[^\S\n]*([A-Za-z]+)", text[end : end + 30])
        if nxt and nxt.group(1).lower() in rules.words("not_after_person_names"):
            continue  # "THE CALIXTO GARCIA HOSPITAL": a building named for the person
        if _big_place(raw):
            continue  # "SANTO DOMINGO", "SAN SALVADOR" in a cable's list of stations: a city
        name = title_case(initial_stops(" ".join(raw.split())))
        out.append(Mention(m.start("all"), end, raw, "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


def _big_place(raw: str) -> bool:
    """Whether ``raw`` is, whole, the name of a country, a first-level division or a city of
    100,000 people or more."""
    return any(p.kind in ("country", "state", "region") or p.population >= 100_000 for p in places.gazetteer().index.get(fold(raw)) or [])


_COMMA_STOP = re.compile(r"\b([A-Z])[,;](?=\s)")


def initial_stops(name: str) -> str:
    """An initial's stop that OCR read as a comma or a semicolon, put back: "GERALD H, WATKINS",
    "Janes E; Flannery" -> "GERALD H. WATKINS", "Janes E. Flannery"."""
    return _COMMA_STOP.sub(r"\1.", name)


def _comma_initial(text: str) -> list[Mention]:
    """ "Mr. Lucien E, Conein", "Mr. D. B, Anderson": a given name (or an initial), a middle initial
    whose stop OCR read as a comma, a surname; the model reads two people, or a person and a word."""
    ordinary, common, surnames = rules.ordinary_words(), common_words(), world_surnames()
    out = []
    for m in _COMMA_INITIAL.finditer(text):
        first, sur = m.group("first"), m.group("sur")
        if not first.endswith(".") and fold(first) not in given_anywhere():
            continue  # "Section A, Division": no given name
        if first + m.group("mid") == "U.S":
            continue  # "U. S, Customs"
        before = re.search(r"([A-Za-z]+),[^\S\n]*$", text[max(0, m.start() - 30) : m.start()])
        if before and before.group(1).lower() not in title_words():
            continue  # "To: Sullivan, Jacob J, Derse, Anne E": State's directory, the surname first ("Mr, K. A, Mendenhall" is a name)
        if (fold(sur) in ordinary or fold(sur) in common) and fold(sur) not in surnames:
            continue  # "John A, Director": a word after the comma
        raw = m.group(0)
        name = initial_stops(" ".join(raw.split()))
        out.append(Mention(m.start(), m.end(), raw, "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


def _inverted_in_capitals(text: str) -> list[Mention]:
    """ "OSWALD, LEE HARVEY", "CASTRO, FIDEL": the surname first, all in capitals."""
    given, not_sur = _data()
    out: list[Mention] = []
    for m in _CAPS_INVERTED.finditer(text):
        # "OSWALD, LEE HARVEY", "CASTRO, FIDEL": subject lines and indexes put the surname first
        mid = m.group("mid")
        first, sur = m.group("given"), m.group("sur")
        # a given name of the narrow list, or of the world's lists after a surname they know ("KAMINSKI, HANS D")
        # or alone on its line, an initial after it at most
        alone = bool(re.match(r"[^\S\n]*(?:[A-Z]\.?[^\S\n]*)?(?:\n|$)", text[m.end() :])) and text[max(0, m.start() - 1) : m.start()] in ("", "\n")
        known_given = first.lower() in given or (
            fold(first) in given_anywhere()
            and (alone or fold(sur) in world_surnames())
            and not _a_word(sur)
            and not _a_word(first)
            and not places.big(fold(first))  # "FIELD, ALABAMA": a town's name broken at the line, then its state
        )
        if not known_given or not _surname(sur, given, not_sur) or (fold(sur) in rules.ordinary_words() and fold(sur) not in world_surnames()):
            continue  # "WIFE, LYUDMILA": a word of the records before a given name
        end = m.end() if mid and (len(mid) <= 2 or (mid.lower() in given and mid not in not_sur)) else m.end("given")
        parts = [m.group("given"), *([mid] if mid and end == m.end() else []), m.group("sur")]
        name = title_case(" ".join(parts))
        out.append(Mention(m.start(), end, text[m.start() : end], "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


def _surname_in_capitals(text: str) -> list[Mention]:
    """ "Carlos GARZANA Roldan", "Joseph R. MOROLA": a given name before a surname in capitals."""
    given, not_sur = _data()
    out: list[Mention] = []
    for m in _HOUSE.finditer(text):
        russian = patronymic(m.group("mid") or "")  # a patronymic makes it a name, whatever the given name
        g0, s0 = fold(m.group("given")), fold(m.group("sur"))
        # a given name of the world lists that is no word of the records ("Abram CHAYES"; not "Will"),
        # before a surname of four letters or more that is none either ("Gabe OFFICER" is OCR's)
        world = (
            len(g0) >= 4
            and len(s0) >= 4
            and g0 in world_given_names()
            and g0 not in record_words()
            # a surname that is also a word counts when the record prints it again ("Horace SPEED" ...
            # "SPEED is"), unless a title's ("Gabe OFFICER")
            and (
                s0 in world_surnames()
                or s0 not in record_words()
                or (s0 not in title_words() and _printed_again(m.group("sur"), text))
            )
        )
        first_known = m.group("given").lower() in given or world or (russian and not _a_word(m.group("given").upper()))
        if not first_known or not _surname(m.group("sur"), given, not_sur):
            continue
        end = m.end()
        second = m.group("second")
        if second and second.lower() in given:
            end = m.end("sur")  # "Joseph MOROLA Gordon ...": the next word starts another name
        start = m.start()
        before = _GIVEN_BEFORE.search(text, max(0, start - 25), start)
        if before and before.group(1).lower() in given and not m.group("mid"):
            start = before.start(1)  # "Jose Ignacio RASCO", "Maria Teresa LOPEZ": two given names
        raw = text[start:end]
        name = title_case(" ".join(raw.split()))
        out.append(Mention(start, end, raw, "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


def _printed_again(word: str, text: str) -> bool:
    """Whether ``word`` occurs twice or more in ``text`` as a word of its own."""
    return len(re.findall(rf"\b{re.escape(word)}\b", text)) > 1


_GIVEN_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)[^\S\n]+$")
# a surname alone in capitals between words in lower case: "identified by both DERYABIN and RASTVOROV as"
_LONE_SURNAME = re.compile(r"(?<=[a-z,][^\S\n])(?P<sur>[A-Z]{4,}(?:['’-][A-Z]{2,})?)(?=,?\s+[a-z])")
_PREV_WORD = re.compile(r"([\w'’.-]+)[,;]?[^\S\n]+$")


@lru_cache(maxsize=1)
def slavic() -> re.Pattern[str]:
    """A surname in capitals with a Slavic ending (``slavic_surname_endings``): "RASTVOROV"."""
    return re.compile(rf"[A-Z]{{3,}}(?:{rules.alternation(w.upper() for w in rules.words('slavic_surname_endings'))})")


def lone_surnames_in_capitals(text: str) -> list[Mention]:
    """In a text in upper and lower case, CIA sets a surname in capitals ("by both DERYABIN and
    RASTVOROV as connected"): a capitalised word between words in lower case that the surname lists
    hold, or with a Slavic surname's ending, and no word, acronym or place."""
    if shouting(text):
        return []
    given, not_sur = _data()
    words = common_words()
    out = []
    for m in _LONE_SURNAME.finditer(text):
        w = m.group("sur")
        k = fold(w)
        if w.lower() in words or w.lower() in rules.ordinary_words() or k in places.gazetteer().index or not _surname(w, given, not_sur):
            continue
        if k not in world_surnames() and not (len(w) >= 6 and slavic().fullmatch(w)):
            continue
        if not _VOWEL.search(w) or _a_word(w) or k in given_anywhere():
            continue  # "SAMUEL and GABRIEL MANNARINO": given names
        prev = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
        if prev is None or not prev.group(1).islower():
            continue  # "Llewellyn THOMPSON": the given name before it (read elsewhere)
        name = w.capitalize()
        out.append(Mention(m.start(), m.end(), w, "person", f"person:{slug(name)}", name, "rule:surname in capitals", LONE_PRIORITY))
    return out


def _roster_line(text: str, m: re.Match[str]) -> bool:
    """A roster's line, a given name no list knows: "GMIRKIN, Leonara G." alone on its line (a
    bracket or a list mark before it at most), a middle initial after the given name, the surname
    no word of the records."""
    mid = m.group("mid") or ""
    if not re.fullmatch(r"[A-Z]\.", mid) or _a_word(m.group("sur")):
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    return bool(re.fullmatch(r"[^\S\n]*[\[(|/\d.\s]*", text[line_start : m.start()])) and bool(re.match(r"[^\S\n]*(?:\n|$)", text[m.end("mid") :]))


def _inverted_house(text: str) -> list[Mention]:
    """ "DANIELS, Gerard", "FORD, Harold P.": the surname in capitals first, the given name as written."""
    given, not_sur = _data()
    anyname = given_anywhere()
    out: list[Mention] = []
    for m in _INVERTED_HOUSE.finditer(text):
        if not _surname(m.group("sur"), given, not_sur):
            continue
        if fold(m.group("given")) not in anyname and not _roster_line(text, m):
            continue
        if _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Joseph R. MOROLA, Gordon Cooper": the capitals end a name, a list goes on
        mid = m.group("mid")
        if mid and len(mid.replace(".", "")) > 2 and fold(mid) not in anyname and not patronymic(mid):
            mid = None  # "DANIELS, Gerard Award": the next word is no second given name (a patronymic is)
        end = m.end("mid") if mid else m.end("given")
        # "FORD, Harold P.", "DRALLE, Anthony F.J.", "MORALES, David s." (OCR lowered the initial)
        name = " ".join([m.group("given"), *([mid[0].upper() + mid[1:]] if mid else []), title_case(m.group("sur"))])
        out.append(Mention(m.start(), end, text[m.start() : end], "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


def _after_office_symbol(text: str) -> list[Mention]:
    """ "CI/OP Richard Ober", "WH/1/Charles M.Bounds": a name after an office symbol."""
    given = given_names()
    words = common_words()
    out: list[Mention] = []
    for m in _AFTER_SYMBOL.finditer(text):
        sur = m.group("sur")
        if m.group("given").lower() not in given or sur.lower() in words or sur.lower() in given:
            continue
        name = " ".join([m.group("given"), *([m.group("mid")] if m.group("mid") else []), sur])
        out.append(Mention(m.start("name"), m.end("name"), m.group("name"), "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


def _bracketed_surnames(text: str) -> list[Mention]:
    """ "RAMON (TAPIA) ESPINAL", "FELIX ((BONNE)) CARCASSES": the surname in brackets."""
    not_sur = _data()[1]
    anyname = given_anywhere()
    out: list[Mention] = []
    for m in _BRACKETED.finditer(text):
        given_words = m.group("given").split()
        if fold(given_words[-1]) not in anyname or given_words[-1].upper() in not_sur:
            continue
        start = m.start()
        if len(given_words) > 1 and fold(given_words[0]) not in anyname:
            given_words, start = given_words[1:], m.end("given") - len(given_words[-1])  # "RESCUE JOSE (VASQUEZ)"
        sur = m.group("sur")
        if any(w.lower() in rules.ordinary_words() or w in not_sur or not _VOWEL.search(w) for w in sur.split()):
            continue  # "AND ARE VERY WELL (ESTABLISHED)", "GUIDO (LNU)", "Dean (NSD)"
        second = m.group("second")
        if second and (second.lower() in rules.ordinary_words() or second.upper() in not_sur):
            second = None  # "LEE HARVEY ((OSWALD)). UNLESS", "FIDEL ((CASTRO)) AND"
        end = m.end() if second else m.end("br")
        name = title_case(" ".join([*given_words, sur, *([second] if second else [])]))
        out.append(Mention(start, end, text[start:end], "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


_DOUBLE = re.compile(r"(?<![\w(])\([^\S\n]?\((?P<sur>[A-Z][A-Z'’-]+)\)[^\S\n]?\)(?P<after>(?:[^\S\n]+[A-Z]{2,7}(?:-[A-Z]{2,7})?){0,2})")


def double_bracketed(text: str) -> list[Mention]:
    """A surname in double brackets with no given name before it: "(FNU) ( (CHIKOMBE) )", and an
    East Asian name's given names after a short surname: "((LI)) SONG-AN", "( (KIM)) CHONG IL"."""
    not_sur = _data()[1]
    anyname = given_anywhere()
    words = rules.ordinary_words()
    out = []
    for m in _DOUBLE.finditer(text):
        sur = m.group("sur")
        if sur.lower() in words or sur in not_sur or not _VOWEL.search(sur):
            continue
        prev = re.search(r"([A-Za-z]+)[^\S\n]*$", text[max(0, m.start() - 25) : m.start()])
        if prev and prev.group(1).isupper() and fold(prev.group(1)) in anyname:
            continue  # "LEE HARVEY ((OSWALD))": the bracketed reader's
        given: list[str] = []
        end = m.start("after")
        if len(sur) <= 4:
            for w in re.finditer(r"\S+", m.group("after")):
                if w.group().lower() in words or w.group() in not_sur:
                    break
                given.append(w.group())
                end = m.start("after") + w.end()
        name = title_case(" ".join([sur, *given]))
        out.append(Mention(m.start(), end, text[m.start() : end], "person", f"person:{slug(name)}", name, "rule:house-style name", PRIORITY))
    return out


@lru_cache(maxsize=1)
def _caps_title() -> re.Pattern[str]:
    not_here = rules.words("titles_not_before_capitals")
    # in capitals, or capitalised as running text sets it before a surname in capitals ("President AZIKIWE")
    chosen = [t.rstrip(".") for t in titles() if t.lower().rstrip(".") not in not_here and t[:1].isalpha()]
    alts = sorted({t.upper() for t in chosen} | {t for t in chosen if t[:1].isupper() and t[1:2].islower()}, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"[^\S\n]+") for a in alts)
    name = r"(?:(?:[A-Z]{2,}['’-]?[A-Z]*|[A-Z][.,])[^\S\n]*){0,3}[A-Z]{2,}(?:['’-][A-Z]+)?"  # "SA CLABURN T, WHITE": OCR's comma
    # "MR, WHITTEN", "MRS, KING": OCR's comma for the stop after the two honorifics that are no other word
    return re.compile(rf"(?<![\w.])(?P<title>{body})(?:\.|(?<=MR),|(?<=MRS),)?[^\S\n]+(?=(?P<name>{name})(?![\w]))")


def near_common_word(w: str) -> bool:
    """Whether ``w`` (lower case) is one edit from a common word of six letters or more
    ("indexino", "gtation"): a word OCR broke, no name."""
    return process.extractOne(w, _long_common_words(), scorer=Levenshtein.distance, score_cutoff=1) is not None


@lru_cache(maxsize=1)
def _long_common_words() -> list[str]:
    return sorted(w for w in record_words() if len(w) >= 6)


def titled_in_capitals(text: str) -> list[Mention]:
    """In capitals, a title or honorific before a surname (and a given name) in capitals is a
    person's: "MR. HERNANDEZ", "GENERAL CABELL", "CAPT. RODRIGUEZ", "FATHER JOSE GONZALEZ". The
    name ends before a common word, a title, a month or another cable word ("MAJOR SANCHEZ THAT")."""
    given, not_sur = _data()
    words = rules.ordinary_words()
    stop = (
        words
        | rules.words("not_names")
        | rules.words("not_in_names")
        | rules.words("institution_not_first")
        | rules.month_words()
        | rules.day_words()
        | title_words()
        | rules.words("demonyms")
    )
    strict = rules.words("not_names") | rules.month_words() | rules.day_words() | title_words() | rules.words("demonyms")
    out = []
    known = world_surnames() | given_anywhere()
    honorific = {h.upper().rstrip(".") for h in honorifics()}
    full_name_titles = {" ".join(t.split()) for t in rules.words("titles_before_full_names")}
    also_words = rules.words("titles_also_words")
    for m in _caps_title().finditer(text):
        toks = list(re.finditer(r"[A-Z][.,]|[^\s.]+", m.group("name")))
        keep = []
        for i, t in enumerate(toks):
            w = t.group()
            if re.fullmatch(r"[A-Z][.,]", w):
                keep.append(t)  # an initial: "MRS. JOSEPH J. HANLEY"
                continue
            # a given name that is also a big city's, before the surname: "PCI AUSTIN PITTMAN"
            city_given = not keep and i + 1 < len(toks) and fold(w) in given_anywhere()
            # a name, a middle initial and a surname after the title are a full name whatever the
            # words ("SA TRON W. BREKKE", "SA LOFTIS J. SHEFFIELD": OCR's given names, a city's surname)
            full = (
                not keep
                and i + 2 < len(toks)
                and re.fullmatch(r"[A-Z][.,]", toks[i + 1].group()) is not None
                and len(toks[i + 2].group()) >= 3
                and toks[i + 2].group().lower() not in stop
            ) or (len(keep) == 2 and re.fullmatch(r"[A-Z][.,]", keep[1].group()) is not None)
            if full and len(w) >= 3 and w.lower() not in strict and w not in not_sur:
                keep.append(t)
                continue
            if len(w) < 3 or w.lower() in stop or w in not_sur or not (city_given or _surname(w, given, not_sur)):
                break
            if w.endswith("S") and fold(w[:-1]) in words and fold(w) not in world_surnames():
                break  # "AMBASSADOR INFORMS FOREIGN MINISTRY": a verb after the title ("MR. WELLS" is a name)
            keep.append(t)
        cut = False
        while keep and keep[-1].group().endswith((".", ",")):
            keep.pop()
            cut = True
        if not keep:
            continue
        names = [t.group() for t in keep if not t.group().endswith((".", ","))]
        if len(names) == 1 and names[0].lower() in given and len(toks) > len(keep):
            continue  # "MR. JOSE" then a cable word: a given name alone after a title says too little
        if len(names) == 1 and fold(names[0]) in given_anywhere() and (cut or m.group("title").lower() in full_name_titles):
            # "SA THOMAS D." (the surname on the next line), "SA LEROY N. GREEN", "SA JAMES" then a line
            # break: a given name the FBI's titles never stand before alone
            continue
        b0 = m.start("name") + keep[-1].end()
        ends = re.match(r"[^\S\n]*(?:$|\n|[,.;:(])", text[b0 : b0 + 3]) is not None
        unknown = [w for w in names if fold(w) not in known]
        title = m.group("title")
        if unknown and title.split()[-1].lower() in also_words and not ends:
            continue  # "GENERAL DESCRIPTION OF", "MAJOR DCISION": a title that is also a word, before no known name
        stopped = m.group(0)[len(title) : len(title) + 1] in (".", ",")
        # a middle initial between two names marks a full name, whatever the given name ("SA CLABURN T. WHITE")
        middle = len(names) > 1 and any(re.fullmatch(r"[A-Z][.,]", t.group()) for t in keep[1:-1])
        given_first = len(names) > 1 and fold(names[0]) in given_anywhere()
        if unknown and len(title) <= 3 and (title not in honorific or not stopped) and not given_first and not middle:
            continue  # "SEN", "REP", "GOV", "LT", "DR" without its stop: abbreviations, before no known name ("SA LESTER ESAREY" is one)
        if any(fold(w) in common_words() or len(w) < 4 or (len(w) >= 8 and near_common_word(fold(w))) for w in unknown):
            continue  # "CAN JUDGE INDEXING", "DR SIGNATURA", "MISS QUALIFICATIONS": words, and words OCR broke
        a, b = m.start("name") + keep[0].start(), m.start("name") + keep[-1].end()
        if text.endswith(("'S", "’S"), a, b):
            b -= 2  # "MR. WILCOTT'S TESTIMONY"
        nxt = re.match(r"[^\S\n]*([A-Za-z]+)", text[b : b + 30])
        if nxt and nxt.group(1).lower() in rules.words("not_after_person_names"):
            continue  # "THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT"
        if len(keep) == 1 and len(keep[0].group()) < 3:
            continue
        name = title_case(initial_stops(text[a:b]))
        out.append(Mention(a, b, text[a:b], "person", f"person:{slug(name)}", name, "rule:title and a name in capitals", PRIORITY))
    return out


_KEY_NAME = re.compile(r"(?P<name>(?:(?:[A-Z][.,]|[A-Z][A-Z'’-]+)[^\S\n]+)+[A-Z][A-Z'’-]+)(?=[^\S\n]*(?:[,.;:(]|\n|$))")


@lru_cache(maxsize=1)
def _informant_key() -> re.Pattern[str]:
    title = rules.alternation(titles(), spaces=True)
    return re.compile(rf"{rules.data()['informant_key']}(?:(?i:{title})\.?[^\S\n]+)?")


def informant_keys(text: str) -> list[Mention]:
    """An FBI report's key of its symbol informants: "T-5 is P. J. POE, Manager, Southwestern Bell",
    "T-31 is DEUAL JACKSON, former Vice-President", "T-6 is PCI ALBERT L, PILLSBURY, JR.": the name
    in capitals after "T-n is" (and a title), to its comma, is a person's, whatever its given name.
    Not an informant's number ("T-4 is LR 399-C") nor words ("T-2 is CONFIDENTIAL")."""
    out = []
    for k in _informant_key().finditer(text):
        m = _KEY_NAME.match(text, k.end())
        if not m:
            continue
        toks = m.group("name").split()
        initials = re.fullmatch(r"(?:[A-Z][.,])+", "".join(toks[:-1])) is not None
        # a surname that is also a word, after initials, is a name ("P. J. POE"); words elsewhere are no name
        words = [w for w in toks if len(w) > 2 or not w.endswith((".", ","))]
        wordy = [w for w in words if _a_word(w) and not (initials and w == toks[-1])]
        if wordy or any(w.lower() in title_words() for w in words) or len(toks) > 5:
            continue
        raw = m.group("name")
        name = title_case(initial_stops(" ".join(raw.split())))
        out.append(Mention(m.start(), m.end(), raw, "person", f"person:{slug(name)}", name, "rule:informant key", PRIORITY))
    return out


HONORIFIC_SOURCE = "rule:honorific and a name"


@lru_cache(maxsize=1)
def _honorific_name() -> re.Pattern[str]:
    """An honorific at a line's end (``honorifics_before_line_break`` in ``data/titles.yaml``) and the name opening the next."""
    title = rules.alternation(load_yaml("declass.extract", "data/titles.yaml")["honorifics_before_line_break"])
    return re.compile(
        rf"(?<![\w.])(?P<title>{title})(?P<gap>[^\S\n]*\n\s*)"
        r"(?P<name>(?:(?:[A-Z][a-z]+|[A-Z]\.)[^\S\n]+){0,2}(?:(?:Mc|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][A-Z-]{2,}))(?=['’][sS](?![\w'’-])|(?![\w'’-]))"
    )


TITLE_SOURCE = "rule:title and a surname"


@lru_cache(maxsize=1)
def _mixed_title() -> re.Pattern[str]:
    """A title as the records print it before a name in mixed case ("Major Devany", "Gen. Smith",
    "Colonel Smith/4455"): the titles with a lower-case letter, but the plural ones, then up to two
    given names or initials and a surname."""
    skip = plural_titles() | set(rules.data()["titles_not_before_lone_names"])
    alts = rules.alternation(t for t in titles() if re.search(r"[a-z]", t) and t not in skip)
    word = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    # the name may end in a possessive ("Mayor Antanas Mockus' 28 percent", "Calderon's")
    return re.compile(rf"(?<![\w.])(?:{alts})[^\S\n]+(?P<name>(?:(?:[A-Z]\.[^\S\n]*|{word}[^\S\n]+)){{0,2}}{word})(?![\w-])(?!['’][A-Za-z]{{2}})")


def titled_in_mixed_case(text: str) -> list[Mention]:
    """ "Major Devany/50371", "Colonel Smith agreed": a title of office or rank and the surname
    after it, which the model, reading an OCR'd line, misses (under the model, which reads longer
    names: "Sheikh Hamad bin Jasim"). The surname no common word the name lists do not know
    ("General Assembly", "Secretary General"), no big city or country, no institution's head
    ("President Kennedy Center" names a building); the words before it given names or initials."""
    out = []
    stop = title_words() | rules.month_words() | rules.day_words() | rules.words("not_names") | rules.words("demonyms")
    given, not_sur = _data()
    def name_word(w: str) -> bool:
        f = fold(w)
        if len(f) < 3 or f in stop or w.upper() in not_sur or not _surname(w.upper(), given, not_sur):
            return False
        if f in world_surnames() or f in given_anywhere():
            return True
        # no word of the records, nor one OCR or a suffix made of one ("Gen Wynne Chairing")
        if f in common_words() or f in rules.ordinary_words() or (len(f) > 5 and f.endswith(("ing", "ed"))):
            return False
        return not (len(f) >= 8 and near_common_word(f))  # "General Services Adminictretian"

    for m in _mixed_title().finditer(text):
        toks = [t for t in re.finditer(r"\S+", m.group("name"))]
        while toks and not re.fullmatch(r"[A-Z]\.", toks[-1].group()) and not name_word(toks[-1].group()):
            toks.pop()  # "Gen Wynne Chairing a meeting": the name ends before the word
        if not toks or re.fullmatch(r"[A-Z]\.", toks[-1].group()):
            continue
        end = m.start("name") + toks[-1].end()
        words = [t.group() for t in toks]
        nxt = re.match(r"[^\S\n]*([A-Za-z]+)", text[end : end + 30])
        if nxt and (nxt.group(1).lower() in rules.words("not_after_person_names") or nxt.group(1).lower() in rules.words("institution_heads")):
            continue
        after = re.match(r"[^\S\n]+([A-Z]\.|[A-Z][\w'’-]*)", text[end : end + 40])
        if after and (len(after.group(1)) == 2 or name_word(after.group(1)) or not after.group(1)[1:].islower()):
            # the name goes on in what this rule does not read: an initial ("President John F."), a
            # surname in capitals ("Dr. Marta FRAYDE") or OCR's ("Mr. John MeCone")
            continue
        if any(not re.fullmatch(r"[A-Z]\.", w) and not name_word(w) for w in words[:-1]):
            continue  # "General Services Adminictretian": words after a title that is also a word
        a, b = m.start("name"), end
        name = " ".join(text[a:b].split())
        out.append(Mention(a, b, text[a:b], "person", f"person:{slug(name)}", name, TITLE_SOURCE, PAIR_PRIORITY))
    return out


def after_honorifics(text: str) -> list[Mention]:
    """ "Mr.\n\nSovern", "Mrs.\nChebeya", "Mr.\n\nDesmond Fitzgerald": an honorific at a line's end
    and the name that opens the next, which the model, reading line by line, loses. The surname no
    common word the name lists do not know ("Dr.\n\nComp")."""
    out = []
    for m in _honorific_name().finditer(text):
        if m.group("gap").count("\n") > 3:
            continue
        toks = m.group("name").split()
        sur = toks[-1]
        f = fold(sur)
        if len(f) < 3 or f in title_words() or f in rules.month_words() or f in rules.day_words():
            continue
        if (f in common_words() or f in rules.ordinary_words()) and f not in world_surnames():
            continue  # "Dr.\n\nComp", "Mr.\n\nChairman"
        if any(not t.endswith(".") and fold(t) not in given_anywhere() for t in toks[:-1]):
            toks = toks[-1:]  # "Mr.\n\nThe Smith": only the word before the surname that is a given name
        a = m.end("name") - len(sur) if len(toks) == 1 else m.start("name")
        b = m.end("name")
        raw = text[a:b]
        name = title_case(" ".join(raw.split())) if raw.isupper() else " ".join(raw.split())
        out.append(Mention(a, b, raw, "person", f"person:{slug(name)}", name, HONORIFIC_SOURCE, PRIORITY))
    return out


@lru_cache(maxsize=1)
def _spanish_address() -> re.Pattern[str]:
    """A Spanish form of address (``spanish_forms_of_address`` in ``data/titles.yaml``: "Lic.",
    "Ing.", "Srta.", OCR's "Lic,") and the name after it on its line."""
    data = load_yaml("declass.extract", "data/titles.yaml")["spanish_forms_of_address"]
    short = rules.alternation(data["abbreviated"])
    full = rules.alternation(data["in_full"])
    word = r"(?:[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+(?:-[A-Z][a-z]+)?|[A-ZÁÉÍÓÚÑ]{3,})"
    return re.compile(
        rf"(?<![\w.])(?:(?:{short})[.,]|(?i:{full}))[^\S\n]+"
        rf"(?P<name>(?:[A-Z]\.[^\S\n]*)?{word}(?:[^\S\n]+(?:(?:de|del|de la|y)[^\S\n]+|[A-Z]\.[^\S\n]*)?{word}){{0,3}})(?![\w'’-])"
    )


def after_spanish_address(text: str) -> list[Mention]:
    """ "Lic. Lombardo Toledano", "Ing. Jorge L. Tamayo", "Srta. Maria Dalezes", "Lic, Aguilar": the
    person a Spanish form of address names, with both surnames. The name ends before a title, a
    month or a common word the name lists do not know."""
    out = []
    stop = title_words() | rules.month_words() | rules.day_words() | rules.words("not_names") | rules.words("not_in_names")
    for m in _spanish_address().finditer(text):
        keep = []
        for t in re.finditer(r"\S+", m.group("name")):
            f = fold(t.group())
            if f in stop or ((f in common_words() or f in rules.ordinary_words()) and f not in world_surnames() and f not in given_anywhere()):
                break
            keep.append(t)
        while keep and keep[-1].group() in rules.words("name_particles"):
            keep.pop()  # "Lic. Gonzalez de": a particle ends no name
        if not keep or len(fold(keep[-1].group())) < 3:
            continue
        a, b = m.start("name") + keep[0].start(), m.start("name") + keep[-1].end()
        raw = text[a:b]
        name = title_case(" ".join(raw.split())) if raw.isupper() else " ".join(raw.split())
        out.append(Mention(a, b, raw, "person", f"person:{slug(name)}", name, "rule:spanish form of address", PRIORITY))
    return out


def subjects(text: str) -> list[Mention]:
    """In a text set in capitals a surname or given name alone is the subject of a verb of saying
    ("RAY ASKED", "OLIVA STRESSED", "BOSCH SAID"): a person. Only words the name lists know, not
    common words, titles, places or the second word of a longer name ("PUERTO RICO SAID")."""
    given, not_sur = _data()
    verbs = rules.words("speech_verbs")
    words = rules.ordinary_words()
    sur = world_surnames()
    out = []
    for m in _SUBJECT.finditer(text):
        w = m.group("name")
        k = w.lower()
        if m.group("verb").lower() not in verbs or k in words or k in not_sur or k in rules.words("capitalised_words_not_names"):
            continue
        if (fold(k) not in sur and k not in given) or not _surname(w, given, not_sur) or k in title_words():
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        prev = before.group(1) if before else ""
        if prev and prev.isupper() and prev.lower() not in words and prev.lower() not in verbs and prev.lower() not in given:
            continue  # "PUERTO RICO STATES", "RED CROSS SAID": the end of another name
        if k in rules.month_words() or re.search(r"-\s*$", text[max(0, m.start("name") - 3) : m.start("name")]):
            continue  # "14 JAN CONFIRMED", "SPECIFI-\nCALLY REFERRED"
        if len(w) == 3 and k not in given:
            continue  # "MAS", "RIS": three letters are an abbreviation more often than a surname
        if any(p.kind in ("country", "state", "region") or p.population >= 100_000 for p in places.gazetteer().index.get(fold(k)) or []):
            continue
        name = w.capitalize()
        out.append(Mention(m.start("name"), m.end("name"), w, "person", f"person:{slug(name)}", name, "rule:subject of a verb of saying", PRIORITY))
    # the person's other mentions: the same word standing alone in capitals, not after a given name
    # (a fuller name, read elsewhere)
    done = {m.start for m in out}
    for w in {m.text for m in out}:
        name = w.capitalize()
        for o in re.finditer(rf"(?<![\w'’-]){re.escape(w)}(?![\w'’-])", text):
            before = re.search(r"([A-Za-z]+)[^\S\n]+$", text[max(0, o.start() - 25) : o.start()])
            b = before.group(1) if before else ""
            named = fold(b) in given_anywhere() or fold(b) in world_surnames() or b.lower() in rules.words("name_particles")
            longer = b.lower() in given or (b.isupper() and named)
            if o.start() in done or longer:
                continue  # "HUYNH VAN LANG": the end of a fuller name, read elsewhere
            out.append(Mention(o.start(), o.end(), w, "person", f"person:{slug(name)}", name, "rule:subject of a verb of saying", LONE_PRIORITY))
    return out
