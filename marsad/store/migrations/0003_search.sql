-- Marsad store, migration 3: full-text search over NORMALISED text.
-- title and body hold marsad.text.normalize.match_key(...) of the article's title and text (spelling
-- variants folded: diacritics, tatweel, alef/hamza forms, ى/ي, ة/ه, digits); bare holds the same words
-- with their proclitics (و/ف/ب/ل/ك + ال) stripped, so «والجيش» is found by «الجيش» and «جيش».
-- The original text stays in articles. rowid = articles.seq. Queries are normalised the same way.
-- marsad_match_key and marsad_bare_words are SQL functions the store registers on its connection.

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title,
    body,
    bare,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts(rowid, title, body, bare)
SELECT seq, marsad_match_key(title), marsad_match_key(text), marsad_bare_words(title || ' ' || text)
FROM articles;

CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Which normaliser built articles_fts: an index built by another one must be rebuilt (reindex()).
INSERT INTO store_meta(key, value) VALUES ('fts_normaliser', 'match_key+strip_clitics/1');
