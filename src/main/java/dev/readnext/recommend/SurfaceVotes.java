package dev.readnext.recommend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks each term's display form during a bulk build: the surface the most documents wrote it with
 * (first to reach the highest count wins ties). Analysis is deterministic, so a surface maps to one term.
 */
final class SurfaceVotes {

    private final Map<String, int[]> votesBySurface = new HashMap<>();
    private int[] bestVotesByTerm = new int[1024];
    private String[] bestSurfaceByTerm = new String[1024];

    /** Counts one document writing the term as {@code surface}; tells the dictionary only when the winner changes. */
    void vote(int termId, String surface, TermDictionary dictionary) {
        int votes = ++votesBySurface.computeIfAbsent(surface, s -> new int[1])[0];
        if (termId >= bestVotesByTerm.length) {
            int capacity = Math.max(termId + 1, 2 * bestVotesByTerm.length);
            bestVotesByTerm = Arrays.copyOf(bestVotesByTerm, capacity);
            bestSurfaceByTerm = Arrays.copyOf(bestSurfaceByTerm, capacity);
        }
        if (votes > bestVotesByTerm[termId]) {
            bestVotesByTerm[termId] = votes;
            if (!surface.equals(bestSurfaceByTerm[termId])) {
                bestSurfaceByTerm[termId] = surface;
                dictionary.setSurface(termId, surface);
            }
        }
    }
}
