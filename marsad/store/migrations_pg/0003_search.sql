-- Marsad store (PostgreSQL), migration 3: full-text search over NORMALISED text, and the words of stored
-- names by consonant skeleton (as the SQLite store's migrations 3 and 5).
-- articles_fts.document is built by the store in Python from marsad.text.normalize.match_key(...) of the
-- title (weight A), of the text (weight B) and the same words with their proclitics stripped (weight D,
-- so «والجيش» is found by «الجيش» and «جيش»): the words are split in Python and joined by spaces before
-- to_tsvector('simple', ...), so the server's locale and parser cannot split or glue them differently.
-- Queries are normalised the same way and ranked with ts_rank, the title weighted highest.

CREATE TABLE articles_fts (
    seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX articles_fts_document ON articles_fts USING GIN (document);

-- word = a word of match_key(variant) of a stored entity name; skeleton = marsad.text.normalize.skeleton(word).
CREATE TABLE name_words (
    skeleton TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (skeleton, word)
);

CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Which normaliser built articles_fts and name_words: the store rebuilds them when it differs (reindex()).
-- 'stale' makes the first store that opens the database fill them from whatever is already stored.
INSERT INTO store_meta (key, value) VALUES ('fts_normaliser', 'stale');
