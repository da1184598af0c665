package dev.readnext.ingest.parse;

/** Something a parser skipped or had to guess, with the 1-based line it concerns. */
public record ParseWarning(int line, String message) {
}
