"""Developer check: the scorer's corpus-mode rules, run in-process over a development corpus
(faster than the CLI round trip of ``make eval``), plus agreement with the corpus's silver labels
(release status, exemption set). Needs ../shared (not shipped to users).

    .venv/bin/python scripts/corpus_check.py state-foia-dev [--limit N] [--misses FIELD]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import declass
from declass import evidence
from declass.anatomy import exemptions
from declass.anatomy.custodian import Custodians

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _parse(doc: dict[str, Any]) -> dict[str, Any]:
    try:
        rec = declass.parse_bytes(doc["text"].encode("utf-8"), doc["filename"]).to_dict()
    except Exception as e:  # a crash is a finding: report it, go on
        return {"crash": f"{type(e).__name__}: {e}", "filename": doc["filename"]}
    rec["evidence_errors"] = evidence.errors(rec)
    rec["raw_text"] = None
    return rec


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", default="", help="print the misses of this field")
    a = ap.parse_args()
    score = _scorer()
    with gzip.open(SHARED / "corpora" / f"{a.corpus}.jsonl.gz", "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    if a.limit:
        docs = docs[: a.limit]
    with ProcessPoolExecutor(os.cpu_count()) as ex:
        recs = list(ex.map(_parse, docs, chunksize=64))
    crashes = [r for r in recs if "crash" in r]
    for c in crashes[:20]:
        print("CRASH", c["filename"], c["crash"])
    print(f"{len(crashes)} crashes")
    ev_bad = [(d["filename"], r["evidence_errors"]) for d, r in zip(docs, recs, strict=True) if r.get("evidence_errors")]
    print(f"{len(ev_bad)} records with evidence that does not match the text")
    for fn, errs in ev_bad[:10]:
        print("  EVIDENCE", fn, errs[:3])
    recs = [r if "crash" not in r else declass.Record(id="", source=declass.record.Source(r["filename"])).to_dict() for r in recs]
    cust = Custodians()
    objs = [declass.Record.from_dict(r) for r in recs]
    for o in objs:
        cust.add(o)
    for o, r in zip(objs, recs, strict=True):
        if Custodians.needs(o) and cust.apply(o):
            r["header"] = o.to_dict()["header"]
    stats: dict[str, list[int]] = {}
    misses: list[str] = []
    silver: Counter[str] = Counter()
    for d, r in zip(docs, recs, strict=True):
        for spec in score.SCORED.get(d["collection"], []):
            field, _, how = spec.partition("@")
            t = d["truth"].get(field)
            if t is None:
                continue
            printed = score.PRINTED.get(spec) or score.PRINTED.get(field)
            if printed and not printed(t, d["text"]):
                continue
            s = score.get(r, field)
            ok = score.same_year(t, s) if how == "year" else score.RULES[field](t, s)
            st = stats.setdefault(spec, [0, 0])
            st[0] += 1
            st[1] += ok
            if not ok and spec == a.misses:
                misses.append(f"{d['filename']}: truth={t!r} record={s!r}")
        sv = d.get("silver") or {}
        if "release.status" in sv:
            silver["status n"] += 1
            silver["status ok"] += r["release"]["status"] == sv["release.status"]
            raw = sv.get("release.exemptions_raw")
            want = set(exemptions.sort_codes({c for h in exemptions.find_codes(raw or "") for c in h.codes}))
            silver["exemptions n"] += 1
            ok_ex = set(r["release"]["exemptions"]) == want
            silver["exemptions ok"] += ok_ex
            if not ok_ex and a.misses == "exemptions":
                misses.append(f"{d['filename']}: silver={sorted(want)} record={r['release']['exemptions']}")
    for spec, (n, ok) in sorted(stats.items()):
        print(f"{spec:32} {n:6d} {ok / n:8.2%}")
    for k in ("status", "exemptions"):
        if silver[f"{k} n"]:
            print(f"silver {k:25} {silver[f'{k} n']:6d} {silver[f'{k} ok'] / silver[f'{k} n']:8.2%}")
    for m in misses[: int(os.environ.get("MISSES", "40"))]:
        print("  miss", m[:300])


if __name__ == "__main__":
    sys.exit(main())
