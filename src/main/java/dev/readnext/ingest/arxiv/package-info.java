/**
 * Bulk import of arXiv metadata (JSON lines, gzip or plain): parsed on a reader thread, written in batches with
 * {@code COPY} and one merging {@code INSERT}, in one transaction, idempotent; used by the {@code import-arxiv}
 * command and the {@code importArxivMetadata} mutation.
 */
package dev.readnext.ingest.arxiv;
