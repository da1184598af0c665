package dev.readnext.recommend;

import java.util.List;

import dev.readnext.recommend.engine.SharedTerm;

/**
 * A recommendation before its paper is loaded.
 *
 * @param sharedTerms the terms both papers share that contributed most to their similarity, as written
 */
record ScoredPaper(long paperId, double score, List<Reason> reasons, List<String> sharedTerms) {

    /** How many shared terms a recommendation shows. */
    static final int SHARED_TERMS = 5;

    /** With the first {@link #SHARED_TERMS} of {@code shared} (strongest first) that contributed. */
    static ScoredPaper of(long paperId, double score, List<Reason> reasons, List<SharedTerm> shared) {
        return new ScoredPaper(paperId, score, reasons, shared.stream().limit(SHARED_TERMS)
                .filter(t -> t.contribution() > 0).map(SharedTerm::term).toList());
    }
}
