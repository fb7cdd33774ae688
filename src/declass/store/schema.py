"""The corpus schema: plain tables (readable in Datasette or psql), the same on SQLite and
PostgreSQL, plus each backend's full-text index. Migrations are numbered; ``meta.schema_version``
says which have run."""

from __future__ import annotations

# Each migration is a list of statements, run in order from the store's version to VERSION, with
# {agg} the backend's string aggregate; each backend's full-text index is created after them (below).
COMMON: list[list[str]] = [
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            collection TEXT,
            title TEXT,
            agency TEXT,
            status TEXT,
            level TEXT,
            banner TEXT,
            case_number TEXT,
            doc_number TEXT,
            record_number TEXT,
            header_kind TEXT,
            header_from TEXT,
            header_to TEXT,
            header_date TEXT,
            written TEXT,
            written_year INTEGER,
            release_date TEXT,
            release_year INTEGER,
            pages INTEGER,
            redactions INTEGER NOT NULL DEFAULT 0,
            has_redactions INTEGER NOT NULL DEFAULT 0,
            ocr INTEGER NOT NULL DEFAULT 0,
            text TEXT,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS documents_collection ON documents (collection)",
        "CREATE INDEX IF NOT EXISTS documents_agency ON documents (agency)",
        "CREATE INDEX IF NOT EXISTS documents_status ON documents (status)",
        "CREATE INDEX IF NOT EXISTS documents_level ON documents (level)",
        "CREATE INDEX IF NOT EXISTS documents_written ON documents (written)",
        "CREATE INDEX IF NOT EXISTS documents_release_date ON documents (release_date)",
        "CREATE TABLE IF NOT EXISTS controls (doc_id TEXT NOT NULL, control TEXT NOT NULL, PRIMARY KEY (doc_id, control))",
        "CREATE INDEX IF NOT EXISTS controls_control ON controls (control)",
        """CREATE TABLE IF NOT EXISTS redactions (
            doc_id TEXT NOT NULL, n INTEGER NOT NULL, page INTEGER, kind TEXT, start_offset INTEGER, end_offset INTEGER, raw TEXT,
            PRIMARY KEY (doc_id, n))""",
        "CREATE TABLE IF NOT EXISTS redaction_codes (doc_id TEXT NOT NULL, n INTEGER NOT NULL, code TEXT NOT NULL, PRIMARY KEY (doc_id, n, code))",
        "CREATE INDEX IF NOT EXISTS redaction_codes_code ON redaction_codes (code)",
        "CREATE TABLE IF NOT EXISTS exemptions (doc_id TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (doc_id, code))",
        "CREATE INDEX IF NOT EXISTS exemptions_code ON exemptions (code)",
        "CREATE TABLE IF NOT EXISTS offices (doc_id TEXT NOT NULL, office TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, "
        "PRIMARY KEY (doc_id, office, role, name))",
        "CREATE INDEX IF NOT EXISTS offices_office ON offices (office)",
        "CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL, attributes TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS mentions (
            doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, n INTEGER NOT NULL, start_offset INTEGER, end_offset INTEGER, text TEXT,
            PRIMARY KEY (doc_id, entity_id, n))""",
        "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id)",
        "CREATE TABLE IF NOT EXISTS doc_entities (doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (doc_id, entity_id))",
        "CREATE INDEX IF NOT EXISTS doc_entities_entity ON doc_entities (entity_id)",
        """CREATE TABLE IF NOT EXISTS events (
            doc_id TEXT NOT NULL, n INTEGER NOT NULL, type TEXT, plover TEXT, date TEXT, place TEXT, actors TEXT, targets TEXT,
            text TEXT, start_offset INTEGER, end_offset INTEGER, confidence REAL, PRIMARY KEY (doc_id, n))""",
        "CREATE INDEX IF NOT EXISTS events_type ON events (type)",
        # a user's merges of two entities into one; undone (split) by setting undone_at
        """CREATE TABLE IF NOT EXISTS entity_merges (
            n BIGINT PRIMARY KEY, source_id TEXT NOT NULL, target_id TEXT NOT NULL, note TEXT, made_at TEXT NOT NULL, undone_at TEXT)""",
        # files already ingested, so a re-run skips them without reading them again
        "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size BIGINT, mtime DOUBLE PRECISION, documents INTEGER, failed TEXT)",
    ],
    # 2: the columns a search filters and counts by, in one narrow index keyed by seq, so that a
    # search joins its hits to this index and never to the wide rows that hold the text; each
    # document's exemption codes and controls also as one "|"-separated value there, for facets
    [
        "ALTER TABLE documents ADD COLUMN exemption_set TEXT",
        "ALTER TABLE documents ADD COLUMN control_set TEXT",
        "UPDATE documents SET exemption_set = (SELECT {agg}(x.code, '|') FROM exemptions x WHERE x.doc_id = documents.id), "
        "control_set = (SELECT {agg}(x.control, '|') FROM controls x WHERE x.doc_id = documents.id)",
        "CREATE INDEX IF NOT EXISTS documents_facets ON documents (seq, status, written, collection, agency, level, "
        "written_year, release_date, release_year, has_redactions, id, exemption_set, control_set)",
    ],
]

# merged entities resolve to their target: every query goes through this view
CANONICAL_VIEW = """CREATE VIEW entity_canonical AS
    SELECT e.id AS entity_id, COALESCE(m.target_id, e.id) AS canonical_id
    FROM entities e LEFT JOIN entity_merges m ON m.source_id = e.id AND m.undone_at IS NULL"""

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(words, tokenize = 'unicode61 remove_diacritics 2', content = '', detail = 'full')",
]
# A tsvector keeps word positions only up to 16,383: a phrase further into a long document would
# not be found. Such documents are also indexed in overlapping parts (documents_fts_long), where
# their phrases are looked up; ``is_long`` marks them.
POSTGRES_FTS = [
    "CREATE TABLE IF NOT EXISTS documents_fts (seq BIGINT PRIMARY KEY, words TSVECTOR NOT NULL)",
    "CREATE INDEX IF NOT EXISTS documents_fts_words ON documents_fts USING GIN (words)",
    "ALTER TABLE documents_fts ADD COLUMN IF NOT EXISTS is_long BOOLEAN NOT NULL DEFAULT FALSE",
    "CREATE INDEX IF NOT EXISTS documents_fts_long_docs ON documents_fts (seq) WHERE is_long",
    "CREATE TABLE IF NOT EXISTS documents_fts_long (seq BIGINT NOT NULL, part INTEGER NOT NULL, words TSVECTOR NOT NULL, PRIMARY KEY (seq, part))",
    "CREATE INDEX IF NOT EXISTS documents_fts_long_words ON documents_fts_long USING GIN (words)",
]
POSTGRES_MAX_POSITION = 16_383
POSTGRES_PART_WORDS = 16_000  # words per part of a long document
POSTGRES_PART_OVERLAP = 64  # words repeated from one part to the next: a phrase up to this long is never cut

VERSION = len(COMMON)
