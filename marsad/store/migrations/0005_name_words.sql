-- Marsad store, migration 5: an index of the words of stored entity names by consonant skeleton, so a
-- search word finds the other spellings of a name («ايجور» → «إيغور») with one indexed lookup instead of
-- a scan of every stored variant. word = a word of marsad.text.normalize.match_key(variant);
-- skeleton = marsad.text.normalize.skeleton(word). Rows are added when a story is saved and rebuilt
-- from entity_variants by reindex(); a word whose only story was deleted may stay (it can only widen a
-- search to a spelling that was once stored, never hide a match).

CREATE TABLE name_words (
    skeleton TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (skeleton, word)
) WITHOUT ROWID;

-- Filled from the stored variants by the store when it opens (the skeleton is computed in Python).
UPDATE store_meta SET value = 'stale' WHERE key = 'fts_normaliser';
