"""The web app: search, documents with their withheld spans and entities, entity pages, timeline,
network, map and redaction statistics, over a corpus store; and a JSON API under /api.

Server-rendered (Jinja2, autoescaped: every document string is untrusted), a little JavaScript,
every asset bundled. Read-only unless a token is set (``DECLASS_TOKEN``), which entity merges
need."""

from __future__ import annotations

import hmac
import json
import math
import os
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from declass.anatomy import exemptions
from declass.store.db import FACETS, FILTERS, MAX_PAGE_SIZE, Store, StoreError, open_store
from declass.store.query import MAX_QUERY_CHARS, QueryError

HERE = Path(str(resources.files("declass.web")))
FILTER_KEYS = FILTERS
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    db = db or os.environ.get("DECLASS_DB") or "corpus.db"
    token = token if token is not None else os.environ.get("DECLASS_TOKEN") or None
    app = FastAPI(title="declass", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["marked"] = marked
    templates.env.filters["pretty"] = lambda v: ("" if v is None else str(v)).replace("released_", "released ").replace("_", " ")
    templates.env.globals["code_meaning"] = exemptions.meaning
    local = threading.local()
    opened: list[Store] = []
    lock = threading.Lock()

    def store() -> Store:
        s = getattr(local, "store", None)
        if s is None:
            try:
                s = open_store(db)
            except StoreError as e:
                raise HTTPException(503, str(e)) from e
            local.store = s
            with lock:
                opened.append(s)
        return s

    def close_stores() -> None:
        for s in opened:
            s.close()

    app.state.close_stores = close_stores

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        resp: Response = await call_next(request)
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["X-Frame-Options"] = "DENY"
        return resp

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"request": request, **ctx}, status_code=status)

    def filters_from(request: Request) -> dict[str, Any]:
        f: dict[str, Any] = {}
        for k in FILTER_KEYS:
            vals = [v for v in request.query_params.getlist(k) if v]
            if vals:
                f[k] = vals if len(vals) > 1 else vals[0]
        return f

    def run_search(q: str, request: Request, page_n: int, size: int, sort: str) -> Any:
        if len(q) > MAX_QUERY_CHARS:
            raise QueryError(f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
        return store().search(q or None, filters_from(request), page=page_n, size=size, sort=sort)

    # ---------------------------------------------------------------- pages
    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/search")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, q: str = "", page: int = Query(1, ge=1, le=10_000), size: int = Query(20, ge=1, le=MAX_PAGE_SIZE), sort: str = "relevance"
    ) -> HTMLResponse:
        try:
            res = run_search(q, request, page, size, sort if q else ("seq" if sort == "relevance" else sort))
            error = None
        except QueryError as e:
            res, error = None, str(e)
        params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("page",)]
        active = [(k, v) for k, v in params if k in FILTER_KEYS]
        return page_(
            request,
            "search.html",
            400 if error else 200,
            q=q,
            res=res,
            error=error,
            active=active,
            link=lambda **kw: _link("/search", params, **kw),
            unlink=lambda k, v: "/search?" + urlencode([(a, b) for a, b in params if (a, b) != (k, v)]),
            pages=_pages(res.total, size) if res else 0,
            page=page,
            facet_names=FACETS,
        )

    page_ = page

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        rec = store().record(doc_id)
        if rec is None:
            return page(request, "error.html", 404, message=f"No document {doc_id} in this corpus.")
        return page(request, "document.html", rec=rec, body=render_text(rec, store()), title=_title(rec))

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        ent = store().entity(entity_id)
        if ent is None:
            return page(request, "error.html", 404, message=f"No entity {entity_id} in this corpus.")
        return page(request, "entity.html", ent=ent, timeline=_timeline_svg(ent["events"]))

    def view_page(request: Request, template: str, make: Any, q: str, entity: str, **extra: Any) -> HTMLResponse:
        try:
            data = make(store(), q, entity, request)
        except QueryError as e:
            return page(request, "error.html", 400, message=str(e))
        return page(request, template, q=q, entity=entity, data=data, **{k: f(data) for k, f in extra.items()})

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, q: str = "", entity: str = "") -> HTMLResponse:
        return view_page(request, "timeline.html", timeline_data, q, entity, svg=lambda d: _timeline_svg(d["events"]))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, q: str = "", entity: str = "") -> HTMLResponse:
        return view_page(request, "network.html", network_data, q, entity)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, q: str = "", entity: str = "") -> HTMLResponse:
        return view_page(request, "map.html", map_data, q, entity)

    @app.get("/redactions", response_class=HTMLResponse, include_in_schema=False)
    def redactions_page(request: Request) -> HTMLResponse:
        st = store().statistics()
        charts = {k: _bars(st[k][:20]) for k in ("withheld_by_exemption", "withheld_by_office", "withheld_by_written_year", "withheld_by_release_year")}
        return page(request, "redactions.html", st=st, charts=charts)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        spec = app.openapi()
        return page(request, "api.html", paths=spec["paths"])

    # ---------------------------------------------------------------- API
    @app.get("/api/search", tags=["search"])
    def api_search(
        request: Request, q: str = "", page: int = Query(1, ge=1, le=10_000), size: int = Query(20, ge=1, le=MAX_PAGE_SIZE), sort: str = "relevance"
    ) -> JSONResponse:
        """Like ``declass search --json``: {total, hits, facets}. Filters as query parameters (repeatable)."""
        try:
            res = run_search(q, request, page, size, sort)
        except QueryError as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        return JSONResponse(res.to_dict())

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(doc_id: str) -> JSONResponse:
        """The record (format declass/1)."""
        rec = store().record(doc_id)
        if rec is None:
            return JSONResponse({"error": "no such document"}, status_code=404)
        return JSONResponse(rec)

    @app.get("/api/entities", tags=["entities"])
    def api_entities(type: str | None = None, limit: int = Query(100, ge=1, le=1000)) -> JSONResponse:
        return JSONResponse(store().entities(type, limit))

    @app.get("/api/entities/{entity_id:path}", tags=["entities"])
    def api_entity(entity_id: str) -> JSONResponse:
        ent = store().entity(entity_id)
        if ent is None:
            return JSONResponse({"error": "no such entity"}, status_code=404)
        return JSONResponse(ent)

    @app.post("/api/entities/{entity_id:path}/merge", tags=["entities"])
    def api_merge(entity_id: str, into: str, authorization: str | None = Header(None)) -> JSONResponse:
        """Merge an entity into another (needs the server's token: ``Authorization: Bearer …``)."""
        if not token:
            return JSONResponse({"error": "this server is read-only (start it with DECLASS_TOKEN to allow merges)"}, status_code=403)
        if not authorization or not hmac.compare_digest(authorization, f"Bearer {token}"):
            return JSONResponse({"error": "a valid token is needed"}, status_code=401)
        try:
            store().merge(entity_id, into)
        except StoreError as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        return JSONResponse({"merged": entity_id, "into": store().canonical(into)})

    @app.get("/api/statistics", tags=["statistics"])
    def api_statistics() -> JSONResponse:
        return JSONResponse(store().statistics())

    def view_json(make: Any, request: Request, q: str, entity: str) -> JSONResponse:
        try:
            return JSONResponse(make(store(), q, entity, request))
        except QueryError as e:
            return JSONResponse({"error": str(e)}, status_code=400)

    @app.get("/api/timeline", tags=["views"])
    def api_timeline(request: Request, q: str = "", entity: str = "") -> JSONResponse:
        """Dated events and documents of a search or an entity (as /timeline)."""
        return view_json(timeline_data, request, q, entity)

    @app.get("/api/network", tags=["views"])
    def api_network(request: Request, q: str = "", entity: str = "") -> JSONResponse:
        """The entities named in most of those documents and their co-occurrence (as /network)."""
        return view_json(network_data, request, q, entity)

    @app.get("/api/map", tags=["views"])
    def api_map(request: Request, q: str = "", entity: str = "") -> JSONResponse:
        """Places with coordinates and their events (as /map)."""
        return view_json(map_data, request, q, entity)

    return app


# -------------------------------------------------------------------- helpers
def marked(snippet: str) -> Markup:
    """A search snippet with its «hits» as <mark>, everything else escaped."""
    out = str(escape(snippet))
    return Markup(out.replace("«", "<mark>").replace("»", "</mark>"))


def _link(path: str, params: list[tuple[str, str]], **kw: Any) -> str:
    p = [(k, v) for k, v in params if k not in kw]
    for k, v in kw.items():
        if v is not None:
            p.append((k, str(v)))
    return path + "?" + urlencode(p)


def _pages(total: int, size: int) -> int:
    return max(1, min(10_000, math.ceil(total / size)))


def _title(rec: dict[str, Any]) -> str:
    return rec["header"].get("subject") or rec["source"]["path"].rsplit("/", 1)[-1]


def render_text(rec: dict[str, Any], store: Store) -> Markup:
    """The clean text, escaped, with each withheld span a labelled black bar and each entity
    mention a link to its entity page."""
    text = rec.get("text") or ""
    marks: list[tuple[int, int, str, Any]] = []
    for r in rec.get("redactions") or []:
        marks.append((r["start"], r["end"], "redaction", r))
    taken = [(m[0], m[1]) for m in marks]
    for e in rec.get("entities") or []:
        for m in e.get("mentions") or []:
            a, b = m["start"], m["end"]
            if 0 <= a < b <= len(text) and all(b <= s or a >= t for s, t in taken):
                marks.append((a, b, "entity", e))
                taken.append((a, b))
    marks.sort(key=lambda x: x[0])
    out: list[str] = []
    pos = 0
    for a, b, kind, obj in marks:
        out.append(str(escape(text[pos:a])))
        if kind == "redaction":
            codes = obj.get("exemptions") or []
            label = ", ".join(codes) or "no code printed"
            meaning = "; ".join(f"{c}: {exemptions.meaning(c) or 'unknown code'}" for c in codes) or "withheld; the release prints no exemption code here"
            out.append(
                f'<span class="redaction redaction-{escape(obj.get("kind") or "")}" tabindex="0" role="note" '
                f'aria-label="{escape("Withheld (" + (obj.get("kind") or "") + "): " + meaning)}" title="{escape(meaning)}">'
                f'<span class="bar" aria-hidden="true"></span><span class="codes">{escape(label)}</span></span>'
            )
        else:
            canon = store.canonical(obj["id"])
            typ = escape(obj["type"])
            out.append(f'<a class="mention mention-{typ}" href="/entities/{escape(canon)}" title="{escape(obj["name"])} ({typ})">{escape(text[a:b])}</a>')
        pos = b
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _doc_ids(store: Store, q: str, entity: str, request: Request, limit: int = 500) -> list[str] | None:
    """The documents a view is about: a search, an entity, or (None) the whole corpus."""
    filters = {k: v for k, v in request.query_params.items() if k in FILTER_KEYS and v}
    if entity:
        filters["entity"] = entity
    if not q and not filters:
        return None
    res = store.search(q or None, filters, size=MAX_PAGE_SIZE, sort="seq", facets=())
    ids = [h["id"] for h in res.hits]
    page = 2
    while len(ids) < min(res.total, limit):
        more = store.search(q or None, filters, size=MAX_PAGE_SIZE, page=page, sort="seq", facets=())
        if not more.hits:
            break
        ids += [h["id"] for h in more.hits]
        page += 1
    return ids


def _in(ids: list[str] | None, col: str) -> tuple[str, list[Any]]:
    if ids is None:
        return "1 = 1", []
    if not ids:
        return "1 = 0", []
    return f"{col} IN ({', '.join('?' * len(ids))})", list(ids)


def timeline_data(store: Store, q: str, entity: str, request: Request) -> dict[str, Any]:
    ids = _doc_ids(store, q, entity, request)
    where, params = _in(ids, "e.doc_id")
    events = [
        {
            "doc_id": r[0],
            "type": r[1],
            "date": r[2],
            "place": r[3],
            "actors": json.loads(r[4] or "[]"),
            "targets": json.loads(r[5] or "[]"),
            "text": r[6],
            "title": r[7],
        }
        for r in store.rows(
            f"SELECT e.doc_id, e.type, e.date, e.place, e.actors, e.targets, e.text, d.title FROM events e JOIN documents d ON d.id = e.doc_id "
            f"WHERE e.date IS NOT NULL AND {where} ORDER BY e.date, e.doc_id, e.n LIMIT 1000",
            params,
        )
    ]
    if entity:
        ent = store.entity(entity)
        names = {ent["name"], *ent["aliases"]} if ent else set()
        events = [e for e in events if names & {*e["actors"], *e["targets"], e["place"]}] or events
    where_d, params_d = _in(ids, "d.id")
    docs = [
        {"id": r[0], "title": r[1], "written": r[2]}
        for r in store.rows(
            f"SELECT d.id, d.title, d.written FROM documents d WHERE d.written IS NOT NULL AND {where_d} ORDER BY d.written, d.id LIMIT 500", params_d
        )
    ]
    return {"events": events, "documents": docs}


def network_data(store: Store, q: str, entity: str, request: Request, top: int = 40) -> dict[str, Any]:
    ids = _doc_ids(store, q, entity, request)
    where, params = _in(ids, "de.doc_id")
    nodes = store.rows(
        f"SELECT c.canonical_id, e.name, e.type, COUNT(DISTINCT de.doc_id) AS n FROM doc_entities de JOIN entity_canonical c ON c.entity_id = de.entity_id "
        f"JOIN entities e ON e.id = c.canonical_id WHERE {where} GROUP BY c.canonical_id, e.name, e.type ORDER BY n DESC, c.canonical_id LIMIT ?",
        [*params, top],
    )
    keep = [r[0] for r in nodes]
    if not keep:
        return {"nodes": [], "edges": []}
    ph = ", ".join("?" * len(keep))
    w2, p2 = _in(ids, "x.doc_id")
    edges = store.rows(
        f"SELECT a.canonical_id, b.canonical_id, COUNT(DISTINCT x.doc_id) FROM doc_entities x JOIN doc_entities y ON y.doc_id = x.doc_id "
        f"JOIN entity_canonical a ON a.entity_id = x.entity_id JOIN entity_canonical b ON b.entity_id = y.entity_id "
        f"WHERE a.canonical_id < b.canonical_id AND a.canonical_id IN ({ph}) AND b.canonical_id IN ({ph}) AND {w2} GROUP BY a.canonical_id, b.canonical_id",
        [*keep, *keep, *p2],
    )
    n = len(nodes)
    pos = {}
    out_nodes = []
    for i, (nid, name, typ, docs) in enumerate(nodes):
        ang = 2 * math.pi * i / n
        x, y = 400 + 320 * math.cos(ang), 330 + 280 * math.sin(ang)
        pos[nid] = (x, y)
        out_nodes.append({"id": nid, "name": name, "type": typ, "documents": docs, "x": round(x, 1), "y": round(y, 1), "r": round(4 + 3 * math.sqrt(docs), 1)})
    out_edges = [{"source": a, "target": b, "weight": w, "x1": pos[a][0], "y1": pos[a][1], "x2": pos[b][0], "y2": pos[b][1]} for a, b, w in edges]
    return {"nodes": out_nodes, "edges": out_edges}


def map_data(store: Store, q: str, entity: str, request: Request) -> dict[str, Any]:
    ids = _doc_ids(store, q, entity, request)
    where, params = _in(ids, "de.doc_id")
    rows = store.rows(
        f"SELECT e.id, e.name, e.attributes, COUNT(DISTINCT de.doc_id) FROM doc_entities de JOIN entities e ON e.id = de.entity_id "
        f"WHERE e.type = 'place' AND {where} GROUP BY e.id, e.name, e.attributes ORDER BY COUNT(DISTINCT de.doc_id) DESC LIMIT 400",
        params,
    )
    places = []
    for pid, name, attrs, n in rows:
        at = json.loads(attrs)
        if at.get("lat") is None or at.get("lon") is None:
            continue
        x, y = (float(at["lon"]) + 180) / 360 * 1000, (90 - float(at["lat"])) / 180 * 500
        places.append(
            {
                "id": pid,
                "name": name,
                "kind": at.get("kind"),
                "country": at.get("country"),
                "lat": at["lat"],
                "lon": at["lon"],
                "documents": n,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(2 + 2 * math.sqrt(n), 1),
            }
        )
    wh, pe = _in(ids, "e.doc_id")
    events = [
        {"type": r[0], "date": r[1], "place": r[2], "doc_id": r[3]}
        for r in store.rows(f"SELECT e.type, e.date, e.place, e.doc_id FROM events e WHERE e.place IS NOT NULL AND {wh} LIMIT 2000", pe)
    ]
    by_name = {p["name"]: p for p in places}
    for ev in events:
        p = by_name.get(ev["place"])
        if p:
            p.setdefault("events", []).append(ev)
    return {"places": places}


def _bars(rows: list[dict[str, Any]]) -> dict[str, Any]:
    top = max((r["count"] for r in rows), default=1) or 1
    return {"rows": [{"label": str(r["value"]), "count": r["count"], "width": round(100 * r["count"] / top, 1)} for r in rows]}


def _timeline_svg(events: list[dict[str, Any]]) -> dict[str, Any]:
    dated = [e for e in events if e.get("date")]
    if not dated:
        return {"points": [], "years": []}
    ys = sorted({int(e["date"][:4]) for e in dated})
    lo, hi = ys[0], ys[-1] + 1

    def x(d: str) -> float:
        y = int(d[:4]) + (int(d[5:7]) - 1) / 12 if len(d) >= 7 else int(d[:4])
        return 40 + (y - lo) / max(hi - lo, 1) * 920

    points = [
        {"x": round(x(e["date"]), 1), "y": 30 + (i % 5) * 14, "label": f"{e['date']} {e['type']} {e.get('place') or ''}", "doc_id": e.get("doc_id")}
        for i, e in enumerate(dated)
    ]
    step = max(1, (hi - lo) // 10)
    years = [{"x": round(40 + (y - lo) / max(hi - lo, 1) * 920, 1), "label": y} for y in range(lo, hi + 1, step)]
    return {"points": points, "years": years}


@lru_cache(maxsize=1)
def default_app() -> FastAPI:
    return create_app()
