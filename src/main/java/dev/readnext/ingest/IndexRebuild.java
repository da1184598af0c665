package dev.readnext.ingest;

/**
 * The statements by which a bulk write (a big reading list, arXiv metadata) asks every replica to rebuild its
 * recommendation index, instead of the per-paper log its {@code SET LOCAL readnext.bulk = 'on'} silenced
 * (migration V3): one marker row in the change log and one notification, both delivered at commit.
 */
public final class IndexRebuild {

    public static final String MARKER = "INSERT INTO paper_change (paper_id, rebuild) VALUES (NULL, true)";
    public static final String NOTIFY = "SELECT pg_notify('readnext_paper_changes', 'rebuild')";

    private IndexRebuild() {
    }
}
