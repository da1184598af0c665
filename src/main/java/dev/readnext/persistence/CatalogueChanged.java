package dev.readnext.persistence;

import java.util.Set;

/**
 * Fired (CDI event) inside a transaction that changed the catalogue's groups: topics, catalogue reading lists and
 * their sections, courses, learning paths. Observers that keep them in memory (the recommendation structure) read
 * them again with {@code during = TransactionPhase.AFTER_SUCCESS}, so the writer's next request sees the change;
 * other replicas learn of it from the change log (migration V12).
 */
public record CatalogueChanged(Set<Long> papers) {

    /** Groups changed (a path's steps, a topic's name), no paper joined or left a topic. */
    public static CatalogueChanged groups() {
        return new CatalogueChanged(Set.of());
    }

    /** An import: the papers it listed may have joined topics too, so their facts are read again with the groups. */
    public static CatalogueChanged imported(Set<Long> papers) {
        return new CatalogueChanged(Set.copyOf(papers));
    }
}
