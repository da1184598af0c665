-- Read status belongs to readers (issue 17). A list entry's read checkbox becomes its list owner's read status of the
-- paper (reader_read): a reader's own list shows that reader's, and the catalogue's lists (the seed lists, those
-- editors import) show the seed owner's, the reader named by readnext.seed.owner (Flyway placeholder seed_owner).
-- The checkboxes ticked so far become that reader's reads, so every entry that showed read still does; a paper
-- ticked in one catalogue list now shows read in all of them, being read by the one owner.
INSERT INTO reader (subject) VALUES ('${seed_owner}') ON CONFLICT (subject) DO NOTHING;
INSERT INTO reader_read (reader_id, paper_id)
SELECT DISTINCT r.id, e.paper_id
FROM reading_list_entry e JOIN reading_list l ON l.id = e.list_id
     JOIN reader r ON r.subject = '${seed_owner}'
WHERE e.read AND l.owner_id IS NULL
ORDER BY 2
ON CONFLICT DO NOTHING;
ALTER TABLE reading_list_entry DROP COLUMN read;

-- Who may see a list: the catalogue's lists are public; a reader's own list is private to the reader until the
-- reader makes it public (then anyone can fetch it by id, with its entries and their checkboxes).
ALTER TABLE reading_list ADD COLUMN visibility text NOT NULL DEFAULT 'PRIVATE'
    CHECK (visibility IN ('PRIVATE', 'PUBLIC'));
UPDATE reading_list SET visibility = 'PUBLIC' WHERE owner_id IS NULL;
ALTER TABLE reading_list ADD CONSTRAINT reading_list_catalogue_public CHECK (owner_id IS NOT NULL OR visibility = 'PUBLIC');
