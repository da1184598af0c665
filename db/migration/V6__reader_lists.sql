-- A reader's own reading lists (issue 17, saveToList): reading_list rows with an owner, private to that reader.
-- Lists without an owner are the catalogue's (the seed lists, importReadingList): unchanged, and still unique by
-- slug; a reader's list is unique by slug among that reader's lists only, so no name a reader picks can clash with,
-- or reveal, another's.
--
-- Entries of a reader's list are written with no section and read = false: the structure signals (StructureSignals
-- reads sections) and the read filters (reading_list_entry.read) never see them, and every catalogue query filters
-- owner_id IS NULL.
ALTER TABLE reading_list ADD COLUMN owner_id bigint REFERENCES reader (id) ON DELETE CASCADE;
ALTER TABLE reading_list DROP CONSTRAINT reading_list_slug_unique;
CREATE UNIQUE INDEX reading_list_slug_unique ON reading_list (slug) WHERE owner_id IS NULL;
CREATE UNIQUE INDEX reading_list_owner_slug_unique ON reading_list (owner_id, slug) WHERE owner_id IS NOT NULL;
