/**
 * HTTP and GraphQL plumbing around SmallRye GraphQL: the request guard that answers before parsing (method,
 * media type, body size), limits checked before execution, the parsed-document cache, and the instrumentation
 * that gives every error its {@code extensions.code}. Holds no business logic; features never depend on it.
 */
package dev.readnext.graphql;
