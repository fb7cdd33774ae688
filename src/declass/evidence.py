"""Every finding keeps its evidence: a check that each entity mention, event, date and quantity
of a record points at text that holds it (used by the tests and scripts/corpus_check.py; also
useful on records made by a pack or a recognizer of your own)."""

from __future__ import annotations

from typing import Any


def errors(record: dict[str, Any]) -> list[str]:
    """What in ``record`` (a record as ``to_dict`` or ``--json`` gives it) does not match its text."""
    text = record.get("text") or ""

    def off(x: dict[str, Any]) -> bool:
        return text[x["start"] : x["end"]] != x["text"]

    bad = [f"entity {e['name']!r}: mention {m}" for e in record.get("entities") or [] for m in e["mentions"] if off(m)]
    for ev in record.get("events") or []:
        if off(ev) or (ev.get("trigger") and ev["trigger"] not in ev["text"]):
            bad.append(f"event {ev['type']} at {ev['start']}")
        if ev.get("date_text") and ev["date_text"] not in ev["text"]:
            bad.append(f"event {ev['type']}: date {ev['date_text']!r} not in its text")
    bad += [f"date {d}" for d in record.get("dates") or [] if off(d)]
    bad += [f"quantity {q}" for q in record.get("quantities") or [] if off(q)]
    return bad
