"""The extraction stages in order, on a record whose anatomy is read."""

from __future__ import annotations

from dataclasses import asdict

from declass import settings
from declass.extract import dates, entities, events, quantities
from declass.record import Record


def run(rec: Record) -> Record:
    """Fill ``entities``, ``dates``, ``events``, ``relations`` and ``quantities`` from ``text``."""
    if not settings.get().extract or not rec.text.strip():
        return rec
    text = rec.text
    people = [p.name for role in ("drafted", "cleared", "approved") for p in getattr(rec.authorship, role)]
    ref = dates.reference(rec)
    year = int(ref[:4]) if ref and ref[:4].isdigit() else None
    h = rec.header
    addressed = [v for v in (h.from_, *h.to, *h.cc) if v]
    first = rec.date.value or rec.date.earliest
    earliest = int(first[:4]) if first and first[:4].isdigit() else None
    rec.entities = entities.find(text, rec.warnings, people, year, addressed, earliest)
    found = dates.find(text, ref)
    rec.dates = [asdict(d) for d in found]
    rec.events, rec.relations = events.find(text, rec.entities, found)
    skip = [(d.start, d.end) for d in found] + [(r.start, r.end) for r in rec.redactions]
    rec.quantities = quantities.find(text, skip)
    return rec
