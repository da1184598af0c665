/**
 * One parser per reading-list format (heading links, course schedule, awesome-list, checklist, plain markdown
 * links, BibTeX), each turning text into the common {@link dev.readnext.ingest.parse.ParsedList};
 * {@link dev.readnext.ingest.parse.ReadingListParsers} detects the format. Pure functions of the text: no
 * database, no framework. A new format is a new {@link dev.readnext.ingest.parse.ReadingListParser} registered there.
 */
package dev.readnext.ingest.parse;
