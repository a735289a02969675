-- Marsad store, migration 1: articles (with their derived rows) and rejected inputs.
-- Offsets (char_start/char_end) are character offsets into articles.text, the cleaned text.

CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,               -- insertion order; kept when an article is re-saved
    id TEXT NOT NULL UNIQUE,               -- content hash given by ingest
    source TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    outlet TEXT,
    url TEXT,
    published TEXT,
    published_evidence TEXT,
    language TEXT NOT NULL DEFAULT 'und',
    encoding TEXT,
    duplicate_of TEXT,
    meta TEXT NOT NULL DEFAULT '{}'        -- JSON object
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE article_removed (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    line INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE article_paragraphs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    language TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE article_sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL,
    language TEXT NOT NULL DEFAULT 'ar',
    PRIMARY KEY (article_id, position)
);

CREATE TABLE article_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC', 'MISC')),
    source TEXT NOT NULL DEFAULT 'rule',
    entity_id TEXT,
    role TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_mentions_entity ON article_mentions(entity_id);

CREATE TABLE article_times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'date',
    resolution TEXT NOT NULL DEFAULT '',
    sentence INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_times_value ON article_times(value);

CREATE TABLE rejected (
    seq INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT 'E000',
    UNIQUE (source, reason)
);
