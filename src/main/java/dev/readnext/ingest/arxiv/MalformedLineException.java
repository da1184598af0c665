package dev.readnext.ingest.arxiv;

/** A line that cannot become a paper; the message says why and ends up in the import report. */
class MalformedLineException extends Exception {

    MalformedLineException(String reason) {
        super(reason, null, false, false);
    }
}
