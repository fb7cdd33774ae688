"""Events (who did what to whom, where, when) and relations between organisations, from the
clean text, its entities and its dates. Rules, not a parser: a trigger word from
``data/events.yaml`` in a clause; the actor is the named group or person before it (or the one
"the same group" points back to), the target what follows it, the place and date those the
clause names."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from declass.datafiles import load_yaml
from declass.extract.dates import DateMention
from declass.extract.textutil import Span, clauses, sentences

_IRREALIS = re.compile(
    r"\b(?:to|will|would|could|may|might|should|must|can|cannot|not|never|unable|unwilling|attempt(?:ing|ed)?\s+to|threaten(?:ed|s)?\s+to|plan(?:ned|s)?\s+to)\s+(?:\w+\s+){0,1}$",
    re.I,
)
_STOP_NP = re.compile(r"\s(?:in|at|outside|near|on|during|since|by|from|after|before|while|when|because|as|for)\s|[,.;:()]")


@dataclass(frozen=True, slots=True)
class EventType:
    type: str
    plover: str | None
    verbs: Triggers
    nouns: Triggers | None
    needs_near: frozenset[str]
    window: int
    before_too: bool
    passive: bool
    np_target: bool


_WORD = re.compile(r"[\w-]+")


class Triggers:
    """A list of trigger words and phrases ("killed", "opened fire"), case-insensitive, whole
    words. ``spans`` gives the spans ``re.finditer`` of their alternation gives, but tries the
    alternation only where a word of the text begins one (``words``: the text's words, lower
    case, to their positions; made once per text for every list)."""

    def __init__(self, ws: list[str]) -> None:
        alts = sorted((r"\s+".join(re.escape(p) for p in w.split()) for w in ws), key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)
        self.first = frozenset(w.split()[0].lower() for w in ws)

    def spans(self, text: str, words: dict[str, list[int]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        end = 0
        for p in sorted(p for w in self.first for p in words.get(w, ())):
            if p >= end and (m := self.pattern.match(text, p)):
                out.append(m.span())
                end = m.end()
        return out


def words_at(text: str) -> dict[str, list[int]]:
    """The words of ``text`` in lower case, each to where it begins."""
    out: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        out.setdefault(m.group().lower(), []).append(m.start())
    return out


@lru_cache(maxsize=1)
def lexicon() -> tuple[list[EventType], list[str], dict[str, frozenset[str]]]:
    data = load_yaml("declass.extract", "data/events.yaml")
    types = [
        EventType(
            t["type"],
            t.get("plover"),
            Triggers(t["verbs"]),
            Triggers(t["nouns"]) if t.get("nouns") else None,
            frozenset(w.lower() for w in t.get("needs_near") or []),
            int(t.get("window", 6)),
            bool(t.get("before_too")),
            bool(t.get("passive")),
            bool(t.get("np_target")),
        )
        for t in data["types"]
    ]
    cues = {k: frozenset(data.get(k) or []) for k in ("conflict_cues", "alliance_cues", "membership_cues")}
    return types, list(data.get("anaphora") or []), cues


def _near(text: str, a: int, b: int, t: EventType) -> bool:
    if not t.needs_near:
        return True
    after = re.findall(r"[\w-]+", text[b : b + 80])[: t.window]
    before = re.findall(r"[\w-]+", text[max(0, a - 80) : a])[-t.window :] if t.before_too else []
    return any(w.lower() in t.needs_near for w in after + before)


def find(text: str, entities: list[dict[str, Any]], dates: list[DateMention]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    types, anaphora, cues = lexicon()
    mentions = sorted(
        ((m["start"], m["end"], e) for e in entities for m in e["mentions"]),
        key=lambda x: x[0],
    )
    events: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    last_actors: list[str] = []
    m_starts = [x[0] for x in mentions]
    d_starts = [d.start for d in dates]
    words = words_at(text)  # each trigger list is looked up once over the whole text, not once per clause
    # every trigger of every type, (start, end, type's index, verb or noun), in the order of the text
    hits = sorted(
        [(a, b, i, True) for i, t in enumerate(types) for a, b in t.verbs.spans(text, words)]
        + [(a, b, i, False) for i, t in enumerate(types) if t.nouns is not None for a, b in t.nouns.spans(text, words)]
    )
    h_starts = [h[0] for h in hits]
    for sent in sentences(text):
        lo, hi = bisect.bisect_left(m_starts, sent.start), bisect.bisect_left(m_starts, sent.end)
        s_ents = [x for x in mentions[lo:hi] if x[1] <= sent.end]
        s_dates = dates[bisect.bisect_left(d_starts, sent.start) : bisect.bisect_left(d_starts, sent.end)]
        s_hits = [h for h in hits[bisect.bisect_left(h_starts, sent.start) : bisect.bisect_left(h_starts, sent.end)] if h[1] <= sent.end]
        for cl in clauses(text, sent):
            c_ents = [x for x in s_ents if cl.start <= x[0] and x[1] <= cl.end]
            c_dates = [d for d in s_dates if cl.start <= d.start and d.end <= cl.end]
            c_places = [x for x in c_ents if x[2]["type"] == "place"]
            seen_types: set[str] = set()
            found: list[tuple[int, int, EventType, bool]] = []
            # by type, then by place: the first type a trigger fits wins
            c_hits = sorted((i, a, b, verbal) for a, b, i, verbal in s_hits if cl.start <= a and b <= cl.end) if s_hits else []
            for i, ma, mb, _ in (h for h in c_hits if h[3]):
                t = types[i]
                if _IRREALIS.search(text[max(cl.start, ma - 40) : ma]) or not _near(text, ma, mb, t):
                    continue
                if any(ma < e and s < mb for s, e, *_ in found):
                    continue
                found.append((ma, mb, t, True))
            for i, ma, mb, _ in (h for h in c_hits if not h[3] and (c_dates or c_places)):
                t = types[i]
                word = text[ma:mb]
                if word[:1].isupper() and not word.isupper() and ma != cl.start:
                    continue  # a capitalised noun inside a sentence is a name ("March", "Rally")
                if any(x[2].type == t.type for x in found) or any(ma < e and s < mb for s, e, *_ in found):
                    continue
                if not _near(text, ma, mb, t):
                    continue
                found.append((ma, mb, t, False))
            for a, b, t, verbal in sorted(found, key=lambda x: x[0]):
                if (t.type, a) in seen_types:
                    continue
                seen_types.add((t.type, a))  # type: ignore[arg-type]
                ev = _event(text, cl, sent, a, b, t, verbal, c_ents, s_ents, c_dates, anaphora, last_actors)
                if ev["actors"]:
                    last_actors = ev["actors"]
                events.append(ev)
            # an actor named in a clause with no event is still the group "the same group" may mean
            orgs = [x[2]["name"] for x in c_ents if x[2]["type"] == "organization"]
            if orgs and not found:
                last_actors = [orgs[-1]]
        relations.extend(_relations(text, sent, s_ents, cues))
    return events, relations


def _event(
    text: str,
    cl: Span,
    sent: Span,
    a: int,
    b: int,
    t: EventType,
    verbal: bool,
    c_ents: list[tuple[int, int, dict[str, Any]]],
    s_ents: list[tuple[int, int, dict[str, Any]]],
    c_dates: list[DateMention],
    anaphora: list[str],
    last_actors: list[str],
) -> dict[str, Any]:
    agents = [x for x in c_ents if x[1] <= a and x[2]["type"] in ("organization", "person")]
    actors: list[str] = []
    how = "named"
    if t.passive:
        by = [x for x in c_ents if x[0] >= b and re.match(r"\s*by\s", text[b : x[0]] + " ") and x[2]["type"] != "place"]
        actors = [by[0][2]["name"]] if by else []
    elif agents:
        actors = [agents[-1][2]["name"]]
    else:
        before = text[cl.start : a].lower()
        if any(p in before for p in anaphora) and last_actors:
            actors = list(last_actors)
            how = "anaphora"
    # targets: what the trigger acts on
    scope_end = sent.end if t.passive else cl.end
    after_ents = [x for x in (s_ents if t.passive else c_ents) if x[0] >= b and x[1] <= scope_end and x[2]["type"] in ("person", "organization")]
    targets: list[str] = []
    if t.passive:
        subj = [x for x in c_ents if x[1] <= a and x[2]["type"] in ("person", "organization")]
        targets = [x[2]["name"] for x in after_ents if x[2]["type"] == "person"] or [x[2]["name"] for x in subj]
    else:
        np = _STOP_NP.search(text, b, cl.end)
        np_end = np.start() if np else cl.end
        phrase = " ".join(text[b:np_end].split())
        if after_ents and after_ents[0][0] <= b + 2:
            targets = [after_ents[0][2]["name"]]
        elif t.np_target and phrase and len(phrase.split()) <= 12 and not _is_object_of_type(phrase, t):
            targets = [_extend_np(text, b, cl.end)]
    targets = list(dict.fromkeys(targets))
    # place: a named place after the trigger, else before it, else one inside a named post
    places_after = [x for x in c_ents if x[2]["type"] == "place" and x[0] >= b]
    places_before = [x for x in c_ents if x[2]["type"] == "place" and x[1] <= a]
    place = None
    if places_after:
        place = places_after[0][2]["name"]
    elif places_before:
        place = places_before[-1][2]["name"]
    else:
        posts = [x for x in c_ents if x[2]["attributes"].get("place")]
        if posts:
            place = posts[0][2]["attributes"]["place"]
    date = c_dates[-1] if c_dates else None
    conf = 0.45 + (0.15 if actors else 0) + (0.1 if place else 0) + (0.1 if date else 0) + (0.1 if verbal else 0) - (0.1 if how == "anaphora" else 0)
    ev: dict[str, Any] = {
        "type": t.type,
        "plover": t.plover,
        "date": date.value if date else None,
        "date_text": date.text if date else None,
        "place": place,
        "actors": actors,
        "targets": targets,
        "text": text[cl.start : cl.end],
        "start": cl.start,
        "end": cl.end,
        "confidence": round(min(conf, 0.95), 2),
        "trigger": text[a:b],
    }
    if how == "anaphora":
        ev["actor_from"] = "an earlier sentence (the text says 'the same group' or the like)"
    return ev


def _is_object_of_type(phrase: str, t: EventType) -> bool:
    """ "detonated a car bomb": the bomb is the instrument, not the target."""
    return bool(t.needs_near) and any(w.lower() in t.needs_near for w in re.findall(r"[\w-]+", phrase))


def _extend_np(text: str, b: int, end: int) -> str:
    """The noun phrase after a trigger, with a trailing "associated with …" or "of …" kept:
    "two individuals associated with the U.S. Consulate in Ciudad Juarez"."""
    m = re.match(
        r"\s*((?:[\w'.-]+\s+){0,5}?[\w'.-]+?)(?=\s+(?:in\s+a|in\s+an|in\s+possible|on\s|during\s|since\s|after\s|because\s|while\s)|[,.;:]|$)", text[b:end]
    )
    phrase = m.group(1) if m else text[b:end]
    more = re.match(
        r"\s*(?:[\w'.-]+\s+){0,4}?(?:associated\s+with|linked\s+to|of|from)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s*){1,6}(?:in\s+(?:[A-Z][\w.'-]*\s*){1,3})?",
        text[b:end],
    )
    if more and len(more.group(0)) > len(phrase):
        phrase = more.group(0)
    return " ".join(phrase.split()).rstrip(",.;")


def _relations(text: str, sent: Span, s_ents: list[tuple[int, int, dict[str, Any]]], cues: dict[str, frozenset[str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    words = {w.lower() for w in re.findall(r"[\w-]+", text[sent.start : sent.end])}
    groups: list[tuple[int, int, dict[str, Any]]] = []
    for x in s_ents:
        if (
            x[2]["type"] == "organization"
            and x[2]["attributes"].get("kind") in ("criminal_group", "armed_group")
            and all(g[2]["id"] != x[2]["id"] for g in groups)
        ):
            groups.append(x)
    place_ents = [x for x in s_ents if x[2]["type"] == "place"]
    for kind, cue in (("conflict", "conflict_cues"), ("alliance", "alliance_cues")):
        if len(groups) >= 2 and words & cues[cue]:
            a, b = groups[0], groups[1]
            # the place nearest before the first group ("Ciudad Juarez where the VCFO is fighting"), else after
            before_a = [p for p in place_ents if p[1] <= a[0]]
            near_place = before_a[-1:] or [p for p in place_ents if p[0] >= a[1]][:1]
            out.append(
                {
                    "type": kind,
                    "a": a[2]["name"],
                    "b": b[2]["name"],
                    "place": near_place[0][2]["name"] if near_place else None,
                    "text": text[sent.start : sent.end],
                    "start": sent.start,
                    "end": sent.end,
                    "confidence": 0.6,
                }
            )
            break
    # membership: "Ignacio Coronel Villareal from the Sinaloa cartel"
    for i, x in enumerate(s_ents):
        if x[2]["type"] != "person":
            continue
        for y in s_ents[i + 1 : i + 4]:
            if y[2]["type"] != "organization":
                continue
            between = text[x[1] : y[0]].lower()
            if len(between) < 60 and re.search(r"\b(?:from|of|leader\s+of|head\s+of|member\s+of|chief\s+of)\s+(?:the\s+)?$", between):
                out.append(
                    {
                        "type": "membership",
                        "a": x[2]["name"],
                        "b": y[2]["name"],
                        "place": None,
                        "text": text[x[0] : y[1]],
                        "start": x[0],
                        "end": y[1],
                        "confidence": 0.7,
                    }
                )
                break
    return out
