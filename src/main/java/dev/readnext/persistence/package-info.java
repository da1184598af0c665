/**
 * Mapped superclasses the feature entities share: the database-generated id, the slug entities are found by,
 * and a paper's place in an ordered parent. Holds state only (no services, no queries beyond a column name);
 * it depends on nothing in readnext, so every feature package, {@code paper} included, may extend it. Besides, the
 * {@code DedicatedConnections} that background threads hold outside the pool.
 *
 * <p>The entities are also GraphQL types: what a base declares shows up in each subclass's type exactly as if
 * the subclass declared it (annotations included), so a base is chosen for what the API shows, too.
 */
package dev.readnext.persistence;
