"""`dyad serve`: a read-only HTTP API over the store (FastAPI; its OpenAPI schema is at
/openapi.json and browsable at /docs), and the web dashboard at / that uses it.

Lists answer `{"items": [...], "total": N}` with `limit` (at most MAX_PAGE) and `offset`;
every error answers `{"error": {"status": N, "message": "..."}}`.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad import worldmap
from dyad.alerts import run_watch
from dyad.store import EventFilter, Store, StoryFilter
from dyad.trends import PERIODS, TrendQuery, trends

MAX_PAGE = 500
DASHBOARD = Path(__file__).parent / "static" / "dashboard.html"
MODALITIES = ("asserted", "planned", "expected", "negated", "hypothetical")

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Root = Annotated[str | None, Query(pattern=r"^\d\d$", description="CAMEO root, two digits")]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"status": status, "message": message}})


def create_app(db: str, *, watches: list | None = None) -> FastAPI:
    """The API over the store at `db`; /alerts runs `watches` (from a watchlist)."""
    store = Store(db, read_only=True)
    watches = watches or []
    lock = threading.Lock()  # one connection, one query at a time

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="dyad", version="1", lifespan=lifespan,
                  description="Political event data coded from news articles, read-only. Every list "
                  "is `{items, total}`; every error `{error: {status, message}}`.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "query")
        return _error(400, f"{where}: {first.get('msg', 'invalid value')}")

    def query(fn, *args, **kwargs):
        with lock:
            return fn(*args, **kwargs)

    @app.get("/events", summary="Events, filtered, oldest first")
    def events(actor: str | None = None, country: str | None = None, root: Root = None,
               code: str | None = None, quad: Annotated[int | None, Query(ge=1, le=4)] = None,
               since: dt.date | None = None, until: dt.date | None = None,
               modality: Annotated[str | None, Query(pattern="^(" + "|".join(MODALITIES) + ")$")] = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        where = EventFilter(actor=actor, country=country, root=root, code=code, quad=quad,
                            since=since, until=until, modality=modality)
        return {"items": query(store.events, where, limit=limit, offset=offset),
                "total": query(store.count_events, where)}

    @app.get("/events/{event_id}", summary="One event, with its sentence and article")
    def event(event_id: str) -> dict[str, Any]:
        row = query(store.find_event, event_id)
        if row is None:
            raise HTTPException(404, f"no event {event_id!r}")
        article = query(store.article, row["doc_id"]) or {}
        row["article"] = {k: article.get(k) for k in ("doc_id", "title", "url", "outlet", "published", "source")}
        row["highlights"] = query(store.highlights, row)
        return row

    @app.get("/stories", summary="Stories, most reported first")
    def stories(actor: str | None = None, country: str | None = None, root: Root = None,
                since: dt.date | None = None, until: dt.date | None = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        where = StoryFilter(actor=actor, country=country, root=root, since=since, until=until)
        return {"items": query(store.stories, where, limit=limit, offset=offset),
                "total": query(store.count_stories, where)}

    @app.get("/actors", summary="Resolved actors by mentions")
    def actors(country: str | None = None, limit: Limit = 50) -> dict[str, Any]:
        items = query(store.actors, country=country, limit=limit)
        return {"items": items, "total": len(items)}

    @app.get("/trends", summary="Counts by quad class and Goldstein per period")
    def trend(dyad: Annotated[str | None, Query(pattern=r"^[^:]+:[^:]+$", description="A:B")] = None,
              country: str | None = None,
              by: Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$")] = "week",
              since: dt.date | None = None, until: dt.date | None = None, directed: bool = False,
              count: Annotated[str, Query(pattern="^(stories|events)$")] = "stories") -> dict[str, Any]:
        spec = TrendQuery(dyad=tuple(dyad.split(":")) if dyad else None, country=country, by=by,
                          since=since, until=until, directed=directed, count=count)
        items = [p.as_dict() for p in query(trends, store, spec)]
        return {"items": items, "total": len(items)}

    @app.get("/alerts", summary="Alerts of the server's watchlist (dyad serve --watchlist)")
    def alerts(since: dt.date | None = None) -> dict[str, Any]:
        items = [a.as_dict() for w in watches for a in query(run_watch, store, w, since=since)]
        return {"items": items, "total": len(items)}

    @app.get("/network", summary="Who acts on whom: country pairs weighted by stories")
    def network(limit: Annotated[int, Query(ge=1, le=200)] = 40) -> dict[str, Any]:
        items = query(store.network, limit=limit)
        return {"items": items, "total": len(items)}

    @app.get("/map.svg", summary="World map of stories by location country", response_class=Response)
    def world_map() -> Response:
        counts, points = query(store.located)
        return Response(worldmap.svg(counts, points=points, title="Stories by where they happened"),
                        media_type="image/svg+xml")

    @app.get("/", summary="The dashboard", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(DASHBOARD.read_text(encoding="utf-8"))

    @app.get("/articles/{doc_id}", summary="One article, with its events")
    def article(doc_id: str) -> dict[str, Any]:
        row = query(store.article, doc_id)
        if row is None:
            raise HTTPException(404, f"no article {doc_id!r}")
        row["events"] = query(store.events, EventFilter(doc_id=doc_id))
        return row

    return app
