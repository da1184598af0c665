/**
 * HTTP and GraphQL plumbing around SmallRye GraphQL: the request guard that answers before parsing (method,
 * media type, body size) and counts a document's fields with fragments expanded, limits checked before execution
 * (the query cost), the bound on the cost of the queries running at once, limits on what a running query spends,
 * the parsed-document cache, and the instrumentation that gives every error its {@code extensions.code}, and metrics per operation. Holds no
 * business logic; features never depend on it.
 */
package dev.readnext.graphql;
