-- Marsad store (PostgreSQL), migration 4: where each piece of claim evidence is in its article (character offsets into the cleaned
-- text, as for quotes); -1 for evidence saved before the offsets were recorded.

ALTER TABLE claim_evidence ADD COLUMN char_start INTEGER NOT NULL DEFAULT -1;
ALTER TABLE claim_evidence ADD COLUMN char_end INTEGER NOT NULL DEFAULT -1;
