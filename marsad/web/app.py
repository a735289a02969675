"""FastAPI application: RTL pages for people and a JSON API (OpenAPI at ``/openapi.json``).

Pages: ``/`` (stories, newest first, with a search box), ``/stories/{id}`` (the story brief, rendered
with the same template as the static report, names linked to their pages), ``/search?q=``,
``/entities/{id}`` (a name across stories, with what it is quoted saying). API: ``/api/stories``,
``/api/stories/{id}``, ``/api/articles/{id}``, ``/api/entities/{id}`` (an entity across stories),
``/api/search?q=``, ``/api/health``. The store is opened per request (SQLite connections are cheap and this keeps threads apart).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from marsad.model import Quote, Result, Story, article_to_dict, story_to_dict
from marsad.store import Store, open_store


def create_app(db_path: str | Path) -> FastAPI:
    """The web UI and JSON API over the store at ``db_path`` (a SQLite path or a postgresql:// URL)."""
    db = str(db_path)
    # No /docs: Swagger UI loads its assets from a CDN, which an offline newsroom cannot reach.
    app = FastAPI(title="Marsad", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Arabic news stories: entities, quotes, timelines and claims.")

    def store() -> Iterator[Store]:
        opened = open_store(db)
        try:
            yield opened
        finally:
            opened.close()

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "store": str(db)}

    @app.get("/api/stories")
    def list_stories(s: Store = Depends(store)) -> list[dict[str, Any]]:
        return [_story_row(story) for story in s.stories()]

    @app.get("/api/stories/{story_id}")
    def get_story(story_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        return story_to_dict(_story_or_404(s, story_id))

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        article = s.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id}")
        return article_to_dict(article)

    @app.get("/api/entities/{entity_id}")
    def get_entity(entity_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        """An entity across the store: every story it appears in, with the spellings used there (a person
        written another way in another story is included under the id it has there)."""
        found = s.entity_stories(entity_id)
        if not found:
            raise HTTPException(404, f"no entity {entity_id}")
        variants = sorted({v for f in found for v in f.variants} | {f.name for f in found})
        return {"id": entity_id, "type": found[0].type, "name": found[0].name, "variants": variants,
                "stories": [{"id": f.story_id, "title": f.story_title, "name": f.name, "entity_id": f.entity_id}
                            for f in found]}

    @app.get("/api/search")
    def api_search(q: str = Query(min_length=1), limit: int = Query(20, ge=1, le=200),
                   s: Store = Depends(store)) -> list[dict[str, str]]:
        return [{"article_id": h.article_id, "title": h.title, "snippet": h.snippet} for h in s.search(q, limit)]

    @app.get("/", response_class=HTMLResponse)
    def index(s: Store = Depends(store)) -> str:
        return _page("index.html.j2", stories=[_story_row(x) for x in s.stories()], query="", hits=None, links={})

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = "", s: Store = Depends(store)) -> str:
        hits = s.search(q, 50) if q.strip() else []
        links = {h.article_id: _article_link(s, h.article_id) for h in hits}
        return _page("index.html.j2", stories=[], query=q, hits=hits, links=links)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str, s: Store = Depends(store)) -> str:
        from marsad.report import render_html

        story = _story_or_404(s, story_id)
        articles = [a for a in (s.article(i) for i in story.article_ids) if a is not None]
        return render_html(Result(articles=articles, stories=[story]), entity_pages="/entities/")

    @app.get("/entities/{entity_id}", response_class=HTMLResponse)
    def entity_page(entity_id: str, s: Store = Depends(store)) -> str:
        """A name across the store: its spellings, the stories it appears in (under the name used there),
        its roles and what it is quoted saying in each."""
        found = s.entity_stories(entity_id)
        if not found:
            raise HTTPException(404, f"no entity {entity_id}")
        rows = []
        for appearance in found:
            story = s.story(appearance.story_id)
            if story is None:
                continue
            entity = next((e for e in story.entities if e.id == appearance.entity_id), None)
            quotes = _statements([q for q in story.quotes if q.speaker_entity_id == appearance.entity_id])
            rows.append({"story": story, "name": appearance.name, "roles": entity.roles if entity else [],
                         "articles": len(entity.article_ids) if entity else 0, "quotes": quotes,
                         "same_id": appearance.entity_id == entity_id})
        variants = sorted({v for f in found for v in f.variants} | {f.name for f in found})
        return _page("entity.html.j2", entity_name=found[0].name, type=found[0].type, variants=variants, rows=rows,
                     type_labels=ENTITY_TYPE_LABELS)

    return app


# How the entity page names a type.
ENTITY_TYPE_LABELS = {"PER": "شخص", "ORG": "هيئة أو منظمة", "LOC": "مكان", "MISC": "أخرى"}


def _statements(quotes: list[Quote]) -> list[tuple[Quote, int]]:
    """One quote per statement (quotes of one ``group`` are the same statement carried by several articles),
    with how many articles carry it, in the story's order."""
    first: dict[str, Quote] = {}
    carriers: dict[str, set[str]] = {}
    for i, q in enumerate(quotes):
        key = q.group or f"#{i}"
        first.setdefault(key, q)
        carriers.setdefault(key, set()).add(q.article_id)
    return [(q, len(carriers[key])) for key, q in first.items()]


def _article_link(s: Store, article_id: str) -> str:
    """The article's card on its story page (that page shows one story, numbered 1), else its JSON."""
    from marsad.report import anchor

    story_ids = s.story_ids_of(article_id)
    if not story_ids:
        return f"/api/articles/{article_id}"
    return f"/stories/{story_ids[0]}#{anchor(1, article_id)}"


def _story_or_404(s: Store, story_id: str) -> Story:
    story = s.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return story


def _story_row(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "articles": len(story.article_ids),
            "entities": len(story.entities), "quotes": len(story.quotes), "claims": len(story.claims)}


def _page(template: str, **context: Any) -> str:
    from marsad.report import render_template

    return render_template(template, **context)
