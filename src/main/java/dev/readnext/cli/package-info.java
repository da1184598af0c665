/**
 * The command line of the packaged jar (picocli): no argument or {@code serve} serves the API, {@code import-arxiv}
 * runs a bulk import; {@code --help} and {@code --version} everywhere, bad arguments refused before Quarkus starts.
 */
package dev.readnext.cli;
