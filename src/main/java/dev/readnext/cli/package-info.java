/** The command line of the packaged jar: no argument serves the API, {@code import-arxiv} runs a bulk import. */
package dev.readnext.cli;
