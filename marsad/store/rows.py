"""Records <-> rows for the stores (the tables of ``migrations/`` and ``migrations_pg/``, which match).

Writing functions run inside the caller's transaction and never commit. Child rows carry a
``position`` so lists come back in the order they were saved. SQL here is written once, with ``?``
placeholders, for any ``Connection`` that behaves as ``sqlite3.Connection`` does (the PostgreSQL store
passes an adapter); what differs between backends is the search index (``SearchIndex``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol

from marsad.model import (
    Article,
    Claim,
    Entity,
    Evidence,
    Mention,
    Paragraph,
    Quote,
    Rejection,
    Removed,
    Sentence,
    Story,
    SummarySentence,
    TimeExpression,
    TimelineEvent,
    article_to_dict,
    story_to_dict,
)
from marsad.text.normalize import match_key, skeleton
from marsad.text.tokens import WORD_CHARS, is_arabic, strip_clitics

Outcome = Literal["added", "updated", "unchanged"]


class Row(Protocol):
    """A result row read by column name or position (``sqlite3.Row`` and the PostgreSQL store's rows)."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What the row functions need of a connection: ``sqlite3.Connection``'s ``execute`` and ``executemany``
    with ``?`` placeholders, rows as ``Row``."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...


class SearchIndex(Protocol):
    """The backend's full-text index of articles, keyed by ``articles.seq``."""

    def add(self, conn: Connection, seq: int, title: str, text: str) -> None: ...

    def remove(self, conn: Connection, seq: int) -> None: ...

ARTICLE_COLUMNS = ("id", "source", "title", "text", "outlet", "url", "published", "published_evidence",
                   "language", "encoding", "duplicate_of")


@dataclass(frozen=True, slots=True)
class Child:
    """A list field of an article stored as rows: table, record type, (column, field) pairs."""

    table: str
    record: type
    columns: tuple[tuple[str, str], ...]
    attribute: str

    def rows(self, owner_id: str, items: Sequence[Any]) -> list[tuple[Any, ...]]:
        return [(owner_id, i, *(getattr(item, f) for _, f in self.columns)) for i, item in enumerate(items)]

    def insert_sql(self) -> str:
        names = ", ".join(c for c, _ in self.columns)
        marks = ", ".join("?" * (len(self.columns) + 2))
        return f"INSERT INTO {self.table} (article_id, position, {names}) VALUES ({marks})"

    def select_sql(self, where: str) -> str:
        names = ", ".join(c for c, _ in self.columns)
        return f"SELECT article_id, {names} FROM {self.table} {where} ORDER BY article_id, position"

    def build(self, row: Row) -> Any:
        return self.record(**{f: row[c] for c, f in self.columns})


_SPAN = (("char_start", "start"), ("char_end", "end"))
ARTICLE_CHILDREN = (
    Child("article_removed", Removed, (("text", "text"), ("reason", "reason"), ("line", "line")), "removed"),
    Child("article_paragraphs", Paragraph, (*_SPAN, ("language", "language")), "paragraphs"),
    Child("article_sentences", Sentence, (*_SPAN, ("sentence_index", "index"), ("language", "language")),
          "sentences"),
    Child("article_mentions", Mention, (*_SPAN, ("text", "text"), ("type", "type"), ("source", "source"),
                                        ("entity_id", "entity_id"), ("role", "role")), "mentions"),
    Child("article_times", TimeExpression, (*_SPAN, ("text", "text"), ("value", "value"), ("kind", "kind"),
                                            ("resolution", "resolution"), ("sentence", "sentence")), "times"),
)

# Which normaliser built a store's search index (store_meta.fts_normaliser): change it when match_key,
# bare_words or how words are split changes, and each store rebuilds its index when it next opens.
SEARCH_NORMALISER = "match_key+strip_clitics/1"
NAME_WORD_MIN = 3  # shorter words (ال, بن, أبو-less stubs) would match too many unrelated names
STORY_TABLES = ("story_articles", "entities", "entity_variants", "entity_articles", "entity_roles",
                "entity_mentions", "quotes", "quote_via", "timeline", "timeline_articles", "summary",
                "summary_articles", "claims", "claim_articles", "claim_evidence", "person_surnames")


# ---------------------------------------------------------------- search keys


def fts_columns(title: str, text: str) -> tuple[str, str, str]:
    """What articles_fts holds for an article: normalised title, normalised text, clitic-free words."""
    title_key, text_key = match_key(title), match_key(text)
    return title_key, text_key, _bare_keys(f"{title_key} {text_key}")


_WORD = re.compile(f"[{WORD_CHARS}]+")


def bare_words(text: str) -> str:
    """The words of ``text`` as ``tokens.word_keys`` gives them (normalised, proclitics stripped).

    Same keys, computed with one ``match_key`` over the whole text instead of one per word (15x faster
    on news articles).
    """
    return _bare_keys(match_key(text))


def _bare_keys(key: str) -> str:
    return " ".join(_bare(word) for word in _WORD.findall(key))


@lru_cache(maxsize=200_000)
def _bare(word: str) -> str:
    return strip_clitics(word)[1] if is_arabic(word) else word


# ---------------------------------------------------------------- articles


def fingerprint(document: Any) -> str:
    """sha1 of a record's JSON form: equal fingerprints mean nothing to rewrite."""
    text = json.dumps(document, ensure_ascii=False, default=str, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class Fts5Index:
    """SQLite's ``articles_fts`` (FTS5; migration 3), rowid = ``articles.seq``."""

    def add(self, conn: Connection, seq: int, title: str, text: str) -> None:
        conn.execute("INSERT INTO articles_fts (rowid, title, body, bare) VALUES (?, ?, ?, ?)",
                     (seq, *fts_columns(title, text)))

    def remove(self, conn: Connection, seq: int) -> None:
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (seq,))


FTS5 = Fts5Index()


def write_article(conn: Connection, article: Article, index: SearchIndex = FTS5) -> Outcome:
    """Insert one article and its rows, or replace them when it changed."""
    meta = json.dumps(article.meta, ensure_ascii=False, default=str, sort_keys=True)
    mark = fingerprint([article_to_dict(article), meta])
    row = conn.execute("SELECT seq, fingerprint FROM articles WHERE id = ?", (article.id,)).fetchone()
    if row is not None and row["fingerprint"] == mark:
        return "unchanged"
    values = (*(getattr(article, c) for c in ARTICLE_COLUMNS), meta, mark)
    if row is None:
        seq = int(conn.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, meta, fingerprint) "
                               f"VALUES ({', '.join('?' * len(values))}) RETURNING seq", values).fetchone()[0])
    else:
        seq = int(row["seq"])
        assignments = ", ".join(f"{c} = ?" for c in (*ARTICLE_COLUMNS[1:], "meta", "fingerprint"))
        conn.execute(f"UPDATE articles SET {assignments} WHERE seq = ?", (*values[1:], seq))
        for child in ARTICLE_CHILDREN:
            conn.execute(f"DELETE FROM {child.table} WHERE article_id = ?", (article.id,))
        index.remove(conn, seq)
    for child in ARTICLE_CHILDREN:
        rows = child.rows(article.id, getattr(article, child.attribute))
        if rows:
            conn.executemany(child.insert_sql(), rows)
    index.add(conn, seq, article.title, article.text)
    return "added" if row is None else "updated"


def read_articles(conn: Connection, ids: Sequence[str] | None = None) -> list[Article]:
    """Articles in the order they were first saved; all of them, or those whose id is in ``ids``."""
    where, params = _id_filter("id", ids)
    rows = conn.execute(f"SELECT * FROM articles {where} ORDER BY seq", params).fetchall()
    articles = [_article_from_row(row) for row in rows]
    child_where, _ = _id_filter("article_id", ids)
    for child in ARTICLE_CHILDREN:
        grouped = _group(conn.execute(child.select_sql(child_where), params), child.build)
        for article in articles:
            setattr(article, child.attribute, grouped.get(article.id, []))
    return articles


def _article_from_row(row: Row) -> Article:
    article = Article(**{c: row[c] for c in ARTICLE_COLUMNS})
    article.meta = json.loads(row["meta"])
    return article


# ---------------------------------------------------------------- rejected


def write_rejections(conn: Connection, rejected: Iterable[Rejection]) -> int:
    added = 0
    for item in rejected:
        cursor = conn.execute("INSERT INTO rejected (source, reason, code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                              (item.source, item.reason, item.code))
        added += cursor.rowcount
    return added


def read_rejections(conn: Connection) -> list[Rejection]:
    rows = conn.execute("SELECT source, reason, code FROM rejected ORDER BY seq")
    return [Rejection(row["source"], row["reason"], row["code"]) for row in rows]


# ---------------------------------------------------------------- stories


def write_story(conn: Connection, story: Story) -> Outcome:
    """Insert a story, or replace everything derived from it when it changed."""
    mark = fingerprint(story_to_dict(story))
    row = conn.execute("SELECT fingerprint FROM stories WHERE id = ?", (story.id,)).fetchone()
    if row is not None and row["fingerprint"] == mark:
        return "unchanged"
    if row is None:
        conn.execute("INSERT INTO stories (id, title, fingerprint) VALUES (?, ?, ?)", (story.id, story.title, mark))
    else:
        conn.execute("UPDATE stories SET title = ?, fingerprint = ? WHERE id = ?", (story.title, mark, story.id))
        for table in STORY_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story.id,))
    _many(conn, "story_articles", 3, [(story.id, i, a) for i, a in enumerate(story.article_ids)])
    _write_entities(conn, story.id, story.entities)
    _write_quotes(conn, story.id, story.quotes)
    _write_timeline(conn, story.id, story.timeline)
    _write_summary(conn, story.id, story.summary)
    _write_claims(conn, story.id, story.claims)
    return "added" if row is None else "updated"


def _many(conn: Connection, table: str, width: int, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * width)})", rows)


def _nested(story_id: str, lists: Iterable[Iterable[Any]]) -> list[tuple[Any, ...]]:
    """Rows (story_id, owner position, position, *value) for a list field of each owner."""
    rows = []
    for owner, values in enumerate(lists):
        for i, value in enumerate(values):
            rows.append((story_id, owner, i, *(value if isinstance(value, tuple) else (value,))))
    return rows


def _write_entities(conn: Connection, story_id: str, entities: list[Entity]) -> None:
    _many(conn, "entities", 5, [(story_id, i, e.id, e.type, e.name) for i, e in enumerate(entities)])
    _many(conn, "entity_variants", 4, _nested(story_id, (e.variants for e in entities)))
    write_name_words(conn, [v for e in entities for v in e.variants])
    write_person_surnames(conn, [(story_id, i, [e.name, *e.variants]) for i, e in enumerate(entities)
                                 if e.type == "PER"])
    _many(conn, "entity_articles", 4, _nested(story_id, (e.article_ids for e in entities)))
    _many(conn, "entity_roles", 4, _nested(story_id, (e.roles for e in entities)))
    _many(conn, "entity_mentions", 6, _nested(story_id, ([tuple(m) for m in e.mentions] for e in entities)))


def name_word_rows(variants: Iterable[str]) -> set[tuple[str, str]]:
    """(skeleton, word) for each word of the normalised ``variants`` long enough to search by."""
    return {(skeleton(w), w) for v in variants for w in match_key(v).split() if len(w) >= NAME_WORD_MIN}


def write_name_words(conn: Connection, variants: Iterable[str]) -> None:
    rows = sorted(name_word_rows(variants))
    if rows:
        conn.executemany("INSERT INTO name_words (skeleton, word) VALUES (?, ?) ON CONFLICT DO NOTHING", rows)


def write_person_surnames(conn: Connection, people: Iterable[tuple[str, int, list[str]]]) -> None:
    """Index rows (story_id, entity position, key) of people given as (story_id, position, names)."""
    from marsad.entities.across import surname_keys

    rows = sorted({(sid, pos, key) for sid, pos, names in people for key in surname_keys(names)})
    if rows:
        conn.executemany("INSERT INTO person_surnames (story_id, entity_position, key) VALUES (?, ?, ?) "
                         "ON CONFLICT DO NOTHING", rows)


def rebuild_person_surnames(conn: Connection) -> None:
    """Refill the surname index from the stored person entities and their variants (in reindex())."""
    conn.execute("DELETE FROM person_surnames")
    people: dict[tuple[str, int], list[str]] = {}
    for sid, pos, name in conn.execute("SELECT story_id, position, name FROM entities WHERE type = 'PER'").fetchall():
        people[(sid, pos)] = [name]
    for sid, pos, variant in conn.execute("SELECT story_id, entity_position, variant FROM entity_variants").fetchall():
        if (sid, pos) in people:
            people[(sid, pos)].append(variant)
    write_person_surnames(conn, [(sid, pos, names) for (sid, pos), names in people.items()])


def _write_quotes(conn: Connection, story_id: str, quotes: list[Quote]) -> None:
    _many(conn, "quotes", 12, [(story_id, i, q.article_id, q.text, q.kind, q.start, q.end, q.speaker,
                                q.speaker_entity_id, q.cue, q.sentence, q.group) for i, q in enumerate(quotes)])
    _many(conn, "quote_via", 4, _nested(story_id, (q.via for q in quotes)))


def _write_timeline(conn: Connection, story_id: str, events: list[TimelineEvent]) -> None:
    _many(conn, "timeline", 6, [(story_id, i, e.value, e.text, e.article_id, e.sentence)
                                for i, e in enumerate(events)])
    _many(conn, "timeline_articles", 4, _nested(story_id, (e.article_ids for e in events)))


def _write_summary(conn: Connection, story_id: str, summary: list[SummarySentence]) -> None:
    _many(conn, "summary", 3, [(story_id, i, s.text) for i, s in enumerate(summary)])
    _many(conn, "summary_articles", 4, _nested(story_id, (s.article_ids for s in summary)))


def _write_claims(conn: Connection, story_id: str, claims: list[Claim]) -> None:
    _many(conn, "claims", 4, [(story_id, i, c.text, c.status) for i, c in enumerate(claims)])
    _many(conn, "claim_articles", 4, _nested(story_id, (c.article_ids for c in claims)))
    evidence = ([(e.article_id, e.sentence, e.relation, e.start, e.end) for e in c.evidence] for c in claims)
    _many(conn, "claim_evidence", 8, _nested(story_id, evidence))


def read_stories(conn: Connection, ids: Sequence[str] | None = None) -> list[Story]:
    """Stories in the order they were first saved, with everything derived from them."""
    where, params = _id_filter("id", ids)
    stories = [Story(id=row["id"], title=row["title"])
               for row in conn.execute(f"SELECT id, title FROM stories {where} ORDER BY seq", params)]
    child_where, _ = _id_filter("story_id", ids)
    reader = _StoryReader(conn, child_where, params)
    for story in stories:
        reader.fill(story)
    return stories


class _StoryReader:
    """Reads every story table once and hands each story its rows."""

    def __init__(self, conn: Connection, where: str, params: Sequence[Any]) -> None:
        self.conn, self.where, self.params = conn, where, params
        self.lists = {table: self._values(table) for table in (
            "story_articles", "entity_variants", "entity_articles", "entity_roles", "entity_mentions",
            "quote_via", "timeline_articles", "summary_articles", "claim_articles", "claim_evidence")}
        self.owners = {table: self._owned(table) for table in ("entities", "quotes", "timeline", "summary", "claims")}

    def _rows(self, table: str, order: str) -> list[Row]:
        return self.conn.execute(f"SELECT * FROM {table} {self.where} ORDER BY {order}", self.params).fetchall()

    def _owned(self, table: str) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in self._rows(table, "story_id, position"):
            grouped[row["story_id"]].append(row)
        return grouped

    def _values(self, table: str) -> dict[tuple[Any, ...], list[Any]]:
        """(story_id[, owner position]) -> the values of the list, in order."""
        grouped: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
        nested = table != "story_articles"  # the others hang off an owner row (entity, quote, claim...)
        for row in self._rows(table, "story_id, 2, position" if nested else "story_id, position"):
            key = (row[0], row[1]) if nested else (row[0],)
            values = tuple(row)[3 if nested else 2:]
            grouped[key].append(values[0] if len(values) == 1 else values)
        return grouped

    def fill(self, story: Story) -> None:
        sid = story.id
        story.article_ids = self.lists["story_articles"].get((sid,), [])
        story.entities = [self._entity(sid, r) for r in self.owners["entities"].get(sid, [])]
        story.quotes = [self._quote(sid, r) for r in self.owners["quotes"].get(sid, [])]
        story.timeline = [TimelineEvent(r["value"], r["text"], r["article_id"], r["sentence"],
                                        self._list("timeline_articles", sid, r)) for r in self.owners["timeline"].get(sid, [])]
        story.summary = [SummarySentence(r["text"], self._list("summary_articles", sid, r))
                         for r in self.owners["summary"].get(sid, [])]
        story.claims = [self._claim(sid, r) for r in self.owners["claims"].get(sid, [])]

    def _list(self, table: str, story_id: str, owner: Row) -> list[Any]:
        return list(self.lists[table].get((story_id, owner["position"]), []))

    def _entity(self, sid: str, r: Row) -> Entity:
        return Entity(id=r["entity_id"], type=r["type"], name=r["name"],
                      variants=self._list("entity_variants", sid, r), article_ids=self._list("entity_articles", sid, r),
                      roles=self._list("entity_roles", sid, r), mentions=self._list("entity_mentions", sid, r))

    def _quote(self, sid: str, r: Row) -> Quote:
        return Quote(article_id=r["article_id"], text=r["text"], kind=r["kind"], start=r["char_start"],
                     end=r["char_end"], speaker=r["speaker"], speaker_entity_id=r["speaker_entity_id"],
                     via=self._list("quote_via", sid, r), cue=r["cue"], sentence=r["sentence"], group=r["quote_group"])

    def _claim(self, sid: str, r: Row) -> Claim:
        evidence = [Evidence(*values) for values in self._list("claim_evidence", sid, r)]
        return Claim(text=r["text"], article_ids=self._list("claim_articles", sid, r), status=r["status"],
                     evidence=evidence)


# ---------------------------------------------------------------- helpers


def _id_filter(column: str, ids: Sequence[str] | None) -> tuple[str, list[str]]:
    if ids is None:
        return "", []
    return f"WHERE {column} IN ({', '.join('?' * len(ids))})", list(ids)


def _group(rows: Iterable[Row], build: Any) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(build(row))
    return grouped
