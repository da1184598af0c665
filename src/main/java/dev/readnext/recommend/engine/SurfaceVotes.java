package dev.readnext.recommend.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks each term's display form during a bulk build: the surface the most documents wrote it with
 * (first to reach the highest count wins ties). Analysis is deterministic, so a surface maps to one term.
 */
final class SurfaceVotes {

    /** Votes of every surface except each term's current winner, whose votes are in {@link #bestVotesByTerm}. */
    private final Map<String, int[]> votesBySurface = new HashMap<>();
    private int[] bestVotesByTerm = new int[1024];
    private String[] bestSurfaceByTerm = new String[1024];

    /**
     * Counts one document writing the term as {@code surface}; tells the dictionary only when the winner changes.
     * Most votes go to the winner, which costs a string comparison and no map look-up.
     */
    void vote(int termId, String surface, TermDictionary dictionary) {
        if (termId >= bestVotesByTerm.length) {
            int capacity = Math.max(termId + 1, 2 * bestVotesByTerm.length);
            bestVotesByTerm = Arrays.copyOf(bestVotesByTerm, capacity);
            bestSurfaceByTerm = Arrays.copyOf(bestSurfaceByTerm, capacity);
        }
        if (surface.equals(bestSurfaceByTerm[termId])) {
            bestVotesByTerm[termId]++;
            return;
        }
        int[] votes = votesBySurface.computeIfAbsent(surface, s -> new int[1]);
        votes[0]++;
        if (votes[0] > bestVotesByTerm[termId]) {
            if (bestSurfaceByTerm[termId] != null) {
                votesBySurface.get(bestSurfaceByTerm[termId])[0] = bestVotesByTerm[termId];
            }
            bestSurfaceByTerm[termId] = surface;
            bestVotesByTerm[termId] = votes[0];
            dictionary.setSurface(termId, surface);
        }
    }
}
