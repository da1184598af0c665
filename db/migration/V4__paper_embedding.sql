-- Sentence embeddings of papers (recommend.embedding), computed in the background by one replica at a time and
-- followed by every replica: int8 values with their scale, tagged with the model that made them (a row of another
-- model counts as not embedded). seq numbers every write, so a replica reads only the rows written since it last
-- looked (NOTIFY readnext_embeddings wakes it).
CREATE SEQUENCE paper_embedding_seq;

CREATE TABLE paper_embedding (
    paper_id    bigint      PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    model       text        NOT NULL,
    vector      bytea       NOT NULL,
    scale       real        NOT NULL,
    seq         bigint      NOT NULL,
    embedded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX paper_embedding_seq_idx ON paper_embedding (seq);

CREATE FUNCTION number_paper_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.seq := nextval('paper_embedding_seq');
    RETURN NEW;
END
$$;

CREATE TRIGGER paper_embedding_numbered BEFORE INSERT OR UPDATE ON paper_embedding
    FOR EACH ROW EXECUTE FUNCTION number_paper_embedding();

-- An embedding is deleted with the text it was made from: the paper is then pending again. Unlike the change log this
-- also runs in bulk imports (readnext.bulk), which change texts too; a delete by primary key per changed row.
--
-- The worker stores an embedding only after locking the paper row FOR UPDATE and reading its text again. A paper
-- update or an alias insert (its foreign key check) locks the paper row too, so one of the two waits for the other.
-- An alias delete or update would not, hence the explicit lock here: whichever comes second sees the other's work.
CREATE FUNCTION forget_paper_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    IF TG_TABLE_NAME = 'paper' THEN
        changed := NEW.id;
    ELSE
        changed := CASE WHEN TG_OP = 'DELETE' THEN OLD.paper_id ELSE NEW.paper_id END;
        PERFORM 1 FROM paper WHERE id = changed FOR KEY SHARE;
        IF TG_OP = 'UPDATE' AND OLD.paper_id <> NEW.paper_id THEN
            PERFORM 1 FROM paper WHERE id = OLD.paper_id FOR KEY SHARE;
            DELETE FROM paper_embedding WHERE paper_id = OLD.paper_id;
        END IF;
    END IF;
    DELETE FROM paper_embedding WHERE paper_id = changed;
    RETURN NULL;
END
$$;

CREATE TRIGGER paper_text_changed_embedding AFTER UPDATE OF title, tldr, abstract ON paper
    FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.tldr IS DISTINCT FROM NEW.tldr
          OR OLD.abstract IS DISTINCT FROM NEW.abstract)
    EXECUTE FUNCTION forget_paper_embedding();
CREATE TRIGGER paper_alias_changed_embedding AFTER INSERT OR DELETE OR UPDATE ON paper_alias
    FOR EACH ROW EXECUTE FUNCTION forget_paper_embedding();
