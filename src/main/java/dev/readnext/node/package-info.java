/**
 * Global object identification, as GitHub's API has it: {@code Query.node(id:)} and {@code Query.nodes(ids:)} find
 * any {@link dev.readnext.api.Node} (paper, topic, course, session, reading list, learning path, and the caller's own
 * reader) by its global id. It depends on every feature that has nodes; no feature depends on it.
 */
package dev.readnext.node;
