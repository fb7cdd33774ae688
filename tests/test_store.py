"""The corpus: ingest, search, facets, entities across documents, statistics and exports, on
SQLite and on the local PostgreSQL (the same answers from both)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from declass import export
from declass.store.db import Store, StoreError, open_store
from declass.store.ingest import ingest
from declass.store.query import QueryError

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"
FIX = Path(__file__).parent / "fixtures"
CLI = [sys.executable, "-m", "declass.cli"]
PG = os.environ.get("DECLASS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    store = open_store(str(db))
    rep = ingest(store, [SAMPLES], "samples", workers=2)
    assert rep.documents == 35 and not rep.failed
    yield store
    store.close()


def _pg_url() -> str:
    """A fresh schema in the local PostgreSQL, or a skip (never under CI=true)."""
    try:
        import psycopg

        conn = psycopg.connect(PG, autocommit=True, connect_timeout=3)
    except Exception as e:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI must have PostgreSQL at {PG}: {e}") from e
        pytest.skip(f"no PostgreSQL at {PG} ({e})")
    schema = "declass_test_" + uuid.uuid4().hex[:8]
    conn.execute(f"CREATE SCHEMA {schema}")
    conn.close()
    return f"{PG}?options=-csearch_path%3D{schema}"


@pytest.fixture(scope="module")
def pg_store(sqlite_store: Store) -> Iterator[Store]:
    url = _pg_url()
    store = open_store(url)
    # the same records, taken from the SQLite store's JSON Lines export
    buf = io.StringIO()
    export.jsonl(sqlite_store.records(), buf)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"declass-{uuid.uuid4().hex[:8]}.jsonl"
    path.write_text(buf.getvalue())
    try:
        rep = ingest(store, [path], "samples")
    finally:
        path.unlink()
    assert rep.documents == 35
    yield store
    schema = url.rsplit("%3D", 1)[1]
    store.conn.execute(f"DROP SCHEMA {schema} CASCADE")
    store.close()


QUERIES: list[tuple[str | None, dict[str, Any]]] = [
    ("cartel", {}),
    ('"car bomb" OR zeta*', {"status": "released_in_part"}),
    ("oswald OR kennedy", {}),
    ("mexico NOT cartel", {}),
    (None, {"exemption": "(b)(6)"}),
    ("state department", {"written_from": "2009", "written_to": "2012"}),
    ("(libya OR benghazi) AND security", {"has_redactions": True}),
    (None, {"agency": "NARA", "level": "SECRET"}),
    ("nuevo leon", {"control": "NOFORN"}),
    (None, {"entity": "pack:mexico-dto:los-zetas"}),
]


def test_search_finds_words_phrases_prefixes_and_operators(sqlite_store: Store) -> None:
    r = sqlite_store.search("cartel")
    assert r.total == 1 and "«cartel»" in r.hits[0]["snippet"]
    assert sqlite_store.search('"car bomb"').total == 1
    assert sqlite_store.search('"bomb car"').total == 0
    assert sqlite_store.search("zeta*").total >= 1
    assert sqlite_store.search("Nuevo León").total == sqlite_store.search("nuevo leon").total == 1
    both = sqlite_store.search("cartel OR oswald").total
    assert both == sqlite_store.search("cartel").total + sqlite_store.search("oswald").total - sqlite_store.search("cartel oswald").total
    assert sqlite_store.search("mexico NOT cartel").total == sqlite_store.search("mexico").total - sqlite_store.search("mexico cartel").total


def test_filters_facets_and_pagination(sqlite_store: Store) -> None:
    everything = sqlite_store.search(None, size=100, sort="seq")
    assert everything.total == 35
    agencies = {f["value"]: f["count"] for f in everything.facets["agency"]}
    assert agencies["U.S. Department of State"] + agencies["NARA"] <= 35 and agencies["NARA"] >= 10
    nara = sqlite_store.search(None, {"agency": "NARA"})
    assert nara.total == agencies["NARA"] and all(h["agency"] == "NARA" for h in nara.hits)
    b6 = sqlite_store.search(None, {"exemption": "(b)(6)"})
    assert b6.total == next(f["count"] for f in everything.facets["exemption"] if f["value"] == "(b)(6)")
    pages = [sqlite_store.search(None, size=10, page=p, sort="seq") for p in (1, 2, 3, 4)]
    ids = [h["id"] for p in pages for h in p.hits]
    assert len(ids) == len(set(ids)) == 35
    written = [h["written"] for h in sqlite_store.search(None, {"written_from": "1960", "written_to": "1969"}, size=100).hits]
    assert written and all("1960" <= w[:4] <= "1969" for w in written)
    zetas = sqlite_store.search(None, {"entity": "pack:mexico-dto:los-zetas"})
    assert zetas.total == 1 and "Los Zetas" in {f["name"] for f in zetas.facets["entity"]}


@pytest.mark.parametrize(
    "bad",
    ['"unclosed', "(cartel", "cartel)", "NOT cartel", "AND", "x" * 2000, "'; DROP TABLE documents; --"],
)
def test_malformed_or_hostile_queries_are_clear_errors_never_sql_errors(sqlite_store: Store, bad: str) -> None:
    try:
        r = sqlite_store.search(bad)
    except QueryError as e:
        assert str(e) and "sqlite" not in str(e).lower() and "syntax error" not in str(e).lower()
    else:
        assert r.total == 0  # the quote and the semicolon are not words: "drop table documents" is searched as words
    assert sqlite_store.count() == 35


def test_bad_filters_are_clear_errors(sqlite_store: Store) -> None:
    for f in ({"written_from": "yesterday"}, {"colour": "red"}):
        with pytest.raises(QueryError):
            sqlite_store.search("cartel", f)
    with pytest.raises(QueryError, match="page size"):
        sqlite_store.search("cartel", size=1000)


def test_postgres_gives_the_same_answers(sqlite_store: Store, pg_store: Store) -> None:
    for query, filters in QUERIES:
        a = sqlite_store.search(query, filters, sort="seq", size=50)
        b = pg_store.search(query, filters, sort="seq", size=50)
        assert a.total == b.total, (query, filters)
        assert [h["id"] for h in a.hits] == [h["id"] for h in b.hits], (query, filters)
        assert [h["snippet"] for h in a.hits] == [h["snippet"] for h in b.hits]
        assert a.facets == b.facets, (query, filters)
    assert sqlite_store.statistics() == pg_store.statistics()


def test_entity_pages_merges_and_splits(sqlite_store: Store) -> None:
    zetas = sqlite_store.entity("pack:mexico-dto:los-zetas")
    assert zetas is not None and zetas["documents"] == 1 and zetas["mentions"] == 3
    assert any(e["type"] == "assassination" for e in zetas["events"])
    assert "Gulf Cartel" in {c["name"] for c in zetas["co_occurring"]}
    gulf = "pack:mexico-dto:gulf-cartel"
    sqlite_store.merge(gulf, "pack:mexico-dto:los-zetas", note="test: one entity")
    merged = sqlite_store.entity(gulf)
    assert merged is not None and merged["id"] == "pack:mexico-dto:los-zetas" and gulf in merged["merged"]
    assert "Gulf Cartel" in merged["aliases"]
    assert sqlite_store.search(None, {"entity": gulf}).total == 1
    with pytest.raises(StoreError):
        sqlite_store.merge("pack:mexico-dto:los-zetas", "pack:mexico-dto:los-zetas")
    sqlite_store.split(gulf)
    after = sqlite_store.entity(gulf)
    assert after is not None and after["id"] == gulf and after["merge_log"][0]["undone_at"]
    with pytest.raises(StoreError):
        sqlite_store.split(gulf)


def test_statistics(sqlite_store: Store) -> None:
    st = sqlite_store.statistics()
    assert st["documents"] == 35 and st["withheld_spans"] > 20
    by_code = {r["value"]: r["count"] for r in st["withheld_by_exemption"]}
    assert by_code["(b)(1)"] >= 3 and by_code["1.4(d)"] >= 3
    assert any(r["value"] == "INR/TNC" for r in st["withheld_by_office"])
    assert 0 < st["released_in_part_share"] < 1
    assert {r["level"] for r in st["levels_by_written_year"]} >= {"SECRET", "UNCLASSIFIED"}


def test_reingesting_changes_nothing(sqlite_store: Store) -> None:
    before = sqlite_store.count()
    rep = ingest(sqlite_store, [SAMPLES], "samples")
    assert rep.documents == 0 and rep.skipped_files == 35 and sqlite_store.count() == before


def test_exports_round_trip_and_validate(sqlite_store: Store, tmp_path: Path) -> None:
    from followthemoney import model
    from followthemoney.exc import InvalidData

    jl = tmp_path / "records.jsonl"
    with open(jl, "w") as f:
        assert export.jsonl(sqlite_store.records(), f) == 35
    again = open_store(str(tmp_path / "again.db"))
    ingest(again, [jl], "samples")
    for query, filters in QUERIES:
        a = sqlite_store.search(query, filters, sort="seq", size=50)
        b = again.search(query, filters, sort="seq", size=50)
        assert (a.total, [h["id"] for h in a.hits], a.facets) == (b.total, [h["id"] for h in b.hits], b.facets)
    again.close()
    buf = io.StringIO()
    n = export.ftm(sqlite_store.records(), buf)
    schemata = set()
    for line in buf.getvalue().splitlines():
        ent = json.loads(line)
        schema = model.get(ent["schema"])
        assert schema is not None, ent["schema"]
        assert set(ent["properties"]) <= set(schema.properties), ent
        schema.validate(ent)  # followthemoney's own validation: required properties, valid values
        model.get_proxy(ent, cleaned=False)
        schemata.add(schema.name)
    assert n > 100 and {"Document", "Person", "Organization", "Address", "Documentation", "Event"} <= schemata
    with pytest.raises(InvalidData):  # the validation is real
        model.get("Documentation").validate({"schema": "Documentation", "properties": {"document": [], "entity": ["x"]}})
    counts = export.csv_tables(sqlite_store.records(), tmp_path / "csv")
    import csv

    with open(tmp_path / "csv" / "events.csv", newline="") as f:
        assert counts["documents"] == 35 and len(list(csv.reader(f))) == counts["events"] + 1
    g = io.StringIO()
    nodes, edges = export.graphml(sqlite_store, g)
    import xml.etree.ElementTree as ET

    root = ET.fromstring(g.getvalue())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == nodes > 50 and len(root.findall(".//g:edge", ns)) == edges > 100


def test_readers_search_while_an_ingest_writes(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    writer = open_store(str(db))
    ingest(writer, [FIX / "state-inr-mexico-2010.txt"], "a")
    writer._begin()  # an ingest in the middle of a transaction
    writer._add(json.loads(json.dumps(next(writer.records()))) | {"id": "f" * 64}, "a")
    reader = open_store(str(db))
    t0 = time.perf_counter()
    assert reader.search("cartel").total == 1  # the committed state, without waiting for the writer
    assert time.perf_counter() - t0 < 5
    writer.commit()
    assert reader.search("cartel").total == 2
    reader.close()
    writer.close()


def test_killed_ingest_resumes_with_each_document_once(tmp_path: Path) -> None:
    texts = [p.read_bytes() for p in sorted(FIX.iterdir()) if p.suffix in (".txt", ".md")]
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(300):
        (docs / f"d{i:04d}.txt").write_bytes(texts[i % len(texts)] + f"\nCopy {i}.\n".encode())
    db = tmp_path / "c.db"
    env = {**os.environ, "DECLASS_INGEST_BATCH": "25", "DECLASS_SPACY_MODEL": "none"}  # resuming is under test, not the model
    cmd = [*CLI, "ingest", "--db", str(db), "--workers", "2", str(docs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 120
    seen = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            probe = open_store(str(db))
            seen = probe.count()
            probe.close()
        except Exception:
            continue
        if seen >= 50:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < seen < 300, seen
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    store = open_store(str(db))
    assert store.count() == 300
    assert int(store.scalar("SELECT COUNT(DISTINCT path) FROM documents")) == 300
    assert int(store.scalar("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'copy'")) == 300
    store.close()


def test_cli_search_json_shape(sqlite_store: Store) -> None:
    p = subprocess.run([*CLI, "search", "cartel", "--db", sqlite_store.url, "--json", "--status", "released_in_part"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    got = json.loads(p.stdout)
    assert got["total"] == 1 and set(got["hits"][0]) >= {"id", "path", "title", "snippet", "score"} and "agency" in got["facets"]
    p = subprocess.run([*CLI, "search", "(cartel", "--db", sqlite_store.url], capture_output=True, text=True)
    assert p.returncode == 2 and "parenthesis is not closed" in p.stderr and "Traceback" not in p.stderr


def test_phrase_deep_in_a_long_document_is_found_on_both_backends(tmp_path: Path) -> None:
    """PostgreSQL keeps word positions only up to 16,383; declass indexes long documents in parts."""
    words = " ".join(f"word{i % 997}" for i in range(20_000))
    doc = tmp_path / "long.txt"
    doc.write_text(f"A long cable.\n\n{words} the embassy in mexico city reported\n{words}\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("The embassy reported from Mexico.\n\nThe city was quiet.\n", encoding="utf-8")
    lite = open_store(str(tmp_path / "long.db"))
    pg = open_store(_pg_url())
    try:
        for store in (lite, pg):
            assert ingest(store, [doc, short], "long").documents == 2
        for query in ('"mexico city"', '"mexico city" AND embassy', 'embassy NOT "mexico city"', '"city mexico"', "mexico city"):
            a, b = lite.search(query, sort="seq"), pg.search(query, sort="seq")
            assert [h["path"] for h in a.hits] == [h["path"] for h in b.hits], query
        assert [h["path"] for h in pg.search('"mexico city"').hits] == [str(doc)]
        assert [h["path"] for h in pg.search('embassy NOT "mexico city"').hits] == [str(short)]
    finally:
        lite.close()
        pg.conn.execute(f"DROP SCHEMA {pg.url.rsplit('%3D', 1)[1]} CASCADE")
        pg.close()


@pytest.mark.parametrize(
    "query, filters",
    [
        ("mexico", {}),
        ("state OR department", {"status": "released_in_part"}),
        ("secret*", {"written_from": "2009", "written_to": "2011-06"}),
        ("the", {"agency": ["U.S. Department of State", "NARA", "nobody"], "has_redactions": True}),
        ("cartel", {"released_from": "2013-01-01", "level": "SECRET"}),
        ("oswald OR castro", {"collection": "samples", "has_redactions": "0"}),
        ("nothingmatchesthis", {}),
    ],
)
def test_in_memory_filters_and_facets_give_the_sql_answers(sqlite_store: Store, query: str, filters: dict[str, Any]) -> None:
    # the same search with the facet columns in memory and with every match looked up in SQL
    facets = ("collection", "agency", "status", "level", "control", "exemption", "written_year", "release_year", "has_redactions", "entity", "office")
    assert hasattr(sqlite_store, "in_memory_facets")
    answers = []
    for in_memory in (True, False):
        sqlite_store.in_memory_facets = in_memory
        pages = [sqlite_store.search(query, filters, page=p, size=3, facets=facets) for p in (1, 2)]
        answers.append([(r.total, [h["id"] for h in r.hits], [h["score"] for h in r.hits], [h["snippet"] for h in r.hits], r.facets) for r in pages])
    sqlite_store.in_memory_facets = True
    assert answers[0] == answers[1]
    assert query == "nothingmatchesthis" or answers[0][0][0] > 0, "a search that finds nothing proves nothing"


def test_in_memory_columns_follow_new_documents(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "c.db"))
    ingest(store, [FIX / "C05739560.txt"], "one", workers=1)
    assert store.search("the").total == 1
    ingest(store, [FIX / "C05765915.txt"], "two", workers=1)  # a commit on this connection
    assert store.search("the").total == 2
    other = open_store(str(tmp_path / "c.db"))
    ingest(other, [FIX / "C05765931.txt"], "three", workers=1)  # a commit on another
    other.close()
    res = store.search("the", facets=("collection",))
    assert res.total == 3 and {f["value"] for f in res.facets["collection"]} == {"one", "two", "three"}
    store.close()
