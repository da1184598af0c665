/**
 * Papers (and blogs, videos, repos): the entity and its aliases, reading by key, filter and full-text search,
 * resolving free text ("RoPE", an arXiv id or URL, a title) to papers, and editing. Every feature depends on
 * this package; it depends on none. Fields that features add to the GraphQL type {@code Paper} (topics, lists,
 * sessions, related) are {@code @Source} resolvers in those features' GraphQL classes.
 */
package dev.readnext.paper;
