-- Marsad store (PostgreSQL), migration 5 (as the SQLite store's migration 7): stored people indexed by their surnames, so finding a person's appearances under
-- other spellings in other stories («ايجور كوناشنكوف», «كوناشنكوف» alone) compares it with the people whose
-- last name could be a spelling of its own, not with every stored person. key = one of
-- marsad.entities.across.surname_keys(the entity's name and variants), computed in Python; one row per key of
-- each person entity (entities.type = 'PER') of a story, deleted with the story's other rows.

CREATE TABLE person_surnames (
    story_id TEXT NOT NULL,
    entity_position INTEGER NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (story_id, entity_position, key)
);
CREATE INDEX person_surnames_key ON person_surnames (key);

-- Filled from the stored people by the store when it opens (reindex()).
UPDATE store_meta SET value = 'stale' WHERE key = 'fts_normaliser';
