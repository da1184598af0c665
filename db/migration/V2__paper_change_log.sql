-- Every change to what the recommendation index reads (a paper's title, TL;DR, abstract, aliases; papers added or
-- deleted) is logged and announced, so every replica can bring its in-memory index up to date: the NOTIFY wakes
-- listening replicas at commit, the log lets a replica that was not listening catch up.
CREATE TABLE paper_change (
    seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    paper_id   bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX paper_change_changed_at_idx ON paper_change (changed_at);

CREATE FUNCTION record_paper_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
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

CREATE TRIGGER paper_changed AFTER INSERT OR DELETE OR UPDATE OF title, tldr, abstract ON paper
    FOR EACH ROW EXECUTE FUNCTION record_paper_change();
CREATE TRIGGER paper_alias_changed AFTER INSERT OR DELETE OR UPDATE ON paper_alias
    FOR EACH ROW EXECUTE FUNCTION record_paper_change();
