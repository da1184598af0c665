package dev.readnext.recommend.engine;

import java.util.concurrent.Executor;

/**
 * Tuning of a {@link TfIdfIndex}.
 *
 * @param boosts          per-field boosts
 * @param rebuildFraction re-weight the whole index once the number of upserts and removals since the last
 *                        build exceeds this fraction of the documents counted at that build (see {@link TfIdfIndex})
 * @param rebuildExecutor where that automatic re-weighting runs
 * @param neighbours      how many neighbours {@link TfIdfIndex#neighbours} answers from precomputed lists (K); 0: no
 *                        lists, every {@link TfIdfIndex#related} is a live query
 * @param neighbourSlack  how many entries a list may hold beyond K (S), so that removals rarely force a refill
 */
public record IndexSettings(FieldBoosts boosts, double rebuildFraction, Executor rebuildExecutor, int neighbours,
                            int neighbourSlack) {

    /** {@link FieldBoosts#DEFAULT}; re-weight after 2 % churn, on a fresh daemon thread; 64 neighbours, slack 16. */
    public static final IndexSettings DEFAULT = new IndexSettings(FieldBoosts.DEFAULT, 0.02, IndexSettings::runOnDaemonThread);

    public IndexSettings {
        if (!(rebuildFraction > 0)) {
            throw new IllegalArgumentException("rebuildFraction must be > 0: " + rebuildFraction);
        }
        if (neighbours < 0 || neighbourSlack < 0) {
            throw new IllegalArgumentException("neighbours and slack must be ≥ 0: " + neighbours + ", " + neighbourSlack);
        }
    }

    /** 64 precomputed neighbours with slack 16. */
    public IndexSettings(FieldBoosts boosts, double rebuildFraction, Executor rebuildExecutor) {
        this(boosts, rebuildFraction, rebuildExecutor, 64, 16);
    }

    /**
     * No automatic re-weighting: whoever holds the index re-weighs it ({@link TfIdfIndex#reweigh}), e.g. with
     * statistics shared by every replica.
     */
    public IndexSettings withoutAutomaticReweighting() {
        return new IndexSettings(boosts, Double.POSITIVE_INFINITY, rebuildExecutor, neighbours, neighbourSlack);
    }

    public IndexSettings withBoosts(FieldBoosts newBoosts) {
        return new IndexSettings(newBoosts, rebuildFraction, rebuildExecutor, neighbours, neighbourSlack);
    }

    /** K precomputed neighbours per document, lists holding up to K + {@code slack}; K = 0 turns the lists off. */
    public IndexSettings withNeighbours(int count, int slack) {
        return new IndexSettings(boosts, rebuildFraction, rebuildExecutor, count, slack);
    }

    static void runOnDaemonThread(Runnable task) {
        runOnDaemonThread(task, "tfidf-rebuild");
    }

    static void runOnDaemonThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
