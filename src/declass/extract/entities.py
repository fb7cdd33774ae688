"""All recognisers together: overlaps resolved, variants merged, one entity per thing named.

Order of trust: name rules (diplomatic posts) and data packs, then acronyms the document defines,
then gazetteer places, then the statistical model. The model's places are kept only when a
gazetteer knows them (then with coordinates) or as places without coordinates."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from declass.datafiles import load_yaml
from declass.extract import acronyms, addressees, housestyle, institutions, ner, packs, places, rules, titles
from declass.extract.mention import Mention
from declass.extract.textutil import fold, slug, without_initials
from declass.extract.titles import title_before, title_words
from declass.read.quality import common_words

RULE_PRIORITY = 45
FUZZY_SAME_ORGANIZATION = 90  # an OCR'd spelling of a pack's name ("Federol Bureau of Inrestigation")
FUZZY_SAME_PERSON = 90  # rapidfuzz ratio above which two full names are one person (Villareal / Villarreal)


@lru_cache(maxsize=1)
def _org_patterns() -> list[re.Pattern[str]]:
    data = rules.data()
    return [re.compile(p) for p in data.get("organization_patterns") or []]


_PREPOSITION = re.compile(r"\s(?:in|to|at)\s")
# the head noun of a diplomatic post; the place a post is in follows it ("Embassy in Baghdad")
@lru_cache(maxsize=1)
def _post_head() -> re.Pattern[str]:
    """The head nouns of diplomatic posts (``post_heads`` in ``data/rules.yaml``), longest first."""
    heads = sorted((str(h) for h in rules.data().get("post_heads") or []), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, h.split())) for h in heads) + r")\b")


_AFTER_HEAD = re.compile(r",?[^\S\n]+(?:(?:in|to|at)[^\S\n]+)?((?:[A-Z][\w.'’-]*)(?:[^\S\n]+(?:de[^\S\n]+|del[^\S\n]+)?[A-Z][\w.'’-]*){0,2})")


def _place_after_head(s: str, head_end: int) -> tuple[int, int, places.Place] | None:
    """The place a post's name gives after its head noun: "Embassy Brasilia Charge" -> Brasilia,
    "Consulate General in Ciudad Juarez" -> Ciudad Juarez (the longest name a gazetteer knows)."""
    m = _AFTER_HEAD.match(s, head_end)
    if m is None:
        return None
    g = places.gazetteer()
    words = list(re.finditer(r"\S+", m.group(1)))
    for n in range(len(words), 0, -1):
        a, b = m.start(1), m.start(1) + words[n - 1].end()
        while b > a and s[b - 1] in ".,'’-":
            b -= 1
        key = fold(s[a:b])
        cands = g.index.get(key)
        if cands and key not in g.not_places:
            # the place of that very name before one that once had it ("Islamabad", not Chattogram)
            return a, b, places.choose([p for p in cands if fold(p.name) == key] or cands)
    return None


_COUNTRY_ENDING = re.compile(r"\b(?:of|in|for|to)[^\S\n]+(?:the[^\S\n]+)?(?P<name>[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,3})$")


@lru_cache(maxsize=1)
def _countries_not_from_names() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load_yaml("declass.extract", "data/places.yaml").get("countries_not_from_organization_names") or [])


def _country_ending(name: str, g: places.Gazetteer) -> tuple[int, int, places.Place] | None:
    """The country an organisation's name ends with ("Friends of Yemen", "United Nations Assistance
    Mission in Afghanistan", "Ministry of Foreign Affairs of Cuba"); never "America" of "Bank of America"."""
    m = _COUNTRY_ENDING.search(name)
    if m is None or fold(m.group("name")) in g.not_places or fold(m.group("name")) in _countries_not_from_names():
        return None
    cands = [p for p in g.index.get(fold(m.group("name"))) or [] if p.kind == "country"]
    return (m.start("name"), m.end("name"), cands[0]) if cands else None


def places_inside_bodies(ms: list[Mention], text: str) -> list[Mention]:
    """The place a diplomatic post is in, or a local body serves, named inside its name, is a
    place the document names too ("U.S. Embassy in Baghdad", "Embassy Baghdad": Baghdad; "DALLAS
    DIVISION": Dallas). These mentions lie inside the body's: the only mentions of a record that
    overlap."""
    out = []
    # a place the document names elsewhere is that place here too
    named = {fold(m.text): m for m in ms if m.type == "place"}
    g = places.gazetteer()
    for m in ms:
        kind = m.attributes.get("kind") if m.type == "organization" else None
        where: tuple[int, int, places.Place] | None = None
        if kind == "diplomatic_post":
            head = _post_head().search(m.text)
            where = _place_after_head(m.text, head.end()) if head else None
        elif kind in ("local_body", "station"):
            # "Little Rock Division", "MONTGOMERY COUNTY POLICE DEPARTMENT": the place it serves
            span = institutions.local_place(m.text)
            if span is not None:
                # a town's or a state's: not "Garland County" as Garland, nor the region a
                # headquarters division covers ("Latin America Division")
                cands = [p for p in g.index.get(fold(m.text[span[0] : span[1]])) or [] if p.kind in ("city", "state")]
                where = (*span, places.choose(cands)) if cands else None
        elif m.type == "organization":
            where = _country_ending(m.text, g)
        if where is not None:
            a, b, p = where
            same = named.get(fold(m.text[a:b]))
            key, name, attrs = (same.key, same.name, dict(same.attributes)) if same else (p.key, p.name, p.mention_attributes())
            out.append(Mention(m.start + a, m.start + b, text[m.start + a : m.start + b], "place", key, name, "gazetteer", places.PRIORITY, attrs))
    return out


_LOWER_POST = re.compile(
    r"\b((?:North[^\S\n]+|South[^\S\n]+)?([A-Z][a-z]+))[^\S\n]+(embassy|consulate(?:[^\S\n]+general)?)\b"
    r"|\b((?:NORTH[^\S\n]+|SOUTH[^\S\n]+)?([A-Z]{3,}))[^\S\n]+(EMBASSY|CONSULATE(?:[^\S\n]+GENERAL)?)\b"
)


def _posts_in_lower_case(text: str) -> list[Mention]:
    """ "the Egyptian embassy in DC", "the Chinese consulate": a nation's post, its head noun in
    lower case; and in a cable in capitals ("THE NORTH KOREAN EMBASSY", "CUBAN CONSULATE")."""
    out = []
    for m in _LOWER_POST.finditer(text):
        g = 1 if m.group(1) else 4
        nation, head = m.group(g), m.group(g + 2)
        if m.group(g + 1).lower() not in rules.words("demonyms"):
            continue
        nation = " ".join(w.capitalize() for w in nation.split())
        name = nation + " " + head.split()[0].capitalize() + (" General" if len(head.split()) > 1 else "")
        key = f"organization:{slug(name)}"
        out.append(Mention(m.start(), m.end(), m.group(0), "organization", key, name, "rule:diplomatic-post", RULE_PRIORITY, {"kind": "diplomatic_post"}))
    return out


_PAIRED_POSTS = re.compile(
    r"\b([A-Z][a-z]+)[^\S\n]+and[^\S\n]+([A-Z][a-z]+)\s+(Embassies|Consulates|Legations)\b"
    r"|\b([A-Z]{4,})[^\S\n]+AND[^\S\n]+([A-Z]{4,})\s+(EMBASSIES|CONSULATES|LEGATIONS)\b"
)


def _paired_posts(text: str) -> list[Mention]:
    """ "the Soviet and Cuban Embassies", "CUBAN AND SOVIET CONSULATES": two nations' posts under one
    plural head noun, each its own organisation; the first nation's word is the first post's
    mention, the rest the second's."""
    out = []
    for m in _PAIRED_POSTS.finditer(text):
        g = 1 if m.group(1) else 4
        if not all(m.group(g + i).lower() in rules.words("demonyms") for i in (0, 1)):
            continue
        head = m.group(g + 2).capitalize()[:-3] + "y" if m.group(g + 2).lower().endswith("ies") else m.group(g + 2).capitalize()[:-1]
        for a, b, nation in ((m.start(g), m.end(g), m.group(g)), (m.start(g + 1), m.end(), m.group(g + 1))):
            name = f"{nation.capitalize()} {head}"
            key = f"organization:{slug(name)}"
            out.append(Mention(a, b, text[a:b], "organization", key, name, "rule:diplomatic-post", RULE_PRIORITY, {"kind": "diplomatic_post"}))
    return out


@lru_cache(maxsize=1)
def _national_service() -> re.Pattern[str]:
    heads = sorted((str(h) for h in rules.data().get("national_service_heads") or []), key=len, reverse=True)
    title = "|".join(r"[^\S\n]+".join(map(re.escape, h.split())) for h in heads)
    caps = "|".join(r"[^\S\n]+".join(map(re.escape, h.upper().split())) for h in heads)
    return re.compile(rf"\b(?:([A-Z][a-z]+)[^\S\n]+({title})|([A-Z]{{4,}})[^\S\n]+({caps}))(?![\w-])")


def _national_services(text: str) -> list[Mention]:
    """A nation's services, its demonym before the head ("Soviet Intelligence", "Egyptian
    Intelligence cover firm", "CUBAN INTELLIGENCE SERVICE"; ``national_service_heads``)."""
    out = []
    for m in _national_service().finditer(text):
        g = 1 if m.group(1) else 3
        if m.group(g).lower() not in rules.words("demonyms"):
            continue
        words = m.group(g + 1).split()
        head = words[0] if len(words) == 1 and len(words[0]) <= 3 else " ".join(w.lower() if w.lower() in ("of", "and") else w.capitalize() for w in words)
        name = f"{m.group(g).capitalize()} {head}"  # "Hungarian MFA", "Cuban Ministry of Interior"
        out.append(Mention(m.start(), m.end(), m.group(0), "organization", f"organization:{slug(name)}", name, "rule:national-service", RULE_PRIORITY, {}))
    return out


def rule_mentions(text: str) -> list[Mention]:
    """Diplomatic posts and national services, read where OCR misread a head noun by one letter
    too ("Cuban Smbassies": ``institutions.repair_heads``); each mention keeps the text as printed."""
    fixed = institutions.repair_heads(text)
    out = _rule_mentions(fixed)
    if fixed is not text:
        for m in out:
            m.text = text[m.start : m.end]
    return out


def _rule_mentions(text: str) -> list[Mention]:
    out = _posts_in_lower_case(text) + _paired_posts(text) + _national_services(text)
    for pat in _org_patterns():
        for m in pat.finditer(text):
            span = re.split(r"(?<=[a-z]{2})\.(?=\s|$)", m.group(0))[0]  # "Embassy in Havana. He": the sentence ends
            cut = m if span == m.group(0) else pat.fullmatch(text, m.start(), m.start() + len(span))
            if cut is None:
                continue
            m = cut
            if not _PREPOSITION.search(m.group(0)):
                # "Embassy Baghdad": the name ends with the place that follows the head, and
                # without one ("Embassy Officials") it is no post
                head = _post_head().search(m.group(0))
                after = _place_after_head(m.group(0), head.end()) if head else None
                if after is None:
                    continue
                cut = pat.fullmatch(text, m.start(), m.start() + after[1])
                if cut is None:
                    continue
                m = cut
            name = re.sub(r"\s+", " ", m.group(0))
            attrs: dict[str, Any] = {"kind": "diplomatic_post"}
            head = _post_head().search(m.group(0))
            where = _place_after_head(m.group(0), head.end()) if head else None
            if where:
                attrs["place"], attrs["country"] = where[2].name, where[2].country
            out.append(
                Mention(m.start(), m.end(), m.group(0), "organization", f"organization:{slug(name)}", name, "rule:diplomatic-post", RULE_PRIORITY, attrs)
            )
    return out


def _resolve_overlaps(ms: list[Mention]) -> list[Mention]:
    """Keep the most trusted of overlapping mentions (kept spans never overlap: a sorted list and
    bisection find the clashes of each new one)."""
    starts: list[int] = []
    kept: list[Mention] = []
    for m in sorted(ms, key=lambda x: (-x.priority, -(x.end - x.start), x.start)):
        i = bisect.bisect_left(starts, m.end)
        clash_idx = []
        j = i - 1
        while j >= 0 and kept[j].end > m.start:
            clash_idx.append(j)
            j -= 1
        if not clash_idx:
            starts.insert(i, m.start)
            kept.insert(i, m)
            continue
        clash = [kept[k] for k in clash_idx]
        inside = all(k.start >= m.start and k.end <= m.end and (k.end - k.start) < (m.end - m.start) for k in clash)
        # the model's longer person name beats a one-word city inside it ("Juan Garcia"); an
        # institution beats an organisation its name begins with ("APEC Business Advisory Council",
        # "Department of State Operations Center"), not one it merely runs on into ("U.S.
        # Department of State Case No")
        if inside and (
            (m.type == "person" and all(k.type == "place" and k.attributes.get("kind") == "city" for k in clash))
            # a full name beats a pack's surname inside it: "Holbrooke, Richard" on an address line,
            # "Jill Biden" (the pack's "Biden" is her husband)
            or (m.type == "person" and _fuller(m, clash))
            # the model's one-word person is the first or last word of a name a rule reads in full
            # ("CEO Ana Oliveira", "Pedro Diaz Lanz 1963")
            or (m.type == "person" and all(_end_word_of(k, m) for k in clash))
            or (m.source == institutions.SOURCE and all(k.type == "organization" and institutions.head_after(m.text[k.end - m.start :]) for k in clash))
            # a name the document defines with its acronym beats a shorter body inside it ("Department
            # of State Security (DSE)" is no Department of State)
            or (m.source == acronyms.DEFINED and m.type == "organization" and all(k.type == "organization" for k in clash))
        ):
            for k in sorted(clash_idx, reverse=True):
                del starts[k]
                del kept[k]
            i = bisect.bisect_left(starts, m.end)
            starts.insert(i, m.start)
            kept.insert(i, m)
    return kept


def _end_word_of(k: Mention, m: Mention) -> bool:
    """Whether ``k`` is a one-word person only the model read, the first or last word of ``m``."""
    return k.type == "person" and k.source.startswith("model:") and len(k.text.split()) == 1 and (k.end == m.end or k.start == m.start)


def _fuller(m: Mention, inside: list[Mention]) -> bool:
    """Whether a person's name holding a pack's surname names someone in full: a name an address
    line or a signature gives ("Holbrooke, Richard"), or two to four words ending with the surname
    that begin with no title ("Jill Biden", "Aharon Barak"; not "DG Amano", "Verveer Melanne S")."""
    if not all(k.type == "person" and k.source.startswith("pack:") and len(k.text.split()) == 1 for k in inside):
        return False
    if m.source.startswith(("rule:", "anatomy:")):
        return True
    toks = m.text.split()
    return (
        2 <= len(toks) <= 4
        and not re.fullmatch(r"[A-Z]{1,3}\.?", toks[0])
        and toks[0].lower().strip(".") not in title_words()
        and all(k.end == m.end for k in inside)
    )


_LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|into|via|of|outside|across|between)[^\S\n]+$", re.I)


def _place_from_model(m: Mention, g: places.Gazetteer, text: str, seen: dict[str, bool], countries: frozenset[str] = frozenset()) -> Mention:
    f = fold(m.text)
    cands = g.index.get(f)
    one_word = len(m.text.split()) == 1
    if cands and one_word and not any(p.kind in ("country", "region") for p in cands):
        if f in common_words() and f not in places.well_known():
            cands = None  # "Most", "Split": a word, not the town of that name
        elif all(p.kind == "city" for p in cands) and max(p.population for p in cands) < places.MIN_POP_SINGLE_WORD:
            m.type = "drop"  # "Belmont", "Berea": a small town's name is more often a person's
            return m
    if cands:
        p = places.choose(cands)
        return Mention(m.start, m.end, m.text, "place", p.key, p.name, m.source + " + gazetteer", 25, p.mention_attributes())
    m.key = f"place:{slug(m.name)}"
    if not re.fullmatch(r"[A-Z][\w'’ .-]*", m.text) or any(c.isdigit() for c in m.text) or "." in m.text.replace(". ", ""):
        m.type = "drop"  # "essenate.govi": not a place name
    elif text[m.end : m.end + 2] in ("'s", "’s") and one_word:
        # "Churkin's interventions": a name no gazetteer knows, owning things, is a person's
        m.type, m.key = "person", f"person:{slug(m.name)}"
    elif not _LOCATIVE.search(text, max(0, m.start - 12), m.start) and not ner.twice(text, m.text, seen):
        m.type = "drop"  # a name no gazetteer knows, seen once and not "in X": too little to call it a place
    elif one_word and m.text.isupper() and len(m.text) <= 3:
        m.type = "drop"  # "NC", "MRP": codes and acronyms
    if m.type == "place":
        # a place the text marks as one that no gazetteer knows: a town of 5,000 or more gives it a
        # country and a position ("in Davos", "near Quantico")
        town = places.small_town(m.text, countries)
        if town is not None:
            return Mention(m.start, m.end, m.text, "place", town.key, town.name, m.source + " + towns", 25, town.mention_attributes())
    return m


def people_named_in_anatomy(text: str, names: list[str]) -> list[Mention]:
    """The drafter, clearers and approvers (and such) are people the document names."""
    out = []
    for name in names:
        if len(name.split()) < 2:
            continue
        for m in re.finditer(r"(?<![\w])" + r"\s+".join(re.escape(p) for p in name.split()) + r"(?![\w])", text):
            out.append(Mention(m.start(), m.end(), m.group(0), "person", f"person:{slug(name)}", name, "anatomy:authorship", 42))
    return out


def find(
    text: str,
    warnings: list[str],
    people: list[str] | None = None,
    year: int | None = None,
    addressed: list[str] | None = None,
    earliest: int | None = None,
) -> list[dict[str, Any]]:
    """The people, organisations and places ``text`` names; ``people`` are the authorship chain's,
    ``addressed`` the header's senders and addressees as read; ``year`` is the document's (packs'
    entities that came to notice later are someone else), ``earliest`` the first year it can have
    been written (None: unknown)."""
    defs = acronyms.definitions(text)
    ms: list[Mention] = []
    ms += rule_mentions(text)
    ms += people_named_in_anatomy(text, people or [])
    ms += addressees.header_people(text, addressed or [])
    ms += addressees.find(text)
    ms += institutions.find(text)
    ms += housestyle.find(text)
    ms += titles.people_after_plural_titles(text)
    ms += packs.find(text, title_before, year, earliest)
    ms += acronyms.find(text, defs)
    ms += places.find(text)
    try:
        model = ner.find(text, warnings)
    except ner.ModelUnavailable as e:
        warnings.append(str(e))
        model = []
    g = places.gazetteer()
    seen: dict[str, bool] = {}
    known_places = {fold(m.text) for m in ms if m.type == "place"}
    countries = frozenset(str(m.attributes["country"]) for m in ms if m.type == "place" and m.attributes.get("country"))
    pack_names = {fold(m.text): m for m in ms if m.source.startswith("pack:")}
    # a name an address line, a salutation or a house-style rule gives a person is that person
    # wherever the model reads it, whatever type it guesses ("Pier" an organisation)
    for m in ms:
        if m.type == "person" and m.source.startswith(("rule:", "anatomy:")):
            # by what the line prints ("Slaughter, Anne-Marie") and by the name it gives
            for f in (fold(m.text), fold(m.name), without_initials(fold(m.name))):
                pack_names.setdefault(f, m)
    for m in model:
        f = fold(m.text)
        if acronyms.is_term(m.text, defs):
            continue  # "DTO" defined as a term
        if f in g.not_places and m.type == "place":
            continue
        if f in known_places or (m.type == "place"):
            if m.type != "place" and f in known_places:
                # the model calls a known place a person or an organisation (Ciudad Juarez, Tamaulipas)
                m.type = "place"
            ms.append(_place_from_model(m, g, text, seen, countries))
            continue
        if f in pack_names and not packs.names_another(pack_names[f].key, text, m.start, m.end):
            p = pack_names[f]
            ms.append(Mention(m.start, m.end, m.text, p.type, p.key, p.name, p.source, p.priority - 1, dict(p.attributes)))
            continue
        ms.append(m)
    # the title a plural gives each name of its list ("Senators Alexander and Isakson"), kept where
    # a pack's person takes the name
    plural_titles = {(m.start, m.end): m.attributes["title"] for m in ms if m.source == "rule:plural title"}
    ms = _resolve_overlaps([m for m in ms if m.type != "drop"])
    ms = _second_surname_a_town(ms, text)
    ms = _people_of_packs(ms, year, text)
    _patronymics(ms)
    _vote_types(ms, text)
    _people_not_places(ms)
    _merge_people(ms)
    _merge_organizations(ms)
    for m in ms:
        if m.type == "person":
            m.title = title_before(text, m.start) or plural_titles.get((m.start, m.end))
    ms = _drop_lone_words(ms, text)
    inside = places_inside_bodies(ms, text)
    return _entities([m for m in ms if m.attributes.get("kind") != "station"] + inside)


def _people_of_packs(ms: list[Mention], year: int | None, text: str) -> list[Mention]:
    """A person an address line, a signature or the model names in full is the pack's person of
    that name ("Holbrooke, Richard" -> Richard Holbrooke of public-figures): one entity, the pack's;
    none where the pack says the name there is another's or something else's ("Released under the
    John F. Kennedy" on a NARA form)."""
    m_ = packs.matcher()
    out: list[Mention] = []
    for m in ms:
        if m.type == "person" and m.key.startswith("person:") and len(m.name.split()) >= 2:
            f = fold(m.name)
            key = m_.people.get(f) or m_.people.get(without_initials(f))
            e = m_.entries[key] if key else None
            if e is not None and not packs.came_later(e, year):
                if packs.names_another(e.key, text, m.start, m.end):
                    continue
                m.key, m.name, m.attributes = e.key, e.name, dict(e.attributes)
        out.append(m)
    return out


def _vote_types(ms: list[Mention], text: str) -> None:
    """One type per name in a document: the model may call "Calderon" a person once and an
    organisation four times. A title before it, or a full person name ending with it, decides."""
    model = [m for m in ms if m.source.startswith("model:")]
    full_people = {fold(m.text).split()[-1] for m in ms if m.type == "person" and len(m.text.split()) > 1}
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in model:
        by_name[fold(m.text)].append(m)
    for f, group in by_name.items():
        if any(m.type == "place" and ("gazetteer" in m.source or _LOCATIVE.search(text, max(0, m.start - 12), m.start)) for m in group):
            continue  # a place a gazetteer knows, or that the text puts a place's preposition before, stays one
        titled = any(title_before(text, m.start) for m in group)
        if titled or (len(f.split()) == 1 and f in full_people):
            typ = "person"
        else:
            typ = Counter(m.type for m in group).most_common(1)[0][0]
        for m in group:
            if m.type != typ:
                m.type = typ
                if typ == "person" and m.name.isupper() and len(m.name) > 3:
                    m.name = housestyle.title_case(m.name)  # an organisation "MANNARINO" is the person Mannarino
                m.key = f"{typ}:{slug(m.name)}"


def _patronymics(ms: list[Mention]) -> None:
    """A name with a Russian patronymic is a person's, whatever the model calls it ("Yuriy
    Ivanovich NOSENKO", "Vilasa Nikolayevna DEDKOV")."""
    for m in ms:
        if m.type != "person" and m.source.startswith("model:") and len(m.text.split()) >= 2 and any(housestyle.patronymic(w) for w in m.text.split()):
            m.type, m.key = "person", f"person:{slug(m.name)}"


_AFTER_SECOND_SURNAME = re.compile(r"[^\S\n]*(?:[,;(]|\n|$)")


def _second_surname_a_town(ms: list[Mention], text: str) -> list[Mention]:
    """A Spanish name's second surname that is also a town's name, read by the gazetteer as the
    town: "ENRIQUE TEIERA PARIS, THE VENEZUELAN AMBASSADOR", "Mario Monteforte Toledo (23 86 79)".
    A given name and a surname, one space, a town (no country or state) that the surname lists
    know, written in the same case, and then a comma, a bracket or the line's end: one person."""
    by_start = {m.start: m for m in ms if m.type == "place"}
    drop: set[int] = set()
    for p in ms:
        if p.type != "person":
            continue
        toks = p.text.split()
        q = by_start.get(p.end + 1)
        if q is None or text[p.end] != " " or len(toks) != 2 or " " in q.text:
            continue
        if fold(toks[0]) not in housestyle.given_anywhere() or fold(q.text) not in housestyle.world_surnames():
            continue
        if q.attributes.get("kind") in ("country", "state", "region") or q.text.isupper() != p.text.isupper():
            continue
        if not _AFTER_SECOND_SURNAME.match(text, q.end):
            continue
        p.end, p.text = q.end, text[p.start : q.end]
        p.name = f"{p.name} {housestyle.title_case(q.text) if q.text.isupper() else q.text}"
        p.key = f"person:{slug(p.name)}"
        drop.add(id(q))
    return [m for m in ms if id(m) not in drop] if drop else ms


def _people_not_places(ms: list[Mention]) -> None:
    """A one-word town or organisation that is the surname or the given name of one person the
    document names in full is that person: "Valenzuela" beside "Arturo A Valenzuela", "Moore"
    beside "Gwen Moore", "Kabila" beside "Joseph Kabila"; or the person the document names by that
    word alone at least as often ("Professor Yunus"). Countries, states and names from packs or
    acronyms keep their reading."""
    full = [m for m in ms if m.type == "person" and len(m.name.split()) > 1]
    by_word: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Mention] = {}
    for m in full:
        toks = fold(m.name).split()
        # the surname as a word of its own too: "el-Ganzouri" of "Kamal el-Ganzouri"
        for t in (toks[0], toks[-1], fold(m.name.split()[-1])):
            by_word[t].add(m.key)
            first.setdefault(m.key, m)
    # people named by one word only, with how often: {folded name: (a mention, count)}
    lone_counts = Counter(m.key for m in ms if m.type == "person" and len(m.name.split()) == 1)
    counts = Counter(m.key for m in ms)
    lone_people: dict[str, tuple[Mention, int]] = {}
    for m in ms:
        if m.type == "person" and m.key in lone_counts:
            lone_people.setdefault(fold(m.name), (m, lone_counts[m.key]))
    by_ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in full:
        toks = fold(m.name).split()
        by_ends[(toks[0], toks[-1])].add(m.key)
    for m in ms:
        toks = fold(m.text).split()
        if m.type == "organization" and m.source.startswith("model:") and 2 <= len(m.text.split()) <= 4:
            # "Yuriy Nosenko" beside "Yuriy Ivanovich Nosenko": the given name and the surname of one person
            keys = by_ends.get((toks[0], toks[-1]))
            if keys and len(keys) == 1:
                p = first[next(iter(keys))]
                m.type, m.key, m.name, m.attributes = "person", p.key, p.name, dict(p.attributes)
            continue
        if m.type not in ("place", "organization") or len(m.text.split()) != 1:
            continue
        if m.source.startswith(("pack:", "acronym", "rule:")) or m.attributes.get("kind") in ("country", "state", "region"):
            continue
        keys = by_word.get(fold(m.text))
        if keys and len({_ends(first[k].name) for k in keys}) == 1:
            # one person, or one person OCR or a middle initial made several ("Vikram I Singh", "Vikram J Singh")
            p = first[min(keys)]
            m.type, m.key, m.name, m.attributes = "person", p.key, p.name, dict(p.attributes)
            continue
        lone = lone_people.get(fold(m.text))
        if lone is not None and lone[1] >= counts[m.key]:
            # "Professor Yunus" four times, "Yunus" a town the model read in the subject line: the
            # document's one person of that name, named so at least as often
            p = lone[0]
            m.type, m.key, m.name, m.attributes = "person", p.key, p.name, dict(p.attributes)


def _ends(name: str) -> tuple[str, str]:
    toks = fold(name).split()
    return toks[0], toks[-1]


_SUBJECT_LINE = re.compile(r"(?:^|\n)[^\S\n]*(?:Subject|SUBJECT|Re|RE)[^\S\n]*:[^\n]*$")


def _drop_lone_words(ms: list[Mention], text: str) -> list[Mention]:
    """A one-word "person" only the model offers, once, with no title, that is no given name and
    joined no fuller name of the document, is more often a product, a nickname or OCR noise than a
    person ("Playbook", "Liths", "Cubanae"), unless it is a surname ("Panetta"). Subject lines repeat through a thread: a word there is
    counted once however often the thread quotes it ("Subject: Orphan Meeting")."""
    per_key = Counter(m.key for m in ms if not _SUBJECT_LINE.search(text, max(0, text.rfind("\n", 0, m.start)), m.start))
    given = housestyle.given_names()
    return [
        m
        for m in ms
        if not (
            m.type == "person"
            and m.source.startswith("model:")
            and per_key[m.key] <= 1  # 0: seen in subject lines only
            and len(m.name.split()) == 1
            and not m.title
            and fold(m.name) not in given
            and not ner.surname_alone(m.name.split())  # "Lavrov", "Clinton": surnames, named once
        )
    ]


def _merge_people(ms: list[Mention]) -> None:
    """A surname alone is the full name it ends (Calderon -> Felipe Calderon); spellings that
    differ by a letter or two are one person (Villareal / Villarreal)."""
    people = [m for m in ms if m.type == "person"]
    full: dict[str, Mention] = {}
    for m in people:
        if len(m.name.split()) > 1:
            full.setdefault(m.key, m)
    fulls = list(full.values())
    for m in people:
        toks = fold(m.name).split()
        if m.source.startswith("model:") and len(toks) >= 1:
            # "Adam M" is "Adam M. Scheinman": a name that begins a fuller one in the document
            longer = [f for f in fulls if f.key != m.key and len(fold(f.name).split()) > len(toks) and fold(f.name).split()[: len(toks)] == toks]
            if len(toks) > 1 and len({f.key for f in longer}) == 1:
                m.key, m.name = longer[0].key, longer[0].name
                continue
        if len(m.name.split()) == 1 and not m.source.startswith("pack:"):
            last = [f for f in fulls if fold(f.name).split()[-1] == fold(m.name)]
            if not last:
                # a given name alone ("Cheryl," "Jill") is the one full name it begins
                last = [f for f in fulls if fold(f.name).split()[0] == fold(m.name)]
            if len({f.key for f in last}) == 1:
                m.key, m.name = last[0].key, last[0].name
                m.attributes = dict(last[0].attributes)
        elif m.source.startswith("model:"):
            for f in fulls:
                if (
                    f.key != m.key
                    and (f.source.startswith("pack:") or len(f.name) >= len(m.name))
                    and fuzz.ratio(fold(f.name), fold(m.name)) >= FUZZY_SAME_PERSON
                ):
                    m.key, m.name = f.key, f.name
                    m.attributes = dict(f.attributes)
                    break


@lru_cache(maxsize=1)
def _pack_organization_names() -> tuple[list[str], list[str]]:
    """The folded names and aliases of the packs' organisations long enough for a fuzzy match
    (a short name one letter off is another name), and the key of each."""
    names, keys = [], []
    for e in packs.matcher().entries.values():
        if e.type != "organization":
            continue
        for n in {fold(x) for x in [e.name, *e.aliases]}:
            if len(n) >= 14 and " " in n:
                names.append(n)
                keys.append(e.key)
    return names, keys


def _same_shape(a: str, b: str) -> bool:
    """Two spellings of one name: as many words, and the same codes in capitals ("WH Division" is
    not "SE Division", "Senate Select Committee" not "House Select Committee": words differ)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(x == y or (fuzz.ratio(fold(x), fold(y)) >= 75 and not (x.isupper() or y.isupper())) for x, y in zip(wa, wb, strict=True))


def _merge_organizations(ms: list[Mention]) -> None:
    """OCR spells one body several ways in one record: a name within a letter or two of a pack's
    organisation is that organisation ("Federol Bureau of Inrestigation"); of two names of the
    document a letter or two apart, or one cut inside a word ("Committee on House Admi"), the
    rarer is the commoner ("Office of Sscurity" -> "Office of Security")."""
    orgs = [m for m in ms if m.type == "organization" and not m.source.startswith("pack:")]
    if not orgs:
        return
    names, keys = _pack_organization_names()
    entries = packs.matcher().entries
    for m in orgs:
        f = fold(m.name)
        if len(f) < 14:
            continue
        hit = process.extractOne(f, names, scorer=fuzz.ratio, score_cutoff=FUZZY_SAME_ORGANIZATION)
        if hit is not None and _same_shape(m.name, hit[0]):
            e = entries[keys[hit[2]]]
            m.key, m.name, m.attributes = e.key, e.name, dict(e.attributes)
    count = Counter(m.key for m in ms if m.type == "organization")
    names_of = {m.key: m.name for m in ms if m.type == "organization"}
    named = {k: fold(n) for k, n in names_of.items()}
    vocab = ner.vocabulary()

    def spelled(k: str) -> float:  # the share of a name's words a dictionary knows
        ws = [w for w in re.findall(r"[a-z]+", named[k]) if len(w) > 2]
        return sum(w in vocab for w in ws) / len(ws) if ws else 0.0

    ordered = sorted(named, key=lambda k: (-spelled(k), -count[k], -len(named[k])))
    target: dict[str, tuple[str, str]] = {}
    for i, k in enumerate(ordered):
        f = named[k]
        if len(f) < 12 or k.startswith("pack:"):
            continue
        for other in ordered[:i]:
            g = named[other]
            cut = len(g) > len(f) and g.startswith(f) and g[len(f)].isalpha()
            if cut or (fuzz.ratio(f, g) >= FUZZY_SAME_ORGANIZATION and _same_shape(names_of[k], names_of[other])):
                target[k] = (other, names_of[other])
                break
    for m in orgs:
        if m.key in target:
            m.key, m.name = target[m.key]


def _lone_model_acronym(group: list[Mention]) -> bool:
    """An acronym only the model calls an organisation, once, that no pack holds and the text does
    not define ("FOP", "HCF", "WIL" in a cable, "FGM" for a practice): a code, a cryptonym or a term
    more often than a body the record is about."""
    m = group[0]
    return len(group) == 1 and m.type == "organization" and m.source.startswith("model:") and re.fullmatch(r"[A-Z]{2,6}", m.text) is not None


def _entities(ms: list[Mention]) -> list[dict[str, Any]]:
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        by_key[m.key].append(m)
    pack_entries = packs.matcher().entries
    out: list[dict[str, Any]] = []
    for key, group in by_key.items():
        first = group[0]
        if _lone_model_acronym(group):
            continue
        attrs: dict[str, Any] = {}
        for m in group:
            for k, v in m.attributes.items():
                attrs.setdefault(k, v)
        titles = Counter(m.title for m in group if m.title)
        if titles:
            attrs["title"] = titles.most_common(1)[0][0]
        attrs["sources"] = sorted({m.source.split(" (")[0] for m in group})
        names = {fold(first.name)}
        aliases: list[str] = []
        for m in group:
            s = " ".join(m.text.split())
            if fold(s) not in names:
                names.add(fold(s))
                aliases.append(s)
        if first.type == "person":
            # "Jacob J Sullivan" is also "Jacob Sullivan": the name without its middle initials
            bare = without_initials(first.name)
            if fold(bare) not in names:
                names.add(fold(bare))
                aliases.append(bare)
        entry = pack_entries.get(key)
        if entry is not None:
            for a in entry.aliases:
                if fold(a) not in names:
                    names.add(fold(a))
                    aliases.append(a)
        mentions: list[dict[str, Any]] = [{"start": m.start, "end": m.end, "text": m.text} | ({"title": m.title} if m.title else {}) for m in group]
        out.append({"id": key, "type": first.type, "name": first.name, "aliases": aliases, "mentions": mentions, "attributes": attrs})
    out.sort(key=lambda e: (-len(e["mentions"]), e["mentions"][0]["start"]))
    return out
