-- A snapshot of the recommendation index (issue 15): the term dictionary and every paper's analysed terms, as of a
-- place in the change log, so that a replica starts without analysing 75k texts again. It holds no weights: the
-- replica weighs it with the newest published statistics (V9), then applies the changes logged since. The replica
-- that builds from the texts writes it; only the newest is kept.
CREATE TABLE index_snapshot (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq       bigint      NOT NULL,
    visible   bigint[]    NOT NULL,
    documents integer     NOT NULL CHECK (documents >= 0),
    data      bytea       NOT NULL,
    created   timestamptz NOT NULL DEFAULT now()
);
