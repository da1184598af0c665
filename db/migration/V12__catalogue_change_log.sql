-- Every replica keeps the structure recommendations read (topics, catalogue list sections, course sessions and
-- order, learning paths, duplicates, years, names) in memory (issue 15), kept current by the change log like the
-- text index:
-- * what belongs to one paper (its topics, year, normalised title, arXiv id, title and curated aliases) is logged as a
--   change of that paper: paper_topic rows now log one, and so do updates of those paper columns;
-- * the groups (topics' names, catalogue lists and their entries, courses and their sessions, learning paths) log one
--   catalogue marker per writing transaction (a row with catalogue set), upon which replicas reload them. A reader's
--   own lists are no group (recommendations read catalogue lists only), so their entries log nothing.
ALTER TABLE paper_change ADD COLUMN catalogue boolean NOT NULL DEFAULT false;
ALTER TABLE paper_change DROP CONSTRAINT paper_change_one_kind;
ALTER TABLE paper_change ADD CONSTRAINT paper_change_one_kind
    CHECK (num_nonnulls(paper_id, weighting) + rebuild::int + catalogue::int = 1);

DROP TRIGGER paper_changed ON paper;
CREATE TRIGGER paper_changed AFTER INSERT OR DELETE OR UPDATE OF title, tldr, abstract, year, title_key, arxiv_id
    ON paper FOR EACH ROW EXECUTE FUNCTION record_paper_change();
CREATE TRIGGER paper_topic_changed AFTER INSERT OR DELETE OR UPDATE ON paper_topic
    FOR EACH ROW EXECUTE FUNCTION record_paper_change();

-- One marker per transaction, however many statements it runs: the transaction-local setting remembers it.
CREATE FUNCTION log_catalogue_change() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('readnext.catalogue_logged', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('readnext.catalogue_logged', txid_current()::text, true);
        INSERT INTO paper_change (catalogue) VALUES (true);
        PERFORM pg_notify('readnext_paper_changes', 'catalogue');
    END IF;
END
$$;

-- A statement that changed no row (an INSERT … ON CONFLICT DO NOTHING that found everything there) logs nothing:
-- each trigger reads its statement's rows (a transition table, one event per trigger as PostgreSQL requires).
CREATE FUNCTION record_catalogue_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        PERFORM log_catalogue_change();
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['topic', 'course', 'course_session', 'session_reading', 'learning_path',
                             'learning_path_step'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_rows()', t || '_catalogue_inserted', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_rows()', t || '_catalogue_deleted', t);
        IF t <> 'topic' THEN
            EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed'
                           ' FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_rows()', t || '_catalogue_updated', t);
        END IF;
    END LOOP;
END
$$;

-- A topic's name only: its paper_count changes with every paper tagged (migration V10) and matters to no replica.
-- (PostgreSQL allows no transition table on a trigger with a column list.)
CREATE FUNCTION record_catalogue_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM log_catalogue_change();
    RETURN NULL;
END
$$;
CREATE TRIGGER topic_catalogue_renamed AFTER UPDATE OF name ON topic
    FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_change();

-- Lists and their entries log only for catalogue lists (no owner). PostgreSQL allows a transition table on a trigger
-- of one event only: three triggers per table, each function reading the table its event has.
CREATE FUNCTION record_catalogue_list_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM added WHERE owner_id IS NULL) THEN
        PERFORM log_catalogue_change();
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION record_catalogue_list_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM removed WHERE owner_id IS NULL) THEN
        PERFORM log_catalogue_change();
    END IF;
    RETURN NULL;
END
$$;

-- An entry's list may be gone by the time its deletion is seen (a list deleted with its entries): the list's own
-- trigger logs that one.
CREATE FUNCTION record_catalogue_entry_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM added e JOIN reading_list l ON l.id = e.list_id WHERE l.owner_id IS NULL) THEN
        PERFORM log_catalogue_change();
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION record_catalogue_entry_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM removed e JOIN reading_list l ON l.id = e.list_id WHERE l.owner_id IS NULL) THEN
        PERFORM log_catalogue_change();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER reading_list_inserted AFTER INSERT ON reading_list
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_list_added();
CREATE TRIGGER reading_list_updated AFTER UPDATE ON reading_list
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_list_added();
CREATE TRIGGER reading_list_deleted AFTER DELETE ON reading_list
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_list_removed();
CREATE TRIGGER reading_list_entry_inserted AFTER INSERT ON reading_list_entry
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_entry_added();
CREATE TRIGGER reading_list_entry_updated AFTER UPDATE ON reading_list_entry
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_entry_added();
CREATE TRIGGER reading_list_entry_deleted AFTER DELETE ON reading_list_entry
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION record_catalogue_entry_removed();
