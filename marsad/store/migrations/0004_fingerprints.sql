-- Marsad store, migration 4: a fingerprint of each stored article and story (sha1 of its JSON form), so a
-- re-saved record that has not changed is skipped instead of being deleted and written again.
-- NULL (rows saved before this migration) never matches, so those are rewritten once.

ALTER TABLE articles ADD COLUMN fingerprint TEXT;
ALTER TABLE stories ADD COLUMN fingerprint TEXT;
