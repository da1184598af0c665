package dev.readnext.persistence;

/**
 * Fired (CDI event) inside a transaction that changed the catalogue's groups: topics, catalogue reading lists and
 * their sections, courses, learning paths. Observers that keep them in memory (the recommendation structure) read
 * them again with {@code during = TransactionPhase.AFTER_SUCCESS}, so the writer's next request sees the change;
 * other replicas learn of it from the change log (migration V12).
 */
public record CatalogueChanged(boolean memberships) {

    /** Groups changed (a path's steps, a topic's name), no paper joined or left a topic. */
    public static CatalogueChanged groups() {
        return new CatalogueChanged(false);
    }

    /** An import: papers may have joined topics too, so every paper's facts are read again with the groups. */
    public static CatalogueChanged imported() {
        return new CatalogueChanged(true);
    }
}
