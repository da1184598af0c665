-- Topic sizes kept with the topic (issue 15). The structure signals weigh a shared topic by its size, and named
-- topics are looked up with theirs; counting paper_topic on every request cost 57 ms for one paper's arXiv categories
-- at 75k papers, and counting every topic for each nextPapers more. Statement-level triggers keep the count exact in
-- the writing transaction (a bulk import updates each topic once per statement), so every replica reads the same.
ALTER TABLE topic ADD COLUMN paper_count integer NOT NULL DEFAULT 0 CHECK (paper_count >= 0);
UPDATE topic t SET paper_count = c.n
FROM (SELECT topic_id, count(*) AS n FROM paper_topic GROUP BY topic_id) c
WHERE c.topic_id = t.id;

CREATE FUNCTION count_topic_papers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE topic t SET paper_count = t.paper_count + a.n
        FROM (SELECT topic_id, count(*) AS n FROM added GROUP BY topic_id) a
        WHERE t.id = a.topic_id;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE topic t SET paper_count = t.paper_count - r.n
        FROM (SELECT topic_id, count(*) AS n FROM removed GROUP BY topic_id) r
        WHERE t.id = r.topic_id;
    END IF;
    RETURN NULL;
END
$$;

-- (a trigger with transition tables takes one event)
CREATE TRIGGER paper_topic_counted_on_insert AFTER INSERT ON paper_topic
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_topic_papers();
CREATE TRIGGER paper_topic_counted_on_delete AFTER DELETE ON paper_topic
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_topic_papers();
CREATE TRIGGER paper_topic_counted_on_update AFTER UPDATE ON paper_topic
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_topic_papers();
