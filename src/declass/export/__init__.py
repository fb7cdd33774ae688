"""Exports of a corpus: records (JSON Lines), tables (CSV), FollowTheMoney entities (for Aleph)
and the entity network (GraphML). Each writes from a store's records, never from memory at once."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from declass.store.db import Store

FORMATS = ("jsonl", "csv", "ftm", "graphml")


def jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


DOC_COLUMNS = [
    "id", "path", "agency", "status", "marking", "case_number", "doc_number", "record_number", "release_date", "level", "banner",
    "dissemination", "header_kind", "from", "to", "date", "subject", "written", "exemptions", "redactions", "pages", "entities", "events",
]  # fmt: skip


def csv_tables(records: Iterable[dict[str, Any]], folder: Path) -> dict[str, int]:
    """documents.csv, entities.csv (one row per entity per document), events.csv, redactions.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    with (
        open(folder / "documents.csv", "w", newline="", encoding="utf-8") as fd,
        open(folder / "entities.csv", "w", newline="", encoding="utf-8") as fe,
        open(folder / "events.csv", "w", newline="", encoding="utf-8") as fv,
        open(folder / "redactions.csv", "w", newline="", encoding="utf-8") as fr,
    ):
        wd, we, wv, wr = csv.writer(fd), csv.writer(fe), csv.writer(fv), csv.writer(fr)
        wd.writerow(DOC_COLUMNS)
        we.writerow(["doc_id", "entity_id", "type", "name", "aliases", "mentions", "country", "lat", "lon"])
        wv.writerow(["doc_id", "type", "plover", "date", "place", "actors", "targets", "confidence", "text"])
        wr.writerow(["doc_id", "page", "kind", "exemptions", "raw"])
        for rec in records:
            rel, cls, hdr, d = rec["release"], rec["classification"], rec["header"], rec["date"]
            wd.writerow(
                [
                    rec["id"], rec["source"]["path"], rel.get("agency"), rel.get("status"), rel.get("marking"), rel.get("case_number"),
                    rel.get("doc_number"), rel.get("record_number"), rel.get("release_date"), cls.get("level"), cls.get("banner"),
                    "; ".join(cls.get("dissemination") or []), hdr.get("kind"), hdr.get("from"), "; ".join(hdr.get("to") or []), hdr.get("date"),
                    hdr.get("subject"), d.get("value") or d.get("earliest"), "; ".join(rel.get("exemptions") or []), len(rec.get("redactions") or []),
                    len(rec.get("pages") or []), len(rec.get("entities") or []), len(rec.get("events") or []),
                ]
            )  # fmt: skip
            counts["documents"] += 1
            for e in rec.get("entities") or []:
                at = e.get("attributes") or {}
                we.writerow(
                    [
                        rec["id"],
                        e["id"],
                        e["type"],
                        e["name"],
                        "; ".join(e.get("aliases") or []),
                        len(e.get("mentions") or []),
                        at.get("country"),
                        at.get("lat"),
                        at.get("lon"),
                    ]
                )
                counts["entities"] += 1
            for ev in rec.get("events") or []:
                wv.writerow(
                    [
                        rec["id"],
                        ev["type"],
                        ev.get("plover"),
                        ev.get("date"),
                        ev.get("place"),
                        "; ".join(ev.get("actors") or []),
                        "; ".join(ev.get("targets") or []),
                        ev.get("confidence"),
                        ev.get("text"),
                    ]
                )
                counts["events"] += 1
            for r in rec.get("redactions") or []:
                wr.writerow([rec["id"], r.get("page"), r.get("kind"), "; ".join(r.get("exemptions") or []), r.get("raw")])
                counts["redactions"] += 1
    return dict(counts)


def _ftm_id(*parts: str) -> str:
    return "declass-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


_FTM_SCHEMA = {"person": "Person", "organization": "Organization", "place": "Address"}


def ftm_entities(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """FollowTheMoney entities: a Document per record; a Person, Organization or Address per
    entity (once per corpus); a Documentation link from each document to each entity it names;
    an Event per event; a Membership per membership relation."""
    seen: set[str] = set()
    for rec in records:
        rel, hdr, d = rec["release"], rec["header"], rec["date"]
        doc_id = _ftm_id("doc", rec["id"])
        props: dict[str, list[str]] = {
            "title": [(hdr.get("subject") or rec["source"]["path"].rsplit("/", 1)[-1])[:250]],
            "fileName": [rec["source"]["path"].rsplit("/", 1)[-1]],
            "mimeType": [rec["source"].get("media_type") or "text/plain"],
            "bodyText": [rec.get("text") or ""],
        }
        if rel.get("agency"):
            props["publisher"] = [rel["agency"]]
        if rel.get("release_date"):
            props["publishedAt"] = [rel["release_date"]]
        written = d.get("value") or (hdr.get("date") or "")[:10] or None
        if written:
            props["date"] = [written]
        if hdr.get("from"):
            props["author"] = [hdr["from"][:250]]
        notes = [f"sha256: {rec['id']}"] + [f"{k}: {rel[k]}" for k in ("status", "case_number", "doc_number", "record_number") if rel.get(k)]
        if rel.get("exemptions"):
            notes.append("exemptions: " + ", ".join(rel["exemptions"]))
        if notes:
            props["notes"] = notes
        yield {"id": doc_id, "schema": "Document", "properties": props}
        names: dict[str, str] = {}
        for e in rec.get("entities") or []:
            eid = _ftm_id("entity", e["id"])
            names[e["name"]] = eid
            schema = _FTM_SCHEMA.get(e["type"], "LegalEntity")
            if eid not in seen:
                seen.add(eid)
                at = e.get("attributes") or {}
                p: dict[str, list[str]] = {"alias": [a for a in (e.get("aliases") or []) if a != e["name"]][:50]}
                if schema == "Address":
                    p["full"] = [e["name"]]
                    if at.get("lat") is not None and at.get("lon") is not None:
                        p["latitude"], p["longitude"] = [str(at["lat"])], [str(at["lon"])]
                    if at.get("in"):
                        p["region"] = [at["in"]]
                else:
                    p["name"] = [e["name"]]
                    if at.get("title") and schema == "Person":
                        p["title"] = [at["title"]]
                if at.get("country") and len(str(at["country"])) == 2:
                    p["country"] = [str(at["country"]).lower()]
                yield {"id": eid, "schema": schema, "properties": {k: v for k, v in p.items() if v}}
            yield {
                "id": _ftm_id("mention", rec["id"], e["id"]),
                "schema": "Documentation",
                "properties": {"document": [doc_id], "entity": [eid], "role": ["mentioned"]},
            }
        for i, ev in enumerate(rec.get("events") or []):
            p = {"name": [ev["type"]], "summary": [ev.get("text") or ""], "description": [f"PLOVER {ev.get('plover')}" if ev.get("plover") else ev["type"]]}
            if ev.get("date"):
                p["date"] = [ev["date"]]
            if ev.get("place"):
                p["location"] = [ev["place"]]
            inv = [names[n] for n in (ev.get("actors") or []) + (ev.get("targets") or []) if n in names]
            if inv:
                p["involved"] = inv
            org = [names[n] for n in ev.get("actors") or [] if n in names]
            if org:
                p["organizer"] = org
            p["proof"] = [doc_id]
            yield {"id": _ftm_id("event", rec["id"], str(i)), "schema": "Event", "properties": p}
        for r in rec.get("relations") or []:
            if r.get("type") == "membership" and r["a"] in names and r["b"] in names:
                yield {
                    "id": _ftm_id("membership", names[r["a"]], names[r["b"]]),
                    "schema": "Membership",
                    "properties": {"member": [names[r["a"]]], "organization": [names[r["b"]]], "proof": [doc_id], "summary": [r.get("text") or ""]},
                }


def ftm(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for ent in ftm_entities(records):
        out.write(json.dumps(ent, ensure_ascii=False) + "\n")
        n += 1
    return n


def graphml(store: Store, out: IO[str], min_documents: int = 1) -> tuple[int, int]:
    """Entities as nodes (with type and document count), co-occurrence in a document as edges
    (weight = documents), merged entities as one node."""
    nodes = {
        r[0]: (r[1], r[2], r[3])
        for r in store.rows(
            "SELECT c.canonical_id, e.name, e.type, COUNT(DISTINCT de.doc_id) FROM doc_entities de JOIN entity_canonical c ON c.entity_id = de.entity_id "
            "JOIN entities e ON e.id = c.canonical_id GROUP BY c.canonical_id, e.name, e.type HAVING COUNT(DISTINCT de.doc_id) >= ?",
            (min_documents,),
        )
    }
    edges = store.rows(
        "SELECT a.canonical_id, b.canonical_id, COUNT(DISTINCT x.doc_id) FROM doc_entities x JOIN doc_entities y ON y.doc_id = x.doc_id "
        "JOIN entity_canonical a ON a.entity_id = x.entity_id JOIN entity_canonical b ON b.entity_id = y.entity_id "
        "WHERE a.canonical_id < b.canonical_id GROUP BY a.canonical_id, b.canonical_id"
    )
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    out.write('  <key id="name" for="node" attr.name="name" attr.type="string"/>\n')
    out.write('  <key id="type" for="node" attr.name="type" attr.type="string"/>\n')
    out.write('  <key id="documents" for="node" attr.name="documents" attr.type="int"/>\n')
    out.write('  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n')
    out.write('  <graph id="declass" edgedefault="undirected">\n')
    for nid, (name, typ, n) in sorted(nodes.items()):
        data = f'<data key="name">{escape(name)}</data><data key="type">{escape(typ)}</data><data key="documents">{n}</data>'
        out.write(f"    <node id={quoteattr(nid)}>{data}</node>\n")
    n_edges = 0
    for a, b, w in edges:
        if a in nodes and b in nodes:
            out.write(f'    <edge source={quoteattr(a)} target={quoteattr(b)}><data key="weight">{w}</data></edge>\n')
            n_edges += 1
    out.write("  </graph>\n</graphml>\n")
    return len(nodes), n_edges
