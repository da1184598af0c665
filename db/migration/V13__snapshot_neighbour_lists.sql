-- Index snapshots carry the neighbour lists too (issue 15), so that a replica starting from one serves related
-- papers as look-ups at once instead of computing every paper's list again (a minute of both cores at 75k papers).
-- Lists hold cosines, so they are only good for the weighting they were computed with: neighbours_weighting is the
-- fingerprint of those statistics, or null when the snapshot holds no lists.
--
-- With the lists a snapshot is about 100 MB at 75k papers: it is stored in parts of a few MB, written and read as a
-- stream, so that neither the replica nor the driver holds it whole in memory. Older snapshots (format 1, one bytea)
-- cannot be read any more: the next start builds from the texts and saves a new one.
DELETE FROM index_snapshot;
ALTER TABLE index_snapshot DROP COLUMN data;
ALTER TABLE index_snapshot ADD COLUMN neighbours_weighting bigint;

CREATE TABLE index_snapshot_part (
    snapshot_id bigint  NOT NULL REFERENCES index_snapshot ON DELETE CASCADE,
    part        integer NOT NULL CHECK (part >= 0),
    data        bytea   NOT NULL,
    PRIMARY KEY (snapshot_id, part)
);
ALTER TABLE index_snapshot_part ALTER COLUMN data SET STORAGE EXTERNAL; -- gzip already: no second compression
