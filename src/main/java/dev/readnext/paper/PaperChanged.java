package dev.readnext.paper;

/**
 * Fired (CDI event) inside the transaction that created, changed or deleted a paper; observers that keep derived
 * state (the recommendation index) listen with {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record PaperChanged(long paperId, Change change) {

    public enum Change {
        CREATED, UPDATED, DELETED
    }
}
