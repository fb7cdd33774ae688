"""The facet columns of every stored document, held in memory as arrays indexed by ``seq``.

A search whose terms are common matches tens of thousands of documents; looking each one up in
the database to test the filters and count the facets costs more than the full-text match itself
(at 1,000,000 documents, ~40 ms for 18,000 matches, one B-tree seek each). Here the same filters
and counts are array operations over the matched ``seq`` numbers (a millisecond or two).

The arrays are loaded on the first search of a process over a store, shared by all its
connections (the web app's threads), and reloaded when documents were added (documents are only
ever added, each with a higher ``seq``). The semantics are those of the SQL path they replace
(:meth:`declass.store.db.Store._where` and ``_facet``): the same comparisons of date strings, the
same NULL handling, the same ordering of facet values; a test runs both paths and compares them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

# filters and facets the arrays answer; any other sends the search to SQL
FILTERS = frozenset({"collection", "agency", "status", "level", "has_redactions", "written_from", "written_to", "released_from", "released_to"})
CATEGORIES = ("collection", "agency", "status", "level")
YEARS = ("written_year", "release_year")
SETS = ("exemption", "control")
FACETS = frozenset((*CATEGORIES, *YEARS, *SETS, "has_redactions"))
# date filters: (filter, column, is an upper bound)
BOUNDS = (("written_from", "written", False), ("written_to", "written", True), ("released_from", "release_date", False), ("released_to", "release_date", True))
LOAD_SQL = (
    "SELECT seq, collection, agency, status, level, written, release_date, written_year, release_year, has_redactions, "
    "exemption_set, control_set FROM documents"
)


class Columns:
    """Arrays of the facet columns; index ``i`` holds the document whose ``seq`` is ``i``."""

    def __init__(self, size: int, chunks: Iterable[list[tuple[Any, ...]]]) -> None:
        """``size``: one more than the largest ``seq``; ``chunks``: the rows of :data:`LOAD_SQL`."""
        self.present = np.zeros(size, dtype=bool)
        self.vocab: dict[str, list[str]] = {name: [] for name in CATEGORIES}
        index: dict[str, dict[str, int]] = {name: {} for name in CATEGORIES}
        self.codes = {name: np.full(size, -1, dtype=np.int32) for name in CATEGORIES}
        self.dates = {name: np.full(size, b"", dtype="S20") for name in ("written", "release_date")}  # b"": NULL
        self.years = {name: np.full(size, -1, dtype=np.int32) for name in YEARS}
        self.redacted = np.full(size, -1, dtype=np.int8)
        self.sets: dict[str, list[str | None]] = {name: [None] * size for name in SETS}
        shared: dict[str, str] = {}  # a few hundred distinct sets among a million documents: one string each
        for rows in chunks:
            seqs = np.fromiter((int(r[0]) for r in rows), dtype=np.int64, count=len(rows))
            self.present[seqs] = True
            for j, name in enumerate(CATEGORIES, start=1):
                ix = index[name]
                for r in rows:
                    if r[j] is not None and r[j] not in ix:
                        ix[r[j]] = len(ix)
                        self.vocab[name].append(r[j])
                self.codes[name][seqs] = [-1 if r[j] is None else ix[r[j]] for r in rows]
            for j, name in ((5, "written"), (6, "release_date")):
                self.dates[name][seqs] = [(r[j] or "").encode("ascii", "replace") for r in rows]
            for j, name in ((7, "written_year"), (8, "release_year")):
                self.years[name][seqs] = [-1 if r[j] is None else int(r[j]) for r in rows]
            self.redacted[seqs] = [-1 if r[9] is None else int(r[9]) for r in rows]
            for r in rows:
                self.sets["exemption"][int(r[0])] = None if r[10] is None else shared.setdefault(r[10], r[10])
                self.sets["control"][int(r[0])] = None if r[11] is None else shared.setdefault(r[11], r[11])

    def select(self, seqs: npt.NDArray[np.int64], filters: dict[str, Any]) -> npt.NDArray[np.bool_]:
        """Which of ``seqs`` pass the filters (the SQL ``WHERE`` of the same filters)."""
        inside = seqs < len(self.present)
        keep = np.zeros(len(seqs), dtype=bool)
        s = seqs[inside]
        ok = self.present[s]
        for name in CATEGORIES:
            if name in filters:
                vals = filters[name] if isinstance(filters[name], list) else [filters[name]]
                wanted = [i for i, known in enumerate(self.vocab[name]) if known in vals]
                ok &= np.isin(self.codes[name][s], np.array(wanted, dtype=np.int32))
        if "has_redactions" in filters:
            flag = 1 if filters["has_redactions"] in (True, 1, "1", "true", "yes") else 0
            ok &= self.redacted[s] == flag
        for key, col, upper in BOUNDS:
            if key in filters:
                v = str(filters[key]).encode("ascii", "replace")
                dates = self.dates[col][s]
                if upper:
                    ok &= (dates != b"") & (dates <= (v + b"-99" if len(v) < 10 else v))
                else:
                    ok &= (dates != b"") & (dates >= v)
        keep[inside] = ok
        return keep

    def facets(self, seqs: npt.NDArray[np.int64], names: list[str], size: int) -> dict[str, list[dict[str, Any]]]:
        """Counts of each facet over ``seqs``, by count then value (as the SQL path orders them)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for name in names:
            counts: Counter[Any] = Counter()
            if name in CATEGORIES:
                codes = self.codes[name][seqs]
                codes = codes[codes >= 0]
                for code, n in zip(*np.unique(codes, return_counts=True), strict=True):
                    counts[self.vocab[name][int(code)]] = int(n)
            elif name in YEARS:
                years = self.years[name][seqs]
                for y, n in zip(*np.unique(years[years >= 0], return_counts=True), strict=True):
                    counts[int(y)] = int(n)
            elif name == "has_redactions":
                flags = self.redacted[seqs]
                for f, n in zip(*np.unique(flags[flags >= 0], return_counts=True), strict=True):
                    counts[int(f)] = int(n)
            else:
                column = self.sets[name]
                for seq in seqs.tolist():
                    if (v := column[seq]) is not None:
                        counts.update(v.split("|"))
            out[name] = [{"value": v, "count": c} for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]]
        return out
