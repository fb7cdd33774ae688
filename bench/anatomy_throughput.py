"""Anatomy throughput on State documents: declass's reader beside a plain ``re`` scan of the
same bytes, in the same run, on one core and on all cores.

    .venv/bin/python bench/anatomy_throughput.py [--limit N] [--corpus PATH]

The corpus defaults to ../shared/corpora/state-foia-dev.jsonl.gz; without it, the fixtures in
tests/fixtures are repeated to the same size. Prints documents/s, MB/s and the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ["DECLASS_EXTRACT"] = "0"  # the release anatomy alone (bench/extract_throughput.py measures the rest)

import declass

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "state-foia-dev.jsonl.gz"

# the baseline: one pass of the patterns a naive reader would use, over the same text
BASELINE = re.compile(
    r"RELEASED? IN (?:FULL|PART)|Case No\. \S+ Doc No\. \S+ Date: \S+|\b(?:B[1-9]|1\.4\([A-H]\))\b|^(?:From|Sent|To|Subject):.*$",
    re.M,
)


def load(path: Path, limit: int) -> list[bytes]:
    docs: list[bytes] = []
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                docs.append(json.loads(line)["text"].encode("utf-8"))
                if len(docs) >= limit:
                    break
        return docs
    fixtures = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures").iterdir()) if p.suffix in (".txt", ".md")]
    while len(docs) < limit:
        docs.extend(fixtures)
    return docs[:limit]


def run_declass(chunk: list[bytes]) -> int:
    n = 0
    for i, data in enumerate(chunk):
        declass.parse_bytes(data, f"doc{i}.txt")
        n += 1
    return n


def run_re(chunk: list[bytes]) -> int:
    n = 0
    for data in chunk:
        n += len(BASELINE.findall(data.decode("utf-8", "replace")))
    return n


def timed(fn, docs: list[bytes], workers: int) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    if workers == 1:
        fn(docs)
    else:
        size = max(1, len(docs) // (workers * 8))
        chunks = [docs[i : i + size] for i in range(0, len(docs), size)]
        with ProcessPoolExecutor(workers) as ex:
            list(ex.map(fn, chunks))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=4000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    a = ap.parse_args()
    docs = load(a.corpus, a.limit)
    mb = sum(len(d) for d in docs) / 1e6
    run_declass(docs[:50])  # warm caches: data files, compiled patterns
    cores = os.cpu_count() or 1
    print(f"anatomy throughput: {len(docs)} documents, {mb:.1f} MB ({'corpus' if a.corpus.exists() else 'fixtures'})")
    print(f"{'':28}{'docs/s':>10}{'MB/s':>9}{'re docs/s':>12}{'re MB/s':>9}{'declass/re':>12}")
    for workers in sorted({1, cores}):
        t_d = timed(run_declass, docs, workers)
        t_r = timed(run_re, docs, workers)
        label = f"{workers} core{'s' if workers > 1 else ''}"
        print(f"{label:28}{len(docs) / t_d:10.0f}{mb / t_d:9.2f}{len(docs) / t_r:12.0f}{mb / t_r:9.2f}{t_r / t_d:12.3f}")
    print("goal: >= 1,000 State documents/s on 2 cores")


if __name__ == "__main__":
    main()
