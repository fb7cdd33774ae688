"""The ``declass`` command line (typer + rich)."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from declass import settings
from declass.anatomy.custodian import Custodians
from declass.batch import Resumable, iter_files, results
from declass.extract import packs
from declass.record import Record

app = typer.Typer(help="Read released government records into structured data.", no_args_is_help=True, add_completion=False)
err = Console(stderr=True)


@app.callback()
def main() -> None:
    """declass: release anatomy, clean text and facts from FOIA and declassified documents."""


def _apply_settings(ocr_mode: str | None, ocr_lang: str | None) -> None:
    """Command-line options become DECLASS_* settings, for this process and its workers."""
    if ocr_mode is not None:
        if ocr_mode not in ("auto", "force", "skip"):
            err.print(f"[red]--ocr must be auto, force or skip, not {ocr_mode!r}[/red]")
            raise typer.Exit(2)
        os.environ["DECLASS_OCR"] = ocr_mode
    if ocr_lang is not None:
        os.environ["DECLASS_OCR_LANG"] = ocr_lang
    settings.from_environment.cache_clear()


@app.command("parse")
def parse_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one record as JSON (a list if several files).")] = False,
    as_jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one record per line (JSON Lines).")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write the output to this file.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Processes; 0 = one per core.")] = 0,
    raw_text: Annotated[bool, typer.Option("--raw-text/--no-raw-text", help="Include raw_text in JSON output.")] = True,
    custodian: Annotated[bool, typer.Option("--custodian/--no-custodian", help="Infer the blank addressee of e-mails from the release's custodian.")] = True,
    ocr_mode: Annotated[
        str | None, typer.Option("--ocr", help="auto: OCR pages with no usable text layer, and images (default); force: every page; skip: never.")
    ] = None,
    ocr_lang: Annotated[str | None, typer.Option("--ocr-lang", help="Tesseract language(s), e.g. eng or eng+spa.")] = None,
) -> None:
    """Read each file and print its record: a summary, or JSON for machines."""
    _apply_settings(ocr_mode, ocr_lang)
    if settings.get().extract:
        try:
            packs.matcher()  # a broken data pack stops the run before any file is read
        except ValueError as e:
            err.print(f"[red]{e}[/red]")
            raise typer.Exit(2) from e
    files = [str(f) for f in iter_files(paths)]
    if not files:
        err.print("[red]no files to read[/red]")
        raise typer.Exit(2)
    n_workers = workers or (os.cpu_count() or 1)
    if "DECLASS_OCR_JOBS" not in os.environ:  # fewer files than cores: each scan's pages share the spare cores
        os.environ["DECLASS_OCR_JOBS"] = str(max(1, n_workers // max(1, min(len(files), n_workers))))
        settings.from_environment.cache_clear()
    failed = 0
    duplicates = 0
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    custodians = Custodians() if custodian and len(files) > 1 else None
    held: list[dict[str, Any]] = []  # e-mails waiting for the release's custodian to be known
    sink = sys.stdout
    reasons: Counter[str] = Counter()
    stages: Counter[str] = Counter()  # what the batch did, for the closing table
    run: Resumable | None = None
    if out is not None:
        run = Resumable(out, journal=as_jsonl)
        done = run.open()
        for rec in run.written():  # a run that was interrupted: what it already wrote counts
            seen.add(rec["id"])
            if custodians is not None:
                custodians.add(Record.from_dict(rec))
        for rec in run.held():
            seen.add(rec["id"])
            held.append(rec)
            if custodians is not None:
                custodians.add(Record.from_dict(rec))
        for fpath, reason in run.failures:
            failed += 1
            stages["failed"] += 1
            reasons[_reason(reason)] += 1
            err.print(f"[red]error[/red] {fpath}: {reason} (in the interrupted run)")
        if done:
            err.print(f"resuming: {len(done)} of {len(files)} files were already read")
            files = [f for f in files if f not in done]
        sink = run.part
    console = Console(file=sink, width=160) if not (as_json or as_jsonl) else None
    table = _overview() if console is not None and len(files) > 1 else None

    progress = Progress(
        TextColumn("reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=len(files) < 2 or not err.is_terminal,
    )
    task = progress.add_task("parse", total=len(files), rate="")
    started = time.perf_counter()

    def emit(rec: dict[str, Any]) -> None:
        if not raw_text:
            rec["raw_text"] = None
        if as_jsonl:
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif as_json:
            records.append(rec)
        elif table is not None:
            _overview_row(table, Record.from_dict(rec))
        else:
            assert console is not None
            summary(Record.from_dict(rec), console)

    def take(path: str, rec: dict[str, Any] | None, error: str | None) -> None:
        nonlocal failed, duplicates
        if rec is not None and rec["source"]["bytes"]:  # empty files are not duplicates of one another
            if rec["id"] in seen:
                duplicates += 1  # the same bytes again: one record
                return
            seen.add(rec["id"])
        if rec is not None:
            stages["documents read"] += 1
            for pg in rec["pages"]:
                stages[f"pages read: {pg.get('method') or 'text'}"] += 1
            if rec["redactions"]:
                stages["documents with withheld text"] += 1
        if error is not None or rec is None:
            stages["failed"] += 1
            failed += 1
            reasons[_reason(error or "unknown error")] += 1
            progress.console.print(f"[red]error[/red] {path}: {error}")
            return
        if custodians is not None:
            r = Record.from_dict(rec)
            custodians.add(r)
            if Custodians.needs(r):
                held.append(rec)
                if run is not None and as_jsonl:
                    run.hold(rec)
                return
        emit(rec)

    finished = False
    try:
        progress.start()
        n = 0
        for done_files, (file, batch) in enumerate(zip(files, results(files, n_workers)), start=1):
            for path, got, error in batch:
                take(path, got, error)
            if run is not None:  # every record of this file is on disk
                run.checkpoint(file, [(path, error) for path, got, error in batch if error is not None])
            n += len(batch)
            elapsed = time.perf_counter() - started
            progress.update(task, completed=done_files, rate=f"{n / elapsed:,.0f} docs/s" if elapsed > 0 else "")
        for rec in held:
            if custodians is not None:
                r = Record.from_dict(rec)
                if custodians.apply(r):
                    rec = r.to_dict() | {"raw_text": rec["raw_text"]}
            emit(rec)
        if table is not None and console is not None:
            console.print(table)
            console.print(
                f"{len(table.rows)} documents read, {failed} failed, {duplicates} duplicates skipped. "
                "One file at a time (declass parse FILE) shows the whole reading."
            )
        if as_json:
            sink.write(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=1) + "\n")
        finished = True
    finally:
        progress.stop()
        if run is not None:
            run.close(finished)  # only a finished run replaces the output file
    if duplicates:
        err.print(f"{duplicates} documents repeated the bytes of one already read and were skipped")
        stages["duplicates skipped"] = duplicates
    if len(files) > 1 or failed:
        t = Table(title=f"{len(files)} files in {time.perf_counter() - started:,.1f} s", title_justify="left")
        t.add_column("stage")
        t.add_column("count", justify="right")
        for stage, n in sorted(stages.items()):
            t.add_row(stage, f"{n:,}")
        err.print(t)
    if failed:
        t = Table(title=f"{failed} documents failed", title_justify="left")
        t.add_column("reason")
        t.add_column("files", justify="right")
        for reason, n in reasons.most_common():
            t.add_row(reason, str(n))
        err.print(t)
    raise typer.Exit(min(failed, 100))


def _reason(error: str) -> str:
    """The kind of an error, for the closing table: its text before any detail in parentheses."""
    head = re.split(r"\s*[(:]", error, maxsplit=1)[0]
    return re.sub(r"[\d,]+", "N", head)[:60]


def _overview() -> Table:
    t = Table(title="declass: what each release says about itself", title_justify="left")
    for col in ("document", "kind", "release", "exemptions", "classification", "written", "withheld", "from / subject"):
        t.add_column(col, overflow="fold")
    return t


def _overview_row(t: Table, rec: Record) -> None:
    r, h, d = rec.release, rec.header, rec.date
    written = d.value or (f"{d.earliest or '?'}..{d.latest or '?'}" if d.earliest or d.latest else "")
    who = " / ".join(x for x in ((h.from_ or "")[:30], (h.subject or "")[:50]) if x)
    t.add_row(
        os.path.basename(rec.source.path),
        h.kind or "",
        (r.status or "").replace("released_", ""),
        ", ".join(r.exemptions),
        rec.classification.banner or rec.classification.level or "",
        written,
        str(len(rec.redactions)),
        who,
    )


def summary(rec: Record, console: Console) -> None:
    """A readable account of one record."""
    r, c, h = rec.release, rec.classification, rec.header
    t = Table(title=rec.source.path, show_header=False, title_justify="left", expand=False)
    t.add_column(style="bold cyan", no_wrap=True)
    t.add_column()

    def row(k: str, v: object) -> None:
        if v not in (None, "", [], {}):
            t.add_row(k, str(v))

    row("pages", len(rec.pages))
    ocr_pages = [p for p in rec.pages if p.method == "ocr"]
    confs = [p.ocr_confidence for p in ocr_pages if p.ocr_confidence is not None]
    row("read with", rec.source.extractor + (f" ({len(ocr_pages)} pages OCR'd, mean confidence {sum(confs) / len(confs):.0%})" if confs else ""))
    row("agency", r.agency)
    row("status", r.status)
    row("release marking", r.marking)
    row("case / doc / record", " / ".join(x for x in (r.case_number, r.doc_number, r.record_number) if x))
    row("released", r.release_date)
    if r.review_authority:
        row("review authority", ", ".join(x for x in r.review_authority.values() if x))
    row("exemptions", ", ".join(r.exemptions))
    row("classification", c.banner or c.level)
    if c.review:
        row("upgraded on review", f"{c.review.get('level')} ({c.review.get('classified_by')}, {c.review.get('date')})")
    row("header", h.kind)
    row("from", h.from_)
    row("to", "; ".join(h.to))
    row("date", h.date)
    row("subject", h.subject)
    for role in ("drafted", "cleared", "approved"):
        people = getattr(rec.authorship, role)
        row(
            role,
            "\n".join(f"{p.office or ''} {p.name}" + (f" ({p.office_name})" if p.office_name else "") + (f" {p.phone}" if p.phone else "") for p in people),
        )
    d = rec.date
    row("written", d.value or (f"{d.earliest or '?'} .. {d.latest or '?'}" if d.earliest or d.latest else None))
    row("redactions", "\n".join(f"p{x.page} {x.kind}: {', '.join(x.exemptions) or '?'}" for x in rec.redactions))
    row("entities", ", ".join(e.get("name", "") for e in rec.entities[:30]))
    row("events", "\n".join(f"{e.get('type')} {e.get('date') or ''} {e.get('place') or ''}" for e in rec.events[:20]))
    row("figures", ", ".join(q.get("text", "") for q in rec.quantities[:20]))
    row("warnings", "\n".join(rec.warnings))
    console.print(t)




# ---------------------------------------------------------------- the corpus
DbOption = Annotated[str, typer.Option("--db", help="A SQLite file (default corpus.db) or postgresql://…", envvar="DECLASS_DB")]


def _store(db: str) -> Any:
    from declass.store.db import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as e:
        err.print(f"[red]{e}[/red]")
        raise typer.Exit(2) from e


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, archives, or JSON Lines of declass records.")],
    db: DbOption = "corpus.db",
    collection: Annotated[str | None, typer.Option("--collection", help="Collection name (default: the folder's name).")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Processes; 0 = one per core.")] = 0,
    ocr_mode: Annotated[str | None, typer.Option("--ocr", help="auto, force or skip (see declass parse).")] = None,
    ocr_lang: Annotated[str | None, typer.Option("--ocr-lang", help="Tesseract language(s).")] = None,
) -> None:
    """Read files into a corpus. Re-running skips what is stored; an interrupted ingest keeps every
    batch it committed."""
    from declass.store.ingest import ingest

    _apply_settings(ocr_mode, ocr_lang)
    store = _store(db)
    n_workers = workers or (os.cpu_count() or 1)
    progress = Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal
    )
    task = progress.add_task("ingest", total=None)

    def tick(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    def on_error(path: str, reason: str) -> None:
        progress.console.print(f"[red]error[/red] {path}: {reason}")

    t0 = time.perf_counter()
    with progress:
        rep = ingest(store, paths, collection, n_workers, tick, on_error)
    dt = time.perf_counter() - t0
    t = Table(title=f"ingest into {store.url} in {dt:,.1f} s", title_justify="left")
    t.add_column("")
    t.add_column("count", justify="right")
    for k, v in (
        ("files", rep.files),
        ("files already stored, skipped", rep.skipped_files),
        ("new documents", rep.documents),
        ("duplicates", rep.duplicates),
        ("failed", len(rep.failed)),
        ("documents in the corpus", store.count()),
    ):
        t.add_row(k, f"{v:,}")
    err.print(t)
    store.close()
    raise typer.Exit(min(len(rep.failed), 100))


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='Words, "phrases", prefix*, AND / OR / NOT, (groups). Empty: every document.')] = "",
    db: DbOption = "corpus.db",
    as_json: Annotated[bool, typer.Option("--json", help="Print {total, hits, facets} as JSON.")] = False,
    collection: Annotated[list[str] | None, typer.Option(help="Filter (repeatable).")] = None,
    agency: Annotated[list[str] | None, typer.Option(help="Filter (repeatable).")] = None,
    status: Annotated[list[str] | None, typer.Option(help="released_in_full, released_in_part, denied.")] = None,
    level: Annotated[list[str] | None, typer.Option(help="TOP SECRET, SECRET, CONFIDENTIAL, UNCLASSIFIED…")] = None,
    control: Annotated[list[str] | None, typer.Option(help="Dissemination control, e.g. NOFORN.")] = None,
    exemption: Annotated[list[str] | None, typer.Option(help="Canonical code, e.g. '(b)(6)' or 1.4(c).")] = None,
    entity: Annotated[list[str] | None, typer.Option(help="Entity id.")] = None,
    office: Annotated[list[str] | None, typer.Option(help="Office symbol, e.g. INR/TNC.")] = None,
    has_redactions: Annotated[bool | None, typer.Option("--has-redactions/--no-redactions", help="Only documents with (or without) withheld text.")] = None,
    written_from: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    written_to: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    released_from: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    released_to: Annotated[str | None, typer.Option(help="YYYY[-MM[-DD]]")] = None,
    page: Annotated[int, typer.Option(help="Page of results.")] = 1,
    size: Annotated[int, typer.Option(help="Hits per page (at most 100).")] = 20,
    sort: Annotated[str, typer.Option(help="relevance, written, -written, released, -released, seq.")] = "relevance",
) -> None:
    """Full-text search with filters and facet counts."""
    from declass.store.query import QueryError

    filters = {
        "collection": collection, "agency": agency, "status": status, "level": level, "control": control, "exemption": exemption, "entity": entity,
        "office": office, "has_redactions": has_redactions, "written_from": written_from, "written_to": written_to,
        "released_from": released_from, "released_to": released_to,
    }  # fmt: skip
    store = _store(db)
    try:
        res = store.search(query, filters, page=page, size=size, sort=sort)
    except QueryError as e:
        err.print(f"[red]cannot search: {e}[/red]")
        raise typer.Exit(2) from e
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(res.to_dict(), ensure_ascii=False, indent=1) + "\n")
        return
    console = Console(width=160)
    t = Table(title=f"{res.total:,} documents for {query!r} ({res.took_ms:.0f} ms); page {res.page}", title_justify="left")
    for col in ("document", "written", "status", "snippet"):
        t.add_column(col, overflow="fold")
    for h in res.hits:
        t.add_row(
            f"{h['title'] or ''}\n[dim]{h['id'][:12]} {os.path.basename(h['path'])}[/dim]",
            h["written"] or "",
            (h["status"] or "").replace("released_", ""),
            h["snippet"],
        )
    console.print(t)
    for name, vals in res.facets.items():
        if vals:
            console.print(f"[bold]{name}[/bold]: " + ", ".join(f"{v.get('name') or v['value']} ({v['count']})" for v in vals))


entities_app = typer.Typer(help="Entities across the corpus: show, list, merge and split; score recognition on hand labels.", no_args_is_help=True)
app.add_typer(entities_app, name="entities")


@entities_app.command("show")
def entity_show(entity_id: str, db: DbOption = "corpus.db", as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """An entity: names, documents, events and the entities it appears with."""
    store = _store(db)
    got = store.entity(entity_id)
    store.close()
    if got is None:
        err.print(f"[red]no entity {entity_id!r}[/red]")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps(got, ensure_ascii=False, indent=1) + "\n")
        return
    c = Console(width=160)
    c.print(f"[bold]{got['name']}[/bold] ({got['type']}) {got['id']}: {got['documents']} documents, {got['mentions']} mentions")
    if got["aliases"]:
        c.print("also: " + ", ".join(got["aliases"][:30]))
    for e in got["events"][:20]:
        c.print(f"  {e['date'] or '?':10} {e['type']:18} {e['place'] or ''}  {', '.join(e['actors'])}")
    c.print("with: " + ", ".join(f"{x['name']} ({x['documents']})" for x in got["co_occurring"][:15]))


@entities_app.command("score")
def entity_score(
    labels: Annotated[Path, typer.Argument(help="Hand labels, JSON Lines (format: docs/extraction.md).")],
    show: Annotated[bool, typer.Option("--show", help="List each document's missed labels and extra entities.")] = False,
) -> None:
    """Person / organisation / place precision, recall and F1 against your own hand labels."""
    from declass.extract import evaluate

    report = evaluate.score(labels)
    if show:
        for doc, t, name in report.missed:
            typer.echo(f"missed  {doc}  {t:12} {name}")
        for doc, t, name in report.extra:
            typer.echo(f"extra   {doc}  {t:12} {name}")
    for t, s in report.scores.items():
        typer.echo(
            f"{t:12}  precision {s.precision:6.1%} ({s.right}/{s.entities})  recall {s.recall:6.1%} ({s.found}/{s.labels})  F1 {s.f1:.3f}"
        )


@entities_app.command("list")
def entity_list(
    db: DbOption = "corpus.db", type_: Annotated[str | None, typer.Option("--type", help="person, organization or place.")] = None, limit: int = 50
) -> None:
    """The entities named in most documents."""
    store = _store(db)
    rows = store.entities(type_, limit)
    store.close()
    for r in rows:
        typer.echo(f"{r['documents']:6}  {r['name']}  [{r['id']}]")


def _change_entities(db: str, change: Any, done: str) -> None:
    """Run one change on the store's entities; a refused change is a clear error, exit 1."""
    from declass.store.db import StoreError

    store = _store(db)
    try:
        change(store)
    except StoreError as e:
        err.print(f"[red]{e}[/red]")
        raise typer.Exit(1) from e
    finally:
        store.close()
    typer.echo(done)


@entities_app.command("merge")
def entity_merge(source: str, target: str, db: DbOption = "corpus.db", note: Annotated[str | None, typer.Option(help="Why.")] = None) -> None:
    """SOURCE is the same as TARGET (recorded, reversible with split)."""
    _change_entities(db, lambda s: s.merge(source, target, note), f"merged {source} into {target}")


@entities_app.command("split")
def entity_split(source: str, db: DbOption = "corpus.db") -> None:
    """Undo the merge of SOURCE."""
    _change_entities(db, lambda s: s.split(source), f"{source} stands on its own again")


@app.command("stats")
def stats_cmd(db: DbOption = "corpus.db", as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Withheld text by exemption, office and year; release status; classification over time."""
    store = _store(db)
    st = store.statistics()
    store.close()
    if as_json:
        sys.stdout.write(json.dumps(st, ensure_ascii=False, indent=1) + "\n")
        return
    c = Console(width=160)
    c.print(f"{st['documents']:,} documents, {st['withheld_spans']:,} withheld spans, {st['released_in_part_share']:.1%} released in part")
    for key in ("withheld_by_exemption", "withheld_by_office", "withheld_by_written_year", "withheld_by_release_year", "status"):
        t = Table(title=key.replace("_", " "), title_justify="left")
        t.add_column("value")
        t.add_column("count", justify="right")
        for r in st[key][:25]:
            t.add_row(str(r["value"]), f"{r['count']:,}")
        c.print(t)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv (a folder of tables), ftm (FollowTheMoney for Aleph), graphml.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (a folder for csv).")],
    db: DbOption = "corpus.db",
) -> None:
    """Take the corpus elsewhere."""
    from declass import export

    if fmt not in export.FORMATS:
        err.print(f"[red]--format must be one of {', '.join(export.FORMATS)}[/red]")
        raise typer.Exit(2)
    store = _store(db)
    try:
        if fmt == "csv":
            counts = export.csv_tables(store.records(), out)
            err.print(f"wrote {', '.join(f'{v:,} {k}' for k, v in counts.items())} to {out}/")
            return
        with open(out, "w", encoding="utf-8") as f:
            if fmt == "jsonl":
                n = export.jsonl(store.records(), f)
                err.print(f"wrote {n:,} records to {out}")
            elif fmt == "ftm":
                n = export.ftm(store.records(), f)
                err.print(f"wrote {n:,} FollowTheMoney entities to {out}")
            else:
                nodes, edges = export.graphml(store, f)
                err.print(f"wrote {nodes:,} entities and {edges:,} links to {out}")
    finally:
        store.close()



@app.command("serve")
def serve_cmd(
    db: DbOption = "corpus.db",
    host: Annotated[str, typer.Option(help="Address to listen on (loopback unless told).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes.")] = 1,
) -> None:
    """The web app and JSON API over a corpus (read-only unless DECLASS_TOKEN is set)."""
    import uvicorn

    store = _store(db)
    n = store.count()
    store.close()
    os.environ["DECLASS_DB"] = db
    err.print(f"serving {n:,} documents from {db} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run("declass.web.app:default_app", factory=True, host=host, port=port, workers=workers, log_level="warning")


if __name__ == "__main__":
    app()
