/**
 * Readers (issue 17): whoever presents a valid token, named by its {@code sub} claim, with their own read status.
 * Adds {@code Query.me}, {@code Paper.readByMe} and {@code Mutation.markRead}, and {@code Reader.export}: the reader's
 * library as BibTeX or CSL-JSON ({@link dev.readnext.reader.LibraryExport}). A reader's state is private: it is only
 * ever answered to that reader.
 */
package dev.readnext.reader;
