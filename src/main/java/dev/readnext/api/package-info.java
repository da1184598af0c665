/**
 * The vocabulary of the public API that services and resolvers share: {@link dev.readnext.api.ErrorCode} and
 * {@link dev.readnext.api.ApiException} (every client-visible failure), {@link dev.readnext.api.Found} (how a
 * resolver turns an empty look-up into NOT_FOUND), cursor {@link dev.readnext.api.Paging} and
 * {@link dev.readnext.api.Page} with {@link dev.readnext.api.PageInfo} (connections), global
 * {@link dev.readnext.api.Ids} and the {@link dev.readnext.api.Node} interface, the payload convention of mutations
 * ({@link dev.readnext.api.Mutations}), input checks, and {@link dev.readnext.api.Batches} for batch resolvers. Depends on no feature and on no HTTP or GraphQL
 * plumbing (that is {@code dev.readnext.graphql}).
 *
 * <p>Errors, one way: a service answers a look-up by key with an {@code Optional}; the resolver asked for the
 * thing, or given its key as an argument, reports absence with {@link dev.readnext.api.Found#orNotFound}. Services
 * throw {@code ApiException} only for invalid input (BAD_USER_INPUT, including a filter that names an unknown
 * topic or list) and broken rules (CONFLICT); everything else is INTERNAL.
 */
package dev.readnext.api;
