"""Both development corpora (about 26,000 State FOIA and NARA JFK documents) in SQLite and in the
local PostgreSQL: a fixed set of searches and facet queries gives identical answers on both; and
every entity mention, event, date and quantity of every record points at text that contains it.

The corpora are not shipped with declass (they are ../shared/corpora beside the repository, or
wherever DECLASS_CORPORA points); without them these tests skip and say so. Every document is
read with extraction (data packs, gazetteers, acronyms and rules; the statistical model is off,
DECLASS_SPACY_MODEL=none, for time: the longest test of the suite), stored in SQLite, exported as
JSON Lines and ingested into PostgreSQL from that export."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from declass import evidence, export
from declass.store.db import FACETS, Store, open_store
from declass.store.ingest import ingest
from test_store import _pg_url

ROOT = Path(__file__).parent.parent
CORPORA = Path(os.environ.get("DECLASS_CORPORA", ROOT.parent / "shared" / "corpora"))
NAMES = ("state-foia-dev", "nara-jfk-dev")


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Store, int]]:
    missing = [n for n in NAMES if not (CORPORA / f"{n}.jsonl.gz").exists()]
    if missing:
        pytest.skip(f"development corpora not found in {CORPORA} ({', '.join(missing)}); set DECLASS_CORPORA to run this test")
    tmp = tmp_path_factory.mktemp("corpora")
    n = 0
    for name in NAMES:  # one file per document, as a user's release arrives
        folder = tmp / name
        folder.mkdir()
        with gzip.open(CORPORA / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                (folder / d["filename"]).write_text(d["text"], encoding="utf-8")
                n += 1
    old = {k: os.environ.get(k) for k in ("DECLASS_SPACY_MODEL", "DECLASS_EXTRACT")}
    os.environ["DECLASS_SPACY_MODEL"] = "none"  # the workers read these
    os.environ["DECLASS_EXTRACT"] = "1"
    try:
        lite = open_store(str(tmp / "corpus.db"))
        for name in NAMES:
            rep = ingest(lite, [tmp / name], name, workers=os.cpu_count() or 1)
            assert not rep.failed, rep.failed[:3]
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    records = tmp / "records.jsonl"
    with records.open("w", encoding="utf-8") as out:
        export.jsonl(lite.records(), out)
    url = _pg_url()
    pg = open_store(url)
    ingest(pg, [records])
    yield lite, pg, n
    pg.conn.execute(f"DROP SCHEMA {url.rsplit('%3D', 1)[1]} CASCADE")
    pg.close()
    lite.close()


QUERIES: list[tuple[str | None, dict[str, Any]]] = [
    ("cartel", {}),
    ("oswald", {"collection": "nara-jfk-dev"}),
    ('"mexico city" AND cuba*', {}),
    ("libya OR benghazi", {"status": "released_in_part"}),
    ("castro NOT oswald", {"written_from": "1960", "written_to": "1969"}),
    ("security council", {"written_from": "2009", "written_to": "2010-06"}),
    ("embassy", {"level": "SECRET", "control": "NOFORN"}),
    ("haiti earthquake", {"has_redactions": True}),
    (None, {"exemption": "(b)(6)"}),
    (None, {"agency": "NARA", "level": "SECRET"}),
    (None, {"released_from": "2015-09", "released_to": "2015-12"}),
    ("sullivan AND (iran OR israel)", {"exemption": "(b)(5)"}),
]


def test_both_corpora_give_the_same_answers_on_sqlite_and_postgresql(stores: tuple[Store, Store, int]) -> None:
    lite, pg, n = stores
    assert lite.count() == pg.count() and lite.count() >= n - 100  # byte-identical documents are stored once
    queries = list(QUERIES)
    top = lite.search("cartel", facets=("entity",)).facets["entity"]
    assert top, "the corpus names entities"
    queries.append((None, {"entity": top[0]["value"]}))
    nonzero = 0
    for query, filters in queries:
        a = lite.search(query, filters, sort="seq", size=50, facets=FACETS)
        b = pg.search(query, filters, sort="seq", size=50, facets=FACETS)
        assert a.total == b.total, (query, filters)
        assert [h["id"] for h in a.hits] == [h["id"] for h in b.hits], (query, filters)
        assert [h["snippet"] for h in a.hits] == [h["snippet"] for h in b.hits], (query, filters)
        assert a.facets == b.facets, (query, filters)
        nonzero += a.total > 0
    assert nonzero >= len(queries) - 1  # the queries are about these corpora: they find documents
    assert lite.statistics() == pg.statistics()


def test_every_finding_of_every_record_points_at_its_text(stores: tuple[Store, Store, int]) -> None:
    lite, _pg, _n = stores
    records = mentions = 0
    errors: list[str] = []
    for r in lite.records():
        records += 1
        mentions += sum(len(e["mentions"]) for e in r["entities"]) + len(r["events"]) + len(r["quantities"])
        errors += [f"{r['source']['path']}: {e}" for e in evidence.errors(r)]
    assert records == lite.count() and mentions > 100_000
    assert not errors, errors[:10]
