"""Corpus store: ingest rate, and search latency over a large synthetic corpus beside a raw FTS5
query of the same terms, in the same run.

    .venv/bin/python bench/store_search.py [--docs 1000000] [--db PATH] [--queries 60]

The corpus is synthesised from development documents (../shared/corpora, else the bundled
samples): each synthetic record takes a real record's anatomy and entities, with its text made
of sentences drawn from many documents and a written date spread over 1950-2015. Prints ingest
documents/s (records already parsed, into SQLite), then p50/p95 latency of two-term queries with
two filters and facets, beside ``SELECT rowid FROM documents_fts WHERE documents_fts MATCH … ORDER
BY rank LIMIT 20`` for the same terms, for two kinds of terms: common words (in a large share of
the documents) and topical words (in 0.5-3 % of them, as names, places and subjects are). Goal:
p95 <= 50 ms and <= 1.5 x the raw query.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("DECLASS_SPACY_MODEL", "none")  # seeds: packs and gazetteers are enough here

import declass
from declass.store.db import open_store
from declass.store.query import compile_query, to_fts5

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpora" / f"{n}.jsonl.gz" for n in ("state-foia-dev", "nara-jfk-dev")]


def seeds(limit: int) -> list[dict[str, Any]]:
    recs: list[dict[str, Any]] = []
    for path in CORPORA:
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= limit // 2:
                    break
                d = json.loads(line)
                if len(d["text"]) > 60_000:
                    continue
                recs.append(declass.parse_bytes(d["text"].encode("utf-8"), d["filename"]).to_dict())
    if not recs:
        for p in sorted((ROOT / "samples").rglob("*")):
            if p.is_file():
                recs.append(declass.parse(p).to_dict())
    for r in recs:
        r["raw_text"] = None
    return recs


def synthesise(base: list[dict[str, Any]], n: int, rnd: random.Random) -> Any:
    sentences = [s for r in base for s in re.split(r"(?<=[.!?])\s+", r["text"] or "") if 30 < len(s) < 400]
    for i in range(n):
        r = copy.copy(rnd.choice(base))
        r["id"] = f"{i:064x}"
        r["source"] = dict(r["source"], path=f"synthetic/{i:07d}.txt")
        r["text"] = " ".join(rnd.choice(sentences) for _ in range(rnd.randint(3, 25)))
        y = rnd.randint(1950, 2015)
        r["date"] = {"value": f"{y}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", "earliest": None, "latest": None, "basis": []}
        r["header"] = dict(r["header"], date=None)
        r["events"] = []
        yield r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--seeds", type=int, default=2000)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--db", type=str, default="", help="reuse (or keep) the synthetic corpus here")
    args = ap.parse_args()
    rnd = random.Random(7)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.db")
    store = open_store(db)
    have = store.count()
    if have < args.docs:
        t0 = time.perf_counter()
        base = seeds(args.seeds)
        print(f"{len(base)} seed records parsed in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        batch: list[dict[str, Any]] = []
        gen = synthesise(base, args.docs, rnd)
        for _ in range(have):
            next(gen)
        for r in gen:
            batch.append(r)
            if len(batch) >= 5000:
                store.add_batch(batch, "synthetic", [])
                batch = []
        if batch:
            store.add_batch(batch, "synthetic", [])
        dt = time.perf_counter() - t0
        print(f"ingest: {args.docs - have:,} records in {dt:,.1f} s = {(args.docs - have) / dt:,.0f} documents/s (SQLite, records already parsed)")
    n = store.count()
    t0 = time.perf_counter()
    store.search("xqzjv", facets=())  # the first search of a process loads the facet columns
    print(f"first search of the process (facet columns into memory): {time.perf_counter() - t0:.1f} s, once")
    df = _document_frequency(store, 2000)
    ranked = [w for w, _ in df.most_common()]
    bands = {
        # words in a large share of all documents ("government security"): every query ranks tens of thousands
        "common words": ranked[40:300],
        # words in 0.5-3 % of documents, as names, places and topics are ("zetas monterrey")
        "topical words": [w for w, c in df.items() if 10 <= c <= 60],
    }
    facets = ("agency", "status", "level", "exemption", "written_year")

    def pct(xs: list[float], p: float) -> float:
        return sorted(xs)[min(len(xs) - 1, int(len(xs) * p))]

    for band, vocab in bands.items():
        pairs = [(rnd.choice(vocab), rnd.choice(vocab)) for _ in range(args.queries)]
        raw, ours, totals = [], [], []
        for a, b in pairs:
            qs = f"{a} {b}"
            match = to_fts5(compile_query(qs))
            t0 = time.perf_counter()
            store.rows("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT 20", (match,))
            raw.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            res = store.search(qs, {"status": "released_in_part", "written_from": "1960", "written_to": "1999"}, facets=facets)
            ours.append((time.perf_counter() - t0) * 1000)
            totals.append(res.total)
        print(f"search over {n:,} documents, {len(pairs)} two-term queries of {band} (median {statistics.median(totals):,.0f} hits after 2 filters)")
        print(f"  raw FTS5 query        p50 {pct(raw, 0.5):7.1f} ms   p95 {pct(raw, 0.95):7.1f} ms")
        print(f"  declass search        p50 {pct(ours, 0.5):7.1f} ms   p95 {pct(ours, 0.95):7.1f} ms   (2 filters, {len(facets)} facets, snippets)")
        print(f"  ratio p95             {pct(ours, 0.95) / max(pct(raw, 0.95), 1e-6):.1f} x   (goal <= 1.5 x and p95 <= 50 ms)")
    store.close()


def _document_frequency(store: Any, k: int) -> Any:
    """In how many of ``k`` stored documents each word of four letters or more occurs."""
    from collections import Counter

    c: Counter[str] = Counter()
    for (text,) in store.rows("SELECT text FROM documents ORDER BY seq LIMIT ?", (k,)):
        c.update(set(re.findall(r"[a-z]{4,}", (text or "").lower())))
    return c


if __name__ == "__main__":
    main()
