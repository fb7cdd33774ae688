"""The whole pipeline (read, release anatomy, entities, dates, events, quantities) beside spaCy's
NER alone over the same texts, in the same run, on one core.

    .venv/bin/python bench/extract_throughput.py [--limit N]

Goal: the whole pipeline at >= 0.8 x the rate of the NER model alone. Documents come from
../shared/corpora/state-foia-dev.jsonl.gz (and nara-jfk-dev) when present, else tests/fixtures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import declass
from declass.extract import ner

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpora" / f"{n}.jsonl.gz" for n in ("state-foia-dev", "nara-jfk-dev")]


def load(limit: int) -> list[str]:
    docs: list[str] = []
    per = limit // len(CORPORA)
    for path in CORPORA:
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= per:
                    break
                docs.append(json.loads(line)["text"])
    if not docs:
        fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").iterdir()) if p.suffix in (".txt", ".md")]
        while len(docs) < limit:
            docs.extend(fixtures)
    return docs[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=400)
    args = ap.parse_args()
    docs = load(args.limit)
    nlp = ner.model()
    if nlp is None:
        raise SystemExit("the spaCy model is off (DECLASS_SPACY_MODEL): nothing to compare with")
    declass.parse_bytes(docs[0].encode("utf-8"), "warm-up.txt")  # load the model and gazetteers once
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    t0 = time.perf_counter()
    for d in docs:
        nlp(d)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_ents = n_events = 0
    for i, d in enumerate(docs):
        rec = declass.parse_bytes(d.encode("utf-8"), f"doc{i}.txt")
        n_ents += len(rec.entities)
        n_events += len(rec.events)
    ours = time.perf_counter() - t0
    print(f"whole pipeline vs spaCy NER alone, {len(docs)} documents ({mb:.1f} MB), one core, model {ner.settings.get().spacy_model}")
    print(f"  spaCy NER alone      {len(docs) / base:8.1f} documents/s")
    print(f"  declass parse        {len(docs) / ours:8.1f} documents/s   ({base / ours:.2f} x NER alone; goal >= 0.80)")
    print(f"  found {n_ents} entities and {n_events} events")


if __name__ == "__main__":
    main()
