package dev.readnext.ingest.arxiv;

/** An import that could not be written (the database failed or went away); nothing of it was kept. */
public class BulkImportException extends RuntimeException {

    BulkImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
