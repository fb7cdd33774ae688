"""A corpus of records: SQLite by default, PostgreSQL for a team (the same tables, queries and
answers). Open one with :func:`open_store`."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from declass.store import columns, schema
from declass.store import query as q

FACETS = ("collection", "agency", "status", "level", "control", "exemption", "written_year", "release_year", "entity", "office", "has_redactions")
FILTERS = (
    "collection",
    "agency",
    "status",
    "level",
    "control",
    "exemption",
    "entity",
    "office",
    "has_redactions",
    "written_from",
    "written_to",
    "released_from",
    "released_to",
)
MAX_PAGE_SIZE = 100
# what a search keeps of each hit, so that facets and sorting never go back to the documents
HIT_COLUMNS = {
    "id": "TEXT", "collection": "TEXT", "agency": "TEXT", "status": "TEXT", "level": "TEXT", "written": "TEXT", "written_year": "INTEGER",
    "release_date": "TEXT", "release_year": "INTEGER", "has_redactions": "INTEGER", "exemption_set": "TEXT", "control_set": "TEXT",
}
# the facets the hits table carries (those columns.FACETS holds in memory) are counted in one read of
# it when a search has up to this many hits
ONE_PASS_HITS = 20_000
SORTS = ("relevance", "written", "-written", "released", "-released", "seq")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class StoreError(Exception):
    """A store that cannot be opened or used, with the reason."""


@dataclass(slots=True)
class SearchResult:
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[dict[str, Any]]]
    page: int = 1
    size: int = 20
    query: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    took_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "filters": self.filters,
            "total": self.total,
            "page": self.page,
            "size": self.size,
            "took_ms": round(self.took_ms, 2),
            "hits": self.hits,
            "facets": self.facets,
        }


def open_store(url: str | None = None) -> Store:
    """``corpus.db`` (a SQLite file, the default) or ``postgresql://…``."""
    url = url or "corpus.db"
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///") :]
    return SqliteStore(url)


class Store:
    dialect = "sqlite"
    url: str
    _hits_join = "JOIN"  # SQLite: CROSS JOIN, so that the full-text match drives the query
    _string_agg = "string_agg"

    # -- backend hooks ---------------------------------------------------------------------
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _fts_statements(self) -> list[str]:
        raise NotImplementedError

    def _fts_insert(self, seq: int, words: str) -> None:
        raise NotImplementedError

    def _fts_hits(self, node: q.Node) -> tuple[str, list[Any]]:
        """SQL selecting (seq, score) of matching documents; higher score is better."""
        raise NotImplementedError

    def _columns(self) -> columns.Columns | None:
        """The facet columns in memory, where this backend keeps them (None: filter in SQL)."""
        return None

    def _match_scores(self, node: q.Node) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """``seq`` and score of every document the query matches."""
        sql, params = self._fts_hits(node)
        rows = self.rows(sql, params)
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows)), np.fromiter((r[1] for r in rows), dtype=np.float64, count=len(rows))

    def _next_seq(self) -> int:
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._execute(sql, params)
        return list(cur.fetchall())

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        r = self.rows(sql, params)
        return r[0][0] if r else None

    # -- schema --------------------------------------------------------------------------
    def migrate(self) -> None:
        """Create or update the schema; nothing to do (and no write lock taken) when it is current."""
        version = 0
        try:
            version = int(self.scalar("SELECT value FROM meta WHERE key = 'schema_version'") or 0)
            if version >= schema.VERSION:
                return
        except Exception:
            self._reset_after_error()
        self._begin()
        try:
            for migration in schema.COMMON[version:]:
                for stmt in migration:
                    self._execute(stmt.replace("{agg}", self._string_agg))
            for stmt in self._fts_statements():  # each is idempotent: creates or completes the index
                self._execute(stmt)
            if not self._has_view("entity_canonical"):
                self._execute(schema.CANONICAL_VIEW)
            self._execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(schema.VERSION),)
            )
            self._execute("INSERT INTO meta (key, value) VALUES ('format', 'declass/1') ON CONFLICT (key) DO NOTHING")
            self.commit()
        except Exception:
            self.rollback()
            raise

    def _has_view(self, name: str) -> bool:
        raise NotImplementedError

    def _reset_after_error(self) -> None:
        """After a failed statement outside a transaction (PostgreSQL needs nothing here)."""

    # -- ingest --------------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def file_done(self, path: str, size: int, mtime: float) -> bool:
        got = self.rows("SELECT size, mtime FROM files WHERE path = ?", (path,))
        return bool(got) and got[0][0] == size and abs(float(got[0][1]) - mtime) < 1e-3

    def add_batch(self, records: list[dict[str, Any]], collection: str | None, files: list[tuple[str, int, float, int, str | None]]) -> int:
        """Store records (skipping ids already stored) and mark their files done, in one
        transaction: a batch is all there or not at all. Returns how many were new."""
        self._begin()
        try:
            new = 0
            for rec in records:
                if self.has(rec["id"]):
                    continue
                self._add(rec, collection)
                new += 1
            for path, size, mtime, n, failed in files:
                self._execute(
                    "INSERT INTO files (path, size, mtime, documents, failed) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, documents = excluded.documents, failed = excluded.failed",
                    (path, size, mtime, n, failed),
                )
            self.commit()
            return new
        except Exception:
            self.rollback()
            raise

    def _add(self, rec: dict[str, Any], collection: str | None) -> None:
        rel, cls, hdr, date = rec["release"], rec["classification"], rec["header"], rec["date"]
        text = rec.get("text") or ""
        title = (
            hdr.get("subject") or next((ln.strip()[:160] for ln in text.splitlines() if len(ln.strip()) > 3), None) or rec["source"]["path"].rsplit("/", 1)[-1]
        )
        written = date.get("value") or (hdr.get("date") or "")[:10] or date.get("earliest")
        seq = self._next_seq()
        codes = sorted(set(rel.get("exemptions") or []))
        controls = sorted(set(cls.get("dissemination") or []))
        stored = dict(rec)
        self._execute(
            "INSERT INTO documents (id, seq, path, collection, title, agency, status, level, banner, case_number, doc_number, record_number, "
            "header_kind, header_from, header_to, header_date, written, written_year, release_date, release_year, pages, redactions, has_redactions, ocr, "
            "text, record, ingested_at, exemption_set, control_set) VALUES (" + ", ".join(["?"] * 29) + ")",
            (
                rec["id"],
                seq,
                rec["source"]["path"],
                collection,
                title,
                rel.get("agency"),
                rel.get("status"),
                cls.get("level"),
                cls.get("banner"),
                rel.get("case_number"),
                rel.get("doc_number"),
                rel.get("record_number"),
                hdr.get("kind"),
                hdr.get("from"),
                "; ".join(hdr.get("to") or []) or None,
                hdr.get("date"),
                written,
                int(written[:4]) if written and written[:4].isdigit() else None,
                rel.get("release_date"),
                int(rel["release_date"][:4]) if rel.get("release_date") else None,
                len(rec.get("pages") or []),
                len(rec.get("redactions") or []),
                int(bool(rec.get("redactions"))),
                int(bool(rec["source"].get("ocr"))),
                text,
                json.dumps(stored, ensure_ascii=False),
                time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "|".join(codes) or None,
                "|".join(controls) or None,
            ),
        )
        d = rec["id"]
        self._executemany(
            "INSERT INTO controls (doc_id, control) VALUES (?, ?) ON CONFLICT DO NOTHING", [(d, c) for c in controls]
        )
        self._executemany("INSERT INTO exemptions (doc_id, code) VALUES (?, ?) ON CONFLICT DO NOTHING", [(d, c) for c in codes])
        reds = rec.get("redactions") or []
        self._executemany(
            "INSERT INTO redactions (doc_id, n, page, kind, start_offset, end_offset, raw) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(d, i, r.get("page"), r.get("kind"), r.get("start"), r.get("end"), r.get("raw")) for i, r in enumerate(reds)],
        )
        self._executemany(
            "INSERT INTO redaction_codes (doc_id, n, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(d, i, c) for i, r in enumerate(reds) for c in (r.get("exemptions") or ["unknown"])],
        )
        offices = {
            (p.get("office"), role, p.get("name"))
            for role in ("drafted", "cleared", "approved")
            for p in (rec.get("authorship") or {}).get(role) or []
            if p.get("office")
        }
        self._executemany(
            "INSERT INTO offices (doc_id, office, role, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", [(d, o, r, n or "") for o, r, n in sorted(offices)]
        )
        ents = rec.get("entities") or []  # three statements for all of them: one round trip each on PostgreSQL
        self._executemany(
            "INSERT INTO entities (id, type, name, aliases, attributes) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            [(e["id"], e["type"], e["name"], _json(e.get("aliases") or []), _json(e.get("attributes") or {})) for e in ents],
        )
        self._executemany(
            "INSERT INTO doc_entities (doc_id, entity_id, mentions) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(d, e["id"], len(e.get("mentions") or [])) for e in ents],
        )
        self._executemany(
            "INSERT INTO mentions (doc_id, entity_id, n, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(d, e["id"], i, m.get("start"), m.get("end"), m.get("text")) for e in ents for i, m in enumerate(e.get("mentions") or [])],
        )
        self._executemany(
            "INSERT INTO events (doc_id, n, type, plover, date, place, actors, targets, text, start_offset, end_offset, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d,
                    i,
                    ev.get("type"),
                    ev.get("plover"),
                    ev.get("date"),
                    ev.get("place"),
                    json.dumps(ev.get("actors") or []),
                    json.dumps(ev.get("targets") or []),
                    ev.get("text"),
                    ev.get("start"),
                    ev.get("end"),
                    ev.get("confidence"),
                )
                for i, ev in enumerate(rec.get("events") or [])
            ],
        )
        words = q.search_words(" ".join(x for x in (title, hdr.get("from"), " ".join(hdr.get("to") or []), text) if x))
        self._fts_insert(seq, words)

    # -- search --------------------------------------------------------------------------
    def search(
        self,
        query: str | None,
        filters: dict[str, Any] | None = None,
        page: int = 1,
        size: int = 20,
        sort: str = "relevance",
        facets: Sequence[str] = FACETS,
        facet_size: int = 10,
    ) -> SearchResult:
        t0 = time.perf_counter()
        filters = {k: v for k, v in (filters or {}).items() if v not in (None, "", [])}
        unknown = set(filters) - set(FILTERS)
        if unknown:
            raise q.QueryError(f"unknown filter {sorted(unknown)[0]!r}; filters are {', '.join(FILTERS)}")
        if sort not in SORTS:
            raise q.QueryError(f"sort must be one of {', '.join(SORTS)}")
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise q.QueryError(f"page size must be between 1 and {MAX_PAGE_SIZE}")
        if page < 1 or page > 10_000:
            raise q.QueryError("page must be between 1 and 10,000")
        node = q.compile_query(query) if query and query.strip() else None
        where, params = self._where(filters)
        out: dict[str, list[dict[str, Any]]] = {}
        memory = self._columns() if node is not None and sort == "relevance" and set(filters) <= columns.FILTERS else None
        if memory is not None and node is not None:
            # the match's (seq, score) pairs filtered, ranked and counted in memory: no lookup per match
            seq_arr, score_arr = self._match_scores(node)
            keep = memory.select(seq_arr, filters)
            seq_arr, score_arr = seq_arr[keep], score_arr[keep]
            total = len(seq_arr)
            order = np.lexsort((seq_arr, -score_arr))[(page - 1) * size : page * size]
            scores = {int(seq_arr[i]): float(score_arr[i]) for i in order}
            out.update(memory.facets(seq_arr, [f for f in facets if f in columns.FACETS], facet_size))
            frm, score = "FROM documents d", "0.0"
            if any(f not in columns.FACETS for f in facets):
                # facets over other tables (entity, office): the selected documents drive their joins
                self._execute("CREATE TEMP TABLE IF NOT EXISTS search_selected (seq INTEGER PRIMARY KEY)")
                self._execute("DELETE FROM search_selected")
                self._executemany("INSERT INTO search_selected (seq) VALUES (?)", ((int(x),) for x in seq_arr))
                frm, where, params = f"FROM search_selected s {self._hits_join} documents d ON d.seq = s.seq", "1 = 1", []
        elif node is not None:
            # the match and the filters run once, joined to the narrow facet index (not to the rows
            # holding the text); the count, the page and every facet then read this small table
            hits_sql, hit_params = self._fts_hits(node)
            cols = ", ".join(HIT_COLUMNS)
            types = ", ".join(f"{c} {t}" for c, t in HIT_COLUMNS.items())
            self._execute(f"CREATE TEMP TABLE IF NOT EXISTS search_hits (seq BIGINT PRIMARY KEY, score DOUBLE PRECISION, {types})")
            self._execute("DELETE FROM search_hits")
            self._execute(
                f"INSERT INTO search_hits (seq, score, {cols}) SELECT h.seq, h.score, {', '.join('d.' + c for c in HIT_COLUMNS)} "
                f"FROM ({hits_sql}) h {self._hits_join} documents d ON d.seq = h.seq WHERE {where}",
                [*hit_params, *params],
            )
            frm, score = "FROM search_hits d", "d.score"
            where, params = "1 = 1", []
        else:
            frm, score = "FROM documents d", "0.0"
        if memory is None:
            base = f"{frm} WHERE {where}"
            total = int(self.scalar(f"SELECT COUNT(*) {base}", params) or 0)
            sql_order = {
                "relevance": "d.score DESC, d.seq",
                "written": "d.written, d.seq",
                "-written": "d.written DESC, d.seq",
                "released": "d.release_date, d.seq",
                "-released": "d.release_date DESC, d.seq",
                "seq": "d.seq",
            }[sort if node is not None or sort != "relevance" else "seq"]
            page_rows = self.rows(f"SELECT d.seq, {score} {base} ORDER BY {sql_order} LIMIT ? OFFSET ?", [*params, size, (page - 1) * size])
            scores = {int(r[0]): float(r[1] or 0.0) for r in page_rows}
        docs: dict[int, tuple[Any, ...]] = {}
        if scores:
            marks = ", ".join("?" * len(scores))
            for r in self.rows(
                "SELECT seq, id, path, title, collection, agency, status, level, written, release_date, redactions, text "
                f"FROM documents WHERE seq IN ({marks})",
                list(scores),
            ):
                docs[int(r[0])] = r
        terms = q.terms(node) if node is not None else []
        page_docs = [(seq, docs[seq]) for seq in scores if seq in docs]
        hits = [
            {
                "id": r[1],
                "path": r[2],
                "title": r[3],
                "score": round(scores[seq], 4),
                "collection": r[4],
                "agency": r[5],
                "status": r[6],
                "level": r[7],
                "written": r[8],
                "release_date": r[9],
                "redactions": r[10],
                "snippet": snippet(r[11] or "", terms),
            }
            for seq, r in page_docs
        ]
        simple = [f for f in facets if f in columns.FACETS and f not in out]
        if node is not None and memory is None and simple and total <= ONE_PASS_HITS:
            # a few thousand hits: every facet the hits table carries, counted in one read of it
            out.update(self._facets_one_pass(simple, facet_size))
        for f in facets:
            if f not in out:
                out[f] = self._facet(f, frm, where, params, facet_size, on_hits=node is not None)
        out = {f: out[f] for f in facets}
        return SearchResult(total, hits, out, page, size, query or "", filters, (time.perf_counter() - t0) * 1000)

    def _where(self, f: dict[str, Any]) -> tuple[str, list[Any]]:
        parts = ["1 = 1"]
        params: list[Any] = []
        for col in ("collection", "agency", "status", "level"):
            if col in f:
                vals = f[col] if isinstance(f[col], list) else [f[col]]
                parts.append(f"d.{col} IN ({', '.join('?' * len(vals))})")
                params.extend(vals)
        for key, table, col in (("control", "controls", "control"), ("exemption", "exemptions", "code"), ("office", "offices", "office")):
            if key in f:
                for v in f[key] if isinstance(f[key], list) else [f[key]]:
                    parts.append(f"EXISTS (SELECT 1 FROM {table} x WHERE x.doc_id = d.id AND x.{col} = ?)")
                    params.append(v)
        if "entity" in f:
            for v in f["entity"] if isinstance(f["entity"], list) else [f["entity"]]:
                parts.append(
                    "EXISTS (SELECT 1 FROM doc_entities de JOIN entity_canonical c ON c.entity_id = de.entity_id "
                    "WHERE de.doc_id = d.id AND c.canonical_id = (SELECT canonical_id FROM entity_canonical WHERE entity_id = ?))"
                )
                params.append(v)
        if "has_redactions" in f:
            parts.append("d.has_redactions = ?")
            params.append(1 if f["has_redactions"] in (True, 1, "1", "true", "yes") else 0)
        for key, col, op in (
            ("written_from", "written", ">="),
            ("written_to", "written", "<="),
            ("released_from", "release_date", ">="),
            ("released_to", "release_date", "<="),
        ):
            if key in f:
                v = str(f[key])
                if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", v):
                    raise q.QueryError(f"{key} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
                if op == "<=" and len(v) < 10:
                    v = v + "-99"  # the whole month or year
                parts.append(f"d.{col} {op} ?")
                params.append(v)
        return " AND ".join(parts), params

    def _facets_one_pass(self, names: list[str], size: int) -> dict[str, list[dict[str, Any]]]:
        """Counts of several facets over the search's hits table, read once (as :meth:`_facet`
        orders them: by count, then by value)."""
        cols = [f"{n}_set" if n in columns.SETS else n for n in names]
        counts: list[Counter[Any]] = [Counter() for _ in names]
        for row in self.rows(f"SELECT {', '.join(cols)} FROM search_hits"):
            for i, v in enumerate(row):
                if v is None:
                    continue
                if names[i] in columns.SETS:
                    counts[i].update(v.split("|"))
                else:
                    counts[i][v] += 1
        return {
            n: [{"value": v, "count": c} for v, c in sorted(counts[i].items(), key=lambda kv: (-kv[1], kv[0]))[:size]]
            for i, n in enumerate(names)
        }

    def _facet(self, name: str, frm: str, where: str, params: list[Any], size: int, on_hits: bool) -> list[dict[str, Any]]:
        """Counts of ``name`` over the documents ``frm``/``where`` select: the hits table of a search
        (``on_hits``: the few hits drive each join) or the documents themselves."""
        base = f"{frm} WHERE {where}"
        join = self._hits_join if on_hits else "JOIN"
        if name in ("collection", "agency", "status", "level", "written_year", "release_year", "has_redactions"):
            rows = self.rows(
                f"SELECT d.{name}, COUNT(*) AS n {base} AND d.{name} IS NOT NULL GROUP BY d.{name} ORDER BY n DESC, d.{name} LIMIT ?", [*params, size]
            )
            return [{"value": r[0], "count": r[1]} for r in rows]
        if name in ("control", "exemption") and on_hits:
            # the hits carry each document's set of codes: counted here, without a join
            counts: Counter[str] = Counter()
            for (values,) in self.rows(f"SELECT d.{name}_set {frm} WHERE {where} AND d.{name}_set IS NOT NULL", params):
                counts.update(values.split("|"))
            return [{"value": v, "count": n} for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]]
        table, col = {"control": ("controls", "control"), "exemption": ("exemptions", "code"), "office": ("offices", "office")}.get(name, ("", ""))
        if table:
            # controls and exemptions hold one row per document and value (their primary key): no DISTINCT
            count = "COUNT(DISTINCT d.id)" if table == "offices" else "COUNT(*)"
            rows = self.rows(
                f"SELECT x.{col}, {count} AS n {frm} {join} {table} x ON x.doc_id = d.id WHERE {where} "
                f"GROUP BY x.{col} ORDER BY n DESC, x.{col} LIMIT ?",
                [*params, size],
            )
            return [{"value": r[0], "count": r[1]} for r in rows]
        if name == "entity":
            rows = self.rows(
                f"SELECT c.canonical_id, COUNT(DISTINCT d.id) AS n "
                f"{frm} {join} doc_entities de ON de.doc_id = d.id JOIN entity_canonical c ON c.entity_id = de.entity_id WHERE {where} "
                f"GROUP BY c.canonical_id ORDER BY n DESC, c.canonical_id LIMIT ?",
                [*params, size],
            )
            names = self._names([r[0] for r in rows])
            return [{"value": r[0], "name": names.get(r[0], r[0]), "count": r[1]} for r in rows]
        raise q.QueryError(f"unknown facet {name!r}; facets are {', '.join(FACETS)}")

    def _names(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        rows = self.rows(f"SELECT id, name FROM entities WHERE id IN ({', '.join('?' * len(ids))})", ids)
        return {r[0]: r[1] for r in rows}

    # -- documents and entities ----------------------------------------------------------
    def record(self, doc_id: str) -> dict[str, Any] | None:
        got = self.scalar("SELECT record FROM documents WHERE id = ?", (doc_id,))
        return json.loads(got) if got else None

    def records(self) -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            rows = self.rows("SELECT seq, record, collection FROM documents WHERE seq > ? ORDER BY seq LIMIT 500", (last,))
            if not rows:
                return
            for seq, rec, collection in rows:
                last = seq
                yield json.loads(rec) | {"collection": collection}  # so an export re-ingests into the same collections

    def count(self) -> int:
        return int(self.scalar("SELECT COUNT(*) FROM documents") or 0)

    def canonical(self, entity_id: str) -> str:
        return str(self.scalar("SELECT canonical_id FROM entity_canonical WHERE entity_id = ?", (entity_id,)) or entity_id)

    def entity(self, entity_id: str, limit: int = 50) -> dict[str, Any] | None:
        cid = self.canonical(entity_id)
        row = self.rows("SELECT id, type, name, aliases, attributes FROM entities WHERE id = ?", (cid,))
        if not row:
            return None
        members = [r[0] for r in self.rows("SELECT entity_id FROM entity_canonical WHERE canonical_id = ?", (cid,))]
        ph = ", ".join("?" * len(members))
        aliases: list[str] = []
        for r in self.rows(f"SELECT name, aliases FROM entities WHERE id IN ({ph}) ORDER BY id", members):
            for a in [r[0], *json.loads(r[1])]:
                if a not in aliases and a != row[0][2]:
                    aliases.append(a)
        docs = self.rows(
            f"SELECT d.id, d.title, d.written, SUM(de.mentions) FROM doc_entities de JOIN documents d ON d.id = de.doc_id "
            f"WHERE de.entity_id IN ({ph}) GROUP BY d.id, d.title, d.written ORDER BY d.written, d.id LIMIT ?",
            [*members, limit],
        )
        n_docs = int(self.scalar(f"SELECT COUNT(DISTINCT doc_id) FROM doc_entities WHERE entity_id IN ({ph})", members) or 0)
        n_mentions = int(self.scalar(f"SELECT COALESCE(SUM(mentions), 0) FROM doc_entities WHERE entity_id IN ({ph})", members) or 0)
        names = [r[0] for r in self.rows(f"SELECT name FROM entities WHERE id IN ({ph})", members)]
        events = [
            {"doc_id": r[0], "type": r[1], "date": r[2], "place": r[3], "actors": json.loads(r[4] or "[]"), "targets": json.loads(r[5] or "[]"), "text": r[6]}
            for r in self.rows(
                f"SELECT e.doc_id, e.type, e.date, e.place, e.actors, e.targets, e.text FROM events e WHERE e.doc_id IN "
                f"(SELECT doc_id FROM doc_entities WHERE entity_id IN ({ph})) ORDER BY e.date, e.doc_id, e.n LIMIT 500",
                members,
            )
        ]
        events = [e for e in events if any(n in e["actors"] or n in e["targets"] or n == e["place"] for n in names)]
        co = self.rows(
            f"SELECT c.canonical_id, COUNT(DISTINCT de2.doc_id) AS n FROM doc_entities de1 JOIN doc_entities de2 ON de2.doc_id = de1.doc_id "
            f"JOIN entity_canonical c ON c.entity_id = de2.entity_id WHERE de1.entity_id IN ({ph}) AND c.canonical_id <> ? "
            f"GROUP BY c.canonical_id ORDER BY n DESC, c.canonical_id LIMIT 25",
            [*members, cid],
        )
        conames = self._names([r[0] for r in co])
        merges = [
            {"source": r[0], "target": r[1], "note": r[2], "made_at": r[3], "undone_at": r[4]}
            for r in self.rows(
                "SELECT source_id, target_id, note, made_at, undone_at FROM entity_merges WHERE source_id IN (" + ph + ") OR target_id = ? ORDER BY n",
                [*members, cid],
            )
        ]
        return {
            "id": cid,
            "type": row[0][1],
            "name": row[0][2],
            "aliases": aliases,
            "attributes": json.loads(row[0][4]),
            "merged": [m for m in members if m != cid],
            "documents": n_docs,
            "mentions": n_mentions,
            "first_documents": [{"id": r[0], "title": r[1], "written": r[2], "mentions": int(r[3])} for r in docs],
            "events": events,
            "co_occurring": [{"id": r[0], "name": conames.get(r[0], r[0]), "documents": r[1]} for r in co],
            "merge_log": merges,
        }

    def entities(self, type_: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        sql = (
            "SELECT c.canonical_id, COUNT(DISTINCT de.doc_id) AS n FROM doc_entities de JOIN entity_canonical c ON c.entity_id = de.entity_id "
            + ("JOIN entities e ON e.id = c.canonical_id WHERE e.type = ? " if type_ else "")
            + "GROUP BY c.canonical_id ORDER BY n DESC, c.canonical_id LIMIT ?"
        )
        rows = self.rows(sql, [type_, limit] if type_ else [limit])
        names = self._names([r[0] for r in rows])
        return [{"id": r[0], "name": names.get(r[0], r[0]), "documents": r[1]} for r in rows]

    def merge(self, source: str, target: str, note: str | None = None) -> None:
        """Record that ``source`` is the same entity as ``target`` (reversible with :meth:`split`)."""
        for e in (source, target):
            if self.scalar("SELECT 1 FROM entities WHERE id = ?", (e,)) is None:
                raise StoreError(f"no entity {e!r} in this corpus")
        if self.canonical(target) == source or source == target:
            raise StoreError("an entity cannot be merged into itself")
        self._begin()
        try:
            self._execute("UPDATE entity_merges SET undone_at = ? WHERE source_id = ? AND undone_at IS NULL", (_now(), source))
            # what was merged into source now goes to target too
            self._execute("UPDATE entity_merges SET target_id = ? WHERE target_id = ? AND undone_at IS NULL", (self.canonical(target), source))
            n = int(self.scalar("SELECT COALESCE(MAX(n), 0) + 1 FROM entity_merges"))
            self._execute(
                "INSERT INTO entity_merges (n, source_id, target_id, note, made_at) VALUES (?, ?, ?, ?, ?)", (n, source, self.canonical(target), note, _now())
            )
            self.commit()
        except Exception:
            self.rollback()
            raise

    def split(self, source: str) -> None:
        """Undo the merge of ``source`` (it stands on its own again; the log keeps the merge)."""
        self._begin()
        try:
            cur = self._execute("UPDATE entity_merges SET undone_at = ? WHERE source_id = ? AND undone_at IS NULL", (_now(), source))
            if getattr(cur, "rowcount", 1) == 0:
                raise StoreError(f"{source!r} is not merged into anything")
            self.commit()
        except Exception:
            self.rollback()
            raise

    # -- statistics ------------------------------------------------------------------------
    def statistics(self) -> dict[str, Any]:
        def pairs(sql: str) -> list[dict[str, Any]]:
            return [{"value": r[0], "count": r[1]} for r in self.rows(sql)]

        n = self.count()
        in_part = int(self.scalar("SELECT COUNT(*) FROM documents WHERE status = 'released_in_part'") or 0)
        return {
            "documents": n,
            "withheld_spans": int(self.scalar("SELECT COUNT(*) FROM redactions") or 0),
            "released_in_part_share": round(in_part / n, 4) if n else 0.0,
            "status": pairs("SELECT status, COUNT(*) FROM documents GROUP BY status ORDER BY COUNT(*) DESC"),
            "withheld_by_exemption": pairs("SELECT code, COUNT(*) FROM redaction_codes GROUP BY code ORDER BY COUNT(*) DESC, code"),
            "withheld_by_office": pairs(
                "SELECT o.office, COUNT(*) FROM redactions r JOIN (SELECT DISTINCT doc_id, office FROM offices WHERE role = 'drafted') o "
                "ON o.doc_id = r.doc_id GROUP BY o.office ORDER BY COUNT(*) DESC, o.office LIMIT 50"
            ),
            "withheld_by_written_year": pairs(
                "SELECT d.written_year, COUNT(*) FROM redactions r JOIN documents d ON d.id = r.doc_id "
                "WHERE d.written_year IS NOT NULL GROUP BY d.written_year ORDER BY d.written_year"
            ),
            "withheld_by_release_year": pairs(
                "SELECT d.release_year, COUNT(*) FROM redactions r JOIN documents d ON d.id = r.doc_id "
                "WHERE d.release_year IS NOT NULL GROUP BY d.release_year ORDER BY d.release_year"
            ),
            "levels_by_written_year": [
                {"year": r[0], "level": r[1], "count": r[2]}
                for r in self.rows(
                    "SELECT written_year, COALESCE(level, 'unmarked'), COUNT(*) FROM documents WHERE written_year IS NOT NULL "
                    "GROUP BY written_year, COALESCE(level, 'unmarked') ORDER BY written_year, COALESCE(level, 'unmarked')"
                )
            ],
        }


def _long_match(node: q.Node) -> tuple[str, list[Any]]:
    """The query as a condition on a long document (PostgreSQL): words in its whole tsvector,
    phrases in one of its parts."""
    if isinstance(node, q.Term):
        if len(node.words) > 1:
            return "EXISTS (SELECT 1 FROM documents_fts_long l WHERE l.seq = f.seq AND l.words @@ to_tsquery('simple', ?))", [q.to_tsquery(node)]
        return "f.words @@ to_tsquery('simple', ?)", [q.to_tsquery(node)]
    left, lp = _long_match(node.left)
    right, rp = _long_match(node.right)
    op = {"AND": "AND", "OR": "OR", "NOT": "AND NOT"}[node.op]
    return f"({left} {op} {right})", [*lp, *rp]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def snippet(text: str, terms: list[q.Term], width: int = 220) -> str:
    """A passage of ``text`` around the first hit, the hits marked ``«like this»``.

    A long text is not flattened and folded whole when its first hit is printed without accents: the
    hit is found in the raw text and only a window around it is flattened (the same passage, for a
    fraction of the work on a long page); a hit spelled with accents ("Juárez") takes the full path."""
    if not text:
        return ""
    if terms and len(text) > 6 * width:
        start = _first_hit(text.lower(), terms)
        if start is not None:
            a, b = max(0, start - 2 * width), min(len(text), start + 2 * width)
            inner = _snippet(text[a:b], terms, width)
            return ("…" if a > 0 and not inner.startswith("…") else "") + inner + ("…" if b < len(text) and not inner.endswith("…") else "")
    return _snippet(text, terms, width)


def _first_hit(low: str, terms: list[q.Term]) -> int | None:
    """Where the first of the terms occurs in lower-cased raw text, found with ``str.find``."""
    best: int | None = None
    for t in terms:
        rest = _term_pattern(tuple(t.words), t.prefix)
        pos = 0
        while (i := low.find(t.words[0], pos, best)) >= 0:
            if (i == 0 or not low[i - 1].isalnum()) and rest.match(low, i):
                best = i
                break
            pos = i + 1
    return best


@lru_cache(maxsize=256)
def _term_pattern(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    """A term in lower-cased text: its words joined by any non-word run, ending at a word's end
    (or anywhere, for a prefix)."""
    body = r"\W+".join(re.escape(w) for w in words)
    return re.compile(body + (r"[a-z0-9]*" if prefix else r"(?![a-z0-9])"))


def _snippet(text: str, terms: list[q.Term], width: int) -> str:
    flat = " ".join(text.split())
    if not terms:
        return flat[:width] + ("…" if len(flat) > width else "")
    from declass.extract.textutil import fold_same_length

    low = fold_same_length(flat).lower()
    rx = re.compile("|".join(r"(?<![a-z0-9])" + _term_pattern(tuple(t.words), t.prefix).pattern for t in terms))
    first = rx.search(low)
    if first is None:
        return flat[:width] + ("…" if len(flat) > width else "")
    a = max(0, first.start() - width // 3)
    b = min(len(flat), a + width)
    out, pos = [], a
    for m in rx.finditer(low, a, b):
        out.append(flat[pos : m.start()])
        out.append("«" + flat[m.start() : m.end()] + "»")
        pos = m.end()
    out.append(flat[pos:b])
    return ("…" if a > 0 else "") + "".join(out) + ("…" if b < len(flat) else "")


# facet columns in memory, one copy per database file and process: (largest seq, columns)
_COLUMNS: dict[str, tuple[int, columns.Columns]] = {}
_COLUMNS_LOCK = threading.Lock()


class SqliteStore(Store):
    dialect = "sqlite"
    _hits_join = "CROSS JOIN"
    _string_agg = "group_concat"

    def __init__(self, path: str) -> None:
        self.url = path
        try:
            self.conn = sqlite3.connect(path, timeout=60, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the SQLite store {path}: {e}") from e
        # searches filter and count matches over facet columns held in memory (off: in SQL, per match)
        self.in_memory_facets = os.environ.get("DECLASS_IN_MEMORY_FACETS", "1") != "0"
        self.conn.execute("PRAGMA journal_mode = WAL")  # readers search while an ingest writes
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages per connection
        self.conn.execute("PRAGMA mmap_size = 2147418112")  # reads of a large corpus from the page cache, without copies
        self.conn.execute("PRAGMA foreign_keys = ON")
        try:
            self.conn.execute("SELECT fts5(?1)", (1,))
        except sqlite3.OperationalError as e:
            if "no such function" in str(e):
                raise StoreError("this Python's SQLite has no FTS5 full-text search") from e
        except sqlite3.Error:
            pass
        self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, [tuple(r) for r in rows])

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def _columns(self) -> columns.Columns | None:
        """The facet columns, shared by every connection of this process to the same file. Documents
        are only ever added (with a higher ``seq``), so the largest ``seq`` tells whether they are
        current."""
        if not self.in_memory_facets:
            return None
        top = int(self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()[0])
        key = os.path.realpath(self.url) if self.url != ":memory:" else f"memory:{id(self)}"
        with _COLUMNS_LOCK:
            got = _COLUMNS.get(key)
            if got is None or got[0] != top:
                cur = self.conn.execute(columns.LOAD_SQL)
                got = (top, columns.Columns(top + 1, iter(lambda: cur.fetchmany(50_000), [])))
                _COLUMNS[key] = got
        return got[1]

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def _has_view(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?", (name,)).fetchone() is not None

    def _fts_statements(self) -> list[str]:
        return list(schema.SQLITE_FTS)

    def _fts_insert(self, seq: int, words: str) -> None:
        self.conn.execute("INSERT INTO documents_fts (rowid, words) VALUES (?, ?)", (seq, words))

    def _fts_hits(self, node: q.Node) -> tuple[str, list[Any]]:
        return "SELECT rowid AS seq, -bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH ?", [q.to_fts5(node)]

    def _next_seq(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0])


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL needs psycopg (pip install 'psycopg[binary]')") from e
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to {url}: {str(e).strip()}") from e
        self.migrate()
        self.conn.execute("CREATE SEQUENCE IF NOT EXISTS documents_seq")

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        data = [tuple(r) for r in rows]
        if data:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), data)

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def _has_view(self, name: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM information_schema.views WHERE table_name = %s AND table_schema = current_schema()", (name,)).fetchone()
            is not None
        )

    def _fts_statements(self) -> list[str]:
        return list(schema.POSTGRES_FTS)

    def _fts_insert(self, seq: int, words: str) -> None:
        tokens = words.split()
        is_long = len(tokens) > schema.POSTGRES_MAX_POSITION
        self._execute("INSERT INTO documents_fts (seq, words, is_long) VALUES (?, to_tsvector('simple', ?), ?)", (seq, words, is_long))
        if is_long:
            step = schema.POSTGRES_PART_WORDS - schema.POSTGRES_PART_OVERLAP
            self._executemany(
                "INSERT INTO documents_fts_long (seq, part, words) VALUES (?, ?, to_tsvector('simple', ?))",
                [(seq, n, " ".join(tokens[i : i + schema.POSTGRES_PART_WORDS])) for n, i in enumerate(range(0, len(tokens), step))],
            )

    def _fts_hits(self, node: q.Node) -> tuple[str, list[Any]]:
        sql = "SELECT f.seq, ts_rank_cd(f.words, tq) AS score FROM documents_fts f, to_tsquery('simple', ?) tq WHERE "
        if not q.has_phrase(node):
            return sql + "f.words @@ tq", [q.to_tsquery(node)]
        # a phrase: in a long document, looked up in its parts (positions past 16,383 are lost)
        exact, params = _long_match(node)
        return sql + f"((NOT f.is_long AND f.words @@ tq) OR (f.is_long AND {exact}))", [q.to_tsquery(node), *params]

    def _next_seq(self) -> int:
        return int(self.conn.execute("SELECT nextval('documents_seq')").fetchone()[0])  # type: ignore[index]
