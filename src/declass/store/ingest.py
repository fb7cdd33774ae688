"""Ingest files (or declass JSON Lines) into a store: in transactions of a batch of files, each
batch with the list of files it holds, so an interrupted ingest loses nothing it committed and a
re-run reads only what is missing. Re-ingesting the same files changes nothing."""

from __future__ import annotations

import gzip
import itertools
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from declass import settings
from declass.batch import iter_files, results
from declass.store.db import Store


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    skipped_files: int = 0  # already in the store, unchanged
    documents: int = 0  # new documents stored
    duplicates: int = 0  # records whose id was already stored
    failed: list[tuple[str, str]] = field(default_factory=list)
    by_reason: Counter[str] = field(default_factory=Counter)


def is_records_file(path: Path) -> bool:
    """A JSON Lines file of declass records (an export, or ``declass parse --jsonl``)."""
    name = path.name.lower()
    if not name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return False
    op: Callable[..., Any] = gzip.open if name.endswith(".gz") else open
    try:
        with op(path, "rt", encoding="utf-8") as f:
            first = f.readline()
        return json.loads(first).get("format") == "declass/1"
    except (OSError, ValueError, AttributeError):
        return False


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    op: Callable[..., Any] = gzip.open if path.name.lower().endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def collection_of(root: Path, given: str | None) -> str:
    if given:
        return given
    return (root if root.is_dir() else root.parent).resolve().name or "corpus"


def ingest(
    store: Store,
    paths: list[Path],
    collection: str | None = None,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> IngestReport:
    rep = IngestReport()
    for root in paths:
        coll = collection_of(root, collection)
        if root.is_file() and is_records_file(root):
            _ingest_records(store, root, coll, rep, collection is not None)
            continue
        files = [str(f) for f in iter_files([root])]
        todo = []
        for f in files:
            st = os.stat(f)
            if store.file_done(f, st.st_size, st.st_mtime):
                rep.skipped_files += 1
            else:
                todo.append(f)
        rep.files += len(files)
        done = rep.skipped_files
        if progress:
            progress(done, len(files))
        batch = max(1, settings.get().ingest_batch)
        # one pool of workers for the whole folder, reading on while a batch is stored (a pool a
        # batch made every worker load its lists again and wait for each commit)
        stream = results(todo, workers)
        for i in range(0, len(todo), batch):
            chunk = todo[i : i + batch]
            recs: list[dict[str, Any]] = []
            marks = []
            for f, got in zip(chunk, itertools.islice(stream, len(chunk)), strict=True):
                errors = [(p, e) for p, _, e in got if e is not None]
                for p, e in errors:
                    rep.failed.append((p, e))
                    rep.by_reason[e.split(" (")[0][:60]] += 1
                    if on_error:
                        on_error(p, e)
                ok = [r for _, r, e in got if r is not None and e is None]
                recs.extend(ok)
                st = os.stat(f)
                marks.append((f, st.st_size, st.st_mtime, len(ok), "; ".join(e for _, e in errors)[:500] or None))
            seen: set[str] = set()
            unique = []
            for r in recs:
                if r["id"] in seen:
                    rep.duplicates += 1
                    continue
                seen.add(r["id"])
                unique.append(r)
            new = store.add_batch(unique, coll, marks)
            rep.documents += new
            rep.duplicates += len(unique) - new
            done += len(chunk)
            if progress:
                progress(done, len(files))
    return rep


def _ingest_records(store: Store, path: Path, coll: str, rep: IngestReport, given: bool) -> None:
    """Records from JSON Lines; an exported record keeps the collection it was in, unless
    ``--collection`` names one."""
    batch: list[dict[str, Any]] = []

    def flush(files: list[tuple[str, int, float, int, str | None]]) -> None:
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in batch:
            groups.setdefault(coll if given else (r.get("collection") or coll), []).append(r)
        for i, (name, recs) in enumerate(groups.items()):
            new = store.add_batch(recs, name, files if i == len(groups) - 1 else [])
            rep.documents += new
            rep.duplicates += len(recs) - new
        if not groups and files:
            store.add_batch([], coll, files)

    for rec in read_records(path):
        batch.append(rec)
        if len(batch) >= 500:
            flush([])
            batch = []
    st = path.stat()
    flush([(str(path), st.st_size, st.st_mtime, len(batch), None)])
    rep.files += 1
