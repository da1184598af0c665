-- Shared term statistics (issue 15): every replica weighs its TF-IDF index with the same published counts (n, and the
-- df of every term at least two papers have), so that replicas holding the same papers give them identical scores,
-- however long each has run. A replica publishes new counts once its own drift passes 2 % (or after a bulk rebuild):
-- one row here, and one marker in the change log that tells every replica, in log order, to re-weigh with it. A
-- replica that starts weighs with the newest row. (There is no V8: it was kept for work that needed none.)
CREATE TABLE index_weighting (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    documents  integer     NOT NULL CHECK (documents >= 0),
    terms      integer     NOT NULL CHECK (terms >= 0),
    statistics bytea       NOT NULL,
    created    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE paper_change ADD COLUMN weighting bigint REFERENCES index_weighting (id) ON DELETE CASCADE;
ALTER TABLE paper_change DROP CONSTRAINT paper_change_paper_or_rebuild;
ALTER TABLE paper_change ADD CONSTRAINT paper_change_one_kind
    CHECK (num_nonnulls(paper_id, weighting) + rebuild::int = 1);
