-- Marsad store, migration 2: stories and everything derived from them.
-- Every row below a story carries story_id; re-saving a story deletes and rewrites them.
-- article_id columns are not foreign keys: a story may name articles saved by another batch.

CREATE TABLE stories (
    seq INTEGER PRIMARY KEY,               -- insertion order; kept when a story is re-saved
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT ''
);

CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_articles_article ON story_articles(article_id);

CREATE TABLE entities (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC', 'MISC')),
    name TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX entities_id ON entities(entity_id);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE entity_variants (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    variant TEXT NOT NULL,
    PRIMARY KEY (story_id, entity_position, position)
);

CREATE TABLE entity_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, entity_position, position)
);

CREATE TABLE entity_roles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (story_id, entity_position, position)
);

CREATE TABLE entity_mentions (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    entity_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    PRIMARY KEY (story_id, entity_position, position)
);

CREATE TABLE quotes (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    speaker TEXT,
    speaker_entity_id TEXT,
    cue TEXT NOT NULL DEFAULT '',
    sentence INTEGER NOT NULL DEFAULT -1,
    quote_group TEXT,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

CREATE TABLE quote_via (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    quote_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    via TEXT NOT NULL,
    PRIMARY KEY (story_id, quote_position, position)
);

CREATE TABLE timeline (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value TEXT NOT NULL,
    text TEXT NOT NULL,
    article_id TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX timeline_value ON timeline(value);

CREATE TABLE timeline_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    event_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, event_position, position)
);

CREATE TABLE summary (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (story_id, position)
);

CREATE TABLE summary_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    sentence_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, sentence_position, position)
);

CREATE TABLE claims (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('corroborated', 'single_source', 'disputed')),
    PRIMARY KEY (story_id, position)
);

CREATE TABLE claim_articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    claim_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (story_id, claim_position, position)
);

CREATE TABLE claim_evidence (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    claim_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    sentence TEXT NOT NULL,
    relation TEXT NOT NULL DEFAULT 'supports',   -- supports | contradicts
    PRIMARY KEY (story_id, claim_position, position)
);
