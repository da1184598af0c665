package dev.readnext.recommend.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The terms two vectors share, ranked by contribution {@code q_t · d_t} to their cosine. */
final class SharedTerms {

    private SharedTerms() {
    }

    static List<SharedTerm> top(QueryVector query, QueryVector hit, int limit, TermDictionary dictionary) {
        List<SharedTerm> shared = new ArrayList<>();
        for (int i = 0, j = 0; i < query.size() && j < hit.size(); ) {
            int difference = Integer.compare(query.term(i), hit.term(j));
            if (difference == 0) {
                double contribution = (double) query.weight(i) * hit.weight(j);
                shared.add(new SharedTerm(dictionary.surface(query.term(i)), contribution));
                i++;
                j++;
            } else if (difference < 0) {
                i++;
            } else {
                j++;
            }
        }
        shared.sort(Comparator.comparingDouble(SharedTerm::contribution).reversed()
                .thenComparing(SharedTerm::term));
        return List.copyOf(shared.subList(0, Math.max(0, Math.min(limit, shared.size()))));
    }
}
