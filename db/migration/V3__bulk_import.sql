-- Bulk imports (arXiv metadata, tens of thousands of papers in one transaction) must not log and announce every paper:
-- each replica would then refresh 75k papers one by one. A bulk import runs `SET LOCAL readnext.bulk = 'on'`, which
-- the trigger honours, and logs one rebuild marker instead (a row with rebuild = true and no paper) plus one NOTIFY:
-- a replica that reads the marker, at once or later when catching up, rebuilds its whole index from the database.
ALTER TABLE paper_change ALTER COLUMN paper_id DROP NOT NULL;
ALTER TABLE paper_change ADD COLUMN rebuild boolean NOT NULL DEFAULT false;
ALTER TABLE paper_change ADD CONSTRAINT paper_change_paper_or_rebuild CHECK (rebuild = (paper_id IS NULL));

CREATE OR REPLACE FUNCTION record_paper_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    IF current_setting('readnext.bulk', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'paper' THEN
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.paper_id ELSE NEW.paper_id END;
    END IF;
    INSERT INTO paper_change (paper_id) VALUES (changed);
    PERFORM pg_notify('readnext_paper_changes', changed::text);
    RETURN NULL;
END
$$;

-- Papers created by a bulk import follow their arXiv metadata when it is imported again (title, abstract, authors,
-- year); papers that came from reading lists or editors keep theirs and only gain what they lack.
ALTER TABLE paper ADD COLUMN arxiv_metadata boolean NOT NULL DEFAULT false;
