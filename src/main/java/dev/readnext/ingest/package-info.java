/**
 * Importing reading lists: {@link dev.readnext.ingest.Importer} parses ({@code ingest.parse}), matches each
 * resource to a known paper or creates one ({@link dev.readnext.ingest.PaperMerger}), then writes the list, its
 * topics, course and learning paths, all in one transaction under an advisory lock, so an import is all or
 * nothing and a re-run changes no row. {@link dev.readnext.ingest.SeedImporter} imports the bundled lists on
 * first start. Only the command line depends on this package.
 */
package dev.readnext.ingest;
