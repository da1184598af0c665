package dev.readnext.recommend;

import java.util.List;

import dev.readnext.recommend.engine.SharedTerm;

/**
 * A recommendation before its paper is loaded.
 *
 * @param sharedTerms the informative terms both texts share that carry most of their similarity, as written
 * @param explanation the reasons in words, one line
 * @param structure   the part of the score the knowledge base's structure gave (course and path order, shared
 *                    sections and topics, follow-ups), not text similarity; 0 when only text was scored
 */
record ScoredPaper(long paperId, double score, List<Reason> reasons, List<String> sharedTerms, String explanation,
        double structure) {

    /** How many shared terms a recommendation shows. */
    static final int SHARED_TERMS = 5;
    /** A term is shown when it carries at least this share of the strongest shared term's contribution. */
    static final double SHOWN_SHARE = 0.2;

    static ScoredPaper of(long paperId, double score, List<Reason> reasons, List<SharedTerm> shared, ReasonLine line) {
        return of(paperId, score, reasons, shared, line, 0);
    }

    static ScoredPaper of(long paperId, double score, List<Reason> reasons, List<SharedTerm> shared, ReasonLine line,
            double structure) {
        List<String> terms = shown(shared);
        return new ScoredPaper(paperId, score, reasons, terms, line.render(reasons, terms), structure);
    }

    /** The informative terms of {@code shared} (strongest first) that carry a fair part of the similarity. */
    static List<String> shown(List<SharedTerm> shared) {
        double strongest = shared.stream().filter(SharedTerm::informative)
                .mapToDouble(SharedTerm::contribution).max().orElse(0);
        return shared.stream()
                .filter(t -> t.informative() && t.contribution() > 0 && t.contribution() >= SHOWN_SHARE * strongest)
                .limit(SHARED_TERMS)
                .map(SharedTerm::term)
                .toList();
    }
}
