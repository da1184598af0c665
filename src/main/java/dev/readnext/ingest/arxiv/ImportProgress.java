package dev.readnext.ingest.arxiv;

/** Told how far an import has come, after every batch written. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, lines) -> {
    };

    /**
     * @param bytesRead bytes of the input consumed so far (compressed bytes for a gzip file)
     * @param lines     lines read so far
     */
    void advanced(long bytesRead, long lines);
}
