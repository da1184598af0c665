package dev.readnext.recommend.engine;

import java.util.concurrent.Executor;

/**
 * Tuning of a {@link TfIdfIndex}.
 *
 * @param boosts          per-field boosts
 * @param rebuildFraction re-weight the whole index once the number of upserts and removals since the last
 *                        build exceeds this fraction of the documents counted at that build (see {@link TfIdfIndex})
 * @param rebuildExecutor where that automatic re-weighting runs
 */
public record IndexSettings(FieldBoosts boosts, double rebuildFraction, Executor rebuildExecutor) {

    /** {@link FieldBoosts#DEFAULT}; re-weight after 2 % churn, on a fresh daemon thread. */
    public static final IndexSettings DEFAULT = new IndexSettings(FieldBoosts.DEFAULT, 0.02, IndexSettings::runOnDaemonThread);

    public IndexSettings {
        if (!(rebuildFraction > 0)) {
            throw new IllegalArgumentException("rebuildFraction must be > 0: " + rebuildFraction);
        }
    }

    /**
     * No automatic re-weighting: whoever holds the index re-weighs it ({@link TfIdfIndex#reweigh}), e.g. with
     * statistics shared by every replica.
     */
    public IndexSettings withoutAutomaticReweighting() {
        return new IndexSettings(boosts, Double.POSITIVE_INFINITY, rebuildExecutor);
    }

    public IndexSettings withBoosts(FieldBoosts newBoosts) {
        return new IndexSettings(newBoosts, rebuildFraction, rebuildExecutor);
    }

    private static void runOnDaemonThread(Runnable task) {
        Thread thread = new Thread(task, "tfidf-rebuild");
        thread.setDaemon(true);
        thread.start();
    }
}
